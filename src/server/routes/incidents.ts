/**
 * Community incident reports over HTTP (issue 7): drafts saved as the reporter goes, submission (a refused submission
 * stays a draft and the answer lists the problems with field paths), list and read, duplicates, merges and undoing them, pattern
 * statistics with the report ids behind each number, and exports. The CSV of reports strips identifying fields unless
 * `identifying=true`, which only roles with `incident.exportIdentifying` may ask for (403 otherwise). Every export is
 * audited by the store. Handlers are thin: one store call each (src/store/incidents.ts).
 */
import { z } from 'zod';
import { can } from '../../auth/policy.ts';
import { IncidentReportSchema } from '../../core/incidents/incident-schema.ts';
import { stripIdentifying } from '../../core/incidents/identifying-fields.ts';
import { DIMENSIONS, RATES } from '../../core/incidents/aggregate-incidents.ts';
import type { Reference } from '../../core/reference/reference.ts';
import type { IncidentRecord } from '../../store/incidents.ts';
import { StoreError } from '../../store/types.ts';
import type { ServerDeps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { withRenderedMessages } from '../render-messages.ts';
import { defineRoute, type AnyRoute } from '../route.ts';
import { CaseIdParams, Id, IsoDate, Timestamp } from '../schemas.ts';
import { requireValidFacts } from '../facts-input.ts';
import type { PatternOptions } from '../../core/incidents/pattern-summary.ts';
import { t } from '../../i18n/i18n.ts';
import { actorOf } from './actor.ts';
import { contentDisposition } from './evidence.ts';

const IncidentIdParams = z.object({ incidentId: Id });

/** The report's top-level parts (IncidentReportSchema); anything else is refused as a wrong field, not stored. */
const REPORT_KEYS = new Set(Object.keys(IncidentReportSchema.shape));
const ReportObject = z
  .record(z.string(), z.unknown())
  .refine((o) => Object.keys(o).every((k) => REPORT_KEYS.has(k)), {
    message: `only the report's parts: ${[...REPORT_KEYS].join(', ')}`,
  })
  .describe('An incident report (see docs/incidents.md); a draft may be incomplete');

/** Period and scope of the statistics and exports. */
const Scope = z.object({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  agencyKey: z.string().trim().min(1).max(200).optional().describe('One agency (its key in the facets)'),
  includeSynthetic: z.enum(['true', 'false']).default('true').transform((v) => v === 'true').describe('Count generated (synthetic) reports'),
});
type ScopeIn = z.output<typeof Scope>;

function aggregateOptions(q: ScopeIn) {
  return {
    ...(q.from ? { from: q.from } : {}),
    ...(q.to ? { to: q.to } : {}),
    ...(q.agencyKey ? { agencyKeys: [q.agencyKey] } : {}),
    includeSynthetic: q.includeSynthetic,
  };
}

/** A comparison population for the disparity finding (pattern-summary.ts Benchmark). */
const Benchmark = z
  .object({
    ethnicity: z.string().trim().min(1).max(100).describe("The demographics.ethnicity value compared, e.g. 'hispanic_latino'"),
    share: z.number().gt(0).max(1).describe('Its share (above 0, at most 1) in the comparison population'),
    source: z.string().trim().min(1).max(500).describe('Where the share comes from (shown in the summary)'),
  })
  .strict();

/** The pattern summary's scope in a query: Scope plus an optional benchmark given as its three fields together. */
const PatternQuery = Scope.extend({
  benchmarkEthnicity: z.string().trim().min(1).max(100).optional().describe('Benchmark: the ethnicity compared (with benchmarkShare and benchmarkSource)'),
  benchmarkShare: z.coerce.number().gt(0).max(1).optional().describe('Benchmark: its share (above 0, at most 1) in the comparison population'),
  benchmarkSource: z.string().trim().min(1).max(500).optional().describe('Benchmark: where the share comes from'),
}).refine(
  (q) => [q.benchmarkEthnicity, q.benchmarkShare, q.benchmarkSource].every((v) => v === undefined) || [q.benchmarkEthnicity, q.benchmarkShare, q.benchmarkSource].every((v) => v !== undefined),
  { message: 'give benchmarkEthnicity, benchmarkShare and benchmarkSource together, or none of them', path: ['benchmarkEthnicity'] },
);

/** The pattern summary's scope in a JSON body. */
const PatternBody = z
  .object({
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    agencyKey: z.string().trim().min(1).max(200).optional().describe('One agency (its key in the facets)'),
    includeSynthetic: z.boolean().default(true).describe('Count generated (synthetic) reports'),
    benchmark: Benchmark.optional(),
  })
  .strict();

function patternOptions(q: {
  from?: string | undefined;
  to?: string | undefined;
  agencyKey?: string | undefined;
  includeSynthetic: boolean;
  benchmark?: PatternOptions['benchmark'] | undefined;
}): PatternOptions {
  return {
    ...(q.from ? { from: q.from } : {}),
    ...(q.to ? { to: q.to } : {}),
    ...(q.agencyKey ? { agencyKey: q.agencyKey } : {}),
    includeSynthetic: q.includeSynthetic,
    ...(q.benchmark ? { benchmark: q.benchmark } : {}),
  };
}

const Msg = z.object({ code: z.string(), text: z.string() }).loose();
const FactsBasisOut = z.object({ path: z.string(), value: z.unknown(), message: Msg, reportIds: z.array(Id) });
const PatternSummaryOut = z.object({
  scope: z.object({}).loose(),
  findings: z.array(z.object({ id: z.string(), message: Msg, reportIds: z.array(Id), citations: z.array(z.unknown()) }).loose()),
  limits: z.array(Msg),
  warnings: z.array(Msg),
  citations: z.array(z.unknown()),
  facts: z.object({ patch: z.object({ version: z.literal(1), enforcement: z.record(z.string(), z.unknown()) }), basis: z.array(FactsBasisOut) }),
});

function reference(deps: ServerDeps): Pick<Reference, 'agency287g'> {
  if (!deps.reference) throw new ApiError('not_available');
  return deps.reference;
}

const Problem = z.object({
  path: z.string().describe('Dotted field path, e.g. when.date; empty for the whole report'),
  severity: z.enum(['error', 'warning']),
  message: z.object({ code: z.string(), text: z.string() }).loose(),
});

const IncidentOut = z.object({
  id: Id,
  status: z.enum(['draft', 'submitted']),
  body: z.record(z.string(), z.unknown()),
  facets: z.record(z.string(), z.unknown()).nullable(),
  createdBy: Id,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  submittedAt: Timestamp.nullable(),
});

const ListItemOut = z.object({
  id: Id,
  status: z.enum(['draft', 'submitted']),
  facets: z.record(z.string(), z.unknown()).nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

const recordOut = (r: IncidentRecord) => r;

const attachment = (body: BodyInit, contentType: string, filename: string) =>
  new Response(body, {
    status: 200,
    headers: {
      'Content-Type': contentType,
      'Content-Disposition': contentDisposition(filename),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    },
  });

export function incidentRoutes(): AnyRoute[] {
  return [
    defineRoute({
      method: 'POST',
      path: '/api/incidents/drafts',
      tag: 'incidents',
      summary: 'Save a draft report (new, or the draft `id`): any JSON object is kept, so a half-finished report is never lost; problems come back as warnings.',
      access: 'incident.report',
      body: z.object({ id: Id.optional(), draft: ReportObject }).strict(),
      responses: [{ status: 200, description: 'Saved', schema: z.object({ id: Id, problems: z.array(Problem) }) }],
      handler: async ({ c, deps, user, body, lang }) => {
        const saved = await deps.store.incidents.saveDraft(actorOf(c, user), {
          ...(body.id ? { id: body.id } : {}),
          draft: body.draft,
          now: deps.config.now(),
          ...(deps.reference ? { reference: deps.reference } : {}),
        });
        return c.json(withRenderedMessages(saved, lang));
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/incidents',
      tag: 'incidents',
      summary:
        'Submit a report (new, or the draft `id`). Refused (422) when it has errors: the input stays a draft (`draftId`) and `problems` lists each with its field path.',
      access: 'incident.report',
      body: z.object({ id: Id.optional(), report: ReportObject }).strict(),
      responses: [
        { status: 201, description: 'Submitted', schema: z.object({ submitted: z.literal(true), incident: IncidentOut, problems: z.array(Problem) }) },
        {
          status: 422,
          description: 'Not submitted; kept as a draft',
          schema: z.object({ submitted: z.literal(false), draftId: Id.nullable(), problems: z.array(Problem) }).loose(),
        },
      ],
      handler: async ({ c, deps, user, body, lang }) => {
        const r = await deps.store.incidents.submit(actorOf(c, user), {
          ...(body.id ? { id: body.id } : {}),
          report: body.report,
          reference: reference(deps),
          now: deps.config.now(),
        });
        if (r.ok) return c.json(withRenderedMessages({ submitted: true, incident: recordOut(r.record), problems: r.problems }, lang), 201);
        const errors = r.problems.filter((p) => p.severity === 'error').map((p) => p.path || '-');
        return c.json(
          withRenderedMessages(
            {
              error: { code: 'unprocessable', message: t(lang, 'api:errors.unprocessable', { reason: errors.join(', ') }) },
              submitted: false,
              draftId: r.draftId,
              problems: r.problems,
            },
            lang,
          ),
          422,
        );
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/incidents',
      tag: 'incidents',
      summary: "The organization's reports (no identifying data: status, dates and the counted facets).",
      access: 'incident.read',
      query: z.object({
        status: z.enum(['draft', 'submitted']).optional(),
        limit: z.coerce.number().int().min(1).max(500).default(100),
        offset: z.coerce.number().int().min(0).default(0),
      }),
      responses: [{ status: 200, description: 'Reports', schema: z.object({ incidents: z.array(ListItemOut) }) }],
      handler: async ({ c, deps, user, query }) =>
        c.json({
          incidents: await deps.store.incidents.list(actorOf(c, user), {
            ...(query.status ? { status: query.status } : {}),
            limit: query.limit,
            offset: query.offset,
          }),
        }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/incidents/duplicates',
      tag: 'incidents',
      summary: 'Candidate duplicates among the submitted reports (optionally in a date range), with the reasons they match.',
      access: 'incident.read',
      query: z.object({ from: IsoDate.optional(), to: IsoDate.optional() }),
      responses: [{ status: 200, description: 'Candidate groups', schema: z.object({}).loose() }],
      handler: async ({ c, deps, user, query, lang }) =>
        c.json(
          withRenderedMessages(
            await deps.store.incidents.findDuplicates(actorOf(c, user), {
              ...(query.from ? { from: query.from } : {}),
              ...(query.to ? { to: query.to } : {}),
            }),
            lang,
          ),
        ),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/incidents/merge',
      tag: 'incidents',
      summary: 'Confirm that reports describe one event: they count once; nothing is deleted.',
      access: 'incident.merge',
      body: z.object({ ids: z.array(Id).min(2).max(50) }).strict(),
      responses: [{ status: 200, description: 'Merged', schema: z.object({ primaryId: Id, memberIds: z.array(Id) }) }],
      handler: async ({ c, deps, user, body }) =>
        c.json(await deps.store.incidents.merge(actorOf(c, user), body.ids, reference(deps))),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/incidents/:incidentId/unmerge',
      tag: 'incidents',
      summary:
        "Undo a merge: the report's whole group (the report it is merged into, or the reports merged into it, and itself) splits, and every report counts as its own event again; nothing is deleted. A report of another organization is 404; a report that is not merged is refused (422). Audited.",
      access: 'incident.merge',
      params: IncidentIdParams,
      responses: [{ status: 200, description: 'The reports that count on their own again', schema: z.object({ ids: z.array(Id) }) }],
      handler: async ({ c, deps, user, params, lang }) => {
        const actor = actorOf(c, user);
        // The store splits a group by its primary report: find it from either side of the merge.
        const { duplicateOf, mergedIds } = await deps.store.incidents.related(actor, params.incidentId);
        const primaryId = duplicateOf ?? (mergedIds.length > 0 ? params.incidentId : null);
        const notMerged = () => new ApiError('unprocessable', { reason: t(lang, 'incidents:unmerge.notMerged') });
        if (primaryId === null) throw notMerged();
        try {
          return c.json({ ids: await deps.store.incidents.unmerge(actor, primaryId, reference(deps)) });
        } catch (e) {
          // Undone meanwhile by someone else: the group is gone.
          if (e instanceof StoreError && e.code === 'invalid') throw notMerged();
          throw e;
        }
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/incidents/aggregate',
      tag: 'incidents',
      summary: 'Pattern statistics over the submitted reports, with the ids of the reports behind each number.',
      access: 'incident.read',
      query: Scope,
      responses: [{ status: 200, description: 'Aggregates', schema: z.object({ overall: z.object({}).loose(), dimensions: z.object({}).loose() }).loose() }],
      handler: async ({ c, deps, user, query }) => c.json(await deps.store.incidents.aggregate(actorOf(c, user), aggregateOptions(query))),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/incidents/aggregate/reports',
      tag: 'incidents',
      summary: 'The reports behind one number of the statistics: `dimension` (or all) and `key` (the cell), same scope as the aggregate.',
      access: 'incident.read',
      query: Scope.extend({ dimension: z.enum(['all', ...DIMENSIONS]), key: z.string().max(300).default('') }),
      responses: [{ status: 200, description: 'Report ids', schema: z.object({ reportIds: z.array(Id) }) }],
      handler: async ({ c, deps, user, query }) =>
        c.json({ reportIds: await deps.store.incidents.reportIds(actorOf(c, user), query.dimension, query.key, aggregateOptions(query)) }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/incidents/aggregate/chart.svg',
      tag: 'incidents',
      summary: 'The bar chart shown on the patterns page (same as the export, aggregates only); not an export, so not logged as one.',
      access: 'incident.read',
      query: Scope.extend({ dimension: z.enum(DIMENSIONS).default('agency'), rate: z.enum(RATES).optional() }),
      responses: [{ status: 200, description: 'SVG', contentType: 'image/svg+xml' }],
      handler: async ({ deps, c, user, query, lang }) => {
        const svg = await deps.store.incidents.chartSvg(actorOf(c, user), {
          ...aggregateOptions(query),
          dimension: query.dimension,
          ...(query.rate ? { rate: query.rate } : {}),
          lang,
        });
        return new Response(svg, {
          status: 200,
          headers: {
            'Content-Type': 'image/svg+xml; charset=utf-8',
            'Cache-Control': 'private, no-store',
            'X-Content-Type-Options': 'nosniff',
            'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
          },
        });
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/incidents/pattern-summary',
      tag: 'incidents',
      summary:
        'The pattern summary (findings with the reports behind each, limits, warnings, authorities) and the facts it proposes for a case (`facts.patch`, and per value in `facts.basis` why and the reports behind it). A disparity needs a benchmark (`benchmarkEthnicity`, `benchmarkShare`, `benchmarkSource` together). No identifying data; the statistics themselves are GET /api/incidents/aggregate. Audited.',
      access: 'incident.read',
      query: PatternQuery,
      responses: [{ status: 200, description: 'The summary', schema: PatternSummaryOut }],
      handler: async ({ c, deps, user, query, lang }) => {
        const { aggregates: _aggregates, ...summary } = await deps.store.incidents.patternSummary(
          actorOf(c, user),
          patternOptions({
            ...query,
            ...(query.benchmarkEthnicity && query.benchmarkShare !== undefined && query.benchmarkSource
              ? { benchmark: { ethnicity: query.benchmarkEthnicity, share: query.benchmarkShare, source: query.benchmarkSource } }
              : {}),
          }),
        );
        return c.json(withRenderedMessages(summary, lang));
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/cases/:caseId/pattern-facts',
      tag: 'incidents',
      summary:
        "Apply facts the pattern summary proposes (same scope as GET /api/incidents/pattern-summary; `paths`: which of its `facts.basis` values, all when absent) to a case of your organization (404 otherwise) as a new revision. An answer the case already has (anything but absent or 'unknown') is kept and listed in `skipped` unless `replace: true`. `revision` is null when nothing was applied; 400 `invalid_facts` when the result would not be valid facts. Audited.",
      access: 'case.update',
      params: CaseIdParams,
      body: PatternBody.extend({
        paths: z.array(z.string().regex(/^enforcement\.[A-Za-z0-9]+$/, 'a proposed value path, e.g. enforcement.countyPolicyHonorsAllDetainers')).min(1).max(20).optional(),
        replace: z.boolean().default(false).describe('Replace answers the case already has'),
      }).strict(),
      responses: [
        {
          status: 200,
          description: 'What was applied and skipped, and the new revision (null when nothing was applied)',
          schema: z.object({
            revision: z.object({ caseId: Id, revision: z.number().int(), facts: z.unknown(), note: z.string().nullable(), authorId: Id, createdAt: Timestamp }).nullable(),
            applied: z.array(z.object({ path: z.string(), value: z.unknown(), previous: z.unknown() })),
            skipped: z.array(z.object({ path: z.string(), reason: z.enum(['answered', 'same', 'notProposed']), current: z.unknown().optional() })),
          }),
        },
      ],
      handler: async ({ c, deps, user, params, body }) => {
        const { paths, replace, ...scope } = body;
        const r = await deps.store.incidents.applyPatternFacts(actorOf(c, user), params.caseId, {
          ...patternOptions(scope),
          ...(paths ? { paths } : {}),
          replace,
        });
        if (!r.ok) requireValidFacts(r.facts);
        return c.json(r.ok ? { revision: r.revision, applied: r.applied, skipped: r.skipped } : { revision: null, applied: [], skipped: [] });
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/incidents/:incidentId',
      tag: 'incidents',
      summary:
        'One report (draft or submitted); identifying fields (names, contacts, addresses, officers, narratives) only for roles that may export them, and in the caller\'s own draft (`identifyingHidden` says when they were left out). With the report it merged into (`duplicateOf`) and the reports merged into it (`mergedIds`). The read is audited.',
      access: 'incident.read',
      params: IncidentIdParams,
      responses: [
        {
          status: 200,
          description: 'The report',
          schema: IncidentOut.extend({ identifyingHidden: z.boolean(), duplicateOf: Id.nullable(), mergedIds: z.array(Id) }),
        },
      ],
      handler: async ({ c, deps, user, params }) => {
        const actor = actorOf(c, user);
        const record = await deps.store.incidents.get(actor, params.incidentId);
        const related = await deps.store.incidents.related(actor, params.incidentId);
        const mayIdentify = can(user.role, 'incident.exportIdentifying') || (record.status === 'draft' && record.createdBy === user.id);
        return c.json({
          ...recordOut(record),
          body: mayIdentify ? record.body : stripIdentifying(record.body),
          identifyingHidden: !mayIdentify,
          ...related,
        });
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/incidents/:incidentId/exhibit',
      tag: 'incidents',
      summary:
        "Add a submitted report to a case as an exhibit: a PDF of the report (with the 287(g) agreements and media hashes) goes into the case's evidence locker with its SHA-256 and chain of custody, and the report is linked to the case. Report and case must be your organization's (404 otherwise); refused (422) without the reporter's consent to use as evidence, or for a draft. Audited.",
      access: 'evidence.upload',
      params: IncidentIdParams,
      body: z.object({ caseId: Id }).strict(),
      responses: [{ status: 201, description: 'The evidence item', schema: z.object({ evidence: z.object({ id: Id, caseId: Id, sha256: z.string() }).loose() }) }],
      handler: async ({ c, deps, user, params, body, lang }) => {
        try {
          const evidence = await deps.store.incidents.addAsExhibit(actorOf(c, user), params.incidentId, body.caseId, {
            lang,
            date: deps.config.now().toISOString().slice(0, 10),
          });
          return c.json({ evidence }, 201);
        } catch (e) {
          // The store's two refusals, said plainly (its own messages are not shown to callers).
          if (e instanceof StoreError && e.code === 'invalid') throw new ApiError('unprocessable', { reason: t(lang, 'incidents:exhibit.noConsent') });
          if (e instanceof StoreError && e.code === 'conflict') throw new ApiError('unprocessable', { reason: t(lang, 'incidents:exhibit.notSubmitted') });
          throw e;
        }
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/incidents/export/reports.csv',
      tag: 'incidents',
      summary:
        'The reports as CSV, identifying fields stripped; `identifying=true` includes them (admin and attorney only, 403 otherwise). Audited.',
      access: 'incident.export',
      query: Scope.extend({ identifying: z.enum(['true', 'false']).default('false').transform((v) => v === 'true') }),
      responses: [{ status: 200, description: 'CSV', contentType: 'text/csv' }],
      handler: async ({ c, deps, user, query }) => {
        if (query.identifying && !can(user.role, 'incident.exportIdentifying')) throw new ApiError('forbidden');
        const csv = await deps.store.incidents.exportReportsCsv(actorOf(c, user), { ...aggregateOptions(query), includeIdentifying: query.identifying });
        return attachment(csv, 'text/csv; charset=utf-8', query.identifying ? 'incident-reports-identifying.csv' : 'incident-reports.csv');
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/incidents/export/aggregates.csv',
      tag: 'incidents',
      summary: 'One CSV row per statistic, with the ids of the reports behind it. Audited.',
      access: 'incident.export',
      query: Scope,
      responses: [{ status: 200, description: 'CSV', contentType: 'text/csv' }],
      handler: async ({ c, deps, user, query, lang }) => {
        const csv = await deps.store.incidents.exportAggregatesCsv(actorOf(c, user), { ...aggregateOptions(query), lang });
        return attachment(csv, 'text/csv; charset=utf-8', 'incident-statistics.csv');
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/incidents/export/chart.svg',
      tag: 'incidents',
      summary: 'A bar chart as SVG: events by a dimension, or a rate (`rate`) by a dimension. Audited.',
      access: 'incident.export',
      query: Scope.extend({ dimension: z.enum(DIMENSIONS).default('agency'), rate: z.enum(RATES).optional() }),
      responses: [{ status: 200, description: 'SVG', contentType: 'image/svg+xml' }],
      handler: async ({ c, deps, user, query, lang }) => {
        const svg = await deps.store.incidents.exportChartSvg(actorOf(c, user), {
          ...aggregateOptions(query),
          dimension: query.dimension,
          ...(query.rate ? { rate: query.rate } : {}),
          lang,
        });
        return attachment(svg, 'image/svg+xml; charset=utf-8', `incident-chart-${query.dimension}.svg`);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/incidents/export/pattern-report.pdf',
      tag: 'incidents',
      summary: 'The pattern report PDF: summary, counts, methods, limits, authorities and charts. Audited.',
      access: 'incident.export',
      query: Scope,
      responses: [{ status: 200, description: 'PDF', contentType: 'application/pdf' }],
      handler: async ({ c, deps, user, query, lang }) => {
        const pdf = await deps.store.incidents.exportPatternPdf(actorOf(c, user), {
          ...(query.from ? { from: query.from } : {}),
          ...(query.to ? { to: query.to } : {}),
          ...(query.agencyKey ? { agencyKey: query.agencyKey } : {}),
          includeSynthetic: query.includeSynthetic,
          lang,
          date: deps.config.now().toISOString().slice(0, 10),
        });
        return attachment(new Uint8Array(pdf), 'application/pdf', 'incident-pattern-report.pdf');
      },
    }),
  ];
}
