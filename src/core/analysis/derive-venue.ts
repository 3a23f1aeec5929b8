/**
 * Venue and circuit for a case: the residence (or a lawyer's explicit facts.venue), and the place of confinement.
 * With a Reference: county → district → circuit, facility → district; without one: the state's circuit.
 * Also the enforcing agency's 287(g) position on the event date. Pure.
 */
import type { Facts } from '../facts/facts-schema.ts';
import type { Reference } from '../reference/reference.ts';
import type { VenueResult } from './types.ts';
import type { EvalContext, Model287g } from './eval-context.ts';
import { msg } from './eval-context.ts';
import { circuitForState } from './state-circuit.ts';

/**
 * Reference lookups are pure functions of their query, and batch runs ask about the same counties, facilities and
 * agencies again and again: memoize them per Reference instance (a new Reference gets a fresh memo).
 */
const memos = new WeakMap<Reference, Map<string, unknown>>();
const MEMO_MAX = 50_000;
function memo<T>(ref: Reference, key: string, compute: () => T): T {
  let m = memos.get(ref);
  if (!m) {
    m = new Map();
    memos.set(ref, m);
  }
  if (m.has(key)) return m.get(key) as T;
  const v = compute();
  if (m.size >= MEMO_MAX) m.clear();
  m.set(key, v);
  return v;
}

function none(reason: string): VenueResult {
  return { source: 'none', courtId: null, districtName: null, circuit: null, reasons: [msg(`venue.${reason}`)] };
}

function byState(state: string, source: VenueResult['source'] = 'state'): VenueResult {
  const circuit = circuitForState(state);
  return { source, courtId: null, districtName: null, circuit, reasons: [msg('venue.stateOnly', { state, circuit: circuit ?? '?' })] };
}

function byCounty(ref: Reference | undefined, state: string, county: string, source: VenueResult['source']): VenueResult | null {
  if (!ref) return null;
  const r = memo(ref, `county|${state}|${county}`, () => ref.countyVenue({ state, county }));
  if (r.status !== 'found') return null;
  const v = r.value;
  return {
    source,
    courtId: v.courtId,
    districtName: v.districtName,
    circuit: v.circuit,
    reasons: [msg(source === 'facility' ? 'venue.fromFacilityCounty' : source === 'events' ? 'venue.fromEventCounty' : 'venue.fromCounty', { county: v.countyName, state: v.state, district: v.districtName, circuit: v.circuit, section: v.uscSection })],
  };
}

export function residenceVenue(f: Facts, ref?: Reference): VenueResult {
  const o = f.venue;
  if (o && (o.courtId || o.circuit)) {
    const court = o.courtId && ref ? memo(ref, `court|${o.courtId}`, () => ref.court(o.courtId!)) : null;
    const circuit = o.circuit ?? court?.circuit ?? (o.courtId ? circuitForState(o.courtId.slice(0, 2).toUpperCase()) : null);
    return {
      source: 'facts.venue',
      courtId: o.courtId ?? null,
      districtName: court?.districtName ?? null,
      circuit,
      reasons: [msg('venue.override', { court: o.courtId ?? '—', circuit: circuit ?? '?' })],
    };
  }
  const r = f.person?.residence;
  if (r?.state && r.county) {
    const v = byCounty(ref, r.state, r.county, 'residence');
    if (v) return v;
    const s = byState(r.state);
    if (ref) s.reasons.unshift(msg('venue.countyNotFound', { county: r.county, state: r.state }));
    return s;
  }
  if (r?.zip && ref) {
    const z = memo(ref, `zip|${r.zip}`, () => ref.zipVenue(r.zip!));
    if (z.status === 'found' && z.value.length > 0) {
      const courts = new Set(z.value.map((v) => v.courtId));
      const v = z.value[0]!;
      if (courts.size === 1) {
        return { source: 'residence', courtId: v.courtId, districtName: v.districtName, circuit: v.circuit, reasons: [msg('venue.fromZip', { district: v.districtName, circuit: v.circuit })] };
      }
      // A ZIP code that spans districts: the county decides (the state still gives the circuit).
      const s = byState(v.state);
      s.reasons.unshift(msg('venue.zipSpansDistricts'));
      return s;
    }
  }
  if (r?.state) return byState(r.state);
  return none('noResidence');
}

