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
import { addRow, controlId, EMPTY, fieldIdFor, fromReport, heldHours, removeRow, setRow, sha256Hex, toReport, type Form } from '../incidents/report-form.ts';
import { Link } from '../router.tsx';
import {
  AGE_RANGES,
  CONTACT_KINDS,
  ETHNICITIES,
  GENDERS,
  LANGUAGES_SPOKEN,
  MEDIA_KINDS,
  OUTCOMES,
  PLACE_TYPES,
  REPORTER_ROLES as ROLES,
  SEARCH_TARGETS,
  STOP_REASONS,
} from '../../core/incidents/incident-schema.ts';

interface Problem {
  path: string;
  severity: 'error' | 'warning';
  message: { code: string; text: string };
}

const YNU = ['yes', 'no', 'unknown'] as const;
const DRAFT_KEY = 'writ.incidentDraft';

type RowList = 'officers' | 'witnesses' | 'media';

/** What this tab kept of the draft: its id once the server has it, the form too until then (read once, on opening). */
function readStoredDraft(): { id?: string; form?: Partial<Form> } {
  try {
    return (JSON.parse(sessionStorage.getItem(DRAFT_KEY) ?? '{}') as { id?: string; form?: Partial<Form> } | null) ?? {};
  } catch {
    return {};
  }
}

