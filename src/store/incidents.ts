/**
 * Community incident reports in the store: drafts and submitted reports (the whole report encrypted, the facets
 * statistics count in clear columns), duplicate merges that lose nothing, pattern statistics (the clear facets
 * loaded in one packed value and counted by the one aggregation in src/core/incidents), and exports that strip
 * identifying fields unless the actor's role may include them — every export audited.
 *
 * Scoping: every function takes an Actor and only ever sees the actor's organization; an id of another
 * organization behaves like an id that does not exist. Audit entries carry actor, action and ids — never content.
 * Role policy (src/auth/policy.ts) is checked by the API before the store is called; the one rule the store also
 * enforces itself is the identifying export ('incident.exportIdentifying').
 */
import { and, asc, eq, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { decryptJson, encryptJson, recordAad } from '../crypto/cipher.ts';
import { can } from '../auth/policy.ts';
import { checkDraft, checkIncident, linkAgency, type AgreementLink, type IncidentProblem } from '../core/incidents/check-incident.ts';
import { findDuplicates, type DuplicateResult } from '../core/incidents/find-duplicates.ts';
import { incidentFacets, type IncidentFacets } from '../core/incidents/incident-facets.ts';
import type { IncidentReport } from '../core/incidents/incident-schema.ts';
import { groupFacets } from '../core/incidents/merge-incidents.ts';
import { aggregateIncidents, DIMENSIONS, RATES, type AggregateOptions, type Aggregates, type Dimension, type RateId } from '../core/incidents/aggregate-incidents.ts';
import { patternSummary, type PatternOptions, type PatternSummary } from '../core/incidents/pattern-summary.ts';
import { mergePatternFacts, type PatternFactsMerge } from '../core/incidents/apply-pattern-facts.ts';
import { parseFacts } from '../core/facts/index.ts';
import { aggregatesCsv, reportsCsv } from '../incidents/export-csv.ts';
import { patternReportPdf } from '../incidents/export-pdf.ts';
import { countChart, rateChart } from '../incidents/bar-chart.ts';
import { renderChartSvg } from '../incidents/render-chart-svg.ts';
import type { Reference } from '../core/reference/reference.ts';
import { incidentReports } from './schema-incidents.ts';
import { StoreError, type Actor, type CaseRevision, type EvidenceRecord } from './types.ts';
import { orgsApi } from './accounts.ts';
import { evidenceApi } from './evidence.ts';
import { casesApi } from './cases.ts';
import { incidentExhibitPdf } from '../incidents/report-exhibit.ts';
import type { Lang } from '../i18n/i18n.ts';
import { audit, isId, newId, requireCase, type StoreContext } from './context.ts';

type Row = typeof incidentReports.$inferSelect;
type Ynu = 'yes' | 'no' | 'unknown';

export type IncidentStatus = 'draft' | 'submitted';

/** A report as stored: decrypted body, and for submitted reports its facets. */
export interface IncidentRecord {
  id: string;
  status: IncidentStatus;
  /** The report (submitted) or whatever the draft holds (any JSON object). */
  body: Record<string, unknown>;
  facets: IncidentFacets | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
}

/** What lists show: no identifying data, only the facets. */
export interface IncidentListItem {
  id: string;
  status: IncidentStatus;
  facets: IncidentFacets | null;
  createdAt: Date;
  updatedAt: Date;
}

export type SubmitResult =
  | { ok: true; record: IncidentRecord; problems: IncidentProblem[] }
  /** Not submitted; the input was kept as a draft (`draftId`) so nothing is lost. */
  | { ok: false; draftId: string | null; problems: IncidentProblem[] };

export interface IncidentFilter extends AggregateOptions {
  status?: IncidentStatus;
}

export interface IncidentsApi {
  /** Creates or updates a draft. Any JSON object is kept; problems come back as warnings. */
  saveDraft(actor: Actor, input: { id?: string; draft: unknown; now?: Date; reference?: Pick<Reference, 'agency287g'> }): Promise<{ id: string; problems: IncidentProblem[] }>;
  /** Checks and submits a report (a new one, or the draft `id`). On problems, keeps the input as a draft. */
  submit(actor: Actor, input: { id?: string; report: unknown; reference: Pick<Reference, 'agency287g'>; now?: Date }): Promise<SubmitResult>;
  get(actor: Actor, id: string): Promise<IncidentRecord>;
  list(actor: Actor, opts?: { status?: IncidentStatus; limit?: number; offset?: number }): Promise<IncidentListItem[]>;
  /** Links a submitted report to a case of the organization (or unlinks it with null). */
  linkCase(actor: Actor, id: string, caseId: string | null): Promise<void>;
  /** Candidate duplicates among the submitted reports in a date range (a merged group is represented by its primary). */
  findDuplicates(actor: Actor, opts?: { from?: string; to?: string }): Promise<DuplicateResult>;
  /**
   * Confirms a duplicate group: the first consenting report becomes primary; nothing is deleted. An id that is already
   * the primary of a group brings that group along (a third witness joins the event).
   */
  merge(actor: Actor, ids: string[], reference: Pick<Reference, 'agency287g'>): Promise<{ primaryId: string; memberIds: string[] }>;
  /** Undoes a merge: every member counts on its own again. */
  unmerge(actor: Actor, primaryId: string, reference: Pick<Reference, 'agency287g'>): Promise<string[]>;
  /**
   * Pattern statistics over the submitted reports (aggregateIncidents over the stored facets, with report ids).
   * Cached per organization until its reports change; treat the result as read-only.
   */
  aggregate(actor: Actor, opts?: AggregateOptions): Promise<Aggregates>;
  /** The reports behind one number of `aggregate` (events and their merged duplicates). */
  reportIds(actor: Actor, dimension: Dimension | 'all', key: string, opts?: AggregateOptions): Promise<string[]>;
  /** Facets of every submitted report (for the pattern summary and exports); no identifying data. */
  facets(actor: Actor, opts?: AggregateOptions): Promise<IncidentFacets[]>;
  /**
   * Reports for export, with their facets. Identifying fields are stripped by the exporter unless
   * `includeIdentifying` — allowed only to roles with 'incident.exportIdentifying' (the API checks first; the store
   * refuses too, with StoreError 'invalid').
   * Every call is audited ('incident.export' or 'incident.export.identifying').
   */
  exportRows(actor: Actor, opts: AggregateOptions & { includeIdentifying: boolean; format: string }): Promise<Array<{ id: string; report: IncidentReport; facets: IncidentFacets }>>;
  /** Records an export made elsewhere from aggregates only (the export functions below record their own). */
  recordExport(actor: Actor, format: string): Promise<void>;
  /** One row per report; identifying fields only when `includeIdentifying` and the role may (see exportRows). Audited. */
  exportReportsCsv(actor: Actor, opts: AggregateOptions & { includeIdentifying: boolean }): Promise<string>;
  /** One row per statistic with the ids of the reports behind it. Audited. */
  exportAggregatesCsv(actor: Actor, opts: AggregateOptions & { lang: Lang }): Promise<string>;
  /** The pattern report PDF (summary, counts, methods, limits, authorities, charts). Audited. */
  exportPatternPdf(actor: Actor, opts: Omit<PatternOptions, 'includeSynthetic'> & { includeSynthetic?: boolean; lang: Lang; date?: string }): Promise<Uint8Array>;
  /**
   * The pattern summary (findings, limits, warnings, authorities, and the facts it proposes for a case with the reason
   * and the reports behind each value) over the cached facets; same options as the PDF. No identifying data. Audited.
   */
  patternSummary(actor: Actor, opts: PatternOptions): Promise<PatternSummary>;
  /**
   * Applies the facts a pattern summary proposes (`paths`: which ones; all when absent) to a case of the organization
   * as a NEW revision (cases.addRevision), never replacing an answer the case has unless `replace`
   * (src/core/incidents/apply-pattern-facts.ts). `ok: false` with the merged facts when they fail the facts schema
   * (the caller reports the problems); `revision: null` when nothing was applied. Audited.
   */
  applyPatternFacts(
    actor: Actor,
    caseId: string,
    opts: PatternOptions & { paths?: string[]; replace?: boolean },
  ): Promise<{ ok: true; revision: CaseRevision | null; applied: PatternFactsMerge['applied']; skipped: PatternFactsMerge['skipped'] } | { ok: false; facts: unknown }>;
  /** One chart as SVG: events by a dimension, or a rate by a dimension. Audited. */
  exportChartSvg(actor: Actor, opts: AggregateOptions & { dimension: Dimension; rate?: RateId; lang: Lang }): Promise<string>;
  /**
   * Adds a submitted report to a case as an exhibit: links it to the case, renders it as a PDF (every field, media
   * hashes, the 287(g) agreements in force that day) and puts that into the case's evidence locker, which records its
   * SHA-256 and the chain of custody. Refused when the reporter did not consent to use as evidence.
   */
  addAsExhibit(actor: Actor, id: string, caseId: string, opts?: { lang?: Lang; date?: string }): Promise<EvidenceRecord>;
  /** How a report sits among duplicates: the report it is merged into (or null), and the reports merged into it. */
  related(actor: Actor, id: string): Promise<{ duplicateOf: string | null; mergedIds: string[] }>;
  /** One chart as SVG for the patterns page (aggregates only, no identifying data): not an export, so not audited as one. */
  chartSvg(actor: Actor, opts: AggregateOptions & { dimension: Dimension; rate?: RateId; lang: Lang }): Promise<string>;
  /**
   * Retention of abandoned drafts (docs/incidents.md): deletes every draft, in every organization, last changed
   * before `olderThan`. Submitted reports are never touched. Each deletion is audited (id only). Returns the count.
   */
  purgeDrafts(olderThan: Date): Promise<number>;
  /** Bulk import of reports the caller has checked with checkIncident (seeding synthetic data, imports); returns the ids. */
  importReports(actor: Actor, reports: ReadonlyArray<{ id?: string; report: IncidentReport; link: AgreementLink | null }>): Promise<string[]>;
}

const aad = (id: string) => recordAad('incident_reports', id, 'body');

/** Facet fields in the packed order. */
const PACKED = [
  'id',
  'duplicateOf',
  'synthetic',
  'countable',
  'date',
  'state',
  'county',
  'agencyKey',
  'models',
  'hadAgreement',
  'agreementIds',
  'contactKind',
  'stopReason',
  'outcome',
  'askedAboutStatus',
  'arrested',
  'detainerLodged',
  'transferredToIce',
  'heldMinutes',
  'minutesBeyondRelease',
  'reporterRole',
  'ethnicity',
  'language',
  'ageRange',
  'gender',
  'caseId',
  // Added after the first packed rows were written: rows without it read as '' (and their agency name is looked up).
  'agency',
] as const satisfies ReadonlyArray<keyof IncidentFacets>;

/** Agreement ids are usually `<agencyKey>:<model>` for each model in force: then the packed value is 0. */
function derivedAgreementIds(agencyKey: string, models: readonly string[]): string[] {
  return models.map((m) => `${agencyKey}:${m}`);
}

/** The facets as a JSON array in PACKED order: '["3f2b…",null,true,true,"2025-04-01",…]'. */
export function packFacets(f: IncidentFacets): string {
  const derived = derivedAgreementIds(f.agencyKey, f.models);
  const derivable = derived.length === f.agreementIds.length && derived.every((id, i) => id === f.agreementIds[i]);
  return JSON.stringify(PACKED.map((k) => (k === 'agreementIds' && derivable ? 0 : (f[k] ?? null))));
}

function unpackFacets(x: unknown[], agencyNames: Map<string, string> | null): IncidentFacets {
  const date = x[4] as string;
  return {
    id: x[0] as string,
    duplicateOf: x[1] as string | null,
    synthetic: x[2] as boolean,
    countable: x[3] as boolean,
    date,
    month: date.slice(0, 7),
    state: x[5] as string,
    county: x[6] as string,
    agency: (x[26] as string | undefined) ?? agencyNames?.get(x[7] as string) ?? '',
    agencyKey: x[7] as string,
    models: x[8] as IncidentFacets['models'],
    hadAgreement: x[9] as IncidentFacets['hadAgreement'],
    agreementIds: x[10] === 0 ? derivedAgreementIds(x[7] as string, x[8] as string[]) : (x[10] as string[]),
    contactKind: x[11] as string,
    stopReason: x[12] as string,
    outcome: x[13] as string,
    askedAboutStatus: x[14] as Ynu,
    arrested: x[15] as Ynu,
    detainerLodged: x[16] as Ynu,
    transferredToIce: x[17] as Ynu,
    heldMinutes: x[18] as number | null,
    minutesBeyondRelease: x[19] as number | null,
    reporterRole: x[20] as string,
    ethnicity: x[21] as string,
    language: x[22] as string,
    ageRange: x[23] as string,
    gender: x[24] as string,
    caseId: x[25] as string | null,
  };
}

function facetColumns(f: IncidentFacets) {
  return {
    facetsPacked: packFacets(f),
    synthetic: f.synthetic,
    countable: f.countable,
    duplicateOf: f.duplicateOf,
    caseId: f.caseId,
    date: f.date,
    state: f.state,
    county: f.county,
    agency: f.agency,
    agencyKey: f.agencyKey,
    models: f.models,
    hadAgreement: f.hadAgreement,
    agreementIds: f.agreementIds,
    contactKind: f.contactKind,
    stopReason: f.stopReason,
    outcome: f.outcome,
    askedAboutStatus: f.askedAboutStatus,
    arrested: f.arrested,
    detainerLodged: f.detainerLodged,
    transferredToIce: f.transferredToIce,
    heldMinutes: f.heldMinutes,
    minutesBeyondRelease: f.minutesBeyondRelease,
    reporterRole: f.reporterRole,
    ethnicity: f.ethnicity,
    language: f.language,
    ageRange: f.ageRange,
    gender: f.gender,
  };
}

const EMPTY_FACETS = Object.fromEntries(Object.keys(facetColumns({ models: [], agreementIds: [] } as unknown as IncidentFacets)).map((k) => [k, null])) as Record<string, null>;

function toFacets(r: Row): IncidentFacets | null {
  if (r.status !== 'submitted' || r.date === null) return null;
  return {
    id: r.id,
    duplicateOf: r.duplicateOf,
    synthetic: r.synthetic,
    countable: r.countable,
    date: r.date,
    month: r.date.slice(0, 7),
    state: r.state ?? '',
    county: r.county ?? '',
    agency: r.agency ?? '',
    agencyKey: r.agencyKey ?? '',
    models: (r.models ?? []) as IncidentFacets['models'],
    hadAgreement: (r.hadAgreement ?? 'unknown') as IncidentFacets['hadAgreement'],
    agreementIds: (r.agreementIds ?? []) as string[],
    contactKind: r.contactKind ?? 'unknown',
    stopReason: r.stopReason ?? 'unknown',
    outcome: r.outcome ?? 'unknown',
    askedAboutStatus: (r.askedAboutStatus ?? 'unknown') as Ynu,
    arrested: (r.arrested ?? 'unknown') as Ynu,
    detainerLodged: (r.detainerLodged ?? 'unknown') as Ynu,
    transferredToIce: (r.transferredToIce ?? 'unknown') as Ynu,
    heldMinutes: r.heldMinutes,
    minutesBeyondRelease: r.minutesBeyondRelease,
    reporterRole: r.reporterRole ?? 'unknown',
    ethnicity: r.ethnicity ?? 'unknown',
    language: r.language ?? 'unknown',
    ageRange: r.ageRange ?? 'unknown',
    gender: r.gender ?? 'unknown',
    caseId: r.caseId,
  };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
function checkOptions(opts: AggregateOptions): void {
  for (const k of ['from', 'to'] as const) {
    const v = opts[k];
    if (v !== undefined && (typeof v !== 'string' || !DATE.test(v))) throw new StoreError('invalid', `${k} must be a date written YYYY-MM-DD (e.g. 2025-05-01).`);
  }
}

function checkBenchmark(b: PatternOptions['benchmark']): void {
  if (b === undefined) return;
  if (typeof b.ethnicity !== 'string' || !b.ethnicity) throw new StoreError('invalid', 'benchmark.ethnicity must name the compared group, e.g. hispanic_latino.');
  if (typeof b.share !== 'number' || !(b.share > 0 && b.share <= 1)) throw new StoreError('invalid', 'benchmark.share must be a number above 0 and at most 1 (e.g. 0.25 for 25%).');
  if (typeof b.source !== 'string' || !b.source.trim()) throw new StoreError('invalid', 'benchmark.source must name where the share comes from.');
}

/**
 * What tells the cache the organization's reports changed: the number of reports and the newest `updated_at` (every
 * write — submit, merge, unmerge, link, import — sets it, also when made by another server on the same database),
 * and the number of submitted reports (checked after a partial reload).
 */
interface ChangeMarker {
  key: string;
  newest: string;
  submitted: number;
}

async function changeMarker(ctx: StoreContext, orgId: string): Promise<ChangeMarker> {
  const r = (await ctx.db.execute(
    sql`select count(*)::int as n, count(*) filter (where status = 'submitted')::int as s, coalesce(max(updated_at)::text, '') as t from incident_reports where org_id = ${orgId}`,
  )) as unknown as { rows: Array<{ n: number; s: number; t: string }> };
  const row = r.rows[0]!;
  return { key: `${row.n}|${row.t}`, newest: row.t, submitted: row.s };
}

async function agencyNames(ctx: StoreContext, orgId: string): Promise<Map<string, string>> {
  const r = (await ctx.db.execute(
    sql`select agency_key as k, min(agency) as a from incident_reports where org_id = ${orgId} and status = 'submitted' group by agency_key`,
  )) as unknown as { rows: Array<{ k: string; a: string }> };
  return new Map(r.rows.map((x) => [x.k, x.a]));
}

/**
 * The facets of every submitted report of an organization in ONE value: PGlite pays per row and per field it returns,
 * so the database concatenates the packed facets stored with each report into one JSON text and JavaScript parses
 * it — 100,000 reports arrive in a fraction of the time 100,000 rows would take.
 */
async function loadFacets(ctx: StoreContext, orgId: string): Promise<IncidentFacets[]> {
  const packed = (await ctx.db.execute(
    sql`select '[' || coalesce(string_agg(facets_packed, ','), '') || ']' as j from incident_reports where org_id = ${orgId} and status = 'submitted'`,
  )) as unknown as { rows: Array<{ j: string }> };
  return unpackAll(ctx, orgId, JSON.parse(packed.rows[0]!.j) as unknown[][]);
}

async function unpackAll(ctx: StoreContext, orgId: string, list: unknown[][]): Promise<IncidentFacets[]> {
  // Rows packed before the agency name was added: look the names up once.
  const names = list.some((x) => x.length <= 26) ? await agencyNames(ctx, orgId) : null;
  return list.map((x) => unpackFacets(x, names));
}

/**
 * The reports written since `since` (the newest `updated_at` the cache has seen), less five minutes for servers whose
 * clocks differ, and the reports `ids` this server wrote: the submitted ones with their facets, and the ids of the others (drafts), so that a change to a few
 * reports reloads a few rows, not 100,000. Rows read again are the same values: applying them twice changes nothing.
 */
async function changedFacets(ctx: StoreContext, orgId: string, since: string, ids: string[]): Promise<{ submitted: IncidentFacets[]; others: string[] }> {
  const r = (await ctx.db.execute(
    sql`select '[' || coalesce(string_agg(facets_packed, ',') filter (where status = 'submitted'), '') || ']' as j,
               coalesce(string_agg(id, ',') filter (where status <> 'submitted'), '') as o
          from incident_reports
         where org_id = ${orgId}
           and (updated_at >= ${since}::timestamptz - interval '5 minutes' or id = any(string_to_array(${ids.join(',')}, ',')))`,
  )) as unknown as { rows: Array<{ j: string; o: string }> };
  const row = r.rows[0]!;
  return { submitted: await unpackAll(ctx, orgId, JSON.parse(row.j) as unknown[][]), others: row.o ? row.o.split(',') : [] };
}

export function incidentsApi(ctx: StoreContext): IncidentsApi {
  /**
   * Per organization: the facets and the last few aggregations, valid while the change marker is unchanged (any
   * write — submit, merge, unmerge, link, import — changes it, also when made by another server on the same database).
   */
  interface Cached {
    marker: ChangeMarker;
    /** Reports this server wrote since the facets were read (read again at the next use). */
    pending: Set<string>;
    byId: Map<string, IncidentFacets>;
    facets: IncidentFacets[];
    aggregates: Map<string, Aggregates>;
  }
  const cache = new Map<string, Cached>();
  /** After a write: the reports `ids` are read again at the next use (null or many: everything is). */
  function touched(orgId: string, ids: string[] | null): void {
    const c = cache.get(orgId);
    if (!c) return;
    if (ids === null || c.pending.size + ids.length > 1000) {
      cache.delete(orgId);
      return;
    }
    for (const id of ids) c.pending.add(id);
  }
  async function cached(orgId: string): Promise<Cached> {
    const marker = await changeMarker(ctx, orgId);
    let c = cache.get(orgId);
    if (c && c.marker.key === marker.key && c.pending.size === 0) return c;
    let byId: Map<string, IncidentFacets> | null = null;
    if (c && c.marker.newest) {
      // Only the reports written since the newest write the cache holds, and those this server wrote; then the count
      // of submitted reports must agree, else (a report was removed) everything is loaded again.
      const changed = await changedFacets(ctx, orgId, c.marker.newest, [...c.pending]);
      byId = new Map(c.byId);
      for (const id of changed.others) byId.delete(id);
      for (const f of changed.submitted) byId.set(f.id, f);
      if (byId.size !== marker.submitted) byId = null;
    }
    if (!byId) byId = new Map((await loadFacets(ctx, orgId)).map((f) => [f.id, f]));
    c = { marker, pending: new Set(), byId, facets: [...byId.values()], aggregates: new Map() };
    cache.set(orgId, c);
    return c;
  }
  async function aggregated(orgId: string, opts: AggregateOptions): Promise<Aggregates> {
    const c = await cached(orgId);
    const key = JSON.stringify([opts.from ?? null, opts.to ?? null, opts.agencyKeys ?? null, opts.includeSynthetic ?? true]);
    let agg = c.aggregates.get(key);
    if (!agg) {
      agg = aggregateIncidents(c.facets, opts);
      if (c.aggregates.size >= 8) c.aggregates.delete(c.aggregates.keys().next().value!);
      c.aggregates.set(key, agg);
    }
    return agg;
  }
  /** The pattern summary over the cached facets, its options checked first (PDF, summary and applied facts alike). */
  async function summarized(orgId: string, opts: PatternOptions): Promise<PatternSummary> {
    checkOptions(opts);
    checkBenchmark(opts.benchmark);
    return patternSummary((await cached(orgId)).facets, opts);
  }
  async function requireRow(actor: Actor, id: string): Promise<Row> {
    if (!isId(id)) throw new StoreError('not_found', 'No incident report with that id in your organization.');
    const found = await ctx.db
      .select()
      .from(incidentReports)
      .where(and(eq(incidentReports.id, id), eq(incidentReports.orgId, actor.orgId)))
      .limit(1);
    if (!found[0]) throw new StoreError('not_found', 'No incident report with that id in your organization.');
    return found[0];
  }

  function toRecord(r: Row): IncidentRecord {
    return {
      id: r.id,
      status: r.status as IncidentStatus,
      body: decryptJson<Record<string, unknown>>(ctx.ring, r.bodyEnc, aad(r.id)),
      facets: toFacets(r),
      createdBy: r.createdBy,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      submittedAt: r.submittedAt,
    };
  }

  async function writeDraft(actor: Actor, id: string | undefined, draft: Record<string, unknown>): Promise<string> {
    const now = new Date();
    if (id) {
      const row = await requireRow(actor, id);
      if (row.status !== 'draft') throw new StoreError('conflict', 'This report was already submitted; it cannot be changed back into a draft.');
      await ctx.db.update(incidentReports).set({ bodyEnc: encryptJson(ctx.ring, draft, aad(id)), updatedAt: now }).where(eq(incidentReports.id, id));
      await audit(ctx.db, actor, 'incident.draft.update', 'incident_reports', id);
      return id;
    }
    const newIdValue = newId();
    await ctx.db.insert(incidentReports).values({
      id: newIdValue,
      orgId: actor.orgId,
      status: 'draft',
      bodyEnc: encryptJson(ctx.ring, draft, aad(newIdValue)),
      ...EMPTY_FACETS,
      synthetic: draft.synthetic === true,
      countable: false,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await audit(ctx.db, actor, 'incident.draft.create', 'incident_reports', newIdValue);
    return newIdValue;
  }

  /** Recomputes facets of a group's members (after merge or unmerge) from their decrypted reports. */
  async function refreshFacets(actor: Actor, members: Row[], reference: Pick<Reference, 'agency287g'>, merge: boolean): Promise<void> {
    const refs = members.map((m) => {
      const report = decryptJson<IncidentReport>(ctx.ring, m.bodyEnc, aad(m.id));
      return { id: m.id, report, link: linkAgency(report.agency, report.when.date, reference).link };
    });
    const facets = merge ? groupFacets(refs) : refs.map((r) => incidentFacets(r.id, r.report, r.link));
    touched(actor.orgId, members.map((m) => m.id));
    await ctx.db.transaction(async (tx) => {
      for (const f of facets) {
        await tx.update(incidentReports).set({ ...facetColumns(f), caseId: members.find((m) => m.id === f.id)!.caseId, updatedAt: new Date() }).where(eq(incidentReports.id, f.id));
      }
    });
  }

  const api: IncidentsApi = {
    async saveDraft(actor, input) {
      const r = checkDraft(input.draft, { now: input.now ?? new Date(), reference: input.reference });
      if (!r.ok) throw new StoreError('invalid', 'A draft must be one JSON object (at most 1 MB).');
      const id = await writeDraft(actor, input.id, r.draft);
      return { id, problems: r.problems };
    },

    async submit(actor, input) {
      const now = input.now ?? new Date();
      const checked = checkIncident(input.report, { now, reference: input.reference });
      if (!checked.ok) {
        const draft = checkDraft(input.report, { now, reference: input.reference });
        const draftId = draft.ok ? await writeDraft(actor, input.id, draft.draft) : null;
        return { ok: false, draftId, problems: checked.problems };
      }
      if (checked.report.caseId) await requireCase(ctx.db, actor, checked.report.caseId);
      const id = input.id ?? newId();
      if (input.id) {
        const row = await requireRow(actor, input.id);
        if (row.status !== 'draft') throw new StoreError('conflict', 'This report was already submitted.');
      }
      const facets = incidentFacets(id, checked.report, checked.link);
      const values = {
        status: 'submitted',
        bodyEnc: encryptJson(ctx.ring, checked.report, aad(id)),
        ...facetColumns(facets),
        updatedAt: now,
        submittedAt: now,
      };
      if (input.id) await ctx.db.update(incidentReports).set(values).where(eq(incidentReports.id, id));
      else await ctx.db.insert(incidentReports).values({ id, orgId: actor.orgId, createdBy: actor.userId, createdAt: now, ...values });
      touched(actor.orgId, [id]);
      await audit(ctx.db, actor, 'incident.submit', 'incident_reports', id);
      return { ok: true, record: toRecord(await requireRow(actor, id)), problems: checked.problems };
    },

    async get(actor, id) {
      const row = await requireRow(actor, id);
      await audit(ctx.db, actor, 'incident.read', 'incident_reports', id);
      return toRecord(row);
    },

    async list(actor, opts = {}) {
      const limit = opts.limit ?? 200;
      const offset = opts.offset ?? 0;
      if (!Number.isInteger(limit) || limit < 1 || limit > 5000) throw new StoreError('invalid', 'limit must be a whole number from 1 to 5000.');
      if (!Number.isInteger(offset) || offset < 0) throw new StoreError('invalid', 'offset must be a whole number, 0 or more.');
      const conds = [eq(incidentReports.orgId, actor.orgId)];
      if (opts.status) conds.push(eq(incidentReports.status, opts.status));
      const found = await ctx.db
        .select()
        .from(incidentReports)
        .where(and(...conds))
        .orderBy(asc(incidentReports.createdAt), asc(incidentReports.id))
        .limit(limit)
        .offset(offset);
      return found.map((r) => ({ id: r.id, status: r.status as IncidentStatus, facets: toFacets(r), createdAt: r.createdAt, updatedAt: r.updatedAt }));
    },

    async linkCase(actor, id, caseId) {
      const row = await requireRow(actor, id);
      if (row.status !== 'submitted') throw new StoreError('conflict', 'Submit the report before linking it to a case.');
      if (caseId !== null) await requireCase(ctx.db, actor, caseId);
      const report = decryptJson<IncidentReport>(ctx.ring, row.bodyEnc, aad(id));
      if (caseId === null) delete report.caseId;
      else report.caseId = caseId;
      await ctx.db
        .update(incidentReports)
        .set({ caseId, bodyEnc: encryptJson(ctx.ring, report, aad(id)), updatedAt: new Date() })
        .where(eq(incidentReports.id, id));
      touched(actor.orgId, [id]);
      await audit(ctx.db, actor, 'incident.link_case', 'incident_reports', id);
    },

    async findDuplicates(actor, opts = {}) {
      checkOptions(opts);
      const conds = [eq(incidentReports.orgId, actor.orgId), eq(incidentReports.status, 'submitted'), isNull(incidentReports.duplicateOf)];
      if (opts.from) conds.push(sql`${incidentReports.date} >= ${opts.from}`);
      if (opts.to) conds.push(sql`${incidentReports.date} <= ${opts.to}`);
      // Reports already merged into another are represented by their primary (a new witness of a merged event pairs
      // with the primary, and merging them adds the new report to the group).
      const found = await ctx.db.select().from(incidentReports).where(and(...conds));
      const refs = found.map((r) => ({ id: r.id, report: decryptJson<IncidentReport>(ctx.ring, r.bodyEnc, aad(r.id)), agencyKey: r.agencyKey ?? undefined }));
      await audit(ctx.db, actor, 'incident.find_duplicates', 'incident_reports', null);
      return findDuplicates(refs);
    },

    async merge(actor, ids, reference) {
      const unique = [...new Set(ids)];
      if (unique.length < 2) throw new StoreError('invalid', 'A merge needs at least two different report ids.');
      const members: Row[] = [];
      for (const id of unique) {
        const row = await requireRow(actor, id);
        if (row.status !== 'submitted') throw new StoreError('conflict', `Report ${id} is a draft: submit it before merging.`);
        if (row.duplicateOf) throw new StoreError('conflict', `Report ${id} is already merged into ${row.duplicateOf}: merge with that report instead.`);
        members.push(row);
      }
      // A report that is already the primary of a group brings its group along: the groups become one.
      const earlier = await ctx.db
        .select()
        .from(incidentReports)
        .where(and(eq(incidentReports.orgId, actor.orgId), inArray(incidentReports.duplicateOf, unique)));
      const all = [...members, ...earlier];
      await refreshFacets(actor, all, reference, true);
      const allIds = all.map((r) => r.id);
      const after = await ctx.db.select().from(incidentReports).where(inArray(incidentReports.id, allIds));
      const primary = after.find((r) => r.duplicateOf === null)!;
      for (const id of allIds) await audit(ctx.db, actor, 'incident.merge', 'incident_reports', id);
      return { primaryId: primary.id, memberIds: [primary.id, ...allIds.filter((x) => x !== primary.id)] };
    },

    async unmerge(actor, primaryId, reference) {
      const primary = await requireRow(actor, primaryId);
      if (primary.duplicateOf) throw new StoreError('invalid', `Report ${primaryId} is merged into ${primary.duplicateOf}; undo the merge from that report.`);
      const dups = await ctx.db
        .select()
        .from(incidentReports)
        .where(and(eq(incidentReports.orgId, actor.orgId), eq(incidentReports.duplicateOf, primaryId)));
      if (dups.length === 0) throw new StoreError('invalid', 'This report has no merged duplicates.');
      await refreshFacets(actor, [primary, ...dups], reference, false);
      for (const r of [primary, ...dups]) await audit(ctx.db, actor, 'incident.unmerge', 'incident_reports', r.id);
      return [primary.id, ...dups.map((d) => d.id)];
    },

    async aggregate(actor, opts = {}) {
      checkOptions(opts);
      const agg = await aggregated(actor.orgId, opts);
      await audit(ctx.db, actor, 'incident.aggregate', 'incident_reports', null);
      return agg;
    },

    async reportIds(actor, dimension, key, opts = {}) {
      checkOptions(opts);
      if (dimension !== 'all' && !DIMENSIONS.includes(dimension)) throw new StoreError('invalid', `dimension must be one of all, ${DIMENSIONS.join(', ')}.`);
      const agg = await aggregated(actor.orgId, opts);
      await audit(ctx.db, actor, 'incident.aggregate', 'incident_reports', null);
      if (dimension === 'all') return agg.overall.reportIds;
      return agg.dimensions[dimension].find((c) => c.key === key)?.reportIds ?? [];
    },

    async facets(actor, opts = {}) {
      checkOptions(opts);
      return [...(await cached(actor.orgId)).facets];
    },

    async exportRows(actor, opts) {
      checkOptions(opts);
      if (opts.includeIdentifying && !can(actor.role, 'incident.exportIdentifying')) {
        throw new StoreError('invalid', 'Your role may not export identifying fields (names, contacts, addresses, officers, narratives). Export without them, or ask an attorney or administrator.');
      }
      const conds: SQL[] = [eq(incidentReports.orgId, actor.orgId), eq(incidentReports.status, 'submitted')];
      if (opts.includeSynthetic === false) conds.push(eq(incidentReports.synthetic, false));
      if (opts.from) conds.push(sql`${incidentReports.date} >= ${opts.from}`);
      if (opts.to) conds.push(sql`${incidentReports.date} <= ${opts.to}`);
      if (opts.agencyKeys) conds.push(opts.agencyKeys.length ? inArray(incidentReports.agencyKey, [...opts.agencyKeys]) : sql`false`);
      const found = await ctx.db.select().from(incidentReports).where(and(...conds)).orderBy(asc(incidentReports.date), asc(incidentReports.id));
      await audit(ctx.db, actor, opts.includeIdentifying ? 'incident.export.identifying' : 'incident.export', `incident_reports:${opts.format}`, null);
      return found.map((r) => ({ id: r.id, report: decryptJson<IncidentReport>(ctx.ring, r.bodyEnc, aad(r.id)), facets: toFacets(r)! }));
    },

    async recordExport(actor, format) {
      await audit(ctx.db, actor, 'incident.export', `incident_reports:${format}`, null);
    },

    async addAsExhibit(actor, id, caseId, opts = {}) {
      const row = await requireRow(actor, id);
      if (row.status !== 'submitted') throw new StoreError('conflict', 'Submit the report before adding it to a case as an exhibit.');
      const report = decryptJson<IncidentReport>(ctx.ring, row.bodyEnc, aad(id));
      if (!report.consent.useAsEvidence) {
        throw new StoreError('invalid', 'The reporter did not consent to using this report as evidence: it cannot be added to a case as an exhibit.');
      }
      await requireCase(ctx.db, actor, caseId);
      if (row.caseId !== caseId) await api.linkCase(actor, id, caseId);
      const org = await orgsApi(ctx).get(actor.orgId);
      const linked = { ...report, caseId };
      const pdf = await incidentExhibitPdf(id, linked, toFacets({ ...row, caseId }), {
        lang: opts.lang ?? 'en',
        org: org?.name ?? '',
        date: opts.date ?? new Date().toISOString().slice(0, 10),
      });
      const record = await evidenceApi(ctx).put(actor, caseId, { filename: `incident-report-${id}.pdf`, stream: [pdf] });
      await audit(ctx.db, actor, 'incident.exhibit', 'incident_reports', id);
      return record;
    },

    async exportReportsCsv(actor, opts) {
      const rows = await api.exportRows(actor, { ...opts, format: 'csv' });
      return reportsCsv(rows, { includeIdentifying: opts.includeIdentifying });
    },

    async exportAggregatesCsv(actor, opts) {
      checkOptions(opts);
      const agg = await aggregated(actor.orgId, opts);
      await audit(ctx.db, actor, 'incident.export', 'incident_reports:aggregates-csv', null);
      return aggregatesCsv(agg, opts.lang);
    },

    async exportPatternPdf(actor, opts) {
      const { lang, date, ...patternOpts } = opts;
      const summary = await summarized(actor.orgId, patternOpts);
      const org = await orgsApi(ctx).get(actor.orgId);
      const pdf = await patternReportPdf(summary, { lang, org: org?.name ?? '', date: date ?? new Date().toISOString().slice(0, 10) });
      await audit(ctx.db, actor, 'incident.export', 'incident_reports:pdf', null);
      return pdf;
    },

    async patternSummary(actor, opts) {
      const summary = await summarized(actor.orgId, opts);
      await audit(ctx.db, actor, 'incident.pattern_summary', 'incident_reports', null);
      return summary;
    },

    async applyPatternFacts(actor, caseId, opts) {
      const { paths, replace, ...patternOpts } = opts;
      const cases = casesApi(ctx);
      const kase = await cases.get(actor, caseId);
      const summary = await summarized(actor.orgId, patternOpts);
      const merged = mergePatternFacts(kase.facts, summary.facts, { ...(paths ? { paths } : {}), replace: replace === true });
      const changed = merged.applied.length > 0;
      if (changed && !parseFacts(merged.facts).ok) return { ok: false, facts: merged.facts };
      const note = `Facts from the incident pattern summary (${summary.scope.events} events): ${merged.applied.map((a) => a.path).join(', ')}`;
      // Nothing applied: no new revision.
      const revision = changed ? await cases.addRevision(actor, caseId, { facts: merged.facts, note }) : null;
      await audit(ctx.db, actor, 'incident.pattern_facts', 'case', caseId);
      return { ok: true, revision, applied: merged.applied, skipped: merged.skipped };
    },

    async exportChartSvg(actor, opts) {
      const svg = await api.chartSvg(actor, opts);
      await audit(ctx.db, actor, 'incident.export', 'incident_reports:svg', null);
      return svg;
    },

    async chartSvg(actor, opts) {
      checkOptions(opts);
      if (!DIMENSIONS.includes(opts.dimension)) throw new StoreError('invalid', `dimension must be one of ${DIMENSIONS.join(', ')}.`);
      if (opts.rate !== undefined && !RATES.includes(opts.rate)) throw new StoreError('invalid', `rate must be one of ${RATES.join(', ')}.`);
      const agg = await aggregated(actor.orgId, opts);
      const org = (await orgsApi(ctx).get(actor.orgId))?.name ?? '';
      const chart = opts.rate ? rateChart(agg, opts.dimension, opts.rate, opts.lang, { org }) : countChart(agg, opts.dimension, opts.lang, { org });
      return renderChartSvg(chart);
    },

    async related(actor, id) {
      const row = await requireRow(actor, id);
      const merged = await ctx.db
        .select({ id: incidentReports.id })
        .from(incidentReports)
        .where(and(eq(incidentReports.orgId, actor.orgId), eq(incidentReports.duplicateOf, id)))
        .orderBy(asc(incidentReports.date), asc(incidentReports.id));
      return { duplicateOf: row.duplicateOf, mergedIds: merged.map((m) => m.id) };
    },

    async purgeDrafts(olderThan) {
      if (!(olderThan instanceof Date) || Number.isNaN(olderThan.getTime())) throw new StoreError('invalid', 'olderThan must be a valid date.');
      const gone = await ctx.db
        .delete(incidentReports)
        .where(and(eq(incidentReports.status, 'draft'), lt(incidentReports.updatedAt, olderThan)))
        .returning({ id: incidentReports.id, orgId: incidentReports.orgId });
      for (const g of gone) await audit(ctx.db, null, 'incident.draft.purge', 'incident_reports', g.id, g.orgId);
      return gone.length;
    },

    async importReports(actor, reports) {
      const ids: string[] = [];
      const now = new Date();
      const batch = 500;
      for (let i = 0; i < reports.length; i += batch) {
        const values = reports.slice(i, i + batch).map(({ id: given, report, link }) => {
          const id = given ?? newId();
          if (!isId(id)) throw new StoreError('invalid', `Report id ${id} is not a UUID.`);
          ids.push(id);
          const f = incidentFacets(id, report, link);
          return {
            id,
            orgId: actor.orgId,
            status: 'submitted',
            bodyEnc: encryptJson(ctx.ring, report, aad(id)),
            ...facetColumns(f),
            createdBy: actor.userId,
            createdAt: now,
            updatedAt: now,
            submittedAt: now,
          };
        });
        await ctx.db.insert(incidentReports).values(values);
      }
      touched(actor.orgId, null);
      await audit(ctx.db, actor, 'incident.import', 'incident_reports', null);
      return ids;
    },
  };
  return api;
}