export function confinementVenue(f: Facts, ref?: Reference): VenueResult | null {
  const fac = f.detention?.facility;
  if (!fac) return null;
  if (ref) {
    const found = fac.id ? memo(ref, `facilityId|${fac.id}`, () => ref.facilityById(fac.id!)) : null;
    const look = !found && fac.name ? memo(ref, `facility|${fac.name}|${fac.state ?? ''}`, () => ref.facility(fac.name!, fac.state)) : null;
    const v = found ?? (look && look.status === 'found' ? look.value : null);
    if (v && v.courtId && v.circuit) {
      return { source: 'facility', courtId: v.courtId, districtName: v.districtName, circuit: v.circuit, reasons: [msg('venue.fromFacility', { facility: v.name, district: v.districtName ?? v.courtId })] };
    }
  }
  if (fac.state && fac.county) {
    const v = byCounty(ref, fac.state, fac.county, 'facility');
    if (v) return v;
  }
  if (fac.state) return byState(fac.state, 'facility');
  return none('noFacility');
}

/** Where the events happened: the event county in the agency's state, else the jail of a local hold. */
export function eventsVenue(f: Facts, confinement: VenueResult | null, ref?: Reference): VenueResult | null {
  const e = f.enforcement;
  const state = e?.agency?.state;
  if (state && e?.eventCounty) {
    const v = byCounty(ref, state, e.eventCounty, 'events');
    if (v) return v;
  }
  const t = f.detention?.custodianType;
  if (confinement && confinement.source !== 'none' && (t === 'county_jail_ice_hold' || t === 'county_jail_287g')) return confinement;
  return null;
}

/**
 * Whether agency287g looks the facts' agency up in the 287(g) sheets: a local agency (not ICE or CBP) is named and the
 * facts do not say whether it had an agreement. Callers use it to load the sheets only when they are needed.
 */
export function needs287gSheets(f: Facts): boolean {
  const e = f.enforcement;
  if (e?.has287g && e.has287g !== 'unknown') return false;
  return Boolean(e?.agency?.name && e.agency.type && e.agency.type !== 'ice' && e.agency.type !== 'cbp');
}

export function agency287g(f: Facts, date: string, ref?: Reference): Pick<EvalContext, 'has287g' | 'models287g' | 'has287gSource'> {
  const e = f.enforcement;
  if (e?.has287g && e.has287g !== 'unknown') {
    return { has287g: e.has287g, models287g: [...(e.models287g ?? [])], has287gSource: 'facts' };
  }
  const name = e?.agency?.name;
  if (ref && name && needs287gSheets(f)) {
    const on = e?.eventDate ?? date;
    const state = e?.agency?.state;
    const r = memo(ref, `287g|${name}|${state ?? ''}|${on}`, () => ref.agency287g({ name, ...(state ? { state } : {}), on }));
    if (r.status === 'found') {
      const models = [...new Set(r.value.agreements.map((a) => a.model))] as Model287g[];
      return { has287g: r.value.hadAgreement, models287g: e.models287g?.length ? [...e.models287g] : models, has287gSource: 'reference' };
    }
  }
  return { has287g: 'unknown', models287g: [...(e?.models287g ?? [])], has287gSource: 'none' };
}

export function buildEvalContext(f: Facts, date: string, ref?: Reference): EvalContext {
  const venue = residenceVenue(f, ref);
  const confinement = confinementVenue(f, ref);
  const events = eventsVenue(f, confinement, ref);
  const agencyState = f.enforcement?.agency?.state;
  const circuit = venue.circuit ?? confinement?.circuit ?? circuitForState(agencyState);
  const habeasCircuit = confinement?.circuit ?? (venue.source === 'facts.venue' ? venue.circuit : null);
  return {
    facts: f,
    date,
    venue,
    confinement,
    events,
    circuit,
    habeasCircuit,
    ...agency287g(f, date, ref),
    enforcementState: agencyState ?? f.detention?.facility?.state ?? f.person?.residence?.state ?? null,
    memo: new Map(),
  };
}
