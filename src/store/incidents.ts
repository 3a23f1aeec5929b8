/**
 * Community incident reports in the store: drafts and submitted reports (the whole report encrypted, the facets
 * statistics count in clear columns), duplicate merges that lose nothing, pattern statistics computed in SQL, and
 * exports that strip identifying fields unless the actor's role may include them — every export audited.
 *
 * Scoping: every function takes an Actor and only ever sees the actor's organization; an id of another
 * organization behaves like an id that does not exist. Audit entries carry actor, action and ids — never content.
 * Role policy (src/auth/policy.ts) is checked by the API before the store is called; the one rule the store also
 * enforces itself is the identifying export ('incident.exportIdentifying').
 */
import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { decryptJson, encryptJson, recordAad } from '../crypto/cipher.ts';
import { can } from '../auth/policy.ts';
import { checkDraft, checkIncident, linkAgency, type AgreementLink, type IncidentProblem } from '../core/incidents/check-incident.ts';
import { findDuplicates, type DuplicateResult } from '../core/incidents/find-duplicates.ts';
import { incidentFacets, type IncidentFacets } from '../core/incidents/incident-facets.ts';
import type { IncidentReport } from '../core/incidents/incident-schema.ts';
import { groupFacets } from '../core/incidents/merge-incidents.ts';
import {
  DIMENSIONS,
  RATES,
  medianHours,
  sortCells,
  type AggregateCell,
  type AggregateOptions,
  type Aggregates,
  type Dimension,
  type RateId,
} from '../core/incidents/aggregate-incidents.ts';
import type { Reference } from '../core/reference/reference.ts';
import { incidentReports } from './schema-incidents.ts';
import { StoreError, type Actor } from './types.ts';
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
  /** Candidate duplicates among the submitted reports (not yet merged) in a date range. */
  findDuplicates(actor: Actor, opts?: { from?: string; to?: string }): Promise<DuplicateResult>;
  /** Confirms a duplicate group: the first consenting report becomes primary; nothing is deleted. */
  merge(actor: Actor, ids: string[], reference: Pick<Reference, 'agency287g'>): Promise<{ primaryId: string; memberIds: string[] }>;
  /** Undoes a merge: every member counts on its own again. */
  unmerge(actor: Actor, primaryId: string, reference: Pick<Reference, 'agency287g'>): Promise<string[]>;
  /** Pattern statistics over the submitted reports, computed in the database (reportIds left empty; see reportIds). */
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
  /** Records an export made from aggregates only (PDF, aggregate CSV, charts). */
  recordExport(actor: Actor, format: string): Promise<void>;
  /** Bulk import of reports the caller has checked with checkIncident (seeding synthetic data, imports); returns the ids. */
  importReports(actor: Actor, reports: ReadonlyArray<{ id?: string; report: IncidentReport; link: AgreementLink | null }>): Promise<string[]>;
}

const aad = (id: string) => recordAad('incident_reports', id, 'body');

