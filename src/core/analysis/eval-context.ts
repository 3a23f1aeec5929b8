/**
 * What every evaluator sees: the facts, the analysis date, the venues and circuits, and derived 287(g) facts.
 * Built once per analysis (derive-venue.ts), then read by the element and bar evaluators. Pure.
 */
import type { Facts } from '../facts/facts-schema.ts';
import type { Message } from '../../i18n/i18n.ts';
import type { Question, VenueResult, Finding, Viability } from './types.ts';
import { daysBetween } from '../deadlines/calendar-date.ts';

export type Model287g = 'JEM' | 'TFM' | 'WSO';

export interface EvalContext {
  facts: Facts;
  date: string; // analysis date, YYYY-MM-DD
  venue: VenueResult; // residence (or override) venue
  confinement: VenueResult | null; // where the person is held
  events: VenueResult | null; // where the stop, arrest or hold happened (event county, else the facility of a local hold)
  /** Circuit for residence-based remedies (falls back to the confinement or agency state). */
  circuit: string | null;
  /** Circuit for habeas (district of confinement), falling back to `circuit`. */
  habeasCircuit: string | null;
  /** 287(g) status of the enforcing agency on the event date: from facts, else from the reference data. */
  has287g: 'yes' | 'no' | 'unknown';
  models287g: Model287g[];
  has287gSource: 'facts' | 'reference' | 'none';
  /** State whose cooperation law applies (agency state, else facility state, else residence state). */
  enforcementState: string | null;
  /** Per-analysis memo of pure evaluator results (several remedies share elements, e.g. TRAC for mandamus and APA). */
  memo: Map<unknown, unknown>;
}

/** Runs a pure evaluator once per analysis; later calls with the same function get the same result object. */
export function evalOnce<T>(c: EvalContext, fn: (c: EvalContext) => T): T {
  if (c.memo.has(fn)) return c.memo.get(fn) as T;
  const v = fn(c);
  c.memo.set(fn, v);
  return v;
}

/** What an element evaluator returns. */
export interface ElementEval {
  finding: Finding;
  reasons: Message[];
  facts: string[];
  /** Overrides the rule file's onNotMet for this finding (e.g. a not-yet-ripe § 1447(b) claim). */
  effect?: 'barred' | 'weak';
  questions?: Question[];
  warnings?: Message[];
}

export interface BarEval {
  triggered: true | false | 'unknown';
  reasons: Message[];
  facts: string[];
  /** Overrides the rule file's scope/effect. */
  scope?: 'remedy' | 'relief';
  effect?: 'barred' | 'weak';
  reliefs?: { relief: string; viability: Viability; reasons: Message[] }[];
  questions?: Question[];
  warnings?: Message[];
}

const plain = new Map<string, Message>();
/** A message in the `analysis` namespace (messages without parameters are shared objects: do not mutate). */
export function msg(code: string, params?: Record<string, string | number>): Message {
  if (params) return { code: `analysis:${code}`, params };
  let m = plain.get(code);
  if (!m) {
    m = { code: `analysis:${code}` };
    plain.set(code, m);
  }
  return m;
}

const questions = new Map<string, Question>();
/** The question that would settle a facts path (shared objects: callers must not mutate them). */
export function question(path: string): Question {
  let q = questions.get(path);
  if (!q) {
    q = { path, message: { code: `analysis:question.${path.replace(/\[\d+\]/g, '')}` } };
    questions.set(path, q);
  }
  return q;
}

export function isYes(v: string | undefined): boolean {
  return v === 'yes';
}
export function isNo(v: string | undefined): boolean {
  return v === 'no';
}
/** Missing and 'unknown' are the same: not known. */
export function isUnknown(v: string | undefined): boolean {
  return v === undefined || v === 'unknown';
}

/** Whole years between two dates, one decimal (for messages and heuristics). */
export function yearsBetween(from: string, to: string): number {
  return Math.round((daysBetween(from, to) / 365.25) * 10) / 10;
}
export function monthsBetween(from: string, to: string): number {
  return Math.round((daysBetween(from, to) / 30.4375) * 10) / 10;
}

export function dateOnly(isoDateOrTime: string): string {
  return isoDateOrTime.slice(0, 10);
}

/** The benefit request is still waiting for a decision (a § 221(g) refusal in "administrative processing" counts). */
export function pendingForDelay(f: Facts): boolean | null {
  const b = f.benefitRequest;
  if (!b || b.status === undefined || b.status === 'unknown') return null;
  if (b.status === 'pending') return true;
  if (b.status === 'refused' && b.securityChecks?.agencyStatement === 'administrative_processing') return true;
  return false;
}
