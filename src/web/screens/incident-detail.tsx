/**
 * One community incident report (issue 7): what it says (identifying fields only when the API sends them — roles
 * with incident.exportIdentifying, or the reporter's own draft), the 287(g) agreements the agency held that day, the
 * reports of the same event merged with it (with "undo this merge", after a confirmation: POST
 * /api/incidents/:id/unmerge splits the whole group, every report counts on its own again), and the actions: add it to a case as an exhibit (evidence locker, SHA-256,
 * chain of custody) or open a new case with it. The rows come from incidents/detail-rows.ts (shown by incidents/details-list.tsx).
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiFailure, type CaseSummary } from '../api.ts';
import { ApiErrorAlert } from '../components/api-error.tsx';
import { Alert, Loading, Screen } from '../components/screen.tsx';
import { useLoad } from '../components/use-load.ts';
import { casePath, Link } from '../router.tsx';
import type { IncidentView } from '../incidents/detail-rows.ts';
import { DetailsList } from '../incidents/details-list.tsx';

interface Evidence {
  id: string;
  caseId: string;
  filename: string;
  sha256: string;
}

/**
 * "Undo this merge" with a confirmation that says what happens: the store splits the whole group (not one report), so
 * there is one button for the group. Focus goes to the confirmation and back to the button on cancel.
 */
function UndoMerge({ incidentId, onUndone }: { incidentId: string; onUndone: (count: number) => void }) {
  const { t } = useTranslation('web');
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (wasAsking.current) undoRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);
  const undo = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const res = await api<{ ids: string[] }>('POST', `/api/incidents/${encodeURIComponent(incidentId)}/unmerge`);
      onUndone(res.ids.length);
    } catch (err) {
      setFailure(err instanceof ApiFailure ? err : new ApiFailure(0, 'client', ''));
      setBusy(false);
    }
  };
  return (
    <>
      {failure && <ApiErrorAlert error={failure} />}
      {asking ? (
        <div className="warning-box">
          <p id="incident-undo-merge-text">{t('incidents.detail.undoConfirmText')}</p>
          <p>
            <button type="button" ref={confirmRef} className="primary" aria-describedby="incident-undo-merge-text" disabled={busy} onClick={() => void undo()}>
              {t('incidents.detail.undoConfirm')}
            </button>{' '}
            <button type="button" disabled={busy} onClick={() => setAsking(false)}>{t('incidents.detail.undoCancel')}</button>
          </p>
        </div>
      ) : (
        <p>
          <button type="button" ref={undoRef} onClick={() => setAsking(true)}>{t('incidents.detail.undoMerge')}</button>
        </p>
      )}
    </>
  );
}

