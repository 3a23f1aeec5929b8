/** The filing packet (placeholder until the packet API lands). */
import { useTranslation } from 'react-i18next';
import { getCase } from '../case-api.ts';
import { CaseNav } from '../components/case-nav.tsx';
import { Screen } from '../components/screen.tsx';
import { useLoad } from '../components/use-load.ts';

export default function Packet({ caseId }: { caseId: string }) {
  const { t } = useTranslation('web');
  const load = useLoad(() => getCase(caseId), [caseId]);
  return (
    <Screen title={t('packet.title')}>
      {load.data && <CaseNav caseId={caseId} current="packet" title={load.data.title} />}
    </Screen>
  );
}
