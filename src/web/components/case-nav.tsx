/** The case's own navigation (interview, analysis, packet, deadlines, evidence, history). */
import { useTranslation } from 'react-i18next';
import { casePath, Link, type CaseScreen } from '../router.tsx';

const SCREENS: CaseScreen[] = ['interview', 'analysis', 'packet', 'deadlines', 'evidence', 'history'];

export function CaseNav({ caseId, current, title }: { caseId: string; current: CaseScreen; title?: string }) {
  const { t } = useTranslation('web');
  return (
    <nav aria-label={t('caseNav.label')} className="case-nav">
      {title && <p className="case-title">{title}</p>}
      <ul>
        {SCREENS.map((s) => (
          <li key={s}>
            <Link href={casePath(caseId, s)} aria-current={s === current ? 'page' : undefined}>
              {t(`caseNav.${s}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
