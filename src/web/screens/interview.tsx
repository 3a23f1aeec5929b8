/**
 * The guided interview. It asks, one at a time, the facts the start choice names and then the facts the analysis
 * engine says are missing (its `questions`), saves every answer as a new case revision, shows progress, lets the
 * person go back or change any answer, and resumes at the first unanswered question. No legal logic here.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import factsSchema from 'virtual:writ/facts-schema';
import { ApiFailure, type CaseDetail } from '../api.ts';
import { addRevision, getAnalysis, getCase, listRevisions, type Analysis } from '../case-api.ts';
import { ApiErrorAlert } from '../components/api-error.tsx';
import { CaseNav } from '../components/case-nav.tsx';
import { Alert, Loading, Screen } from '../components/screen.tsx';
import { useLoad } from '../components/use-load.ts';
import { answeredPaths, getAt, setAt, type FactsObject } from '../interview/facts-paths.ts';
import { coerceAnswer, fieldSpec, type FieldSpec } from '../interview/field-spec.ts';
import { answerNote, readLocal, startChoiceFromNotes, trailFromNotes, writeLocal } from '../interview/interview-state.ts';
import { engineQuestions, planQuestions, progress } from '../interview/plan-questions.ts';
import { QuestionField } from '../interview/question-field.tsx';
import { startChoice } from '../interview/start-choices.ts';
import { useFieldText } from '../interview/use-field-text.ts';
import { LookupFor } from '../lookups/lookup-for.tsx';
import { termForField } from '../glossary.ts';
import { TermNote } from '../components/term.tsx';
import { casePath, Link } from '../router.tsx';
import { useMessages } from '../use-messages.ts';

const askable = (path: string) => fieldSpec(factsSchema, path) !== null;

interface Loaded {
  kase: CaseDetail;
  choiceId: string | null;
  /** Answered questions in order, from the revisions (for "back"). */
  trail: string[];
  analysis: Analysis | null;
  analysisError: ApiFailure | null;
}

async function loadAnalysis(caseId: string): Promise<{ analysis: Analysis | null; analysisError: ApiFailure | null }> {
  try {
    return { analysis: await getAnalysis(caseId), analysisError: null };
  } catch (e) {
    return { analysis: null, analysisError: e instanceof ApiFailure ? e : new ApiFailure(0, 'client', '') };
  }
}

export default function Interview({ caseId }: { caseId: string }) {
  const { t } = useTranslation('web');
  const load = useLoad<Loaded>(async () => {
    const [kase, revisions] = await Promise.all([getCase(caseId), listRevisions(caseId)]);
    const notes = revisions.map((r) => r.note);
    return { kase, choiceId: startChoiceFromNotes(notes), trail: trailFromNotes(notes), ...(await loadAnalysis(caseId)) };
  }, [caseId]);

  return (
    <Screen title={t('interview.title')}>
      {load.data && <CaseNav caseId={caseId} current="interview" title={load.data.kase.title} />}
      {load.loading && !load.data && <Loading />}
      {load.error && <ApiErrorAlert error={load.error} />}
      {load.data && <InterviewBody caseId={caseId} initial={load.data} />}
    </Screen>
  );
}

function toInput(spec: FieldSpec, v: unknown): string | string[] {
  if (v === undefined || v === null) return spec.kind === 'multiChoice' ? [] : '';
  if (Array.isArray(v)) return v.map(String);
  return String(v);
}