function facetColumns(f: IncidentFacets) {
  return {
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

/** SQL conditions for the events of an aggregation (besides org and status). */
function filterSql(opts: AggregateOptions): SQL[] {
  const out: SQL[] = [];
  if (opts.includeSynthetic === false) out.push(sql`not r.synthetic`);
  if (opts.from) out.push(sql`r.date >= ${opts.from}`);
  if (opts.to) out.push(sql`r.date <= ${opts.to}`);
  if (opts.agencyKeys) out.push(opts.agencyKeys.length ? sql`r.agency_key in (${sql.join(opts.agencyKeys.map((k) => sql`${k}`), sql`, `)})` : sql`false`);
  return out;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
function checkOptions(opts: AggregateOptions): void {
  for (const k of ['from', 'to'] as const) {
    const v = opts[k];
    if (v !== undefined && (typeof v !== 'string' || !DATE.test(v))) throw new StoreError('invalid', `${k} must be a date written YYYY-MM-DD (e.g. 2025-05-01).`);
  }
}

/** The dimension key expression over the `e` CTE. */
const KEY_SQL: Record<Exclude<Dimension, 'model'>, { key: string; label: string }> = {
  agency: { key: 'agency_key', label: "min(agency) || ' (' || min(state) || ')'" },
  month: { key: "to_char(date, 'YYYY-MM')", label: "to_char(date, 'YYYY-MM')" },
  place: { key: "county || ', ' || state", label: "county || ', ' || state" },
  contactKind: { key: 'contact_kind', label: 'contact_kind' },
  stopReason: { key: 'stop_reason', label: 'stop_reason' },
  outcome: { key: 'outcome', label: 'outcome' },
  beyondRelease: { key: 'beyond_bucket', label: 'beyond_bucket' },
  ethnicity: { key: 'ethnicity', label: 'ethnicity' },
  language: { key: 'language', label: 'language' },
  ageRange: { key: 'age_range', label: 'age_range' },
  gender: { key: 'gender', label: 'gender' },
};
const RATE_COLUMN: Record<RateId, string> = {
  askedAboutStatus: 'asked_about_status',
  noReasonGiven: 'no_reason',
  arrested: 'arrested',
  detainerLodged: 'detainer_lodged',
  transferredToIce: 'transferred_to_ice',
  heldBeyondRelease: 'held_beyond',
};
const MEASURES = [
  'count(*)::int as n',
  'count(*) filter (where synthetic)::int as syn',
  'sum(nreports)::int as reports',
  ...RATES.flatMap((r) => ['yes', 'no', 'unknown'].map((v) => `count(*) filter (where ${RATE_COLUMN[r]} = '${v}')::int as "${r}_${v}"`)),
  'percentile_cont(0.5) within group (order by minutes_beyond_release) as median_beyond',
  'min(date)::text as first_date',
  'max(date)::text as last_date',
].join(', ');
/** The models an event counts under: those in force, or 'none' / 'unknown' (as keysOf in aggregate-incidents.ts). */
const MODEL_ARRAY = "(case when coalesce(cardinality(models), 0) > 0 then models else array[case when had_agreement = 'no' then 'none' else 'unknown' end] end)";
const MODEL_KEY = `unnest${MODEL_ARRAY}`;

function eventsCte(orgId: string, opts: AggregateOptions): SQL {
  const conds = [sql`r.org_id = ${orgId}`, sql`r.status = 'submitted'`, sql`r.duplicate_of is null`, sql`r.countable`, ...filterSql(opts)];
  return sql`with dc as (
      select duplicate_of, count(*)::int as n from incident_reports where org_id = ${orgId} and duplicate_of is not null group by duplicate_of
    ), e as materialized (
      select r.*, 1 + coalesce(dc.n, 0) as nreports,
        case when r.stop_reason = 'unknown' then 'unknown' when r.stop_reason = 'none_given' then 'yes' else 'no' end as no_reason,
        case when r.minutes_beyond_release is null then 'unknown' when r.minutes_beyond_release > 0 then 'yes' else 'no' end as held_beyond,
        case when r.minutes_beyond_release is null then 'unknown' when r.minutes_beyond_release <= 0 then 'none'
             when r.minutes_beyond_release < 720 then 'under_12h' when r.minutes_beyond_release <= 2880 then '12_to_48h' else 'over_48h' end as beyond_bucket
      from incident_reports r left join dc on dc.duplicate_of = r.id
      where ${sql.join(conds, sql` and `)}
    )`;
}

async function rows<T>(ctx: StoreContext, q: SQL): Promise<T[]> {
  return ((await ctx.db.execute(q)) as unknown as { rows: T[] }).rows;
}

type MeasureRow = Record<string, number | string | null> & { dim: string; key: string; label: string };

function toCell(r: MeasureRow, total: number): AggregateCell {
  const rates = {} as AggregateCell['rates'];
  for (const rate of RATES) {
    const yes = Number(r[`${rate}_yes`]);
    const no = Number(r[`${rate}_no`]);
    rates[rate] = { numerator: yes, denominator: yes + no, rate: yes + no ? yes / (yes + no) : null, unknown: Number(r[`${rate}_unknown`]) };
  }
  const count = Number(r.n);
  return {
    key: r.key,
    label: r.label,
    count,
    syntheticCount: Number(r.syn),
    share: total ? count / total : 0,
    rates,
    medianHoursBeyondRelease: r.median_beyond === null ? null : medianHours(Number(r.median_beyond)),
    reportCount: Number(r.reports),
    reportIds: [],
  };
}

export function incidentsApi(ctx: StoreContext): IncidentsApi {
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
    await ctx.db.transaction(async (tx) => {
      for (const f of facets) {
        await tx.update(incidentReports).set({ ...facetColumns(f), caseId: members.find((m) => m.id === f.id)!.caseId, updatedAt: new Date() }).where(eq(incidentReports.id, f.id));
      }
    });
  }

  return {
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
      await audit(ctx.db, actor, 'incident.link_case', 'incident_reports', id);
    },

    async findDuplicates(actor, opts = {}) {
      checkOptions(opts);
      const conds = [eq(incidentReports.orgId, actor.orgId), eq(incidentReports.status, 'submitted'), isNull(incidentReports.duplicateOf)];
      if (opts.from) conds.push(sql`${incidentReports.date} >= ${opts.from}`);
      if (opts.to) conds.push(sql`${incidentReports.date} <= ${opts.to}`);
      const found = await ctx.db.select().from(incidentReports).where(and(...conds));
      const merged = new Set(
        (
          await ctx.db
            .select({ p: incidentReports.duplicateOf })
            .from(incidentReports)
            .where(and(eq(incidentReports.orgId, actor.orgId), sql`${incidentReports.duplicateOf} is not null`))
        ).map((r) => r.p),
      );
      const refs = found
        .filter((r) => !merged.has(r.id))
        .map((r) => ({ id: r.id, report: decryptJson<IncidentReport>(ctx.ring, r.bodyEnc, aad(r.id)), agencyKey: r.agencyKey ?? undefined }));
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
        if (row.duplicateOf) throw new StoreError('conflict', `Report ${id} is already merged into ${row.duplicateOf}: undo that merge first.`);
        members.push(row);
      }
      const already = await ctx.db
        .select({ id: incidentReports.id })
        .from(incidentReports)
        .where(and(eq(incidentReports.orgId, actor.orgId), inArray(incidentReports.duplicateOf, unique)))
        .limit(1);
      if (already[0]) throw new StoreError('conflict', 'One of these reports is already the primary report of a merge: undo that merge first.');
      await refreshFacets(actor, members, reference, true);
      const after = await ctx.db.select().from(incidentReports).where(inArray(incidentReports.id, unique));
      const primary = after.find((r) => r.duplicateOf === null)!;
      for (const id of unique) await audit(ctx.db, actor, 'incident.merge', 'incident_reports', id);
      return { primaryId: primary.id, memberIds: [primary.id, ...unique.filter((x) => x !== primary.id)] };
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
      const selects = [
        `select 'all' as dim, 'all' as key, 'all' as label, ${MEASURES} from e`,
        ...Object.entries(KEY_SQL).map(([d, k]) => `select '${d}' as dim, ${k.key} as key, ${k.label} as label, ${MEASURES} from e group by ${k.key}`),
        `select 'model' as dim, m as key, m as label, ${MEASURES} from e, ${MODEL_KEY} as m group by m`,
      ];
      const result = await rows<MeasureRow>(ctx, sql`${eventsCte(actor.orgId, opts)} ${sql.raw(selects.join(' union all '))}`);
      const counts = (
        await rows<{ no_consent: number; outside: number }>(
          ctx,
          sql`select count(*) filter (where not r.countable)::int as no_consent,
                count(*) filter (where r.countable and not (${filterSql(opts).length ? sql.join(filterSql(opts), sql` and `) : sql`true`}))::int as outside
              from incident_reports r where r.org_id = ${actor.orgId} and r.status = 'submitted' and r.duplicate_of is null`,
        )
      )[0]!;
      const all = result.find((r) => r.dim === 'all')!;
      const total = Number(all.n);
      const dimensions = Object.fromEntries(DIMENSIONS.map((d) => [d, [] as AggregateCell[]])) as Record<Dimension, AggregateCell[]>;
      for (const r of result) if (r.dim !== 'all' && Number(r.n) > 0) dimensions[r.dim as Dimension].push(toCell(r, total));
      for (const d of DIMENSIONS) sortCells(d, dimensions[d]);
      await audit(ctx.db, actor, 'incident.aggregate', 'incident_reports', null);
      return {
        events: total,
        reports: Number(all.reports ?? 0),
        syntheticEvents: Number(all.syn),
        excluded: { noConsent: Number(counts.no_consent), outsideFilter: Number(counts.outside) },
        firstDate: (all.first_date as string | null) ?? null,
        lastDate: (all.last_date as string | null) ?? null,
        overall: toCell(all, total),
        dimensions,
        options: { ...opts, includeSynthetic: opts.includeSynthetic ?? true },
      };
    },

    async reportIds(actor, dimension, key, opts = {}) {
      checkOptions(opts);
      let condition: SQL;
      if (dimension === 'all') condition = sql`true`;
      else if (dimension === 'model') condition = sql`${key} = any(${sql.raw(MODEL_ARRAY)})`;
      else if (dimension in KEY_SQL) condition = sql`${sql.raw(KEY_SQL[dimension as Exclude<Dimension, 'model'>].key)} = ${key}`;
      else throw new StoreError('invalid', `dimension must be one of all, ${DIMENSIONS.join(', ')}.`);
      const found = await rows<{ id: string; duplicate_of: string | null }>(
        ctx,
        sql`${eventsCte(actor.orgId, opts)}, ev as (select id from e where ${condition})
            select r.id, r.duplicate_of from incident_reports r
            where r.org_id = ${actor.orgId} and (r.id in (select id from ev) or r.duplicate_of in (select id from ev))
            order by r.date, r.id`,
      );
      await audit(ctx.db, actor, 'incident.aggregate', 'incident_reports', null);
      return found.map((r) => r.id);
    },

    async facets(actor, opts = {}) {
      checkOptions(opts);
      const found = await ctx.db
        .select()
        .from(incidentReports)
        .where(and(eq(incidentReports.orgId, actor.orgId), eq(incidentReports.status, 'submitted')));
      return found.map(toFacets).filter((f): f is IncidentFacets => f !== null);
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
      await audit(ctx.db, actor, 'incident.import', 'incident_reports', null);
      return ids;
    },
  };
}