export default function IncidentReport() {
  const { t } = useTranslation('web');
  const [stored] = useState(readStoredDraft);
  const [form, setForm] = useState<Form>(() => ({ ...EMPTY, ...stored.form }));
  const [draftId, setDraftId] = useState<string | null>(stored.id ?? null);
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

  const update = (change: (f: Form) => Form) => {
    dirty.current = true;
    setForm(change);
  };
  const [hashing, setHashing] = useState<number | null>(null);
  const [hashed, setHashed] = useState<'no' | 'yes' | 'failed'>('no');

  /** Errors whose field path belongs to this control (report-form.ts fieldIdFor). */
  const errorAt = (id: string) =>
    problems.filter((p) => p.severity === 'error' && fieldIdFor(p.path) === id).map((p) => p.message.text).join(' ') || null;
  const errorFor = (field: keyof Form) => errorAt(controlId(field));
  const unplaced = problems.filter((p) => p.severity === 'error' && (fieldIdFor(p.path) === null || (!form.identifyAffectedPerson && p.path.startsWith('affectedPerson'))));

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
          <Link href={`/incidents/${submittedId}`}>{t('incidents.form.openReport')}</Link>
        </p>
        <p>
          <Link href="/incidents/patterns">{t('incidents.patterns.title')}</Link>
        </p>
        <button type="button" onClick={() => { setSubmittedId(null); setForm(EMPTY); setDraftId(null); idRef.current = null; dirty.current = false; }}>
          {t('incidents.form.another')}
        </button>
      </Screen>
    );
  }

  const selectAt = (id: string, value: string, onChange: (v: string) => void, label: string, values: readonly string[], valueLabel: (v: string) => string, hint?: string) => {
    const err = errorAt(id);
    const described = [hint ? `${id}-hint` : '', err ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
    return (
      <div className={`field${err ? ' field-invalid' : ''}`}>
        <label htmlFor={id}>{label}</label>
        {hint && <p id={`${id}-hint`} className="hint">{hint}</p>}
        {err && <p id={`${id}-error`} className="field-error">{err}</p>}
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={err ? true : undefined} aria-describedby={described}>
          <option value="">{t('incidents.form.choose')}</option>
          {values.map((v) => <option key={v} value={v}>{valueLabel(v)}</option>)}
        </select>
      </div>
    );
  };
  const select = (k: keyof Form, label: string, values: readonly string[], valueLabel: (v: string) => string, hint?: string) =>
    selectAt(controlId(k), String(form[k]), (v) => set(k, v as never), label, values, valueLabel, hint);
  const text = (k: keyof Form, label: string, extra: Record<string, unknown> = {}) => (
    <TextField id={controlId(k)} label={label} value={String(form[k])} onChange={(e) => set(k, e.target.value as never)} error={errorFor(k)} autoComplete="off" {...extra} />
  );
  const area = (id: string, label: string, value: string, onChange: (v: string) => void, rows = 3) => {
    const err = errorAt(id);
    return (
      <div className={`field${err ? ' field-invalid' : ''}`}>
        <label htmlFor={id}>{label}</label>
        {err && <p id={`${id}-error`} className="field-error">{err}</p>}
        <textarea id={id} rows={rows} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={err ? true : undefined} aria-describedby={err ? `${id}-error` : undefined} />
      </div>
    );
  };
  const ynu = (k: keyof Form, label: string) => select(k, label, YNU, (v) => t(`incidents.form.ynu.${v}`));
  const check = (k: keyof Form, label: string, inverted = false) => (
    <label className="choice">
      <input type="checkbox" checked={inverted ? !form[k] : Boolean(form[k])} onChange={(e) => set(k, (inverted ? !e.target.checked : e.target.checked) as never)} /> <span>{label}</span>
    </label>
  );
  const rowText = (list: RowList, i: number, field: string, label: string, value: string, extra: Record<string, unknown> = {}) => (
    <TextField
      id={controlId(list, i, field)}
      label={label}
      value={value}
      onChange={(e) => update((f) => setRow(f, list, i, field, e.target.value))}
      error={errorAt(controlId(list, i, field))}
      autoComplete="off"
      {...extra}
    />
  );
  // Keyboard: a new row takes the focus at its first field; after a removal the focus goes to the list's add button.
  const FIRST: Record<RowList, string> = { officers: 'name', witnesses: 'name', media: 'kind' };
  const focusLater = (id: string) => setTimeout(() => document.getElementById(id)?.focus(), 0);
  const addButton = (list: RowList, label: string) => (
    <button
      type="button"
      id={`incident-add-${list}`}
      onClick={() => {
        focusLater(controlId(list, form[list].length, FIRST[list]));
        update((f) => addRow(f, list));
      }}
    >
      {label}
    </button>
  );
  const removeButton = (list: RowList, i: number, label: string) => (
    <button
      type="button"
      className="link-button"
      onClick={() => {
        update((f) => removeRow(f, list, i));
        focusLater(`incident-add-${list}`);
      }}
    >
      {label}
    </button>
  );
  const chooseFile = async (i: number, file: File | undefined) => {
    if (!file) return;
    setHashing(i);
    setHashed('no');
    try {
      const sha256 = await sha256Hex(new Uint8Array(await file.arrayBuffer()));
      update((f) => setRow(setRow(f, 'media', i, 'sha256', sha256), 'media', i, 'filename', file.name));
      setHashed('yes');
    } catch {
      // No Web Crypto (a page not served over HTTPS or localhost) or an unreadable file: the hash can still be typed.
      setHashed('failed');
    } finally {
      setHashing(null);
    }
  };
  const held = heldHours(form);

  return (
    <Screen title={t('incidents.form.title')} lead={t('incidents.form.lead')}>
      <form onSubmit={submit} noValidate className="narrow incident-form">
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
          <legend className="question-label">{t('incidents.form.section.reporter')}</legend>
          {select('role', t('incidents.form.role'), ROLES, (v) => t(`incidents.form.roles.${v}`))}
          {text('reporterName', t('incidents.form.reporterName'))}
          {text('reporterContact', t('incidents.form.reporterContact'))}
          <fieldset className="question">
            <legend className="question-label">{t('incidents.form.consentLegend')}</legend>
            {check('countInStatistics', t('incidents.form.countInStatistics'))}
            {check('useAsEvidence', t('incidents.form.useAsEvidence'))}
            {check('contactReporter', t('incidents.form.contactReporter'))}
            {check('identifyAffectedPerson', t('incidents.form.anonymous'), true)}
          </fieldset>
          {form.identifyAffectedPerson && text('affectedName', t('incidents.form.affectedName'))}
          {form.identifyAffectedPerson && text('affectedContact', t('incidents.form.affectedContact'))}
        </fieldset>

        <fieldset className="question">
          <legend className="question-label">{t('incidents.form.section.when')}</legend>
          {text('date', t('incidents.form.date'), { type: 'date' })}
          {text('time', t('incidents.form.time'), { type: 'time' })}
          {check('approximate', t('incidents.form.approximate'))}
          {text('state', t('incidents.form.state'), { maxLength: 2, hint: t('incidents.form.stateHint') })}
          {text('county', t('incidents.form.county'))}
          {text('city', t('incidents.form.city'))}
          {select('placeType', t('incidents.form.placeType'), PLACE_TYPES, (v) => t(`incidents.form.placeTypes.${v}`))}
          {text('address', t('incidents.form.address'))}
          {text('placeName', t('incidents.form.placeName'))}
        </fieldset>

        <fieldset className="question">
          <legend className="question-label">{t('incidents.form.section.agency')}</legend>
          {text('agencyName', t('incidents.form.agency'), { hint: t('incidents.form.agencyHint') })}
          {form.agencyName.trim().length > 2 && (
            <LookupFor
              path="enforcement.agency.name"
              facts={{ enforcement: { agency: { name: form.agencyName, state: (form.agencyState || form.state).toUpperCase() }, eventDate: form.date } }}
              query={form.agencyName}
              onUse={(v) => set('agencyName', v)}
            />
          )}
          {ynu('iceOnScene', t('incidents.form.iceOnScene'))}
          {form.officers.map((o, i) => (
            <fieldset key={i} className="question incident-row">
              <legend className="question-label">{t('incidents.form.officerN', { n: i + 1 })}</legend>
              {rowText('officers', i, 'name', t('incidents.form.officerName'), o.name)}
              {rowText('officers', i, 'badge', t('incidents.form.badge'), o.badge)}
              {rowText('officers', i, 'vehicle', t('incidents.form.vehicle'), o.vehicle)}
              {rowText('officers', i, 'notes', t('incidents.form.officerNotes'), o.notes)}
              {removeButton('officers', i, t('incidents.form.removeOfficer', { n: i + 1 }))}
            </fieldset>
          ))}
          {addButton('officers', t('incidents.form.addOfficer'))}
        </fieldset>

        <fieldset className="question">
          <legend className="question-label">{t('incidents.form.section.contact')}</legend>
          {select('contactKind', t('incidents.form.contactKind'), CONTACT_KINDS, (v) => t(`incidents:value.contactKind.${v}`))}
          {select('statedReason', t('incidents.form.statedReason'), STOP_REASONS, (v) => t(`incidents:value.stopReason.${v}`, { defaultValue: v }))}
          {area(controlId('statedReasonDetail'), t('incidents.form.statedReasonDetail'), form.statedReasonDetail, (v) => set('statedReasonDetail', v), 2)}
          {ynu('citationIssued', t('incidents.form.citationIssued'))}
          {ynu('askedAboutStatus', t('incidents.form.askedAboutStatus'))}
        </fieldset>

        <fieldset className="question">
          <legend className="question-label">{t('incidents.form.section.search')}</legend>
          {ynu('searched', t('incidents.form.searched'))}
          {form.searched === 'yes' && (
            <fieldset className="question" id={controlId('searchWhat')}>
              <legend className="question-label">{t('incidents.form.searchWhat')}</legend>
              {errorFor('searchWhat') && <p className="field-error">{errorFor('searchWhat')}</p>}
              {SEARCH_TARGETS.map((target) => (
                <label key={target} className="choice">
                  <input
                    type="checkbox"
                    checked={form.searchWhat.includes(target)}
                    onChange={(e) => set('searchWhat', e.target.checked ? [...form.searchWhat, target] : form.searchWhat.filter((x) => x !== target))}
                  />{' '}
                  <span>{t(`incidents.form.searchTargets.${target}`)}</span>
                </label>
              ))}
            </fieldset>
          )}
          {ynu('consentRequested', t('incidents.form.consentRequested'))}
          {ynu('warrantShown', t('incidents.form.warrantShown'))}
        </fieldset>

        <fieldset className="question">
          <legend className="question-label">{t('incidents.form.section.custody')}</legend>
          {ynu('arrested', t('incidents.form.arrested'))}
          {ynu('detainerLodged', t('incidents.form.detainerLodged'))}
          {ynu('transferredToIce', t('incidents.form.transferredToIce'))}
          <p className="hint">{t('incidents.form.custodyHint')}</p>
          {text('bookedAt', t('incidents.form.bookedAt'), { type: 'datetime-local' })}
          {text('releaseEligibleAt', t('incidents.form.releaseEligibleAt'), { type: 'datetime-local' })}
          {text('releasedAt', t('incidents.form.releasedAt'), { type: 'datetime-local' })}
          {text('transferredToIceAt', t('incidents.form.transferredToIceAt'), { type: 'datetime-local' })}
          <div aria-live="polite">
            {held.held !== null && <p>{t('incidents.form.heldHours', { hours: held.held })}</p>}
            {held.beyondRelease !== null && held.beyondRelease > 0 && <p>{t('incidents.form.beyondHours', { hours: held.beyondRelease })}</p>}
          </div>
          {select('outcome', t('incidents.form.outcome'), OUTCOMES, (v) => t(`incidents:value.outcome.${v}`, { defaultValue: v }))}
        </fieldset>

        <fieldset className="question">
          <legend className="question-label">{t('incidents.form.section.people')}</legend>
          {form.witnesses.map((w, i) => (
            <fieldset key={i} className="question incident-row">
              <legend className="question-label">{t('incidents.form.witnessN', { n: i + 1 })}</legend>
              {rowText('witnesses', i, 'name', t('incidents.form.witnessName'), w.name)}
              {rowText('witnesses', i, 'contact', t('incidents.form.witnessContact'), w.contact)}
              {area(controlId('witnesses', i, 'statement'), t('incidents.form.witnessStatement'), w.statement, (v) => update((f) => setRow(f, 'witnesses', i, 'statement', v)))}
              {removeButton('witnesses', i, t('incidents.form.removeWitness', { n: i + 1 }))}
            </fieldset>
          ))}
          {addButton('witnesses', t('incidents.form.addWitness'))}
        </fieldset>

        <fieldset className="question">
          <legend className="question-label">{t('incidents.form.section.media')}</legend>
          <p className="hint">{t('incidents.form.mediaFileHint')}</p>
          {form.media.map((m, i) => (
            <fieldset key={i} className="question incident-row">
              <legend className="question-label">{t('incidents.form.mediaN', { n: i + 1 })}</legend>
              {selectAt(controlId('media', i, 'kind'), m.kind, (v) => update((f) => setRow(f, 'media', i, 'kind', v)), t('incidents.form.mediaKind'), MEDIA_KINDS, (v) => t(`incidents.form.mediaKinds.${v}`))}
              <div className="field">
                <label htmlFor={`incident-media-${i}-file`}>{t('incidents.form.mediaFile')}</label>
                <input id={`incident-media-${i}-file`} type="file" onChange={(e) => void chooseFile(i, e.target.files?.[0])} />
              </div>
              {rowText('media', i, 'sha256', t('incidents.form.mediaHash'), m.sha256, { className: 'hash', spellCheck: false })}
              {rowText('media', i, 'capturedAt', t('incidents.form.capturedAt'), m.capturedAt, { type: 'datetime-local' })}
              {removeButton('media', i, t('incidents.form.removeMedia', { n: i + 1 }))}
            </fieldset>
          ))}
          <p aria-live="polite" className="hint">{hashing !== null ? t('incidents.form.hashing') : hashed === 'yes' ? t('incidents.form.hashed') : hashed === 'failed' ? t('incidents.form.hashFailed') : ''}</p>
          {addButton('media', t('incidents.form.addMedia'))}
        </fieldset>

        <fieldset className="question">
          <legend className="question-label">{t('incidents.form.section.demographics')}</legend>
          <p className="hint">{t('incidents.form.demographicsHint')}</p>
          {select('demographicsSource', t('incidents.form.demographicsSource'), ['self_reported', 'observed', 'unknown'], (v) => t(`incidents.form.demographicsSources.${v}`))}
          {select('ethnicity', t('incidents.form.ethnicity'), ETHNICITIES, (v) => t(`incidents:value.ethnicity.${v}`, { defaultValue: v }))}
          {select('language', t('incidents.form.language'), LANGUAGES_SPOKEN, (v) => t(`incidents:value.language.${v}`, { defaultValue: v }))}
          {select('ageRange', t('incidents.form.ageRange'), AGE_RANGES, (v) => t(`incidents:value.ageRange.${v}`, { defaultValue: v }))}
          {select('gender', t('incidents.form.gender'), GENDERS, (v) => t(`incidents:value.gender.${v}`, { defaultValue: v }))}
        </fieldset>

        {area(controlId('narrative'), t('incidents.form.narrative'), form.narrative, (v) => set('narrative', v), 5)}
        <p className="hint">{draftId ? t('incidents.form.draftKept') : ''}</p>
        <button type="submit" className="primary" disabled={busy}>{t('incidents.form.submit')}</button>
      </form>
    </Screen>
  );
}
