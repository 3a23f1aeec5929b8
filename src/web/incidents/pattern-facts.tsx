/**
 * "Facts for a case" on the patterns page (issue 7): the values the pattern summary proposes (GET
 * /api/incidents/pattern-summary, for all agencies or one, with an optional comparison population for a disparity),
 * each with its reason and the reports behind it (links to their pages), the summary's warnings (a lawyer must confirm
 * proposed facts; [VERIFY] authorities), and applying the chosen ones to one of the organization's cases (POST
 * /api/cases/:caseId/pattern-facts: a new revision; answers the case has are kept unless "replace" is ticked), then a
 * link to that case's analysis.
 */
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiFailure, type CaseSummary } from '../api.ts';
import { ApiErrorAlert } from '../components/api-error.tsx';
import { Alert, Loading } from '../components/screen.tsx';
import { useLoad } from '../components/use-load.ts';
import { casePath, Link } from '../router.tsx';
import { ETHNICITIES } from '../../core/incidents/incident-schema.ts';

interface Rendered {
  code: string;
  text: string;
}
interface Basis {
  path: string;
  value: unknown;
  message: Rendered;
  reportIds: string[];
}
interface Summary {
  facts: { basis: Basis[] };
  warnings: Rendered[];
}
interface Applied {
  revision: { revision: number } | null;
  applied: Array<{ path: string; value: unknown }>;
  skipped: Array<{ path: string; reason: 'answered' | 'same' | 'notProposed'; current?: unknown }>;
}

const field = (path: string) => path.split('.').pop() ?? path;

/** The ethnicity values a benchmark can compare: the report's own, without 'unknown'. */
const GROUPS = ETHNICITIES.filter((g) => g !== 'unknown');

interface Scope {
  agencyKey: string;
  benchmark: { ethnicity: string; share: number; source: string } | null;
}

