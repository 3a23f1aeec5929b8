/**
 * "Type a USCIS office or form and see what is known": recognises a form number (I-485, N-400, …, or a visa at a
 * consulate) and/or the KIND of office (field office, service center, asylum office, National Visa Center, consulate or
 * embassy) in what the person typed, and answers from rules/uscis/uscis.json: the remedies the form leads to, the
 * delays courts weighed, whom to name as defendants, the venue rule, and the warnings SPEC attaches.
 *
 * Writ holds no directory of offices and no processing times: every answer points to USCIS's public processing-times
 * page instead. Pure (static JSON import, no I/O); text is returned as message codes in the `uscis` namespace.
 */
import data from '../../../rules/uscis/uscis.json' with { type: 'json' };
import type { Message } from '../../i18n/i18n.ts';
import type { Lookup } from '../reference/reference.ts';
import { foldText } from '../reference/normalize-name.ts';

export interface UscisCitation {
  cite: string;
  url: string;
  spec: string;
}

export type UscisFlagKind = 'fastMoving' | 'verify' | 'circuitDependent' | 'caution';

export interface UscisFlag {
  id: string;
  kinds: UscisFlagKind[];
  message: Message;
  citations: UscisCitation[];
}

export interface UscisDuration {
  id: string;
  context: Message;
  delay: Message;
  result: Message;
  cases: string[];
  spec: string;
}

export interface UscisRule {
  id: string;
  message: Message;
  citations: UscisCitation[];
}

export interface UscisPath {
  id: string;
  text: Message;
  /** Writ remedy ids (src/core/analysis/types.ts RemedyId). */
  remedies: string[];
  /** The form to file first (an N-400 denial → N-336), if any. */
  nextForm: string | null;
  defendants: UscisRule | null;
  venue: UscisRule | null;
  flags: UscisFlag[];
  citations: UscisCitation[];
}

export interface UscisForm {
  id: string;
  name: Message;
  /** Where the plain name comes from: a SPEC section or a named public source. */
  nameSource: string;
  agency: 'uscis' | 'state_department';
  agencyName: Message;
  paths: UscisPath[];
  durations: UscisDuration[];
}

export interface UscisOffice {
  kind: 'field_office' | 'service_center' | 'asylum_office' | 'nvc' | 'consulate';
  name: Message;
  agency: 'uscis' | 'state_department';
  agencyName: Message;
  spec: string;
  defendants: UscisRule[];
  venues: UscisRule[];
  flags: UscisFlag[];
}

export interface UscisAnswer {
  query: string;
  forms: UscisForm[];
  office: UscisOffice | null;
  /** Writ holds no office directory or processing times; this is where to check them. */
  processingTimes: { name: string; url: string; message: Message };
}

type Data = typeof data;
type FlagId = keyof Data['flags'];
type DefendantsId = keyof Data['defendants'];
type VenueId = keyof Data['venues'];
type DurationId = keyof Data['durations'];

const m = (code: string, params?: Record<string, string | number>): Message => (params ? { code: `uscis:${code}`, params } : { code: `uscis:${code}` });

function flag(id: string): UscisFlag {
  const f = data.flags[id as FlagId];
  if (!f) throw new Error(`rules/uscis/uscis.json: unknown flag ${id}`);
  return { id, kinds: f.kinds as UscisFlagKind[], message: m(`flags.${id}`), citations: f.citations };
}

function defendants(id: string): UscisRule {
  const d = data.defendants[id as DefendantsId];
  if (!d) throw new Error(`rules/uscis/uscis.json: unknown defendants ${id}`);
  return { id, message: m(`defendants.${id}`), citations: 'citations' in d ? d.citations : [] };
}

function venue(id: string): UscisRule {
  const v = data.venues[id as VenueId];
  if (!v) throw new Error(`rules/uscis/uscis.json: unknown venue ${id}`);
  return { id, message: m(`venues.${id}`), citations: v.citations };
}

function duration(id: string): UscisDuration {
  const d = data.durations[id as DurationId];
  if (!d) throw new Error(`rules/uscis/uscis.json: unknown duration ${id}`);
  return { id, context: m(`durations.${id}.context`), delay: m(`durations.${id}.delay`), result: m(`durations.${id}.result`), cases: d.cases, spec: d.spec };
}

