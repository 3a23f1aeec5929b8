/**
 * The incident report form's state and the report it stands for (src/core/incidents/incident-schema.ts): toReport
 * builds the report (empty fields and empty rows left out; the affected person only when the reporter chose to
 * identify them) and fromReport reads a saved draft back into the form. Also here, so the screen holds no logic:
 * which form control a problem's field path belongs to (fieldIdFor), the rows of officers, witnesses and media
 * (add/remove), the hours held from the custody times (heldHours), and the SHA-256 of a chosen media file
 * (sha256Hex, computed in the browser; the file itself is not uploaded: the report keeps only its hash).
 */
import { custodyDurations } from '../../core/incidents/custody-durations.ts';

export interface OfficerRow {
  name: string;
  badge: string;
  vehicle: string;
  notes: string;
}
export interface WitnessRow {
  name: string;
  contact: string;
  statement: string;
}
export interface MediaRow {
  kind: string;
  sha256: string;
  capturedAt: string;
  filename: string;
}

export interface Form {
  role: string;
  reporterName: string;
  reporterContact: string;
  countInStatistics: boolean;
  useAsEvidence: boolean;
  contactReporter: boolean;
  identifyAffectedPerson: boolean;
  affectedName: string;
  affectedContact: string;
  date: string;
  time: string;
  approximate: boolean;
  state: string;
  county: string;
  city: string;
  placeType: string;
  address: string;
  placeName: string;
  agencyName: string;
  agencyState: string;
  iceOnScene: string;
  officers: OfficerRow[];
  contactKind: string;
  statedReason: string;
  statedReasonDetail: string;
  citationIssued: string;
  askedAboutStatus: string;
  searched: string;
  searchWhat: string[];
  consentRequested: string;
  warrantShown: string;
  arrested: string;
  detainerLodged: string;
  transferredToIce: string;
  bookedAt: string;
  releaseEligibleAt: string;
  releasedAt: string;
  transferredToIceAt: string;
  outcome: string;
  witnesses: WitnessRow[];
  media: MediaRow[];
  demographicsSource: string;
  ethnicity: string;
  language: string;
  ageRange: string;
  gender: string;
  narrative: string;
}

export const EMPTY_OFFICER: OfficerRow = { name: '', badge: '', vehicle: '', notes: '' };
export const EMPTY_WITNESS: WitnessRow = { name: '', contact: '', statement: '' };
export const EMPTY_MEDIA: MediaRow = { kind: '', sha256: '', capturedAt: '', filename: '' };

export const EMPTY: Form = {
  role: '', reporterName: '', reporterContact: '', countInStatistics: true, useAsEvidence: false, contactReporter: false,
  identifyAffectedPerson: false, affectedName: '', affectedContact: '',
  date: '', time: '', approximate: false, state: '', county: '', city: '', placeType: '', address: '', placeName: '',
  agencyName: '', agencyState: '', iceOnScene: 'unknown', officers: [],
  contactKind: '', statedReason: '', statedReasonDetail: '', citationIssued: 'unknown', askedAboutStatus: 'unknown',
  searched: 'unknown', searchWhat: [], consentRequested: 'unknown', warrantShown: 'unknown',
  arrested: 'unknown', detainerLodged: 'unknown', transferredToIce: 'unknown',
  bookedAt: '', releaseEligibleAt: '', releasedAt: '', transferredToIceAt: '', outcome: '',
  witnesses: [], media: [], demographicsSource: '', ethnicity: '', language: '', ageRange: '', gender: '', narrative: '',
};

const s = (v: string) => (v.trim() ? v.trim() : undefined);
/** 'unknown' is the default of a yes/no/unknown question: left out of the report like an empty field (except the core ones). */
const known = (v: string) => (v && v !== 'unknown' ? v : undefined);
/** An object without its undefined members, or undefined when nothing is left. */
function compact<T extends Record<string, unknown>>(o: T): T | undefined {
  const out = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  return Object.keys(out).length ? out : undefined;
}
const rows = <T extends Record<string, unknown>>(list: T[]) => {
  const kept = list.map(compact).filter((x): x is T => x !== undefined);
  return kept.length ? kept : undefined;
};

