/**
 * Whether two 287(g) rows of different sheets are probably the same agreement under a corrected spelling
 * ("Berrian County Sheriff's Offic" → "Berrian County Sheriff's Office", "Lake Clark Shores" → "Lake Clarke
 * Shores", "New Hampshire State Police" → "New Hampshire State Police Department"): same state and model, and
 * names within three edits or one a prefix of the other (12 letters at least). Callers pair only when exactly
 * one candidate exists each way. Pure.
 */
import { editDistance, nameKey } from './normalize-name.ts';

export interface AgencyRowKey {
  state: string;
  model: string;
  agency: string;
}

export function likelySameAgency(x: AgencyRowKey, y: AgencyRowKey): boolean {
  if (x.state !== y.state || x.model !== y.model) return false;
  const a = nameKey(x.agency);
  const b = nameKey(y.agency);
  if (a === b) return true;
  return editDistance(a, b, 3) <= 3 || ((a.startsWith(b) || b.startsWith(a)) && Math.min(a.length, b.length) >= 12);
}

/** Pairs `gone` with `fresh` entries one-to-one where exactly one candidate exists each way. */
export function pairRenames<T extends AgencyRowKey, U extends AgencyRowKey>(gone: T[], fresh: U[]): Array<[T, U]> {
  const pairs: Array<[T, U]> = [];
  for (const g of gone) {
    const cands = fresh.filter((f) => likelySameAgency(g, f));
    if (cands.length !== 1) continue;
    const f = cands[0]!;
    if (gone.filter((x) => likelySameAgency(x, f)).length !== 1) continue;
    pairs.push([g, f]);
  }
  return pairs;
}
