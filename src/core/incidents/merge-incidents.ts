/**
 * Combines reports of the same event (a duplicate group from find-duplicates.ts) into one view that statistics count
 * once. Nothing is lost: the member reports stay as they were (the store keeps each one, marks the others
 * `duplicateOf` the primary, and can undo a merge); the combined view lists every member id and every field on
 * which the members disagree, with each member's value.
 *
 * How fields combine:
 * - single answers (time, kind of contact, stated reason, outcome, yes/no answers, custody times, demographics): the
 *   value all members that know it agree on; when they disagree, the primary report's value (or the first known
 *   one) and a conflict entry;
 * - lists (officers, witnesses, media, what was searched): the union (media by SHA-256, officers and witnesses by
 *   their contents);
 * - narrative and reporter: the primary report's (each member keeps its own);
 * - consent: counted in statistics when any member consented to that; used as evidence, and the affected person
 *   identified, only when every member consented (the strictest answer wins).
 * With `statisticsOnly`, members whose reporter did not consent to statistics are left out of the combined view.
 */
import type { AgreementLink } from './check-incident.ts';
import type { ReportRef } from './find-duplicates.ts';
import { incidentFacets, type IncidentFacets } from './incident-facets.ts';
import type { IncidentReport } from './incident-schema.ts';

export interface MergeConflict {
  path: string;
  values: Array<{ id: string; value: unknown }>;
}

export interface MergedIncident {
  /** The report the group is filed under (the earliest one given, or the first that consented to statistics). */
  primaryId: string;
  /** Every member, primary first. */
  memberIds: string[];
  report: IncidentReport;
  conflicts: MergeConflict[];
}

/** Single-answer fields, combined by agreement. */
export const MERGED_SCALARS = [
  'when.time',
  'where.city',
  'where.placeType',
  'where.address',
  'agency.iceOnScene',
  'contact.kind',
  'contact.statedReason',
  'contact.citationIssued',
  'askedAboutStatus',
  'search.searched',
  'search.consentRequested',
  'search.warrantShown',
  'arrested',
  'detainerLodged',
  'transferredToIce',
  'custody.bookedAt',
  'custody.releaseEligibleAt',
  'custody.releasedAt',
  'custody.transferredToIceAt',
  'outcome',
  'demographics.source',
  'demographics.ethnicity',
  'demographics.language',
  'demographics.ageRange',
  'demographics.gender',
] as const;

function get(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}

function set(obj: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let o = obj;
  for (const k of parts.slice(0, -1)) {
    if (!o[k] || typeof o[k] !== 'object') o[k] = {};
    o = o[k] as Record<string, unknown>;
  }
  o[parts.at(-1)!] = value;
}

const isKnown = (v: unknown) => v !== undefined && v !== null && v !== 'unknown';

function unionBy<T>(lists: Array<T[] | undefined>, key: (x: T) => string): T[] | undefined {
  const out = new Map<string, T>();
  for (const list of lists) for (const x of list ?? []) if (!out.has(key(x))) out.set(key(x), x);
  return out.size ? [...out.values()] : undefined;
}

const stable = (x: unknown) => JSON.stringify(x, Object.keys((x ?? {}) as object).sort());

/** Merges the members of one duplicate group (primary first). Throws when given no reports. */
export function mergeIncidents(members: readonly ReportRef[], opts: { statisticsOnly?: boolean } = {}): MergedIncident {
  const used = opts.statisticsOnly ? members.filter((m) => m.report.consent.countInStatistics) : [...members];
  if (used.length === 0) throw new RangeError('mergeIncidents needs at least one report (with statisticsOnly: one that consented to statistics).');
  const primary = used[0]!;
  const merged = structuredClone(primary.report) as IncidentReport & Record<string, unknown>;
  const conflicts: MergeConflict[] = [];

  for (const path of MERGED_SCALARS) {
    const known = used.map((m) => ({ id: m.id, value: get(m.report, path) })).filter((x) => isKnown(x.value));
    if (known.length === 0) continue;
    const distinct = new Set(known.map((x) => JSON.stringify(x.value)));
    const primaryValue = get(primary.report, path);
    set(merged, path, isKnown(primaryValue) ? primaryValue : known[0]!.value);
    if (distinct.size > 1) conflicts.push({ path, values: known });
  }

  const reports = used.map((m) => m.report);
  const officers = unionBy(reports.map((r) => r.officers), stable);
  if (officers) merged.officers = officers;
  const witnesses = unionBy(reports.map((r) => r.witnesses), stable);
  if (witnesses) merged.witnesses = witnesses;
  const media = unionBy(reports.map((r) => r.media), (m) => m.sha256);
  if (media) merged.media = media;
  const searched = unionBy(reports.map((r) => r.search?.what), (x) => x);
  if (searched) set(merged, 'search.what', searched);

  merged.consent = {
    countInStatistics: reports.some((r) => r.consent.countInStatistics),
    useAsEvidence: reports.every((r) => r.consent.useAsEvidence),
    identifyAffectedPerson: reports.every((r) => r.consent.identifyAffectedPerson),
    ...(primary.report.consent.contactReporter !== undefined ? { contactReporter: primary.report.consent.contactReporter } : {}),
  };
  if (!merged.consent.identifyAffectedPerson) delete merged.affectedPerson;
  if (reports.some((r) => r.synthetic)) merged.synthetic = true;
  const caseId = reports.find((r) => r.caseId)?.caseId;
  if (caseId) merged.caseId = caseId;

  return { primaryId: primary.id, memberIds: used.map((m) => m.id), report: merged, conflicts };
}

/**
 * Facets for a confirmed duplicate group: the primary report carries the facets of the combined view (counted once),
 * every other member carries its own facets marked `duplicateOf` the primary (listed behind the numbers, not counted
 * again). The primary is the first member whose reporter consented to statistics (or the first member when none did).
 */
export function groupFacets(members: ReadonlyArray<ReportRef & { link: AgreementLink | null }>): IncidentFacets[] {
  if (members.length === 0) return [];
  const anyCountable = members.some((m) => m.report.consent.countInStatistics);
  const merged = mergeIncidents(members, { statisticsOnly: anyCountable });
  const primary = members.find((m) => m.id === merged.primaryId)!;
  return members.map((m) =>
    m.id === merged.primaryId ? incidentFacets(m.id, merged.report, primary.link) : incidentFacets(m.id, m.report, m.link, merged.primaryId),
  );
}