/** The form as a report (incident-schema.ts). Empty fields and rows are left out; the affected person only with consent. */
export function toReport(f: Form): Record<string, unknown> {
  const state = s(f.state)?.toUpperCase();
  const report: Record<string, unknown> = {
    schemaVersion: 1,
    reporter: compact({ role: s(f.role), name: s(f.reporterName), contact: s(f.reporterContact) }) ?? {},
    consent: {
      countInStatistics: f.countInStatistics,
      useAsEvidence: f.useAsEvidence,
      ...(f.contactReporter ? { contactReporter: true } : {}),
      identifyAffectedPerson: f.identifyAffectedPerson,
    },
    affectedPerson: f.identifyAffectedPerson ? compact({ name: s(f.affectedName), contact: s(f.affectedContact) }) : undefined,
    when: compact({ date: s(f.date), time: s(f.time), approximate: f.approximate ? true : undefined }),
    where: compact({ state, county: s(f.county), city: s(f.city), placeType: s(f.placeType), address: s(f.address), placeName: s(f.placeName) }),
    agency: compact({ name: s(f.agencyName), state: s(f.agencyState)?.toUpperCase() ?? state, iceOnScene: known(f.iceOnScene) }),
    officers: rows(f.officers.map((o) => ({ name: s(o.name), badge: s(o.badge), vehicle: s(o.vehicle), notes: s(o.notes) }))),
    contact: compact({ kind: s(f.contactKind), statedReason: s(f.statedReason), statedReasonDetail: s(f.statedReasonDetail), citationIssued: known(f.citationIssued) }),
    askedAboutStatus: s(f.askedAboutStatus),
    search: compact({
      searched: known(f.searched),
      what: f.searchWhat.length ? [...f.searchWhat] : undefined,
      consentRequested: known(f.consentRequested),
      warrantShown: known(f.warrantShown),
    }),
    arrested: s(f.arrested),
    detainerLodged: s(f.detainerLodged),
    transferredToIce: s(f.transferredToIce),
    custody: compact({ bookedAt: s(f.bookedAt), releaseEligibleAt: s(f.releaseEligibleAt), releasedAt: s(f.releasedAt), transferredToIceAt: s(f.transferredToIceAt) }),
    outcome: s(f.outcome),
    witnesses: rows(f.witnesses.map((w) => ({ name: s(w.name), contact: s(w.contact), statement: s(w.statement) }))),
    // A media row counts once it has a kind or a hash (a hash is required: the report says which row lacks one).
    media: rows(
      f.media.map((m) =>
        s(m.kind) || s(m.sha256) ? { kind: s(m.kind), sha256: s(m.sha256)?.toLowerCase(), capturedAt: s(m.capturedAt), filename: s(m.filename) } : {},
      ),
    ),
    demographics: compact({ source: s(f.demographicsSource), ethnicity: s(f.ethnicity), language: s(f.language), ageRange: s(f.ageRange), gender: s(f.gender) }),
    narrative: s(f.narrative),
  };
  return Object.fromEntries(Object.entries(report).filter(([, v]) => v !== undefined));
}