function InterviewBody({ caseId, initial }: { caseId: string; initial: Loaded }) {
  const { t } = useTranslation('web');
  const { msg } = useMessages();
  const text = useFieldText();
  const [facts, setFacts] = useState<FactsObject>(() => ({ version: 1, ...((initial.kase.facts as FactsObject | null) ?? {}) }));
  const [analysis, setAnalysis] = useState(initial.analysis);
  const [analysisError, setAnalysisError] = useState(initial.analysisError);
  const [local, setLocal] = useState(() => ({ skipped: readLocal(caseId).skipped, trail: initial.trail }));
  const [editing, setEditing] = useState<string | null>(null);
  const [input, setInput] = useState<string | string[]>('');
  const [error, setError] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<ApiFailure | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const fieldRef = useRef<HTMLElement>(null);
  const questionHeading = useRef<HTMLHeadingElement>(null);
  const choice = startChoice(initial.choiceId ?? '') ?? startChoice('somethingElse')!;

  const plan = useMemo(
    () =>
      planQuestions({
        askFirst: choice.askFirst,
        engine: engineQuestions(analysis),
        facts,
        skipped: new Set(local.skipped),
        askable,
      }),
    [choice, analysis, facts, local.skipped],
  );
  const answered = answeredPaths(facts).filter(([p]) => p !== 'version' && askable(p));
  const current = editing ?? plan[0]?.path ?? null;
  const spec = current ? fieldSpec(factsSchema, current) : null;
  const why = current ? plan.find((q) => q.path === current)?.why ?? null : null;
  const prog = progress(answered.length, plan.length);

  // When the question changes: prefill with the saved answer, clear the error, move focus to the question — or, after
  // the last one, to the "no more questions" heading (else focus is lost with the form). Not on the first render.
  const shown = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    const key = spec?.path ?? null;
    if (spec) {
      setInput(toInput(spec, getAt(facts, spec.path)));
      setError(null);
    }
    if (shown.current !== undefined && shown.current !== key) questionHeading.current?.focus();
    shown.current = key;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [spec?.path]);

  const persistLocal = (next: typeof local) => {
    setLocal(next);
    writeLocal(caseId, next);
  };

  const save = async (path: string, value: unknown) => {
    setBusy(true);
    setSaveError(null);
    const next = setAt(facts, path, value);
    try {
      await addRevision(caseId, next, answerNote(path));
    } catch (e) {
      const f = e instanceof ApiFailure ? e : new ApiFailure(0, 'client', '');
      const mine = f.issues.find((i) => i.path === `facts.${path}`);
      if (mine) setError(t('validation.server', { problem: mine.problem }));
      else setSaveError(f);
      setBusy(false);
      fieldRef.current?.focus();
      return;
    }
    setFacts(next);
    persistLocal({ skipped: local.skipped.filter((p) => p !== path), trail: [...local.trail.filter((p) => p !== path), path] });
    setEditing(null);
    setStatus(t('interview.saved', { question: text.label(path) }));
    const a = await loadAnalysis(caseId);
    setAnalysis(a.analysis);
    setAnalysisError(a.analysisError);
    setBusy(false);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!spec) return;
    const r = coerceAnswer(spec, input);
    if (!r.ok) {
      setError(t(`validation.${r.problem}`, { example: t(`examples.${spec.kind}`) }));
      setStatus('');
      fieldRef.current?.focus();
      return;
    }
    void save(spec.path, r.value);
  };

  const skip = () => {
    if (!spec) return;
    persistLocal({ ...local, skipped: [...new Set([...local.skipped, spec.path])] });
    setEditing(null);
    setStatus(t('interview.skippedStatus', { question: text.label(spec.path) }));
  };

  const clearAnswer = () => {
    if (!spec) return;
    void save(spec.path, undefined);
  };

  const previous = (() => {
    const trail = local.trail.filter((p) => getAt(facts, p) !== undefined);
    if (!current) return trail[trail.length - 1] ?? null;
    const i = trail.indexOf(current);
    return i > 0 ? trail[i - 1]! : i === -1 ? trail[trail.length - 1] ?? null : null;
  })();

  return (
    <div className="interview">
      {choice.urgent && (
        <aside className="urgent" aria-labelledby="urgent-title">
          <h2 id="urgent-title">{t('analysis.getLawyerTitle')}</h2>
          <p>{t('common:detainedGetLawyer')}</p>
        </aside>
      )}
      <div className="progress-block">
        <label htmlFor="interview-progress">{t('interview.progress', { answered: prog.answered, total: prog.total })}</label>
        <progress id="interview-progress" max={prog.total || 1} value={prog.answered} />
      </div>
      <p role="status" aria-live="polite" className="status">
        {status}
      </p>
      {analysisError && (
        <Alert kind="warning">{t('interview.analysisUnavailable')}</Alert>
      )}
      {saveError && <ApiErrorAlert error={saveError} />}

      {spec ? (
        <form onSubmit={submit} noValidate className="question-form" aria-labelledby="question-heading">
          <h2 id="question-heading" ref={questionHeading} tabIndex={-1}>
            {editing && getAt(facts, editing) !== undefined ? t('interview.changeAnswer') : t('interview.question', { n: prog.answered + 1 })}
          </h2>
          <QuestionField ref={fieldRef} spec={spec} value={input} onChange={setInput} why={why ? msg(why) : null} error={error}>
            <LookupFor path={spec.path} facts={facts} query={Array.isArray(input) ? "" : input} onUse={(v) => setInput(v)} />
          </QuestionField>
          {termForField(spec.path) && <TermNote id={termForField(spec.path)!} />}
          {spec.sensitive && <p className="hint">{t('interview.sensitive')}</p>}
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t('interview.saving') : t('interview.saveAndContinue')}
            </button>
            <button type="button" onClick={skip} disabled={busy}>
              {t('interview.skip')}
            </button>
            {previous && (
              <button type="button" onClick={() => setEditing(previous)} disabled={busy}>
                {t('interview.back')}
              </button>
            )}
            {editing && getAt(facts, editing) !== undefined && (
              <button type="button" onClick={clearAnswer} disabled={busy}>
                {t('interview.clearAnswer')}
              </button>
            )}
            {editing && (
              <button type="button" onClick={() => setEditing(null)} disabled={busy}>
                {t('interview.cancelChange')}
              </button>
            )}
          </div>
        </form>
      ) : (
        <section aria-labelledby="done-heading" className="done">
          <h2 id="done-heading" ref={questionHeading} tabIndex={-1}>
            {t('interview.doneTitle')}
          </h2>
          <p>{t('interview.doneBody')}</p>
          {local.skipped.length > 0 && (
            <p>
              <button type="button" onClick={() => persistLocal({ ...local, skipped: [] })}>
                {t('interview.askSkipped', { count: local.skipped.length })}
              </button>
            </p>
          )}
        </section>
      )}
      <p>
        <Link href={casePath(caseId, 'analysis')} className="button">
          {t('interview.seeAnalysis')}
        </Link>
      </p>

      <section aria-labelledby="answers-heading" className="answers">
        <h2 id="answers-heading">{t('interview.yourAnswers')}</h2>
        {answered.length === 0 ? (
          <p>{t('interview.noAnswers')}</p>
        ) : (
          <dl>
            {answered.map(([path, v]) => (
              <div key={path} className="answer">
                <dt>{text.label(path)}</dt>
                <dd>
                  <span>{text.value(fieldSpec(factsSchema, path), v)}</span>{' '}
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => setEditing(path)}
                    aria-label={t('interview.changeNamed', { question: text.label(path) })}
                  >
                    {t('interview.change')}
                  </button>
                </dd>
              </div>
            ))}
          </dl>
        )}
      </section>
    </div>
  );
}
