/** Cases: create, list, read, change title/status, facts as revisions (never overwritten), parties. */
import { z } from 'zod';
import { FactsSchema } from '../../core/facts/index.ts';
import { CASE_STATUSES } from '../../store/types.ts';
import { requireValidFacts } from '../facts-input.ts';
import { defineRoute, type AnyRoute } from '../route.ts';
import { CaseIdParams, Id, Timestamp } from '../schemas.ts';
import { actorOf } from './actor.ts';

const CaseStatus = z.enum(CASE_STATUSES as ['open', 'closed', 'archived']);
const Title = z.string().trim().min(1).max(300);
const Note = z.string().trim().max(2000);

const CaseSummaryOut = z.object({
  id: Id,
  orgId: Id,
  title: z.string(),
  status: CaseStatus,
  currentRevision: z.number().int(),
  createdBy: Id,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
const CaseDetailOut = CaseSummaryOut.extend({ facts: z.unknown() });
const RevisionOut = z.object({
  caseId: Id,
  revision: z.number().int(),
  facts: z.unknown(),
  note: z.string().nullable(),
  authorId: Id,
  createdAt: Timestamp,
});
const PartyOut = z.object({
  id: Id,
  caseId: Id,
  role: z.string(),
  name: z.string(),
  details: z.record(z.string(), z.unknown()).nullable(),
  createdBy: Id,
  createdAt: Timestamp,
});

export function caseRoutes(): AnyRoute[] {
  return [
    defineRoute({
      method: 'POST',
      path: '/api/cases',
      tag: 'cases',
      summary: 'Open a case, optionally with its first facts (revision 1).',
      access: 'case.create',
      body: z.object({ title: Title, facts: FactsSchema.optional(), note: Note.optional() }),
      responses: [{ status: 201, description: 'Created', schema: CaseDetailOut }],
      handler: async ({ c, deps, user, body }) => {
        if (body.facts !== undefined) requireValidFacts(body.facts);
        return c.json(await deps.store.cases.create(actorOf(c, user), body), 201);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/cases',
      tag: 'cases',
      summary: "My organization's cases.",
      access: 'case.read',
      query: z.object({ status: CaseStatus.optional() }),
      responses: [{ status: 200, description: 'Cases', schema: z.object({ cases: z.array(CaseSummaryOut) }) }],
      handler: async ({ c, deps, user, query }) =>
        c.json({ cases: await deps.store.cases.list(actorOf(c, user), query.status ? { status: query.status } : {}) }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/cases/:caseId',
      tag: 'cases',
      summary: 'A case with its latest facts.',
      access: 'case.read',
      params: CaseIdParams,
      responses: [{ status: 200, description: 'The case', schema: CaseDetailOut }],
      handler: async ({ c, deps, user, params }) => c.json(await deps.store.cases.get(actorOf(c, user), params.caseId)),
    }),
    defineRoute({
      method: 'PATCH',
      path: '/api/cases/:caseId',
      tag: 'cases',
      summary: "Change a case's title or status (facts change through revisions).",
      access: 'case.update',
      params: CaseIdParams,
      body: z
        .object({ title: Title.optional(), status: CaseStatus.optional() })
        .strict()
        .refine((b) => b.title !== undefined || b.status !== undefined, { message: 'Give title or status.' }),
      responses: [{ status: 200, description: 'Changed', schema: CaseSummaryOut }],
      handler: async ({ c, deps, user, params, body }) =>
        c.json(await deps.store.cases.update(actorOf(c, user), params.caseId, body)),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/cases/:caseId/revisions',
      tag: 'cases',
      summary: 'Record new facts: a new revision (who and when are kept; nothing is overwritten).',
      access: 'case.update',
      params: CaseIdParams,
      body: z.object({ facts: FactsSchema, note: Note.optional() }),
      responses: [{ status: 201, description: 'The new revision', schema: RevisionOut }],
      handler: async ({ c, deps, user, params, body }) => {
        requireValidFacts(body.facts);
        return c.json(await deps.store.cases.addRevision(actorOf(c, user), params.caseId, body), 201);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/cases/:caseId/revisions',
      tag: 'cases',
      summary: "A case's fact revisions, oldest first.",
      access: 'case.read',
      params: CaseIdParams,
      responses: [{ status: 200, description: 'Revisions', schema: z.object({ revisions: z.array(RevisionOut) }) }],
      handler: async ({ c, deps, user, params }) =>
        c.json({ revisions: await deps.store.cases.listRevisions(actorOf(c, user), params.caseId) }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/cases/:caseId/revisions/:revision',
      tag: 'cases',
      summary: 'One revision of the facts.',
      access: 'case.read',
      params: z.object({ caseId: Id, revision: z.coerce.number().int().min(1).max(1_000_000) }),
      responses: [{ status: 200, description: 'The revision', schema: RevisionOut }],
      handler: async ({ c, deps, user, params }) =>
        c.json(await deps.store.cases.getRevision(actorOf(c, user), params.caseId, params.revision)),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/cases/:caseId/parties',
      tag: 'cases',
      summary: "A case's parties.",
      access: 'case.read',
      params: CaseIdParams,
      responses: [{ status: 200, description: 'Parties', schema: z.object({ parties: z.array(PartyOut) }) }],
      handler: async ({ c, deps, user, params }) =>
        c.json({ parties: await deps.store.parties.list(actorOf(c, user), params.caseId) }),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/cases/:caseId/parties',
      tag: 'cases',
      summary: 'Add a party (petitioner, respondent, …) with details (address, A-number, title): stored encrypted.',
      access: 'case.update',
      params: CaseIdParams,
      body: z.object({
        role: z.string().trim().min(1).max(100),
        name: z.string().trim().min(1).max(300),
        details: z
          .record(z.string().min(1).max(100), z.string().max(2000).nullable())
          .optional()
          .describe('Flat text fields, e.g. {"address": "…", "aNumber": "A…", "dateOfBirth": "YYYY-MM-DD", "title": "…"}.'),
      }),
      responses: [{ status: 201, description: 'Added', schema: PartyOut }],
      handler: async ({ c, deps, user, params, body }) =>
        c.json(await deps.store.parties.add(actorOf(c, user), params.caseId, body), 201),
    }),
  ];
}