/** A saved draft (or report) back into the form (the inverse of toReport; anything missing stays empty). */
export function fromReport(r: Record<string, unknown>): Form {
  const at = (...path: string[]): unknown =>
    path.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), r);
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const bool = (v: unknown, d: boolean) => (typeof v === 'boolean' ? v : d);
  const ynu = (v: unknown) => str(v) || 'unknown';
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => Boolean(x) && typeof x === 'object') : []);
  return {
    ...EMPTY,
    role: str(at('reporter', 'role')),
    reporterName: str(at('reporter', 'name')),
    reporterContact: str(at('reporter', 'contact')),
    countInStatistics: bool(at('consent', 'countInStatistics'), EMPTY.countInStatistics),
    useAsEvidence: bool(at('consent', 'useAsEvidence'), EMPTY.useAsEvidence),
    contactReporter: bool(at('consent', 'contactReporter'), EMPTY.contactReporter),
    identifyAffectedPerson: bool(at('consent', 'identifyAffectedPerson'), EMPTY.identifyAffectedPerson),
    affectedName: str(at('affectedPerson', 'name')),
    affectedContact: str(at('affectedPerson', 'contact')),
    date: str(at('when', 'date')),
    time: str(at('when', 'time')),
    approximate: bool(at('when', 'approximate'), false),
    state: str(at('where', 'state')),
    county: str(at('where', 'county')),
    city: str(at('where', 'city')),
    placeType: str(at('where', 'placeType')),
    address: str(at('where', 'address')),
    placeName: str(at('where', 'placeName')),
    agencyName: str(at('agency', 'name')),
    agencyState: str(at('agency', 'state')) === str(at('where', 'state')) ? '' : str(at('agency', 'state')),
    iceOnScene: ynu(at('agency', 'iceOnScene')),
    officers: list(at('officers')).map((o) => ({ name: str(o.name), badge: str(o.badge), vehicle: str(o.vehicle), notes: str(o.notes) })),
    contactKind: str(at('contact', 'kind')),
    statedReason: str(at('contact', 'statedReason')),
    statedReasonDetail: str(at('contact', 'statedReasonDetail')),
    citationIssued: ynu(at('contact', 'citationIssued')),
    askedAboutStatus: ynu(at('askedAboutStatus')),
    searched: ynu(at('search', 'searched')),
    searchWhat: Array.isArray(at('search', 'what')) ? (at('search', 'what') as unknown[]).filter((x): x is string => typeof x === 'string') : [],
    consentRequested: ynu(at('search', 'consentRequested')),
    warrantShown: ynu(at('search', 'warrantShown')),
    arrested: ynu(at('arrested')),
    detainerLodged: ynu(at('detainerLodged')),
    transferredToIce: ynu(at('transferredToIce')),
    bookedAt: str(at('custody', 'bookedAt')),
    releaseEligibleAt: str(at('custody', 'releaseEligibleAt')),
    releasedAt: str(at('custody', 'releasedAt')),
    transferredToIceAt: str(at('custody', 'transferredToIceAt')),
    outcome: str(at('outcome')),
    witnesses: list(at('witnesses')).map((w) => ({ name: str(w.name), contact: str(w.contact), statement: str(w.statement) })),
    media: list(at('media')).map((m) => ({ kind: str(m.kind), sha256: str(m.sha256), capturedAt: str(m.capturedAt), filename: str(m.filename) })),
    demographicsSource: str(at('demographics', 'source')),
    ethnicity: str(at('demographics', 'ethnicity')),
    language: str(at('demographics', 'language')),
    ageRange: str(at('demographics', 'ageRange')),
    gender: str(at('demographics', 'gender')),
    narrative: str(at('narrative')),
  };
}

/** Report field paths (incident-schema.ts) → form fields, for the problems the server returns. */
const FIELD_OF: Record<string, keyof Form> = {
  'reporter.role': 'role', 'reporter.name': 'reporterName', 'reporter.contact': 'reporterContact', reporter: 'role',
  'affectedPerson.name': 'affectedName', 'affectedPerson.contact': 'affectedContact',
  'when.date': 'date', 'when.time': 'time', when: 'date',
  'where.state': 'state', 'where.county': 'county', 'where.city': 'city', 'where.placeType': 'placeType', 'where.address': 'address',
  'where.placeName': 'placeName', where: 'state',
  'agency.name': 'agencyName', 'agency.state': 'agencyState', 'agency.iceOnScene': 'iceOnScene', agency: 'agencyName',
  'contact.kind': 'contactKind', 'contact.statedReason': 'statedReason', 'contact.statedReasonDetail': 'statedReasonDetail',
  'contact.citationIssued': 'citationIssued', contact: 'contactKind',
  askedAboutStatus: 'askedAboutStatus', 'search.searched': 'searched', 'search.what': 'searchWhat', 'search.consentRequested': 'consentRequested',
  'search.warrantShown': 'warrantShown', arrested: 'arrested', detainerLodged: 'detainerLodged', transferredToIce: 'transferredToIce',
  'custody.bookedAt': 'bookedAt', 'custody.releaseEligibleAt': 'releaseEligibleAt', 'custody.releasedAt': 'releasedAt',
  'custody.transferredToIceAt': 'transferredToIceAt', custody: 'releasedAt', outcome: 'outcome',
  'demographics.source': 'demographicsSource', 'demographics.ethnicity': 'ethnicity', 'demographics.language': 'language',
  'demographics.ageRange': 'ageRange', 'demographics.gender': 'gender', narrative: 'narrative',
};
const ROW_FIELDS: Record<string, readonly string[]> = {
  officers: ['name', 'badge', 'vehicle', 'notes'],
  witnesses: ['name', 'contact', 'statement'],
  media: ['kind', 'sha256', 'capturedAt', 'filename'],
};

