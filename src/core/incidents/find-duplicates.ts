/**
 * Finds reports that describe the same event (several witnesses of one stop), so pattern statistics count the event
 * once. Nothing is merged here: the result is a list of candidate pairs with the reasons, and groups (connected
 * pairs) that merge-incidents.ts can combine without losing any report.
 *
 * Two reports are candidates only when they name the same agency (normalised name) in the same state and county,
 * on the same date (one day apart when either date is marked approximate). Then evidence adds up:
 *   same photo/video (same SHA-256)           +5  (enough on its own)
 *   start times within 60 minutes            +2  (more than 3 hours apart rules the pair out)
 *   same address (normalised)                +2  (two different known addresses: −2)
 *   same kind of contact                     +1  (two different known kinds: −2)
 *   same stated reason                       +1
 *   same outcome                             +1  (two different known outcomes: −1)
 * A pair with a score of at least DUPLICATE_THRESHOLD is a candidate. The weights are a documented heuristic
 * (docs/incidents.md), not a legal standard; a person confirms every merge.
 */
import type { Message } from '../../i18n/i18n.ts';
import { foldText, nameKey } from '../reference/normalize-name.ts';
import { agencyKeyOf } from './incident-facets.ts';
import type { IncidentReport } from './incident-schema.ts';
import { instant } from './custody-durations.ts';

export const DUPLICATE_THRESHOLD = 4;

export interface ReportRef {
  id: string;
  report: IncidentReport;
  /** Canonical agency key from the reference link (incident-facets.ts agencyKey); derived from the report when absent. */
  agencyKey?: string;
}

export interface DuplicatePair {
  a: string;
  b: string;
  score: number;
  reasons: Message[];
}

export interface DuplicateGroup {
  /** Report ids, the earliest report first (by date and time, then id). */
  ids: string[];
}

export interface DuplicateResult {
  pairs: DuplicatePair[];
  groups: DuplicateGroup[];
}

const dayNumber = (date: string) => Math.round(Date.parse(date + 'T00:00:00Z') / 86400000);
const norm = (s: string | undefined) => (s ? foldText(s) : '');

function startMinute(r: IncidentReport): number | null {
  return r.when.time ? instant(`${r.when.date}T${r.when.time}`) / 60000 : null;
}

/** Scores one pair; null when they cannot be the same event. */
export function scorePair(x: IncidentReport, y: IncidentReport): { score: number; reasons: Message[] } | null {
  const dayGap = Math.abs(dayNumber(x.when.date) - dayNumber(y.when.date));
  const tolerance = x.when.approximate || y.when.approximate ? 1 : 0;
  if (dayGap > tolerance) return null;
  if (nameKey(x.where.county) !== nameKey(y.where.county)) return null;
  const reasons: Message[] = [{ code: 'incidents:duplicate.sameAgencyPlaceDate' }];
  let score = 0;

  const xs = new Set((x.media ?? []).map((m) => m.sha256));
  const shared = (y.media ?? []).filter((m) => xs.has(m.sha256)).length;
  if (shared > 0) {
    score += 5;
    reasons.push({ code: 'incidents:duplicate.sameMedia', params: { count: shared } });
  }
  const tx = startMinute(x);
  const ty = startMinute(y);
  if (tx !== null && ty !== null && dayGap === 0) {
    const gap = Math.abs(tx - ty);
    if (gap > 180 && shared === 0) return null;
    if (gap <= 60) {
      score += 2;
      reasons.push({ code: 'incidents:duplicate.closeTimes', params: { minutes: Math.round(gap) } });
    }
  }
  const ax = norm(x.where.address);
  const ay = norm(y.where.address);
  if (ax && ax === ay) {
    score += 2;
    reasons.push({ code: 'incidents:duplicate.sameAddress' });
  } else if (ax && ay) {
    score -= 2;
  }
  const known = (v: string) => v !== 'unknown' && v !== 'other';
  if (x.contact.kind === y.contact.kind && known(x.contact.kind)) {
    score += 1;
    reasons.push({ code: 'incidents:duplicate.sameContactKind' });
  } else if (known(x.contact.kind) && known(y.contact.kind)) {
    score -= 2;
  }
  if (x.contact.statedReason === y.contact.statedReason && known(x.contact.statedReason)) {
    score += 1;
    reasons.push({ code: 'incidents:duplicate.sameReason' });
  }
  if (x.outcome === y.outcome && known(x.outcome)) {
    score += 1;
    reasons.push({ code: 'incidents:duplicate.sameOutcome' });
  } else if (known(x.outcome) && known(y.outcome)) {
    score -= 1;
  }
  return { score, reasons };
}

function order(a: ReportRef, b: ReportRef): number {
  const ka = `${a.report.when.date}T${a.report.when.time ?? '99:99'}`;
  const kb = `${b.report.when.date}T${b.report.when.time ?? '99:99'}`;
  return ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Candidate duplicate pairs and groups among the given reports. */
export function findDuplicates(refs: readonly ReportRef[], threshold = DUPLICATE_THRESHOLD): DuplicateResult {
  // Bucket by agency (the pair test requires the same agency), then compare within a sliding window of days.
  const buckets = new Map<string, ReportRef[]>();
  for (const ref of refs) {
    const key = ref.agencyKey ?? agencyKeyOf(ref.report.agency.state, ref.report.agency.name);
    const list = buckets.get(key) ?? [];
    list.push(ref);
    buckets.set(key, list);
  }
  const pairs: DuplicatePair[] = [];
  for (const list of buckets.values()) {
    list.sort(order);
    for (let i = 0; i < list.length; i++) {
      const di = dayNumber(list[i]!.report.when.date);
      for (let j = i + 1; j < list.length; j++) {
        if (dayNumber(list[j]!.report.when.date) - di > 1) break;
        const s = scorePair(list[i]!.report, list[j]!.report);
        if (s && s.score >= threshold) pairs.push({ a: list[i]!.id, b: list[j]!.id, score: s.score, reasons: s.reasons });
      }
    }
  }
  // Groups: connected components of the pairs (union-find).
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const p of pairs) {
    for (const id of [p.a, p.b]) if (!parent.has(id)) parent.set(id, id);
    const ra = find(p.a);
    const rb = find(p.b);
    if (ra !== rb) parent.set(rb, ra);
  }
  const byRoot = new Map<string, ReportRef[]>();
  const refById = new Map(refs.map((r) => [r.id, r]));
  for (const id of parent.keys()) {
    const root = find(id);
    const list = byRoot.get(root) ?? [];
    list.push(refById.get(id)!);
    byRoot.set(root, list);
  }
  const groups = [...byRoot.values()].map((g) => ({ ids: g.sort(order).map((r) => r.id) })).sort((x, y) => (x.ids[0]! < y.ids[0]! ? -1 : 1));
  return { pairs, groups };
}
