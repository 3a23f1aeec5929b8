/** 287(g) agreements (placeholder until the agreements API lands). */
import { useTranslation } from 'react-i18next';
import { Screen } from '../components/screen.tsx';

export default function Program287g() {
  const { t } = useTranslation('web');
  return <Screen title={t('p287g.title')}>{null}</Screen>;
}