/** The id of a form field's control: `incident-<field>`, or `incident-<list>-<row>-<field>` for a row's field. */
export function controlId(field: string, row?: number, sub?: string): string {
  return row === undefined ? `incident-${field}` : `incident-${field}-${row}-${sub}`;
}

/**
 * The control a problem's path ("when.date", "officers[1].badge", "media[0]") belongs to, or null when it belongs to
 * no one field (then the screen lists it at the top).
 */
export function fieldIdFor(path: string): string | null {
  const row = /^(officers|witnesses|media)\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (row) {
    const fields = ROW_FIELDS[row[1]!]!;
    const sub = row[3] && fields.includes(row[3]) ? row[3] : fields[0]!;
    return controlId(row[1]!, Number(row[2]), sub);
  }
  const exact = FIELD_OF[path];
  if (exact) return controlId(exact);
  // A problem inside a field (e.g. "search.what[2]") goes to that field; a whole part to its first field.
  const parts = path.replace(/\[\d+\]/g, '').split('.');
  for (let n = parts.length; n >= 1; n--) {
    const f = FIELD_OF[parts.slice(0, n).join('.')];
    if (f) return controlId(f);
  }
  return null;
}

/** Adds an empty row to a list, or removes row `index`. */
export function addRow<K extends 'officers' | 'witnesses' | 'media'>(f: Form, list: K): Form {
  const empty = { officers: EMPTY_OFFICER, witnesses: EMPTY_WITNESS, media: EMPTY_MEDIA }[list];
  return { ...f, [list]: [...f[list], { ...empty }] };
}
export function removeRow<K extends 'officers' | 'witnesses' | 'media'>(f: Form, list: K, index: number): Form {
  return { ...f, [list]: (f[list] as unknown[]).filter((_, i) => i !== index) };
}
export function setRow<K extends 'officers' | 'witnesses' | 'media'>(f: Form, list: K, index: number, field: string, value: string): Form {
  return { ...f, [list]: (f[list] as unknown as Array<Record<string, string>>).map((r, i) => (i === index ? { ...r, [field]: value } : r)) };
}

/**
 * Hours held (booking to release or transfer) and hours beyond the moment of release, from the custody times typed
 * so far (the same computation the statistics use); null when not known yet or when the times are in the wrong order.
 */
export function heldHours(f: Form): { held: number | null; beyondRelease: number | null } {
  const custody = compact({ bookedAt: s(f.bookedAt), releaseEligibleAt: s(f.releaseEligibleAt), releasedAt: s(f.releasedAt), transferredToIceAt: s(f.transferredToIceAt) });
  const d = custodyDurations({ custody });
  const hours = (m: number | null) => (m === null || Number.isNaN(m) || m < 0 ? null : Math.round(m / 6) / 10);
  return { held: hours(d.heldMinutes), beyondRelease: hours(d.minutesBeyondRelease) };
}

/** SHA-256 of the bytes, as 64 lower-case hex digits (Web Crypto: the browser's crypto.subtle, or Node's). */
export async function sha256Hex(bytes: ArrayBuffer | Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
