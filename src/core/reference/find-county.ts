/**
 * Finds a county (or county equivalent: parish, borough, census area, independent city, Puerto Rico
 * municipio) of a state from what a person types: "Alameda", "Alameda County", "06001", "Doña Ana",
 * "Dona Ana Co", "St. Louis city", "Saint Louis County", "City of Fairfax", "Orleans Parish".
 *
 * Virginia (and Maryland, Missouri, Nevada) have independent cities that share a name with a county
 * (Fairfax County / Fairfax city). A bare name picks the county and says so when both lie in the same
 * district; when they lie in different districts (Franklin County → W.D. Va., Franklin city → E.D. Va.)
 * the answer is ambiguous, because guessing would send a filing to the wrong court.
 * Pure.
 */
import type { Message } from '../../i18n/i18n.ts';
import { editDistance, foldText, nameKey, typoAllowance } from './normalize-name.ts';

export type CountyKind = 'county' | 'parish' | 'borough' | 'census area' | 'city and borough' | 'municipality' | 'municipio' | 'city' | 'planning region' | 'other';

export interface CountyEntry {
  fips: string;
  state: string;
  name: string; // Census name
  courtId: string;
}

interface Indexed {
  entry: CountyEntry;
  base: string; // key without the kind word: 'fairfax', 'saintlouis', 'donaana'
  kind: CountyKind;
  full: string; // key of the whole name: 'jamescitycounty'
}

const KIND_SUFFIXES: Array<[string, CountyKind]> = [
  ['city and borough', 'city and borough'],
  ['census area', 'census area'],
  ['planning region', 'planning region'],
  ['municipality', 'municipality'],
  ['municipio', 'municipio'],
  ['borough', 'borough'],
  ['parish', 'parish'],
  ['county', 'county'],
  ['city', 'city'],
];

/** Splits a Census name into its base and its kind: "Fairfax city" → fairfax / city. */
export function splitCensusName(name: string): { base: string; kind: CountyKind } {
  const folded = foldText(name);
  for (const [suffix, kind] of KIND_SUFFIXES) {
    if (folded.endsWith(' ' + suffix)) return { base: nameKey(folded.slice(0, -suffix.length)), kind };
  }
  return { base: nameKey(folded), kind: 'other' };
}

/** What the person typed: its base name and the kind word they used, if any ("City of Fairfax" → fairfax / city). */
export function splitQuery(text: string): { base: string; kind: CountyKind | null } {
  let folded = foldText(text).replace(/\b(co|cnty|cty)$/, 'county');
  let kind: CountyKind | null = null;
  const prefix = /^(city|county|parish|borough|municipio|municipality) of /.exec(folded);
  if (prefix) {
    kind = prefix[1] as CountyKind;
    folded = folded.slice(prefix[0].length);
  } else {
    for (const [suffix, k] of KIND_SUFFIXES) {
      if (folded.endsWith(' ' + suffix)) {
        kind = k;
        folded = folded.slice(0, -suffix.length - 1);
        break;
      }
    }
  }
  return { base: nameKey(folded), kind };
}

/** Kinds a typed kind word accepts: "county" also finds a parish, a borough or a municipio. */
function compatible(typed: CountyKind, actual: CountyKind): boolean {
  if (typed === actual) return true;
  if (typed === 'city') return actual === 'city and borough';
  if (actual === 'city') return false;
  return true;
}

export type CountyResult =
  | { status: 'found'; entry: CountyEntry; note: Message | null }
  | { status: 'ambiguous'; entries: CountyEntry[]; message: Message }
  | { status: 'not_found'; message: Message };

export class CountyFinder {
  private readonly byState = new Map<string, Indexed[]>();
  private readonly byFips = new Map<string, CountyEntry>();
  private readonly aliases = new Map<string, Map<string, string>>(); // state → alias base → fips

