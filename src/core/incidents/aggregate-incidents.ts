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

/** Answer codes per rate, in RATES order: 0 yes, 1 no, 2 unknown. */
const YES = 0;
const NO = 1;
const UNKNOWN = 2;
const code = (v: 'yes' | 'no' | 'unknown') => (v === 'yes' ? YES : v === 'no' ? NO : UNKNOWN);

interface Acc {
  key: string;
  label: string;
  count: number;
  synthetic: number;
  /** counts[rate * 3 + answer] */
  counts: Int32Array;
  beyond: number[];
  /** The events' ids, each followed by the ids of the reports merged into it. */
  reportIds: string[];
}

const newAcc = (key: string, label: string): Acc => ({ key, label, count: 0, synthetic: 0, counts: new Int32Array(RATES.length * 3), beyond: [], reportIds: [] });

function answerCodes(f: IncidentFacets, out: Uint8Array): void {
  out[0] = code(f.askedAboutStatus);
  out[1] = f.stopReason === 'unknown' ? UNKNOWN : f.stopReason === 'none_given' ? YES : NO;
  out[2] = code(f.arrested);
  out[3] = code(f.detainerLodged);
  out[4] = code(f.transferredToIce);
  out[5] = f.minutesBeyondRelease === null ? UNKNOWN : f.minutesBeyondRelease > 0 ? YES : NO;
}

function add(acc: Acc, f: IncidentFacets, a: Uint8Array, dups: string[] | undefined): void {
  acc.count++;
  if (f.synthetic) acc.synthetic++;
  for (let r = 0; r < a.length; r++) acc.counts[r * 3 + a[r]!]!++;
  if (f.minutesBeyondRelease !== null) acc.beyond.push(f.minutesBeyondRelease);
  acc.reportIds.push(f.id);
  if (dups) for (const id of dups) acc.reportIds.push(id);
}

/** The k-th smallest value (0-based) of xs, rearranging xs in place (quickselect, expected linear time). */
function select(xs: number[], k: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  while (lo < hi) {
    const pivot = xs[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (xs[i]! < pivot) i++;
      while (xs[j]! > pivot) j--;
      if (i <= j) {
        const t = xs[i]!;
        xs[i] = xs[j]!;
        xs[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return xs[k]!;
  }
  return xs[k]!;
}

/** Median of the cell's minutes (the list is the cell's own; its order does not matter afterwards). */
function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const mid = xs.length >> 1;
  const upper = select(xs, mid);
  if (xs.length % 2) return medianHours(upper);
  let lower = -Infinity;
  for (let i = 0; i < mid; i++) if (xs[i]! > lower) lower = xs[i]!;
  return medianHours((lower + upper) / 2);
}

function finish(acc: Acc, total: number): AggregateCell {
  const rates = {} as Record<RateId, Rate>;
  RATES.forEach((r, k) => {
    const yes = acc.counts[k * 3 + YES]!;
    const d = yes + acc.counts[k * 3 + NO]!;
    rates[r] = { numerator: yes, denominator: d, rate: d ? yes / d : null, unknown: acc.counts[k * 3 + UNKNOWN]! };
  });
  const reportIds = acc.reportIds;
  return {
    key: acc.key,
    label: acc.label,
    count: acc.count,
    syntheticCount: acc.synthetic,
    share: total ? acc.count / total : 0,
    rates,
    medianHoursBeyondRelease: median(acc.beyond),
    reportCount: reportIds.length,
    reportIds,
  };
}

/** The cell key of an event in one dimension ('model' is handled apart: an event may count under several). */
function keyOf(f: IncidentFacets, d: Exclude<Dimension, 'model'>): string {
  switch (d) {
    case 'agency':
      return f.agencyKey;
    case 'month':
      return f.month;
    case 'place':
      return `${f.county}, ${f.state}`;
    case 'contactKind':
      return f.contactKind;
    case 'stopReason':
      return f.stopReason;
    case 'outcome':
      return f.outcome;
    case 'beyondRelease':
      return beyondReleaseBucket(f.minutesBeyondRelease);
    case 'ethnicity':
    case 'language':
    case 'ageRange':
    case 'gender':
      return f[d];
  }
}

function labelOf(f: IncidentFacets, d: Dimension, key: string): string {
  return d === 'agency' ? `${f.agency} (${f.state})` : key;
}

const SINGLE_DIMENSIONS = DIMENSIONS.filter((d): d is Exclude<Dimension, 'model'> => d !== 'model');

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
  const modelAccs = accs.model;
  let noConsent = 0;
  let outsideFilter = 0;
  let synthetic = 0;
  let reports = 0;
  let first: string | null = null;
  let last: string | null = null;
  const a = new Uint8Array(RATES.length);
  const cell = (m: Map<string, Acc>, key: string, f: IncidentFacets, d: Dimension): Acc => {
    let acc = m.get(key);
    if (!acc) m.set(key, (acc = newAcc(key, labelOf(f, d, key))));
    return acc;
  };
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
    const dups = duplicatesOf.get(f.id);
    reports += 1 + (dups?.length ?? 0);
    if (f.synthetic) synthetic++;
    if (first === null || f.date < first) first = f.date;
    if (last === null || f.date > last) last = f.date;
    answerCodes(f, a);
    add(overall, f, a, dups);
    for (const d of SINGLE_DIMENSIONS) add(cell(accs[d], keyOf(f, d), f, d), f, a, dups);
    if (f.models.length) for (const m of f.models) add(cell(modelAccs, m, f, 'model'), f, a, dups);
    else add(cell(modelAccs, f.hadAgreement === 'no' ? 'none' : 'unknown', f, 'model'), f, a, dups);
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
