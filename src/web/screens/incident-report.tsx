/**
 * The community incident report form (issue 7), phone-first. Every change is saved as a draft on the server a moment
 * later (and kept in this tab's sessionStorage only until the server has it: then just the draft's id stays, and the
 * form is read back from the server's encrypted draft), so a half-finished report is never lost. Submitting checks
 * the report on the server; problems are announced (aria-live) and shown next to their fields.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiFailure } from '../api.ts';
import { ApiErrorAlert } from '../components/api-error.tsx';
import { Alert, Screen } from '../components/screen.tsx';
import { TextField } from '../components/text-field.tsx';
import { LookupFor } from '../lookups/lookup-for.tsx';
import { EMPTY, fromReport, toReport, type Form } from '../incidents/report-form.ts';
import { Link } from '../router.tsx';
import { CONTACT_KINDS, OUTCOMES, REPORTER_ROLES as ROLES, STOP_REASONS } from '../../core/incidents/incident-schema.ts';

interface Problem {
  path: string;
  severity: 'error' | 'warning';
  message: { code: string; text: string };
}

const YNU = ['yes', 'no', 'unknown'] as const;
const DRAFT_KEY = 'writ.incidentDraft';

const FIELD_OF: Record<string, string> = {
  'reporter.role': 'role', 'when.date': 'date', 'when.time': 'time', 'where.state': 'state', 'where.county': 'county',
  'where.city': 'city', 'agency.name': 'agencyName', 'agency.state': 'agencyState', 'contact.kind': 'contactKind',
  'contact.statedReason': 'statedReason', outcome: 'outcome', narrative: 'narrative', 'affectedPerson.name': 'affectedName',
};

export default function IncidentReport() {
  const { t } = useTranslation('web');
  const [form, setForm] = useState<Form>(() => {
    try {
      return { ...EMPTY, ...(JSON.parse(sessionStorage.getItem(DRAFT_KEY) ?? '{}') as { form?: Partial<Form> }).form };
    } catch {
      return EMPTY;
    }
  });
  const [draftId, setDraftId] = useState<string | null>(() => {
    try {
      return (JSON.parse(sessionStorage.getItem(DRAFT_KEY) ?? '{}') as { id?: string }).id ?? null;
    } catch {
      return null;
    }
  });
  const [saved, setSaved] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [submittedId, setSubmittedId] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const dirty = useRef(false);
  const idRef = useRef(draftId);
  idRef.current = draftId;
  const formRef = useRef(form);
  formRef.current = form;

  // Only the draft's id is kept in the tab once the server has the draft: read the form back from the server.
  useEffect(() => {
    const stored = (() => {
      try {
        return JSON.parse(sessionStorage.getItem(DRAFT_KEY) ?? '{}') as { id?: string; form?: unknown };
      } catch {
        return {};
      }
    })();
    if (!stored.id || stored.form) return;
    api<{ status: string; body: Record<string, unknown> }>('GET', `/api/incidents/${encodeURIComponent(stored.id)}`).then(
      (r) => {
        if (r.status === 'draft' && !dirty.current) setForm(fromReport(r.body));
      },
      () => {
        sessionStorage.removeItem(DRAFT_KEY);
        setDraftId(null);
      },
    );
  }, []);

  const saveDraft = async (f: Form) => {
    setSaved('saving');
    try {
      const r = await api<{ id: string; problems: Problem[] }>('POST', '/api/incidents/drafts', {
        ...(idRef.current ? { id: idRef.current } : {}),
        draft: toReport(f),
      });
      setDraftId(r.id);
      idRef.current = r.id;
      // The server has it (encrypted): keep only the id here, unless the form changed while saving.
      sessionStorage.setItem(DRAFT_KEY, JSON.stringify(formRef.current === f ? { id: r.id } : { id: r.id, form: formRef.current }));
      setSaved('saved');
      return r.problems;
    } catch (err) {
      setFailure(err instanceof ApiFailure ? err : new ApiFailure(0, 'client', ''));
      setSaved('idle');
      return null;
    }
  };

  useEffect(() => {
    if (!dirty.current) return;
    sessionStorage.setItem(DRAFT_KEY, JSON.stringify({ id: idRef.current, form }));
    const timer = setTimeout(() => void saveDraft(form), 800);
    return () => clearTimeout(timer);
  }, [form]);

  const set = <K extends keyof Form>(k: K, v: Form[K]) => {
    dirty.current = true;
    setForm((f) => ({ ...f, [k]: v }));
  };

  const errorFor = (field: keyof Form) =>
    problems.filter((p) => p.severity === 'error' && (FIELD_OF[p.path] === field || FIELD_OF[p.path.split('.')[0]!] === field)).map((p) => p.message.text).join(' ') || null;
  const unplaced = problems.filter((p) => p.severity === 'error' && !FIELD_OF[p.path]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      const r = await api<{ incident: { id: string }; problems: Problem[] }>('POST', '/api/incidents', { ...(idRef.current ? { id: idRef.current } : {}), report: toReport(form) });
      sessionStorage.removeItem(DRAFT_KEY);
      setWarnings(r.problems.filter((p) => p.severity === 'warning'));
      setSubmittedId(r.incident.id);
      setProblems([]);
    } catch (err) {
      if (err instanceof ApiFailure && err.status === 422) {
        // Refused: the server kept it as a draft (draftId) and lists the problems with their field paths.
        const refused = err.body as { draftId?: string | null; problems?: Problem[] } | null;
        if (refused?.draftId) {
          setDraftId(refused.draftId);
          idRef.current = refused.draftId;
          sessionStorage.setItem(DRAFT_KEY, JSON.stringify({ id: refused.draftId, form }));
        }
        setProblems(refused?.problems ?? []);
        setTimeout(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
      } else setFailure(err instanceof ApiFailure ? err : new ApiFailure(0, 'client', ''));
    } finally {
      setBusy(false);
    }
  };

  if (submittedId) {
    return (
      <Screen title={t('incidents.form.title')}>
        <Alert kind="success">{t('incidents.form.submitted')}</Alert>
        {warnings.length > 0 && (
          <Alert kind="warning">
            <ul>{warnings.map((p, i) => <li key={i}>{p.message.text}</li>)}</ul>
          </Alert>
        )}
        <p>
          <Link href="/incidents/patterns">{t('incidents.patterns.title')}</Link>
        </p>
        <button type="button" onClick={() => { setSubmittedId(null); setForm(EMPTY); setDraftId(null); idRef.current = null; dirty.current = false; }}>
          {t('incidents.form.another')}
        </button>
      </Screen>
    );
  }

  const select = (k: keyof Form, label: string, values: readonly string[], valueLabel: (v: string) => string) => {
    const err = errorFor(k);
    const id = `incident-${k}`;
    return (
      <div className={`field${err ? ' field-invalid' : ''}`}>
        <label htmlFor={id}>{label}</label>
        {err && <p id={`${id}-error`} className="field-error">{err}</p>}
        <select id={id} value={String(form[k])} onChange={(e) => set(k, e.target.value as never)} aria-invalid={err ? true : undefined} aria-describedby={err ? `${id}-error` : undefined}>
          <option value="">{t('incidents.form.choose')}</option>
          {values.map((v) => <option key={v} value={v}>{valueLabel(v)}</option>)}
        </select>
      </div>
    );
  };
  const text = (k: keyof Form, label: string, extra: Record<string, unknown> = {}) => (
    <TextField id={`incident-${k}`} label={label} value={String(form[k])} onChange={(e) => set(k, e.target.value as never)} error={errorFor(k)} autoComplete="off" {...extra} />
  );
  const ynu = (k: keyof Form, label: string) => select(k, label, YNU, (v) => t(`incidents.form.ynu.${v}`));

  return (
    <Screen title={t('incidents.form.title')} lead={t('incidents.form.lead')}>
      <form onSubmit={submit} noValidate className="narrow">
        <p aria-live="polite" className="hint">{saved === 'saving' ? t('incidents.form.saving') : saved === 'saved' ? t('incidents.form.draftSaved') : ''}</p>
        <div aria-live="assertive">
          {problems.some((p) => p.severity === 'error') && (
            <Alert>
              {t('incidents.form.fixErrors', { count: problems.filter((p) => p.severity === 'error').length })}
              {unplaced.length > 0 && <ul>{unplaced.map((p, i) => <li key={i}>{p.message.text}</li>)}</ul>}
            </Alert>
          )}
        </div>
        {failure && <ApiErrorAlert error={failure} />}
        <fieldset className="question">
          <legend className="question-label">{t('incidents.form.consentLegend')}</legend>
          <label className="choice"><input type="checkbox" checked={form.countInStatistics} onChange={(e) => set('countInStatistics', e.target.checked)} /> <span>{t('incidents.form.countInStatistics')}</span></label>
          <label className="choice"><input type="checkbox" checked={form.useAsEvidence} onChange={(e) => set('useAsEvidence', e.target.checked)} /> <span>{t('incidents.form.useAsEvidence')}</span></label>
          <label className="choice"><input type="checkbox" checked={!form.identifyAffectedPerson} onChange={(e) => set('identifyAffectedPerson', !e.target.checked)} /> <span>{t('incidents.form.anonymous')}</span></label>
        </fieldset>
        {select('role', t('incidents.form.role'), ROLES, (v) => t(`incidents.form.roles.${v}`))}
        {form.identifyAffectedPerson && text('affectedName', t('incidents.form.affectedName'))}
        {text('date', t('incidents.form.date'), { type: 'date' })}
        {text('time', t('incidents.form.time'), { type: 'time' })}
        {text('state', t('incidents.form.state'), { maxLength: 2, hint: t('incidents.form.stateHint') })}
        {text('county', t('incidents.form.county'))}
        {text('city', t('incidents.form.city'))}
        {text('agencyName', t('incidents.form.agency'), { hint: t('incidents.form.agencyHint') })}
        {form.agencyName.trim().length > 2 && (
          <LookupFor
            path="enforcement.agency.name"
            facts={{ enforcement: { agency: { name: form.agencyName, state: (form.agencyState || form.state).toUpperCase() }, eventDate: form.date } }}
            query={form.agencyName}
            onUse={(v) => set('agencyName', v)}
          />
        )}
        {select('contactKind', t('incidents.form.contactKind'), CONTACT_KINDS, (v) => t(`incidents:value.contactKind.${v}`))}
        {select('statedReason', t('incidents.form.statedReason'), STOP_REASONS, (v) => t(`incidents:value.stopReason.${v}`, { defaultValue: v }))}
        {ynu('askedAboutStatus', t('incidents.form.askedAboutStatus'))}
        {ynu('arrested', t('incidents.form.arrested'))}
        {ynu('detainerLodged', t('incidents.form.detainerLodged'))}
        {ynu('transferredToIce', t('incidents.form.transferredToIce'))}
        {select('outcome', t('incidents.form.outcome'), OUTCOMES, (v) => t(`incidents:value.outcome.${v}`, { defaultValue: v }))}
        <div className={`field${errorFor('narrative') ? ' field-invalid' : ''}`}>
          <label htmlFor="incident-narrative">{t('incidents.form.narrative')}</label>
          <textarea id="incident-narrative" rows={5} value={form.narrative} onChange={(e) => set('narrative', e.target.value)} />
        </div>
        <p className="hint">{draftId ? t('incidents.form.draftKept') : ''}</p>
        <button type="submit" className="primary" disabled={busy}>{t('incidents.form.submit')}</button>
      </form>
    </Screen>
  );
}
