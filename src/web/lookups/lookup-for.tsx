/**
 * Lookups inside the interview, from the reference data through the API: for an agency, its 287(g) status on the date
 * of the events; for a facility, the facility and its district court; for a county, its district court. The person
 * can copy the reference spelling into the answer; for a USCIS/consular form or office, what Writ's legal data says about
 * it (src/web/lookups/uscis-card.tsx). The web app shows what the API says; it decides nothing.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiFailure } from '../api.ts';
import { ApiErrorAlert } from '../components/api-error.tsx';
import { getAt, type FactsObject } from '../interview/facts-paths.ts';
import type { EngineMessage } from '../interview/plan-questions.ts';
import { formatDay } from '../format.ts';
import { useMessages } from '../use-messages.ts';
import { UscisCard } from './uscis-card.tsx';

type LookupKind = 'agency' | 'facility' | 'county' | 'uscis';

/** Which facts get a lookup, and where its other inputs (state, date) come from. */
const LOOKUPS: Record<string, { kind: LookupKind; state?: string; date?: string }> = {
  'enforcement.agency.name': { kind: 'agency', state: 'enforcement.agency.state', date: 'enforcement.eventDate' },
  'detention.facility.name': { kind: 'facility', state: 'detention.facility.state' },
  'detention.facility.county': { kind: 'county', state: 'detention.facility.state' },
  'person.residence.county': { kind: 'county', state: 'person.residence.state' },
  'benefitRequest.form': { kind: 'uscis' },
  'benefitRequest.office.type': { kind: 'uscis' },
  'benefitRequest.office.name': { kind: 'uscis' },
};

/** Chosen answers that name no form or office: nothing to look up. */
const NOTHING_TO_LOOK_UP = new Set(['other', 'unknown']);

interface LookupResult {
  status: 'found' | 'ambiguous' | 'not_found';
  value?: any;
  candidates?: any[];
  message?: string;
  messageCode?: EngineMessage;
  noteCode?: EngineMessage;
}

export function LookupFor({ path, facts, query, onUse }: { path: string; facts: FactsObject; query: string; onUse: (v: string) => void }) {
  const cfg = LOOKUPS[path];
  const { t } = useTranslation('web');
  const { msg } = useMessages();
  const [result, setResult] = useState<LookupResult | null>(null);
  const [error, setError] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  if (!cfg) return null;
  const state = cfg.state ? String(getAt(facts, cfg.state) ?? '') : '';
  const date = cfg.date ? String(getAt(facts, cfg.date) ?? '') : '';

  const run = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    const qs = new URLSearchParams();
    let path = '';
    if (cfg.kind === 'agency') {
      qs.set('name', query.trim());
      if (state) qs.set('state', state);
      if (date) qs.set('on', date);
      path = '/api/lookups/agency';
    } else if (cfg.kind === 'facility') {
      qs.set('q', query.trim());
      if (state) qs.set('state', state);
      path = '/api/lookups/facilities';
    } else if (cfg.kind === 'uscis') {
      // A chosen office type is a code (field_office): the API reads it as words.
      qs.set('q', query.trim().replace(/_/g, ' '));
      path = '/api/lookups/uscis';
    } else {
      qs.set('county', query.trim());
      qs.set('state', state);
      path = '/api/lookups/venue';
    }
    try {
      setResult(await api<LookupResult>('GET', `${path}?${qs}`));
    } catch (e) {
      setError(e instanceof ApiFailure ? e : new ApiFailure(0, 'client', ''));
    } finally {
      setBusy(false);
    }
  };

  const canRun =
    query.trim().length > 0 && (cfg.kind !== 'county' || state.length === 2) && (cfg.kind !== 'uscis' || !NOTHING_TO_LOOK_UP.has(query.trim()));
  const values: any[] = result?.status === 'found' ? [result.value] : result?.status === 'ambiguous' ? (result.candidates ?? []).slice(0, 5) : [];

  return (
    <div className="lookup">
      <button type="button" onClick={() => void run()} disabled={!canRun || busy}>
        {t(cfg.kind === 'uscis' ? 'uscis:ui.button' : `lookup.${cfg.kind}.button`)}
      </button>
      {!canRun && <p className="hint">{t(cfg.kind === 'uscis' ? 'uscis:ui.needs' : `lookup.${cfg.kind}.needs`)}</p>}
      <div aria-live="polite" className="lookup-result">
        {busy && <p>{t('app.loading')}</p>}
        {error && <ApiErrorAlert error={error} />}
        {result?.status === 'not_found' && <p>{result.messageCode ? msg(result.messageCode) : t('lookup.notFound')}</p>}
        {result?.status === 'ambiguous' && <p>{t('lookup.ambiguous')}</p>}
        {values.map((v, i) => (
          <div key={i} className="lookup-card">
            {cfg.kind === 'agency' && <AgencyCard v={v} onUse={onUse} />}
            {cfg.kind === 'facility' && <FacilityCard v={v} onUse={onUse} />}
            {cfg.kind === 'county' && <CountyCard v={v} onUse={onUse} />}
            {cfg.kind === 'uscis' && <UscisCard v={v} />}
          </div>
        ))}
      </div>
    </div>
  );
}