export default function IncidentDetail({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation('web');
  const [reload, setReload] = useState(0);
  const load = useLoad(() => api<IncidentView>('GET', `/api/incidents/${encodeURIComponent(incidentId)}`), [incidentId, reload]);
  const cases = useLoad(() => api<{ cases: CaseSummary[] }>('GET', '/api/cases?status=open'), []);
  const [caseId, setCaseId] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [added, setAdded] = useState<Evidence | null>(null);
  const [unmerged, setUnmerged] = useState<number | null>(null);
  const sameEventRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => setUnmerged(null), [incidentId]);

  const r = load.data;
  const consent = (r?.body.consent ?? {}) as { useAsEvidence?: boolean };
  const facets = r?.facets as { date?: string; agency?: string; agreementIds?: string[]; models?: string[]; hadAgreement?: string; caseId?: string | null; synthetic?: boolean } | null | undefined;
  const linkedCase = facets?.caseId ?? (typeof r?.body.caseId === 'string' ? r.body.caseId : null);

  const addExhibit = async (target: string) => {
    setBusy(true);
    setFailure(null);
    try {
      const res = await api<{ evidence: Evidence }>('POST', `/api/incidents/${encodeURIComponent(incidentId)}/exhibit`, { caseId: target });
      setAdded(res.evidence);
      setReload((n) => n + 1);
    } catch (err) {
      setFailure(err instanceof ApiFailure ? err : new ApiFailure(0, 'client', ''));
    } finally {
      setBusy(false);
    }
  };
  const submitExhibit = (e: FormEvent) => {
    e.preventDefault();
    if (caseId) void addExhibit(caseId);
  };
  const openCase = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const created = await api<{ id: string }>('POST', '/api/cases', { title: t('incidents.detail.newCaseTitle', { date: facets?.date ?? '' }) });
      await addExhibit(created.id);
      cases.reload();
    } catch (err) {
      setFailure(err instanceof ApiFailure ? err : new ApiFailure(0, 'client', ''));
      setBusy(false);
    }
  };

  return (
    <Screen title={t('incidents.detail.title')}>
      <p>
        <Link href="/incidents/patterns">{t('incidents.patterns.title')}</Link> · <Link href="/incidents/duplicates">{t('incidents.duplicates.title')}</Link>
      </p>
      {load.loading && <Loading />}
      {load.error && <ApiErrorAlert error={load.error} />}
      {r && (
        <>
          <p>
            <strong>{t(`incidents.detail.status.${r.status}`)}</strong>
            {r.submittedAt ? ` — ${t('incidents.detail.submittedAt', { date: r.submittedAt.slice(0, 10) })}` : ''}
          </p>
          {facets?.synthetic && <p className="warning-box">{t('incidents.detail.synthetic')}</p>}
          {r.identifyingHidden && <p className="warning-box">{t('incidents.detail.identifyingHidden')}</p>}

          <h2>{t('incidents.detail.details')}</h2>
          <DetailsList report={r} />

          <h2>{t('incidents.detail.agreementHeading')}</h2>
          {facets ? (
            facets.hadAgreement === 'yes' ? (
              <>
                <p>{t('incidents.detail.agreementOn', { agency: facets.agency ?? '', date: facets.date ?? '' })}</p>
                <ul>
                  {(facets.models ?? []).map((m, i) => (
                    <li key={m}>
                      {t(`incidents:value.model.${m}`, { defaultValue: m })} <code>{facets.agreementIds?.[i] ?? ''}</code>
                    </li>
                  ))}
                </ul>
                <p className="hint">{t('incidents.detail.agreementCheck')}</p>
              </>
            ) : (
              <p>{t(facets.hadAgreement === 'no' ? 'incidents.detail.agreementNone' : 'incidents.detail.agreementUnknown')}</p>
            )
          ) : (
            <p>{t('incidents.detail.agreementUnknown')}</p>
          )}

          <h2 ref={sameEventRef} tabIndex={-1}>{t('incidents.detail.sameEvent')}</h2>
          <div aria-live="polite">{unmerged !== null && <Alert kind="success">{t('incidents.detail.unmerged', { n: unmerged })}</Alert>}</div>
          {r.duplicateOf && (
            <p>
              {t('incidents.detail.mergedInto')} <Link href={`/incidents/${r.duplicateOf}`}>{t('incidents.form.openReport')}</Link>
            </p>
          )}
          {r.mergedIds.length > 0 && (
            <>
              <p>{t('incidents.detail.mergedHere')}</p>
              <ul>
                {r.mergedIds.map((id, i) => (
                  <li key={id}>
                    <Link href={`/incidents/${id}`}>{t('incidents.duplicates.report', { n: i + 2 })}</Link>
                  </li>
                ))}
              </ul>
            </>
          )}
          {(r.duplicateOf || r.mergedIds.length > 0) && (
            <UndoMerge
              key={r.duplicateOf ?? r.id}
              incidentId={r.id}
              onUndone={(n) => {
                setUnmerged(n);
                setReload((x) => x + 1);
                // The button goes away with the merge: keep the keyboard at this section.
                sameEventRef.current?.focus();
              }}
            />
          )}
          {!r.duplicateOf && r.mergedIds.length === 0 && <p>{t('incidents.detail.noDuplicates')}</p>}

          {r.status === 'submitted' && (
            <section aria-labelledby="incident-actions">
              <h2 id="incident-actions">{t('incidents.detail.actions')}</h2>
              {linkedCase && (
                <p>
                  {t('incidents.detail.linkedCase')} <Link href={casePath(linkedCase, 'evidence')}>{t('incidents.detail.openCaseLink')}</Link>
                </p>
              )}
              <div aria-live="polite">
                {added && (
                  <Alert kind="success">
                    {t('incidents.detail.exhibitAdded', { filename: added.filename, sha256: added.sha256 })}{' '}
                    <Link href={casePath(added.caseId, 'evidence')}>{t('incidents.detail.openCaseLink')}</Link>
                  </Alert>
                )}
              </div>
              {failure && <ApiErrorAlert error={failure} />}
              {consent.useAsEvidence === false ? (
                <p>{t('incidents.detail.noConsent')}</p>
              ) : (
                <>
                  {cases.data && cases.data.cases.length === 0 && <p>{t('incidents.detail.noCases')}</p>}
                  {cases.data && cases.data.cases.length > 0 && (
                    <form onSubmit={submitExhibit} className="narrow">
                      <div className="field">
                        <label htmlFor="incident-exhibit-case">{t('incidents.detail.case')}</label>
                        <select id="incident-exhibit-case" value={caseId} onChange={(e) => setCaseId(e.target.value)}>
                          <option value="">{t('incidents.form.choose')}</option>
                          {cases.data.cases.map((c) => (
                            <option key={c.id} value={c.id}>{c.title}</option>
                          ))}
                        </select>
                      </div>
                      <button type="submit" className="primary" disabled={busy || !caseId}>{t('incidents.detail.addExhibit')}</button>
                    </form>
                  )}
                  <p>
                    <button type="button" onClick={() => void openCase()} disabled={busy}>{t('incidents.detail.openCase')}</button>
                  </p>
                </>
              )}
            </section>
          )}
        </>
      )}
    </Screen>
  );
}
