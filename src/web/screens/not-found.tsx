import { useTranslation } from 'react-i18next';
import { Screen } from '../components/screen.tsx';
import { Link } from '../router.tsx';

export default function NotFound() {
  const { t } = useTranslation('web');
  return (
    <Screen title={t('notFound.title')}>
      <p>{t('notFound.body')}</p>
      <p>
        <Link href="/">{t('notFound.home')}</Link>
      </p>
    </Screen>
  );
}
