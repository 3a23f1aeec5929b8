/**
 * Cases, their fact revisions and their parties. Titles, facts, notes and party names/details are encrypted with the
 * record id as associated data. A change of facts is always a new revision; nothing is overwritten.
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import { decryptJson, decryptText, encryptJson, encryptText, recordAad } from '../crypto/cipher.ts';
import { caseRevisions, cases, parties } from './schema.ts';
import {
  CASE_STATUSES,
  StoreError,
  type CaseDetail,
  type CaseRevision,
  type CasesApi,
  type CaseStatus,
  type CaseSummary,
  type PartiesApi,
  type Party,
} from './types.ts';
import { audit, isId, newId, notFound, optionalText, requireCase, requireText, type StoreContext } from './context.ts';

type CaseRow = typeof cases.$inferSelect;
type RevisionRow = typeof caseRevisions.$inferSelect;
type PartyRow = typeof parties.$inferSelect;

const MAX_FACTS_BYTES = 5 * 1024 * 1024;

export function toCaseSummary(ctx: StoreContext, r: CaseRow): CaseSummary {
  return {
    id: r.id,
    orgId: r.orgId,
    title: decryptText(ctx.ring, r.titleEnc, recordAad('cases', r.id, 'title')),
    status: r.status as CaseStatus,
    currentRevision: r.currentRevision,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

function toRevision(ctx: StoreContext, r: RevisionRow): CaseRevision {
  return {
    caseId: r.caseId,
    revision: r.revision,
    facts: decryptJson(ctx.ring, r.factsEnc, recordAad('case_revisions', r.id, 'facts')),
    note: r.noteEnc ? decryptText(ctx.ring, r.noteEnc, recordAad('case_revisions', r.id, 'note')) : null,
    authorId: r.authorId,
    createdAt: r.createdAt,
  };
}

function toParty(ctx: StoreContext, r: PartyRow): Party {
  return {
    id: r.id,
    caseId: r.caseId,
    role: r.role,
    name: decryptText(ctx.ring, r.nameEnc, recordAad('parties', r.id, 'name')),
    details: r.detailsEnc
      ? decryptJson<Record<string, unknown>>(ctx.ring, r.detailsEnc, recordAad('parties', r.id, 'details'))
      : null,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
  };
}

/** Where a value is not JSON data (functions, undefined, NaN, class instances...), or null when it is. */
function notJsonAt(v: unknown, path: string, depth = 0): string | null {
  if (depth > 100) return path;
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return null;
  if (typeof v === 'number') return Number.isFinite(v) ? null : path;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const bad = notJsonAt(v[i], `${path}[${i}]`, depth + 1);
      if (bad) return bad;
    }
    return null;
  }
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      const bad = notJsonAt(x, `${path}.${k}`, depth + 1);
      if (bad) return bad;
    }
    return null;
  }
  return path;
}

function checkFacts(facts: unknown): unknown {
  if (facts === undefined) return {};
  const bad = notJsonAt(facts, 'facts');
  if (bad) throw new StoreError('invalid', `${bad} is not JSON data; facts hold only objects, arrays, text, numbers, true/false and null.`);
  const text = JSON.stringify(facts);
  if (Buffer.byteLength(text) > MAX_FACTS_BYTES) {
    throw new StoreError('too_large', 'facts are larger than 5 MB; keep documents as evidence, not in the facts.');
  }
  return JSON.parse(text);
}

function checkStatus(status: unknown): CaseStatus {
  if (!CASE_STATUSES.includes(status as CaseStatus)) {
    throw new StoreError('invalid', `status must be one of ${CASE_STATUSES.join(', ')}.`);
  }
  return status as CaseStatus;
}