  constructor(entries: CountyEntry[], aliases: Array<[fips: string, name: string]> = []) {
    for (const entry of entries) {
      const { base, kind } = splitCensusName(entry.name);
      const list = this.byState.get(entry.state) ?? [];
      list.push({ entry, base, kind, full: nameKey(entry.name) });
      this.byState.set(entry.state, list);
      this.byFips.set(entry.fips, entry);
    }
    for (const [fips, name] of aliases) {
      const e = this.byFips.get(fips);
      if (!e) continue;
      const m = this.aliases.get(e.state) ?? new Map<string, string>();
      m.set(splitQuery(name).base, fips);
      this.aliases.set(e.state, m);
    }
  }

  byFipsCode(fips: string): CountyEntry | null {
    return this.byFips.get(fips) ?? null;
  }

  find(state: string, text: string, stateFips: string | null): CountyResult {
    const input = text.trim();
    if (!input) return { status: 'not_found', message: { code: 'reference:county.empty' } };
    if (/^\d{5}$/.test(input)) {
      const e = this.byFips.get(input);
      if (!e) return { status: 'not_found', message: { code: 'reference:county.unknownFips', params: { fips: input } } };
      if (e.state !== state) return { status: 'not_found', message: { code: 'reference:county.fipsOtherState', params: { fips: input, county: e.name, state: e.state, asked: state } } };
      return { status: 'found', entry: e, note: null };
    }
    if (/^\d{3}$/.test(input) && stateFips) return this.find(state, stateFips + input, stateFips);
    const list = this.byState.get(state);
    if (!list) return { status: 'not_found', message: { code: 'reference:county.noCountiesForState', params: { state } } };

    const q = splitQuery(input);
    let matches = list.filter((c) => c.base === q.base);
    // "Carson City", "James City County": the kind word may be part of the name itself.
    if (matches.length === 0) {
      const whole = nameKey(input);
      matches = list.filter((c) => c.base === whole || c.full === whole);
    }
    if (matches.length === 0) {
      const aliasFips = this.aliases.get(state)?.get(q.base);
      const e = aliasFips ? this.byFips.get(aliasFips) : undefined;
      if (e) return { status: 'found', entry: e, note: { code: 'reference:county.matchedAlias', params: { input, county: e.name } } };
    }
    let fuzzy = false;
    if (matches.length === 0 && q.base.length >= 3) {
      const allowance = Math.max(1, typoAllowance(q.base.length));
      let best = allowance + 1;
      for (const c of list) {
        const d = editDistance(q.base, c.base, allowance);
        if (d < best) {
          best = d;
          matches = [c];
        } else if (d === best && d <= allowance) matches.push(c);
      }
      if (best > allowance) matches = [];
      fuzzy = matches.length > 0;
    }
    if (matches.length === 0) return { status: 'not_found', message: { code: 'reference:county.notFound', params: { county: input, state } } };

    if (q.kind) {
      const typed = matches.filter((c) => compatible(q.kind!, c.kind));
      if (typed.length) matches = typed;
    }
    if (matches.length === 1) {
      const e = matches[0]!.entry;
      const note: Message | null = fuzzy
        ? { code: 'reference:county.matchedTypo', params: { input, county: e.name } }
        : null;
      return { status: 'found', entry: e, note };
    }
    // Several counties share the base name (Fairfax County / Fairfax city).
    const entries = matches.map((m) => m.entry);
    const districts = new Set(entries.map((e) => e.courtId));
    const counties = matches.filter((m) => m.kind !== 'city');
    if (districts.size === 1 && counties.length === 1) {
      const chosen = counties[0]!.entry;
      const others = entries.filter((e) => e !== chosen).map((e) => e.name).join(', ');
      return { status: 'found', entry: chosen, note: { code: 'reference:county.choseCounty', params: { input, county: chosen.name, others } } };
    }
    return {
      status: 'ambiguous',
      entries,
      message: {
        code: districts.size > 1 ? 'reference:county.ambiguousDistricts' : 'reference:county.ambiguous',
        params: { input, candidates: entries.map((e) => e.name).join(', ') },
      },
    };
  }
}
