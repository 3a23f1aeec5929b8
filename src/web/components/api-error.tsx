/** Shows an API failure: the server's message (already in the person's language) or a plain fallback. */
import { useTranslation } from 'react-i18next';
import type { ApiFailure } from '../api.ts';
import { Alert } from './screen.tsx';

export function ApiErrorAlert({ error }: { error: ApiFailure }) {
  const { t } = useTranslation('web');
  let text = error.message;
  if (!text) text = error.code === 'network' ? t('errors.network') : t('errors.unexpected');
  if (error.status === 404) text = t('errors.notFound');
  return <Alert>{text}</Alert>;
}