function Warnings({ list }: { list?: EngineMessage[] }) {
  const { msg } = useMessages();
  if (!list?.length) return null;
  return (
    <ul className="warnings">
      {list.map((w, i) => (
        <li key={i}>{msg(w)}</li>
      ))}
    </ul>
  );
}

function AgencyCard({ v, onUse }: { v: any; onUse: (s: string) => void }) {
  const { t } = useTranslation('web');
  const { msg } = useMessages();
  return (
    <>
      <p>
        <strong>{v.agency}</strong> ({v.state}) — {t(`lookup.agency.had.${v.hadAgreement}`, { date: v.on ? formatDay(v.on) : '' })}
      </p>
      {v.explanationCode && <p>{msg(v.explanationCode)}</p>}
      {Array.isArray(v.agreements) && v.agreements.length > 0 && (
        <ul>
          {v.agreements.map((a: any) => (
            <li key={a.id}>
              {t('lookup.agency.agreement', { model: a.model, signed: a.signed ? formatDay(a.signed) : t('lookup.unknownDate') })}
              {a.moaUrl && (
                <>
                  {' '}
                  <a href={a.moaUrl} rel="noreferrer" target="_blank">
                    {t('lookup.agency.moa')}
                  </a>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {Array.isArray(v.sheetDates) && v.sheetDates.length > 0 && (
        <p className="hint">{t('lookup.agency.sheets', { first: formatDay(v.sheetDates[0]), last: formatDay(v.sheetDates[v.sheetDates.length - 1]) })}</p>
      )}
      <Warnings list={v.warnings} />
      <button type="button" onClick={() => onUse(v.agency)}>
        {t('lookup.useName')}
      </button>
    </>
  );
}

function FacilityCard({ v, onUse }: { v: any; onUse: (s: string) => void }) {
  const { t } = useTranslation('web');
  return (
    <>
      <p>
        <strong>{v.name}</strong> — {[v.city, v.state].filter(Boolean).join(', ')}
        {v.countyName ? ` (${v.countyName})` : ''}
      </p>
      <p>{v.districtName ? t('lookup.court', { court: v.districtName }) : t('lookup.noCourt')}</p>
      {v.venueNote && <p className="hint">{v.venueNote}</p>}
      <Warnings list={v.warnings} />
      <button type="button" onClick={() => onUse(v.name)}>
        {t('lookup.useName')}
      </button>
    </>
  );
}

function CountyCard({ v, onUse }: { v: any; onUse: (s: string) => void }) {
  const { t } = useTranslation('web');
  return (
    <>
      <p>
        <strong>{v.countyName}</strong> ({v.state}) — {t('lookup.court', { court: v.districtName })}
        {v.division ? ` · ${t('lookup.division', { division: v.division })}` : ''}
      </p>
      <Warnings list={v.warnings} />
      <button type="button" onClick={() => onUse(v.countyName)}>
        {t('lookup.useName')}
      </button>
    </>
  );
}
