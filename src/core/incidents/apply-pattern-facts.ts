/**
 * Merging the facts a pattern summary proposes (PatternSummary.facts) into a case's facts, value by value.
 *
 * The values a user can choose are the summary's `basis` paths (each has its reason and the reports behind it).
 * `enforcement.models287g` brings `enforcement.has287g: 'yes'` with it (models imply an agreement).
 * A case's existing answer is never replaced unless `replace` is set: a path counts as answered when it holds a value
 * other than 'unknown' ("unknown" is the open answer the proposed fact is meant to fill). A path whose value is already
 * the proposed one is skipped as 'same'. The result is a new facts document; the input is not changed.
 */
import type { FactsBasis, PatternSummary } from './pattern-summary.ts';

export type SkipReason = 'answered' | 'same' | 'notProposed';

export interface PatternFactsMerge {
  facts: Record<string, unknown>;
  applied: Array<{ path: string; value: unknown; previous: unknown }>;
  skipped: Array<{ path: string; reason: SkipReason; current?: unknown }>;
}

/** Extra paths set together with a chosen path. */
const COMPANIONS: Record<string, string[]> = { 'enforcement.models287g': ['enforcement.has287g'] };

const keysOf = (path: string) => path.split('.');

function getAt(doc: unknown, path: string): unknown {
  let cur: unknown = doc;
  for (const k of keysOf(path)) {
    if (typeof cur !== 'object' || cur === null || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

function setAt(doc: Record<string, unknown>, path: string, value: unknown): void {
  const keys = keysOf(path);
  let cur = doc;
  for (const k of keys.slice(0, -1)) {
    const next = cur[k];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) cur[k] = {};
    cur = cur[k] as Record<string, unknown>;
  }
  cur[keys[keys.length - 1]!] = value;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const open = (v: unknown) => v === undefined || v === null || v === 'unknown';

/**
 * `current`: the case's latest facts (any JSON; an empty or missing document starts as `{ version: 1 }`).
 * `paths`: which proposed values to apply (all of them when absent).
 */
export function mergePatternFacts(
  current: unknown,
  proposed: PatternSummary['facts'],
  opts: { paths?: readonly string[]; replace?: boolean } = {},
): PatternFactsMerge {
  const base = typeof current === 'object' && current !== null && !Array.isArray(current) ? (current as Record<string, unknown>) : {};
  const facts = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
  if (facts.version === undefined) facts.version = 1;
  const byPath = new Map<string, FactsBasis>(proposed.basis.map((b) => [b.path, b]));
  const chosen = opts.paths ? [...new Set(opts.paths)] : [...byPath.keys()];
  const applied: PatternFactsMerge['applied'] = [];
  const skipped: PatternFactsMerge['skipped'] = [];
  for (const path of chosen) {
    if (!byPath.has(path)) {
      skipped.push({ path, reason: 'notProposed' });
      continue;
    }
    const unit = [path, ...(COMPANIONS[path] ?? [])].map((p) => ({ path: p, value: getAt(proposed.patch, p) })).filter((u) => u.value !== undefined);
    const answered = unit.find((u) => !open(getAt(facts, u.path)) && !same(getAt(facts, u.path), u.value));
    if (answered && !opts.replace) {
      skipped.push({ path, reason: 'answered', current: getAt(facts, answered.path) });
      continue;
    }
    if (unit.every((u) => same(getAt(facts, u.path), u.value))) {
      skipped.push({ path, reason: 'same', current: getAt(facts, path) });
      continue;
    }
    for (const u of unit) {
      const previous = getAt(facts, u.path);
      if (same(previous, u.value)) continue;
      setAt(facts, u.path, u.value);
      applied.push({ path: u.path, value: u.value, previous: previous ?? null });
    }
  }
  return { facts, applied, skipped };
}
