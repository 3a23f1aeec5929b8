/**
 * 287(g) agreements: search and filter by state, model and date signed; agreements by year as an SVG chart (with the
 * same numbers as a table); the filtered list as CSV. The data is ICE's published lists as the reference data holds them.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, saveBlob } from '../api.ts';
import { ApiErrorAlert } from '../components/api-error.tsx';
import { Loading, Screen } from '../components/screen.tsx';
import { TermNote } from '../components/term.tsx';
import { useLoad } from '../components/use-load.ts';
import { formatDay } from '../format.ts';
import { agreementsCsv, countByYear, filterAgreements, NO_FILTERS, type Agreement, type AgreementFilters } from '../p287g/agreements.ts';
import { TableWrap } from '../components/table-wrap.tsx';

const MODELS = ['JEM', 'TFM', 'WSO'] as const;
const PAGE = 50;

export default function Program287g() {
  const { t } = useTranslation('web');
  const load = useLoad(
    () => api<{ agreements: Agreement[]; sheets: Array<{ date: string; kind: string }> }>('GET', '/api/lookups/287g/agreements'),
    [],
  );
  const [f, setF] = useState<AgreementFilters>(NO_FILTERS);
  const [shown, setShown] = useState(PAGE);
  const all = load.data?.agreements ?? [];
  const states = useMemo(() => [...new Set(all.map((a) => a.state))].sort(), [all]);
  const list = useMemo(() => filterAgreements(all, f), [all, f]);
  const years = useMemo(() => countByYear(list), [list]);
  const sheetDates = (load.data?.sheets ?? []).map((s) => s.date).sort();
  const set = (patch: Partial<AgreementFilters>) => {
    setF((x) => ({ ...x, ...patch }));
    setShown(PAGE);
  };

  return (
    <Screen title={t('p287g.title')}>
      <TermNote id="PROGRAM_287G" />
      {load.loading && <Loading />}
      {load.error && <ApiErrorAlert error={load.error} />}
      {load.data && (
        <>
          {sheetDates.length > 0 && (
            <p className="hint">{t('p287g.source', { first: formatDay(sheetDates[0]!), last: formatDay(sheetDates[sheetDates.length - 1]!) })}</p>
          )}
          <p className="warning-box">{t('p287g.fastMoving')}</p>
          <form className="filters" role="search" aria-label={t('p287g.filters')} onSubmit={(e) => e.preventDefault()}>
            <div className="field">
              <label htmlFor="f-text">{t('p287g.search')}</label>
              <input id="f-text" type="search" value={f.text} onChange={(e) => set({ text: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor="f-state">{t('p287g.state')}</label>
              <select id="f-state" value={f.state} onChange={(e) => set({ state: e.target.value })}>
                <option value="">{t('p287g.all')}</option>
                {states.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="f-model">{t('p287g.model')}</label>
              <select id="f-model" value={f.model} onChange={(e) => set({ model: e.target.value })}>
                <option value="">{t('p287g.all')}</option>
                {MODELS.map((m) => (
                  <option key={m} value={m}>
                    {t(`fields.enforcement.models287g.options.${m}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="f-from">{t('p287g.signedFrom')}</label>
              <input id="f-from" type="date" value={f.signedFrom} onChange={(e) => set({ signedFrom: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor="f-to">{t('p287g.signedTo')}</label>
              <input id="f-to" type="date" value={f.signedTo} onChange={(e) => set({ signedTo: e.target.value })} />
            </div>
            <label className="choice">
              <input type="checkbox" checked={f.currentOnly} onChange={(e) => set({ currentOnly: e.target.checked })} />
              <span>{t('p287g.currentOnly')}</span>
            </label>
          </form>
          <p role="status" aria-live="polite">
            {t('p287g.count', { count: list.length, total: all.length })}
          </p>
          <p>
            <button type="button" onClick={() => saveBlob(new Blob([agreementsCsv(list)], { type: 'text/csv;charset=utf-8' }), 'writ-287g-agreements.csv')}>
              {t('p287g.csv')}
            </button>
          </p>
          <YearChart years={years} />
          <TableWrap label={t('p287g.tableCaption')}>
            <table className="agreements">
              <caption>{t('p287g.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('p287g.agency')}</th>
                  <th scope="col">{t('p287g.state')}</th>
                  <th scope="col">{t('p287g.model')}</th>
                  <th scope="col">{t('p287g.signed')}</th>
                  <th scope="col">{t('p287g.status')}</th>
                </tr>
              </thead>
              <tbody>
                {list.slice(0, shown).map((a) => (
                  <tr key={a.id}>
                    <th scope="row">
                      {a.moaUrl ? (
                        <a href={a.moaUrl} target="_blank" rel="noreferrer">
                          {a.agency}
                        </a>
                      ) : (
                        a.agency
                      )}
                    </th>
                    <td>{a.state}</td>
                    <td>{a.model}</td>
                    <td>{a.signed ? formatDay(a.signed) : '—'}</td>
                    <td>{a.current ? t(`p287g.statuses.${a.status}`) : t('p287g.statuses.gone', { date: formatDay(a.lastSeen) })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          {shown < list.length && (
            <p>
              <button type="button" onClick={() => setShown((n) => n + PAGE)}>
                {t('p287g.more', { count: Math.min(PAGE, list.length - shown) })}
              </button>
            </p>
          )}
        </>
      )}
    </Screen>
  );
}

function YearChart({ years }: { years: ReturnType<typeof countByYear> }) {
  const { t } = useTranslation('web');
  if (years.length === 0) return null;
  const W = 640;
  const H = 240;
  const pad = { l: 40, r: 10, t: 10, b: 30 };
  const max = Math.max(...years.map((y) => y.total), 1);
  const bw = (W - pad.l - pad.r) / years.length;
  const y = (v: number) => H - pad.b - (v / max) * (H - pad.t - pad.b);
  const every = Math.ceil(years.length / 12);
  return (
    <figure>
      <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="chart-title chart-desc">
        <title id="chart-title">{t('p287g.chartTitle')}</title>
        <desc id="chart-desc">{years.map((r) => `${r.year}: ${r.total}`).join('; ')}</desc>
        <line className="axis" x1={pad.l} y1={H - pad.b} x2={W - pad.r} y2={H - pad.b} />
        <line className="axis" x1={pad.l} y1={pad.t} x2={pad.l} y2={H - pad.b} />
        <text x={pad.l - 6} y={pad.t + 10} textAnchor="end">
          {max}
        </text>
        <text x={pad.l - 6} y={H - pad.b} textAnchor="end">
          0
        </text>
        {years.map((r, i) => (
          <g key={r.year}>
            <rect className="bar" x={pad.l + i * bw + 2} y={y(r.total)} width={Math.max(bw - 4, 1)} height={H - pad.b - y(r.total)} />
            {i % every === 0 && (
              <text x={pad.l + i * bw + bw / 2} y={H - pad.b + 16} textAnchor="middle">
                {r.year}
              </text>
            )}
          </g>
        ))}
      </svg>
      <figcaption>{t('p287g.chartCaption')}</figcaption>
      <details>
        <summary>{t('p287g.chartTable')}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('p287g.year')}</th>
              <th scope="col">JEM</th>
              <th scope="col">TFM</th>
              <th scope="col">WSO</th>
              <th scope="col">{t('p287g.total')}</th>
            </tr>
          </thead>
          <tbody>
            {years.map((r) => (
              <tr key={r.year}>
                <th scope="row">{r.year}</th>
                <td>{r.JEM}</td>
                <td>{r.TFM}</td>
                <td>{r.WSO}</td>
                <td>{r.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