export function casesApi(ctx: StoreContext): CasesApi {
  const revisionRow = (caseId: string, revision: number, facts: unknown, note: string | null, authorId: string) => {
    const id = newId();
    return {
      id,
      caseId,
      revision,
      factsEnc: encryptJson(ctx.ring, facts, recordAad('case_revisions', id, 'facts')),
      noteEnc: note === null ? null : encryptText(ctx.ring, note, recordAad('case_revisions', id, 'note')),
      authorId,
      createdAt: new Date(),
    };
  };

  return {
    async create(actor, input) {
      const title = requireText(input.title, 'title', 500);
      const facts = checkFacts(input.facts);
      const note = optionalText(input.note, 'note');
      const id = newId();
      const now = new Date();
      const row: CaseRow = {
        id,
        orgId: actor.orgId,
        titleEnc: encryptText(ctx.ring, title, recordAad('cases', id, 'title')),
        status: 'open',
        currentRevision: 1,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      };
      const rev = revisionRow(id, 1, facts, note, actor.userId);
      await ctx.db.transaction(async (tx) => {
        await tx.insert(cases).values(row);
        await tx.insert(caseRevisions).values(rev);
        await audit(tx, actor, 'case.create', 'case', id);
      });
      return { ...toCaseSummary(ctx, row), facts };
    },

    async get(actor, id) {
      if (!isId(id)) throw notFound('case');
      // The case and its current revision in one query.
      const [hit] = await ctx.db
        .select({ c: cases, r: caseRevisions })
        .from(cases)
        .leftJoin(caseRevisions, and(eq(caseRevisions.caseId, cases.id), eq(caseRevisions.revision, cases.currentRevision)))
        .where(and(eq(cases.id, id), eq(cases.orgId, actor.orgId)))
        .limit(1);
      if (!hit) throw notFound('case');
      await audit(ctx.db, actor, 'case.read', 'case', id);
      const detail: CaseDetail = { ...toCaseSummary(ctx, hit.c), facts: hit.r ? toRevision(ctx, hit.r).facts : {} };
      return detail;
    },

    async list(actor, opts = {}) {
      const where = opts.status
        ? and(eq(cases.orgId, actor.orgId), eq(cases.status, checkStatus(opts.status)))
        : eq(cases.orgId, actor.orgId);
      const rows = await ctx.db.select().from(cases).where(where).orderBy(desc(cases.updatedAt));
      await audit(ctx.db, actor, 'case.list', 'case', null);
      return rows.map((r) => toCaseSummary(ctx, r));
    },

    async update(actor, id, patch) {
      await requireCase(ctx.db, actor, id);
      const set: Partial<CaseRow> = { updatedAt: new Date() };
      if (patch.title !== undefined) {
        set.titleEnc = encryptText(ctx.ring, requireText(patch.title, 'title', 500), recordAad('cases', id, 'title'));
      }
      if (patch.status !== undefined) set.status = checkStatus(patch.status);
      const row = await ctx.db.transaction(async (tx) => {
        const [r] = await tx.update(cases).set(set).where(eq(cases.id, id)).returning();
        await audit(tx, actor, 'case.update', 'case', id);
        return r!;
      });
      return toCaseSummary(ctx, row);
    },

    async addRevision(actor, id, input) {
      const facts = checkFacts(input.facts);
      const note = optionalText(input.note, 'note');
      return ctx.db.transaction(async (tx) => {
        const row = await requireCase(tx, actor, id);
        // Lock the case row so two concurrent revisions get distinct numbers (the unique index is the backstop).
        await tx.select({ id: cases.id }).from(cases).where(eq(cases.id, id)).for('update');
        const [fresh] = await tx.select({ n: cases.currentRevision }).from(cases).where(eq(cases.id, row.id));
        const next = (fresh?.n ?? row.currentRevision) + 1;
        const rev = revisionRow(id, next, facts, note, actor.userId);
        await tx.insert(caseRevisions).values(rev);
        await tx.update(cases).set({ currentRevision: next, updatedAt: rev.createdAt }).where(eq(cases.id, id));
        await audit(tx, actor, 'case.revise', 'case', id);
        return toRevision(ctx, rev);
      });
    },

    async listRevisions(actor, id) {
      await requireCase(ctx.db, actor, id);
      const rows = await ctx.db.select().from(caseRevisions).where(eq(caseRevisions.caseId, id)).orderBy(asc(caseRevisions.revision));
      await audit(ctx.db, actor, 'case.revisions.read', 'case', id);
      return rows.map((r) => toRevision(ctx, r));
    },

    async getRevision(actor, id, revision) {
      await requireCase(ctx.db, actor, id);
      if (!Number.isInteger(revision) || revision < 1) {
        throw new StoreError('invalid', 'revision must be a whole number from 1.');
      }
      const [r] = await ctx.db
        .select()
        .from(caseRevisions)
        .where(and(eq(caseRevisions.caseId, id), eq(caseRevisions.revision, revision)));
      if (!r) throw new StoreError('not_found', `This case has no revision ${revision}.`);
      await audit(ctx.db, actor, 'case.revision.read', 'case', id);
      return toRevision(ctx, r);
    },
  };
}

export function partiesApi(ctx: StoreContext): PartiesApi {
  return {
    async add(actor, caseId, input) {
      await requireCase(ctx.db, actor, caseId);
      const role = requireText(input.role, 'role', 100);
      const name = requireText(input.name, 'name', 500);
      if (input.details !== undefined && (typeof input.details !== 'object' || input.details === null || Array.isArray(input.details))) {
        throw new StoreError('invalid', 'details must be an object (e.g. {"address": "..."}).');
      }
      const id = newId();
      const row: PartyRow = {
        id,
        caseId,
        role,
        nameEnc: encryptText(ctx.ring, name, recordAad('parties', id, 'name')),
        detailsEnc: input.details ? encryptJson(ctx.ring, input.details, recordAad('parties', id, 'details')) : null,
        createdBy: actor.userId,
        createdAt: new Date(),
      };
      await ctx.db.transaction(async (tx) => {
        await tx.insert(parties).values(row);
        await audit(tx, actor, 'party.create', 'party', id);
      });
      return toParty(ctx, row);
    },
    async list(actor, caseId) {
      await requireCase(ctx.db, actor, caseId);
      const rows = await ctx.db.select().from(parties).where(eq(parties.caseId, caseId)).orderBy(asc(parties.createdAt));
      await audit(ctx.db, actor, 'party.list', 'case', caseId);
      return rows.map((r) => toParty(ctx, r));
    },
  };
}
