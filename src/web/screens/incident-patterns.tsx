/**
 * Patterns in the community incident reports (issue 7): the statistics by a dimension as a table and the same numbers
 * as an SVG chart (from the API's in-page chart, which is not logged as an export), each number a link to the reports
 * behind it (each a link to its report page), and the exports (CSV without
 * identifying fields, statistics CSV, chart SVG, pattern report PDF). Limits of the data are stated on the page.
 * "Facts for a case" (src/web/incidents/pattern-facts.tsx) applies the facts the pattern summary proposes to a case.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, apiBlob, ApiFailure, saveBlob } from '../api.ts';
import { ApiErrorAlert } from '../components/api-error.tsx';
import { Loading, Screen } from '../components/screen.tsx';
import { TableWrap } from '../components/table-wrap.tsx';
import { useLoad } from '../components/use-load.ts';
import { Link, useRoute } from '../router.tsx';
import { DIMENSIONS, type Aggregates } from '../../core/incidents/aggregate-incidents.ts';
import { PatternFacts } from '../incidents/pattern-facts.tsx';

export default function IncidentPatterns() {
  const { t, i18n } = useTranslation('web');
  useRoute();
  const params = new URLSearchParams(location.search);
  const [dimension, setDimension] = useState<string>('agency');
  const load = useLoad(() => api<Aggregates>('GET', '/api/incidents/aggregate'), []);
  const openDim = params.get('dimension');
  const openKey = params.get('key') ?? '';
  const behind = useLoad(
    () =>
      openDim
        ? api<{ reportIds: string[] }>('GET', `/api/incidents/aggregate/reports?dimension=${encodeURIComponent(openDim)}&key=${encodeURIComponent(openKey)}`)
        : Promise.resolve(null),
    [openDim, openKey],
  );
  // Labels for the reports behind a number (date and agency, never identifying data): from the list of reports.
  // Also labels the reports behind each proposed fact ("Facts for a case").
  const list = useLoad(
    () => api<{ incidents: Array<{ id: string; facets: { date?: string; agency?: string } | null }> }>('GET', '/api/incidents?status=submitted&limit=500'),
    [],
  );
  const labelOf = (id: string) => {
    const f = list.data?.incidents.find((x) => x.id === id)?.facets;
    return f ? t('incidents.list.open', { date: f.date ?? '', agency: f.agency ?? '' }) : t('incidents.form.openReport');
  };
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const download = async (path: string, fallback: string) => {
    setFailure(null);
    try {
      const { blob, filename } = await apiBlob('GET', path);
      saveBlob(blob, filename ?? fallback);
    } catch (err) {
      setFailure(err instanceof ApiFailure ? err : new ApiFailure(0, 'client', ''));
    }
  };
  const link = (dim: string, key: string) => `/incidents/patterns?dimension=${encodeURIComponent(dim)}&key=${encodeURIComponent(key)}`;
  const agg = load.data;
  const cells = agg ? (agg.dimensions as Record<string, Aggregates['overall'][]>)[dimension] ?? [] : [];

  return (
    <Screen title={t('incidents.patterns.title')} lead={t('incidents.patterns.lead')}>
      <p>
        <Link href="/incidents/new">{t('incidents.form.title')}</Link> · <Link href="/incidents/duplicates">{t('incidents.patterns.duplicatesLink')}</Link> ·{' '}
        <Link href="/incidents">{t('incidents.list.heading')}</Link>
      </p>
      <p className="warning-box">{t('incidents:limit.notRandom')}</p>
      {load.loading && <Loading />}
      {load.error && <ApiErrorAlert error={load.error} />}
      {failure && <ApiErrorAlert error={failure} />}
      {agg && (
        <>
          {agg.syntheticEvents > 0 && <p className="warning-box">{t('incidents:warning.synthetic', { n: agg.syntheticEvents, of: agg.events })}</p>}
          <p>
            {t('incidents.patterns.total', { events: agg.events, reports: agg.reports })}{' '}
            <Link href={link('all', '')}>{t('incidents.patterns.seeReports')}</Link>
          </p>
          <div className="field">
            <label htmlFor="incident-dimension">{t('incidents.patterns.dimension')}</label>
            <select id="incident-dimension" value={dimension} onChange={(e) => setDimension(e.target.value)}>
              {DIMENSIONS.map((d) => (
                <option key={d} value={d}>{t(`incidents:dimension.${d}`, { defaultValue: d })}</option>
              ))}
            </select>
          </div>
          <TableWrap label={t('incidents.patterns.tableLabel')}>
            <table>
              <caption>{t(`incidents:dimension.${dimension}`, { defaultValue: dimension })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('incidents.patterns.value')}</th>
                  <th scope="col">{t('incidents.patterns.events')}</th>
                  <th scope="col">{t('incidents.patterns.reports')}</th>
                </tr>
              </thead>
              <tbody>
                {cells.map((c) => (
                  <tr key={c.key}>
                    <th scope="row">{c.label || c.key}</th>
                    <td>
                      <Link href={link(dimension, c.key)} aria-label={t('incidents.patterns.reportsBehind', { value: c.label || c.key, count: c.count })}>
                        {c.count}
                      </Link>
                    </td>
                    <td>{c.reportCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <img
            className="chart"
            src={`/api/incidents/aggregate/chart.svg?dimension=${encodeURIComponent(dimension)}&lang=${i18n.language}`}
            alt={t('incidents.patterns.chartAlt')}
          />
          {openDim && (
            <section aria-labelledby="behind-heading" aria-live="polite">
              <h2 id="behind-heading">{t('incidents.patterns.behindHeading')}</h2>
              {behind.data && (
                <ul>
                  {behind.data.reportIds.map((id) => (
                    <li key={id}>
                      <Link href={`/incidents/${id}`}>{labelOf(id)}</Link>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}
          <PatternFacts labelOf={labelOf} agencies={agg.dimensions.agency.map((c) => ({ key: c.key, label: c.label ?? c.key }))} />
          <h2>{t('incidents.patterns.exports')}</h2>
          <div className="actions">
            <button type="button" onClick={() => void download('/api/incidents/export/reports.csv', 'incident-reports.csv')}>{t('incidents.patterns.exportCsv')}</button>
            <button type="button" onClick={() => void download('/api/incidents/export/aggregates.csv', 'incident-statistics.csv')}>{t('incidents.patterns.exportStats')}</button>
            <button type="button" onClick={() => void download(`/api/incidents/export/chart.svg?dimension=${dimension}`, 'incident-chart.svg')}>{t('incidents.patterns.exportSvg')}</button>
            <button type="button" onClick={() => void download('/api/incidents/export/pattern-report.pdf', 'incident-pattern-report.pdf')}>{t('incidents.patterns.exportPdf')}</button>
          </div>
        </>
      )}
    </Screen>
  );
}
