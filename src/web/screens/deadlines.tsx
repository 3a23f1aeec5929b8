/**
 * Deadlines: the engine's deadlines for this case (from the analysis) and the deadlines attached to the case's docket
 * events, as a list and as a month view, with the case calendar as an .ics download.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiFailure, apiBlob, saveBlob } from '../api.ts';
import { getAnalysis, getCase, listCaseDeadlines } from '../case-api.ts';
import { ApiErrorAlert } from '../components/api-error.tsx';
import { CaseNav } from '../components/case-nav.tsx';
import { Loading, Screen } from '../components/screen.tsx';
import { useLoad } from '../components/use-load.ts';
import { currentLang } from '../i18n.ts';
import { formatDay, formatInstant, todayIso } from '../format.ts';
import { addMonths, monthGrid } from '../month-grid.ts';
import { useMessages } from '../use-messages.ts';
import { Citations } from '../components/citations.tsx';
import { RecordDocketEvent } from '../record-docket-event.tsx';
import { TableWrap } from '../components/table-wrap.tsx';

interface Row {
  key: string;
  day: string; // YYYY-MM-DD
  due: string; // as given (date or date-time)
  what: string;
  source: 'analysis' | 'docket';
  passed: boolean;
  citations: Array<{ cite: string; title: string; url: string | null; verified_on: string }>;
}

export default function Deadlines({ caseId }: { caseId: string }) {
  const { t } = useTranslation('web');
  const { msg } = useMessages();
  const load = useLoad(async () => {
    const [kase, analysis, docket] = await Promise.all([
      getCase(caseId),
      getAnalysis(caseId).catch(() => null),
      listCaseDeadlines(caseId).catch(() => []),
    ]);
    return { kase, analysis, docket };
  }, [caseId]);
  const [icsError, setIcsError] = useState<ApiFailure | null>(null);

  const rows = useMemo<Row[]>(() => {
    if (!load.data) return [];
    const today = todayIso();
    const out: Row[] = [];
    for (const r of load.data.analysis?.remedies ?? []) {
      for (const d of r.deadlines) {
        if (!d.due) continue;
        out.push({ key: `${r.remedy}-${d.id}`, day: d.due.slice(0, 10), due: d.due, what: msg(d.message), source: 'analysis', passed: d.passed === true, citations: d.citations });
      }
    }
    for (const d of load.data.docket) {
      // The deadline engine's result, as stored with the deadline (label, citations, warnings, steps).
      const c = (d.computation ?? {}) as { label?: { code: string; text?: string }; citations?: Row['citations'] };
      out.push({
        key: d.id,
        day: d.dueDate,
        due: d.dueTime ? `${d.dueDate}T${d.dueTime}` : d.dueDate,
        what: c.label ? msg(c.label) : d.ruleId,
        source: 'docket',
        passed: d.dueDate < today,
        citations: c.citations ?? [],
      });
    }
    const seen = new Set<string>();
    return out
      .filter((r) => (seen.has(`${r.what}|${r.due}`) ? false : (seen.add(`${r.what}|${r.due}`), true)))
      .sort((a, b) => a.due.localeCompare(b.due));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [load.data, currentLang()]);

  const downloadIcs = async () => {
    setIcsError(null);
    try {
      const { blob, filename } = await apiBlob('GET', `/api/cases/${encodeURIComponent(caseId)}/deadlines.ics`);
      saveBlob(blob, filename ?? 'writ-deadlines.ics');
    } catch (e) {
      setIcsError(e instanceof ApiFailure ? e : new ApiFailure(0, 'client', ''));
    }
  };

  return (
    <Screen title={t('deadlines.title')}>
      {load.data && <CaseNav caseId={caseId} current="deadlines" title={load.data.kase.title} />}
      {load.loading && !load.data && <Loading />}
      {load.error && <ApiErrorAlert error={load.error} />}
      {load.data && (
        <>
          <p>
            <button type="button" onClick={() => void downloadIcs()}>
              {t('deadlines.ics')}
            </button>
          </p>
          {icsError && <ApiErrorAlert error={icsError} />}
          <p className="hint">{t('deadlines.verify')}</p>
          <h2>{t('deadlines.listTitle')}</h2>
          {rows.length === 0 ? (
            <p>{t('deadlines.none')}</p>
          ) : (
            <ul className="deadline-list">
              {rows.map((r) => (
                <li key={r.key} className={r.passed ? 'passed' : undefined}>
                  <strong>{r.due.length > 10 ? formatInstant(r.due) : formatDay(r.due)}</strong> — {r.what}{' '}
                  <span className="hint">
                    ({t(`deadlines.source.${r.source}`)}
                    {r.passed ? `; ${t('analysis.passed')}` : ''})
                  </span>
                  <Citations list={r.citations} />
                </li>
              ))}
            </ul>
          )}
          <MonthView rows={rows} />
          <RecordDocketEvent caseId={caseId} onRecorded={load.reload} />
        </>
      )}
    </Screen>
  );
}

function MonthView({ rows }: { rows: Row[] }) {
  const { t } = useTranslation('web');
  const start = rows.find((r) => !r.passed)?.day ?? rows[0]?.day ?? todayIso();
  const [ym, setYm] = useState({ year: Number(start.slice(0, 4)), month: Number(start.slice(5, 7)) });
  const locale = currentLang() === 'es' ? 'es-US' : 'en-US';
  const monthName = new Date(Date.UTC(ym.year, ym.month - 1, 1)).toLocaleDateString(locale, { timeZone: 'UTC', month: 'long', year: 'numeric' });
  const weekdays = Array.from({ length: 7 }, (_, i) =>
    new Date(Date.UTC(2026, 1, 1 + i)).toLocaleDateString(locale, { timeZone: 'UTC', weekday: 'short' }),
  );
  const byDay = new Map<string, Row[]>();
  for (const r of rows) byDay.set(r.day, [...(byDay.get(r.day) ?? []), r]);
  return (
    <section aria-labelledby="month-title" className="month">
      <h2 id="month-title">{t('deadlines.monthTitle')}</h2>
      <div className="month-nav">
        <button type="button" onClick={() => setYm(addMonths(ym.year, ym.month, -1))}>
          {t('deadlines.prevMonth')}
        </button>
        <span aria-live="polite">{monthName}</span>
        <button type="button" onClick={() => setYm(addMonths(ym.year, ym.month, 1))}>
          {t('deadlines.nextMonth')}
        </button>
      </div>
      <TableWrap label={monthName}>
        <table className="calendar">
          <caption>{monthName}</caption>
          <thead>
            <tr>
              {weekdays.map((w) => (
                <th scope="col" key={w}>
                  {w}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {monthGrid(ym.year, ym.month).map((week, i) => (
              <tr key={i}>
                {week.map((d, j) => (
                  <td key={j} className={d && byDay.has(d) ? 'has-deadline' : undefined}>
                    {d && (
                      <>
                        <span className="day-number">{Number(d.slice(8))}</span>
                        {(byDay.get(d) ?? []).map((r) => (
                          <span key={r.key} className="cal-item">
                            {r.what}
                          </span>
                        ))}
                      </>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}
