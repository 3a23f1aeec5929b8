/**
 * "Facts for a case" on the patterns page (issue 7): the values the pattern summary proposes (GET
 * /api/incidents/pattern-summary), each with its reason and the reports behind it (links to their pages), the warning
 * that a lawyer must confirm them, and applying the chosen ones to one of the organization's cases (POST
 * /api/cases/:caseId/pattern-facts: a new revision; answers the case has are kept unless "replace" is ticked), then a
 * link to that case's analysis.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiFailure, type CaseSummary } from '../api.ts';
import { ApiErrorAlert } from '../components/api-error.tsx';
import { Alert, Loading } from '../components/screen.tsx';
import { useLoad } from '../components/use-load.ts';
import { casePath, Link } from '../router.tsx';

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

export function PatternFacts({ labelOf }: { labelOf: (id: string) => string }) {
  const { t, i18n } = useTranslation('incidents');
  const summary = useLoad(() => api<Summary>('GET', '/api/incidents/pattern-summary'), [i18n.language]);
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
  const confirm = summary.data?.warnings.find((w) => w.code === 'incidents:warning.confirmFacts');

  const apply = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    setResult(null);
    const paths = basis.map((b) => b.path).filter(isChosen);
    if (!caseId || paths.length === 0) return;
    setBusy(true);
    try {
      const out = await api<Applied>('POST', `/api/cases/${encodeURIComponent(caseId)}/pattern-facts`, { paths, replace });
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
      {summary.loading && <Loading />}
      {summary.error && <ApiErrorAlert error={summary.error} />}
      {summary.data && basis.length === 0 && <p>{t('caseFacts.none')}</p>}
      {basis.length > 0 && (
        <form onSubmit={(e) => void apply(e)}>
          <p className="warning-box">{confirm?.text ?? t('warning.confirmFacts')}</p>
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