type FormEntry = Data['forms'][number];
type OfficeEntry = Data['offices'][number];

function resolveForm(f: FormEntry): UscisForm {
  return {
    id: f.id,
    name: m(`forms.${f.id}.name`),
    nameSource: f.nameSource,
    agency: f.agency as UscisForm['agency'],
    agencyName: m(`agency.${f.agency}`),
    paths: f.paths.map((p) => ({
      id: p.id,
      text: m(`paths.${p.id}`),
      remedies: p.remedies,
      nextForm: 'nextForm' in p && typeof p.nextForm === 'string' ? p.nextForm : null,
      defendants: 'defendants' in p && typeof p.defendants === 'string' ? defendants(p.defendants) : null,
      venue: 'venue' in p && typeof p.venue === 'string' ? venue(p.venue) : null,
      flags: p.flags.map(flag),
      citations: p.citations,
    })),
    durations: f.durations.map(duration),
  };
}

function resolveOffice(o: OfficeEntry): UscisOffice {
  return {
    kind: o.kind as UscisOffice['kind'],
    name: m(`offices.${o.kind}`),
    agency: o.agency as UscisOffice['agency'],
    agencyName: m(`agency.${o.agency}`),
    spec: o.spec,
    defendants: o.defendants.map(defendants),
    venues: o.venues.map(venue),
    flags: o.flags.map(flag),
  };
}

/** Every form entry, resolved (for the data tests and for a complete listing). */
export function uscisForms(): UscisForm[] {
  return data.forms.map(resolveForm);
}

/** Every office kind, resolved. */
export function uscisOffices(): UscisOffice[] {
  return data.offices.map(resolveOffice);
}

/** Folded like the reference lookups (foldText: lower case, accents removed, punctuation to spaces), padded with a space each side for whole-word matches. */
function normalise(s: string): string {
  return ` ${foldText(s)} `;
}

/** Form numbers in the text: "I-485", "i485", "I 485", "n-400", "Form N‑336". */
function formIdsIn(q: string): string[] {
  const found: string[] = [];
  for (const mt of q.toUpperCase().matchAll(/\b([IN])\s*[-‐‑–—]?\s*(\d{3}[A-Z]?)\b/g)) found.push(`${mt[1]}-${mt[2]}`);
  const n = normalise(q);
  if (/ (visa|visas|visado|consular processing|tramite consular) /.test(n)) found.push('visa');
  return [...new Set(found)];
}

function officeKindIn(q: string): OfficeEntry | null {
  const n = normalise(q);
  // First match in the data's order; "consular" alone is read as a consulate only when no other kind matches.
  return data.offices.find((o) => o.match.some((w) => n.includes(normalise(w)))) ?? null;
}

/**
 * What Writ knows about the form(s) and/or office kind named in `q`. `not_found` when neither is recognised, or when
 * a form number is recognised but SPEC says nothing specific about it (the message says so).
 */
export function uscisLookup(q: string): Lookup<UscisAnswer> {
  const query = q.trim();
  const ids = formIdsIn(query);
  // Only the entries named are resolved (a lookup runs as the person types).
  const entries = ids.map((id) => data.forms.find((f) => f.id === id));
  const forms = entries.filter((f): f is FormEntry => f !== undefined).map(resolveForm);
  const unknownForms = ids.filter((_, i) => entries[i] === undefined);
  const o = officeKindIn(query);
  const office = o ? resolveOffice(o) : null;
  if (forms.length === 0 && office === null) {
    if (unknownForms.length > 0) {
      const form = unknownForms.join(', ');
      return { status: 'not_found', message: `Writ's legal reference says nothing specific about ${form}.`, messageCode: m('lookup.notInSpec', { form }) };
    }
    return { status: 'not_found', message: 'No form number or office kind recognised.', messageCode: m('lookup.notFound') };
  }
  return {
    status: 'found',
    value: {
      query,
      forms,
      office,
      processingTimes: { name: data.processingTimes.name, url: data.processingTimes.url, message: m('lookup.noDirectory') },
    },
  };
}
