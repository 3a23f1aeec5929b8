/** The organization's cases, those with upcoming deadlines first: every case's docket deadlines and every open case's analysis deadlines. */
import { useTranslation } from 'react-i18next';
import { api, type CaseSummary } from '../api.ts';
import { ApiErrorAlert } from '../components/api-error.tsx';
import { Loading, Screen } from '../components/screen.tsx';
import { useLoad } from '../components/use-load.ts';
import { formatDay, formatInstant, todayIso } from '../format.ts';
import { casePath, Link } from '../router.tsx';
import { nextDeadline, sortForDashboard, type DashboardDeadline } from '../sort-cases.ts';
import { getAnalysis } from '../case-api.ts';
import { TableWrap } from '../components/table-wrap.tsx';

/** How many analyses the dashboard asks for at once (every open case gets one; they run a few at a time). */
const ANALYSES_AT_ONCE = 4;

/** The deadlines a case's facts imply (e.g. a detainer hold limit), from its analysis; none if it cannot be analyzed. */
async function analysisDeadlines(caseId: string): Promise<DashboardDeadline[]> {
  const analysis = await getAnalysis(caseId).catch(() => null);
  return (analysis?.remedies ?? []).flatMap((r) =>
    r.deadlines.filter((d) => d.kind === 'deadline' && d.due && d.passed !== true).map((d) => ({ dueDate: d.due!.slice(0, 10) })),
  );
}

/** `fn` over `items`, at most `limit` at a time, results in order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (x: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

interface Row extends CaseSummary {
  next: DashboardDeadline | null;
}

export default function Dashboard() {
  const { t } = useTranslation('web');
  const { data, error, loading } = useLoad(async () => {
    // Every case's docket deadlines in one request (GET /api/deadlines), and the analysis deadlines of EVERY open case.
    const [{ cases }, { deadlines }] = await Promise.all([
      api<{ cases: CaseSummary[] }>('GET', '/api/cases'),
      api<{ deadlines: Array<DashboardDeadline & { caseId: string }> }>('GET', '/api/deadlines?status=open'),
    ]);
    const today = todayIso();
    const byCase = new Map<string, DashboardDeadline[]>();
    for (const d of deadlines) byCase.set(d.caseId, [...(byCase.get(d.caseId) ?? []), d]);
    const open = cases.filter((c) => c.status === 'open');
    const implied = await mapLimited(open, ANALYSES_AT_ONCE, (c) => analysisDeadlines(c.id));
    open.forEach((c, i) => byCase.set(c.id, [...(byCase.get(c.id) ?? []), ...implied[i]!]));
    const rows: Row[] = cases.map((c) => ({ ...c, next: nextDeadline(byCase.get(c.id) ?? [], today) }));
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