function summaryQuery(scope: Scope): string {
  const q = new URLSearchParams();
  if (scope.agencyKey) q.set('agencyKey', scope.agencyKey);
  if (scope.benchmark) {
    q.set('benchmarkEthnicity', scope.benchmark.ethnicity);
    q.set('benchmarkShare', String(scope.benchmark.share));
    q.set('benchmarkSource', scope.benchmark.source);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

export function PatternFacts({ labelOf, agencies }: { labelOf: (id: string) => string; agencies: Array<{ key: string; label: string }> }) {
  const { t, i18n } = useTranslation('incidents');
  const [scope, setScope] = useState<Scope>({ agencyKey: '', benchmark: null });
  const [draft, setDraft] = useState({ agencyKey: '', ethnicity: '', percent: '', source: '' });
  const benchmarkStarted = Boolean(draft.ethnicity || draft.percent || draft.source);
  /** The benchmark fields' shared props: all three are required once one is filled, all described by the hint. */
  const benchmarkField = (key: 'ethnicity' | 'percent' | 'source') => ({
    value: draft[key],
    required: benchmarkStarted,
    'aria-describedby': 'case-facts-benchmark-hint',
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setDraft((d) => ({ ...d, [key]: e.target.value })),
  });
  const summary = useLoad(() => api<Summary>('GET', `/api/incidents/pattern-summary${summaryQuery(scope)}`), [i18n.language, scope]);
  const cases = useLoad(() => api<{ cases: CaseSummary[] }>('GET', '/api/cases?status=open'), []);
  const [chosen, setChosen] = useState<Record<string, boolean>>({});
  const [caseId, setCaseId] = useState('');
  const [replace, setReplace] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [result, setResult] = useState<{ caseId: string; out: Applied } | null>(null);

  const basis = summary.data?.facts.basis ?? [];
  const isChosen = (path: string) => chosen[path] ?? true;
  const valueText = (v: unknown) =>
    Array.isArray(v) ? v.join(', ') : v === 'yes' || v === 'no' || v === 'unknown' ? t(`caseFacts.answer.${v}`) : String(v);
  // The synthetic-data warning is shown at the top of the page already.
  const warnings = (summary.data?.warnings ?? []).filter((w) => w.code !== 'incidents:warning.synthetic');
  // Every proposed value needs a lawyer's confirmation, whichever values are proposed.
  if (!warnings.some((w) => w.code === 'incidents:warning.confirmFacts')) warnings.unshift({ code: 'incidents:warning.confirmFacts', text: t('warning.confirmFacts') });

  const update = (e: FormEvent) => {
    e.preventDefault();
    setResult(null);
    setChosen({});
    setScope({
      agencyKey: draft.agencyKey,
      benchmark: benchmarkStarted ? { ethnicity: draft.ethnicity, share: Number(draft.percent) / 100, source: draft.source.trim() } : null,
    });
  };

  const apply = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    setResult(null);
    const paths = basis.map((b) => b.path).filter(isChosen);
    if (!caseId || paths.length === 0) return;
    setBusy(true);
    try {
      const out = await api<Applied>('POST', `/api/cases/${encodeURIComponent(caseId)}/pattern-facts`, {
        ...(scope.agencyKey ? { agencyKey: scope.agencyKey } : {}),
        ...(scope.benchmark ? { benchmark: scope.benchmark } : {}),
        paths,
        replace,
      });
      setResult({ caseId, out });
    } catch (err) {
      setFailure(err instanceof ApiFailure ? err : new ApiFailure(0, 'client', ''));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="case-facts-heading">
      <h2 id="case-facts-heading">{t('caseFacts.heading')}</h2>
      <p>{t('caseFacts.lead')}</p>
      <form onSubmit={update}>
        <fieldset className="question">
          <legend className="question-label">{t('caseFacts.scopeLegend')}</legend>
          <div className="field">
            <label htmlFor="case-facts-agency">{t('caseFacts.agency')}</label>
            <select id="case-facts-agency" value={draft.agencyKey} onChange={(e) => setDraft((d) => ({ ...d, agencyKey: e.target.value }))}>
              <option value="">{t('caseFacts.allAgencies')}</option>
              {agencies.map((a) => (
                <option key={a.key} value={a.key}>
                  {a.label || a.key}
                </option>
              ))}
            </select>
          </div>
          <p id="case-facts-benchmark-hint" className="hint">
            {t('caseFacts.benchmarkHint')}
          </p>
          <div className="field">
            <label htmlFor="case-facts-group">{t('caseFacts.benchmarkGroup')}</label>
            <select id="case-facts-group" {...benchmarkField('ethnicity')}>
              <option value="">{t('caseFacts.noBenchmark')}</option>
              {GROUPS.map((g) => (
                <option key={g} value={g}>
                  {t(`value.ethnicity.${g}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="case-facts-share">{t('caseFacts.benchmarkShare')}</label>
            <input id="case-facts-share" type="number" inputMode="decimal" min="0.1" max="100" step="any" {...benchmarkField('percent')} />
          </div>
          <div className="field">
            <label htmlFor="case-facts-source">{t('caseFacts.benchmarkSource')}</label>
            <input id="case-facts-source" type="text" maxLength={500} {...benchmarkField('source')} />
          </div>
          <div className="actions">
            <button type="submit">{t('caseFacts.update')}</button>
          </div>
        </fieldset>
      </form>
      {summary.loading && <Loading />}
      {summary.error && <ApiErrorAlert error={summary.error} />}
      {summary.data && basis.length === 0 && <p>{t('caseFacts.none')}</p>}
      {basis.length > 0 && (
        <form onSubmit={(e) => void apply(e)}>
          <div className="warning-box">
            <ul>
              {warnings.map((w, i) => (
                <li key={i}>{w.text}</li>
              ))}
            </ul>
          </div>
          <fieldset className="question">
            <legend className="question-label">{t('caseFacts.valuesLegend')}</legend>
            {basis.map((b) => (
              <div key={b.path} className="case-fact">
                <label className="choice">
                  <input
                    type="checkbox"
                    checked={isChosen(b.path)}
                    onChange={(e) => setChosen((c) => ({ ...c, [b.path]: e.target.checked }))}
                    aria-describedby={`case-fact-${field(b.path)}-why`}
                  />{' '}
                  <span>{t('caseFacts.value', { field: t(`caseFacts.field.${field(b.path)}`, { defaultValue: b.path }), value: valueText(b.value) })}</span>
                </label>
                <p id={`case-fact-${field(b.path)}-why`} className="hint">
                  {b.message.text}
                </p>
                <details>
                  <summary>{t('caseFacts.reportsBehind', { count: b.reportIds.length })}</summary>
                  <ul>
                    {b.reportIds.map((id) => (
                      <li key={id}>
                        <Link href={`/incidents/${id}`}>{labelOf(id)}</Link>
                      </li>
                    ))}
                  </ul>
                </details>
              </div>
            ))}
          </fieldset>
          {cases.error && <ApiErrorAlert error={cases.error} />}
          {cases.data && cases.data.cases.length === 0 && <p>{t('caseFacts.noCases')}</p>}
          {cases.data && cases.data.cases.length > 0 && (
            <>
              <div className="field">
                <label htmlFor="case-facts-case">{t('caseFacts.case')}</label>
                <select id="case-facts-case" value={caseId} onChange={(e) => setCaseId(e.target.value)} required>
                  <option value="">{t('caseFacts.chooseCase')}</option>
                  {cases.data.cases.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.title}
                    </option>
                  ))}
                </select>
              </div>
              <label className="choice">
                <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} /> <span>{t('caseFacts.replace')}</span>
              </label>
              <div className="actions">
                <button type="submit" disabled={busy || !basis.some((b) => isChosen(b.path))}>
                  {t('caseFacts.apply')}
                </button>
              </div>
            </>
          )}
        </form>
      )}
      <div aria-live="polite">
        {failure && <ApiErrorAlert error={failure} />}
        {result && (
          <Alert kind={result.out.applied.length ? 'success' : 'warning'}>
            <p>
              {result.out.revision
                ? t('caseFacts.applied', { count: result.out.applied.length, revision: result.out.revision.revision })
                : t('caseFacts.nothingApplied')}
            </p>
            {result.out.skipped.length > 0 && (
              <ul>
                {result.out.skipped.map((s) => (
                  <li key={s.path}>
                    {t(`caseFacts.skipped.${s.reason}`, {
                      field: t(`caseFacts.field.${field(s.path)}`, { defaultValue: s.path }),
                      current: valueText(s.current ?? ''),
                    })}
                  </li>
                ))}
              </ul>
            )}
            <p>
              <Link href={casePath(result.caseId, 'analysis')}>{t('caseFacts.openAnalysis')}</Link>
            </p>
          </Alert>
        )}
      </div>
    </section>
  );
}
