/** The organization's cases, those with upcoming deadlines first. */
import { useTranslation } from 'react-i18next';
import { api, type CaseSummary } from '../api.ts';
import { ApiErrorAlert } from '../components/api-error.tsx';
import { Loading, Screen } from '../components/screen.tsx';
import { useLoad } from '../components/use-load.ts';
import { formatDay, formatInstant, todayIso } from '../format.ts';
import { casePath, Link } from '../router.tsx';
import { nextDeadline, sortForDashboard, type DashboardDeadline } from '../sort-cases.ts';
import { getAnalysis, listCaseDeadlines } from '../case-api.ts';
import { TableWrap } from '../components/table-wrap.tsx';

/** How many of the most recently changed open cases also get their analysis deadlines (e.g. a detainer hold limit). */
const ANALYZED_ON_DASHBOARD = 20;

async function caseDeadlines(caseId: string, analyze: boolean): Promise<DashboardDeadline[]> {
  const docket = await listCaseDeadlines(caseId).catch(() => []);
  if (!analyze) return docket;
  const analysis = await getAnalysis(caseId).catch(() => null);
  const fromAnalysis = (analysis?.remedies ?? []).flatMap((r) =>
    r.deadlines.filter((d) => d.kind === 'deadline' && d.due && d.passed !== true).map((d) => ({ dueDate: d.due!.slice(0, 10) })),
  );
  return [...docket, ...fromAnalysis];
}

interface Row extends CaseSummary {
  next: DashboardDeadline | null;
}

export default function Dashboard() {
  const { t } = useTranslation('web');
  const { data, error, loading } = useLoad(async () => {
    const { cases } = await api<{ cases: CaseSummary[] }>('GET', '/api/cases');
    const today = todayIso();
    const analyzed = new Set(
      cases
        .filter((c) => c.status === 'open')
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
        .slice(0, ANALYZED_ON_DASHBOARD)
        .map((c) => c.id),
    );
    const rows: Row[] = await Promise.all(
      cases.map(async (c) => ({ ...c, next: nextDeadline(await caseDeadlines(c.id, analyzed.has(c.id)), today) })),
    );
    return sortForDashboard(rows);
  }, []);

  return (
    <Screen title={t('dashboard.title')}>
      <p>
        <Link href="/cases/new" className="button primary">
          {t('dashboard.newCase')}
        </Link>
      </p>
      {loading && <Loading />}
      {error && <ApiErrorAlert error={error} />}
      {data && data.length === 0 && <p>{t('dashboard.empty')}</p>}
      {data && data.length > 0 && (
        <TableWrap label={t('dashboard.caption')}>
        <table className="cases">
          <caption>{t('dashboard.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.case')}</th>
              <th scope="col">{t('dashboard.nextDeadline')}</th>
              <th scope="col">{t('dashboard.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <Link href={casePath(c.id, 'interview')}>{c.title}</Link>
                  <span className="case-links">
                    {' · '}
                    <Link href={casePath(c.id, 'analysis')}>{t('caseNav.analysis')}</Link>
                  </span>
                </th>
                <td>{c.next ? formatDay(c.next.dueDate) : t('dashboard.noDeadline')}</td>
                <td>{formatInstant(c.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableWrap>
      )}
    </Screen>
  );
}
