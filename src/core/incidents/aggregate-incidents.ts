/**
 * Pattern statistics over incident reports: counts, shares and rates by agency, 287(g) model, month, place, stated
 * stop reason, outcome, time held beyond release and the demographic fields reports record — with the ids of the
 * reports behind every number.
 *
 * What is counted (also written in the PDF's methods section and docs/incidents.md):
 * - an EVENT is a report that is not marked as a duplicate of another; duplicates are not counted again but their
 *   ids are listed behind the number with the event's own id (`reportIds`), so no report disappears;
 * - reports whose reporter did not consent to statistics are never counted (they are reported as `excluded`);
 * - a rate is yes ÷ (yes + no): reports that do not know the answer are left out of its denominator, and the
 *   number of unknowns is given beside it;
 * - an agency may hold several 287(g) models on one date, so an event is counted under each model in force and the
 *   model rows may add up to more than the total.
 */
import { BEYOND_RELEASE_BUCKETS, beyondReleaseBucket } from './custody-durations.ts';
import type { IncidentFacets } from './incident-facets.ts';

export const DIMENSIONS = [
  'agency',
  'model',
  'month',
  'place',
  'contactKind',
  'stopReason',
  'outcome',
  'beyondRelease',
  'ethnicity',
  'language',
  'ageRange',
  'gender',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const RATES = ['askedAboutStatus', 'noReasonGiven', 'arrested', 'detainerLodged', 'transferredToIce', 'heldBeyondRelease'] as const;
export type RateId = (typeof RATES)[number];

export interface Rate {
  numerator: number;
  denominator: number;
  /** numerator ÷ denominator; null when the denominator is 0. */
  rate: number | null;
  /** Events that do not know the answer (left out of the denominator). */
  unknown: number;
}

export interface AggregateCell {
  /** The value: an agency key, 'TFM', '2025-03', 'Collier County, FL', 'traffic_violation', … */
  key: string;
  /** A label when the key is not readable on its own (agency and place names). */
  label: string;
  /** Events (duplicates counted once). */
  count: number;
  /** Of them, synthetic (generated test data). */
  syntheticCount: number;
  /** count ÷ all events counted (for 'model': events ÷ all events, so rows can add up to more than 1). */
  share: number;
  rates: Record<RateId, Rate>;
  /** Median clock hours held beyond the moment of release, among events that know both times; null when none. */
  medianHoursBeyondRelease: number | null;
  /** Reports behind the number: the events and the reports merged into them. */
  reportCount: number;
  /**
   * Their ids. In-memory aggregation fills this; the store's SQL aggregation leaves it empty and answers
   * `reportIds(dimension, key)` when someone opens the number.
   */
  reportIds: string[];
}

export interface AggregateOptions {
  /** First and last date (YYYY-MM-DD, inclusive). */
  from?: string;
  to?: string;
  /** Only these agencies (agency keys). */
  agencyKeys?: readonly string[];
  /** Count synthetic (generated) reports. Default true; real analyses should pass false. */
  includeSynthetic?: boolean;
}

export interface Aggregates {
  /** Events counted. */
  events: number;
  /** Reports behind them (events + their duplicates). */
  reports: number;
  /** Events that are synthetic (generated test data). */
  syntheticEvents: number;
  excluded: { noConsent: number; outsideFilter: number };
  firstDate: string | null;
  lastDate: string | null;
  overall: AggregateCell;
  dimensions: Record<Dimension, AggregateCell[]>;
  options: AggregateOptions;
}

interface Acc {
  key: string;
  label: string;
  count: number;
  synthetic: number;
  yes: Record<RateId, number>;
  no: Record<RateId, number>;
  unknown: Record<RateId, number>;
  beyond: number[];
  reportIds: string[];
}

const zero = (): Record<RateId, number> => ({ askedAboutStatus: 0, noReasonGiven: 0, arrested: 0, detainerLodged: 0, transferredToIce: 0, heldBeyondRelease: 0 });
const newAcc = (key: string, label: string): Acc => ({ key, label, count: 0, synthetic: 0, yes: zero(), no: zero(), unknown: zero(), beyond: [], reportIds: [] });

function answers(f: IncidentFacets): Record<RateId, 'yes' | 'no' | 'unknown'> {
  return {
    askedAboutStatus: f.askedAboutStatus,
    noReasonGiven: f.stopReason === 'unknown' ? 'unknown' : f.stopReason === 'none_given' ? 'yes' : 'no',
    arrested: f.arrested,
    detainerLodged: f.detainerLodged,
    transferredToIce: f.transferredToIce,
    heldBeyondRelease: f.minutesBeyondRelease === null ? 'unknown' : f.minutesBeyondRelease > 0 ? 'yes' : 'no',
  };
}

function add(acc: Acc, f: IncidentFacets, a: Record<RateId, 'yes' | 'no' | 'unknown'>, ids: readonly string[]): void {
  acc.count++;
  if (f.synthetic) acc.synthetic++;
  for (const r of RATES) acc[a[r]][r]++;
  if (f.minutesBeyondRelease !== null) acc.beyond.push(f.minutesBeyondRelease);
  for (const id of ids) acc.reportIds.push(id);
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return medianHours(s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2);
}

function finish(acc: Acc, total: number): AggregateCell {
  const rates = {} as Record<RateId, Rate>;
  for (const r of RATES) {
    const d = acc.yes[r] + acc.no[r];
    rates[r] = { numerator: acc.yes[r], denominator: d, rate: d ? acc.yes[r] / d : null, unknown: acc.unknown[r] };
  }
  return {
    key: acc.key,
    label: acc.label,
    count: acc.count,
    syntheticCount: acc.synthetic,
    share: total ? acc.count / total : 0,
    rates,
    medianHoursBeyondRelease: median(acc.beyond),
    reportCount: acc.reportIds.length,
    reportIds: acc.reportIds,
  };
}

function keysOf(f: IncidentFacets, d: Dimension): Array<[string, string]> {
  switch (d) {
    case 'agency':
      return [[f.agencyKey, `${f.agency} (${f.state})`]];
    case 'model':
      return f.models.length ? f.models.map((m) => [m, m]) : [[f.hadAgreement === 'no' ? 'none' : 'unknown', f.hadAgreement === 'no' ? 'none' : 'unknown']];
    case 'month':
      return [[f.month, f.month]];
    case 'place': {
      const p = `${f.county}, ${f.state}`;
      return [[p, p]];
    }
    case 'contactKind':
      return [[f.contactKind, f.contactKind]];
    case 'stopReason':
      return [[f.stopReason, f.stopReason]];
    case 'outcome':
      return [[f.outcome, f.outcome]];
    case 'beyondRelease': {
      const b = beyondReleaseBucket(f.minutesBeyondRelease);
      return [[b, b]];
    }
    case 'ethnicity':
    case 'language':
    case 'ageRange':
    case 'gender':
      return [[f[d], f[d]]];
  }
}

/** Fixed orders for dimensions whose values have a natural order; others sort by count (then key). */
const ORDERED: Partial<Record<Dimension, readonly string[]>> = {
  beyondRelease: [...BEYOND_RELEASE_BUCKETS, 'unknown'],
};

/** The order cells are shown in: months and time buckets in their own order, others by count (then key). */
export function sortCells(d: Dimension, cells: AggregateCell[]): AggregateCell[] {
  const order = ORDERED[d];
  if (order) return cells.sort((x, y) => order.indexOf(x.key) - order.indexOf(y.key));
  if (d === 'month') return cells.sort((x, y) => (x.key < y.key ? -1 : 1));
  return cells.sort((x, y) => y.count - x.count || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

/** Median of minutes, in hours with one decimal (the same rounding for the in-memory and the SQL aggregation). */
export function medianHours(minutes: number | null): number | null {
  return minutes === null ? null : Math.round((minutes / 60) * 10) / 10;
}

export function aggregateIncidents(facets: readonly IncidentFacets[], options: AggregateOptions = {}): Aggregates {
  const includeSynthetic = options.includeSynthetic ?? true;
  const agencies = options.agencyKeys ? new Set(options.agencyKeys) : null;
  const inFilter = (f: IncidentFacets) =>
    (includeSynthetic || !f.synthetic) &&
    (!options.from || f.date >= options.from) &&
    (!options.to || f.date <= options.to) &&
    (!agencies || agencies.has(f.agencyKey));

  // Duplicates are listed behind their event; an event's duplicates are found by id.
  const duplicatesOf = new Map<string, string[]>();
  for (const f of facets) {
    if (f.duplicateOf) {
      const list = duplicatesOf.get(f.duplicateOf) ?? [];
      list.push(f.id);
      duplicatesOf.set(f.duplicateOf, list);
    }
  }

  const overall = newAcc('all', 'all');
  const accs = Object.fromEntries(DIMENSIONS.map((d) => [d, new Map<string, Acc>()])) as Record<Dimension, Map<string, Acc>>;
  let noConsent = 0;
  let outsideFilter = 0;
  let synthetic = 0;
  let reports = 0;
  let first: string | null = null;
  let last: string | null = null;
  for (const f of facets) {
    if (f.duplicateOf) continue;
    if (!f.countable) {
      noConsent++;
      continue;
    }
    if (!inFilter(f)) {
      outsideFilter++;
      continue;
    }
    const ids = [f.id, ...(duplicatesOf.get(f.id) ?? [])];
    reports += ids.length;
    if (f.synthetic) synthetic++;
    if (first === null || f.date < first) first = f.date;
    if (last === null || f.date > last) last = f.date;
    const a = answers(f);
    add(overall, f, a, ids);
    for (const d of DIMENSIONS) {
      const m = accs[d];
      for (const [key, label] of keysOf(f, d)) {
        let acc = m.get(key);
        if (!acc) m.set(key, (acc = newAcc(key, label)));
        add(acc, f, a, ids);
      }
    }
  }
  const total = overall.count;
  const dimensions = {} as Record<Dimension, AggregateCell[]>;
  for (const d of DIMENSIONS) dimensions[d] = sortCells(d, [...accs[d].values()].map((acc) => finish(acc, total)));
  return {
    events: total,
    reports,
    syntheticEvents: synthetic,
    excluded: { noConsent, outsideFilter },
    firstDate: first,
    lastDate: last,
    overall: finish(overall, total),
    dimensions,
    options: { ...options, includeSynthetic },
  };
}
