/**
 * Job records (issue 5): what a long piece of work is, where it stands, and its input and result. The queue
 * (pg-boss, ./pg-boss-queue.ts) carries only `{ jobId }`; the worker that takes it — on any server sharing the
 * database — reads the input from here. Input and result are encrypted like evidence (AES-256-GCM, the job id as
 * associated data); `summary` holds counts and options only, never personal data.
 *
 * Reads by users are scoped to their organization (another organization's job is 'not_found') and audited. The
 * worker-side functions (`start`, `progress`, `finish`, `readInput`) take a job id only: they run for the system.
 */
import { and, desc, eq, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import { decryptBytes, encryptBytes, recordAad } from '../../crypto/cipher.ts';
import { audit, isId, newId, notFound, type StoreContext } from '../context.ts';
import { jobs } from '../schema.ts';
import {
  JOB_KINDS,
  StoreError,
  type Actor,
  type JobKind,
  type JobRecord,
  type JobRecordsApi,
  type JobStatus,
  type JobSummary,
} from '../types.ts';

type JobRow = typeof jobs.$inferSelect;

/** How long a finished job (its input and result) is kept: the server deletes older ones (deleteFinished). */
export const JOB_RETENTION_DAYS = 30;

const ERROR_CODE = /^[a-z][a-z0-9_]{0,63}$/;
const MAX_LIST = 200;

function checkSummary(summary: unknown): JobSummary {
  if (!summary || typeof summary !== 'object' || Array.isArray(summary)) {
    throw new StoreError('invalid', 'A job summary is an object of counts and options (numbers, booleans, short codes).');
  }
  const out: JobSummary = {};
  for (const [k, v] of Object.entries(summary)) {
    if (!/^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(k)) throw new StoreError('invalid', `Job summary key "${k.slice(0, 64)}" is not a plain name.`);
    const ok =
      v === null ||
      typeof v === 'boolean' ||
      (typeof v === 'number' && Number.isFinite(v)) ||
      (typeof v === 'string' && /^[A-Za-z0-9_.:-]{0,64}$/.test(v));
    if (!ok) throw new StoreError('invalid', `Job summary "${k}" must be a number, a boolean or a short code (no free text: it is not encrypted).`);
    out[k] = v as JobSummary[string];
  }
  return out;
}

function toRecord(r: JobRow): JobRecord {
  return {
    id: r.id,
    orgId: r.orgId,
    kind: r.kind as JobKind,
    createdBy: r.createdBy,
    status: r.status as JobStatus,
    progress: { done: r.progressDone, total: r.progressTotal },
    summary: r.summary as JobSummary,
    errorCode: r.errorCode,
    hasResult: r.resultEnc !== null,
    createdAt: r.createdAt,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
  };
}

/** The job's row: of the actor's organization (another organization's job is 'not_found'), or any for the worker (null). */
async function requireJob(ctx: StoreContext, actor: Actor | null, id: string): Promise<JobRow> {
  if (!isId(id)) throw notFound('job');
  const rows = await ctx.db
    .select()
    .from(jobs)
    .where(actor ? and(eq(jobs.id, id), eq(jobs.orgId, actor.orgId)) : eq(jobs.id, id))
    .limit(1);
  if (!rows[0]) throw notFound('job');
  return rows[0];
}

export function jobRecordsApi(ctx: StoreContext): JobRecordsApi {
  const aad = (id: string, field: 'input' | 'result') => recordAad('jobs', id, field);
  return {
    async create(actor, input) {
      if (!(JOB_KINDS as readonly string[]).includes(input.kind)) {
        throw new StoreError('invalid', `A job kind is one of: ${JOB_KINDS.join(', ')}.`);
      }
      if (!(input.input instanceof Uint8Array) || input.input.byteLength === 0) {
        throw new StoreError('invalid', 'A job needs its input (the uploaded file), and it is empty.');
      }
      const id = newId();
      const row: JobRow = {
        id,
        orgId: actor.orgId,
        kind: input.kind,
        createdBy: actor.userId,
        status: 'queued',
        progressDone: 0,
        progressTotal: Number.isInteger(input.total) && input.total! >= 0 ? input.total! : 0,
        summary: checkSummary(input.summary ?? {}),
        errorCode: null,
        inputEnc: encryptBytes(ctx.ring, input.input, aad(id, 'input')),
        resultEnc: null,
        createdAt: new Date(),
        startedAt: null,
        finishedAt: null,
      };
      await ctx.db.transaction(async (tx) => {
        await tx.insert(jobs).values(row);
        await audit(tx, actor, 'job.create', 'job', id);
      });
      ctx.log(`jobs: created ${id} (${input.kind})`);
      return toRecord(row);
    },

    async get(actor, id) {
      const r = await requireJob(ctx, actor, id);
      await audit(ctx.db, actor, 'job.read', 'job', id);
      return toRecord(r);
    },

    async list(actor, opts = {}) {
      const limit = Math.min(Math.max(1, Math.trunc(opts.limit ?? 50)), MAX_LIST);
      const rows = await ctx.db
        .select()
        .from(jobs)
        .where(eq(jobs.orgId, actor.orgId))
        .orderBy(desc(jobs.createdAt), desc(jobs.id))
        .limit(limit);
      await audit(ctx.db, actor, 'job.list', 'job', null);
      return rows.map(toRecord);
    },

    async readResult(actor, id) {
      const r = await requireJob(ctx, actor, id);
      if (!r.resultEnc) {
        throw new StoreError('conflict', 'This job has no result (yet): wait until its status is "done" (GET /api/jobs/{jobId}).');
      }
      const bytes = decryptBytes(ctx.ring, r.resultEnc, aad(id, 'result'));
      await audit(ctx.db, actor, 'job.result.download', 'job', id);
      return { record: toRecord(r), bytes };
    },

    async readInput(id) {
      const r = await requireJob(ctx, null, id);
      return { record: toRecord(r), input: decryptBytes(ctx.ring, r.inputEnc, aad(id, 'input')) };
    },

    async start(id, total) {
      // Only a queued job starts; a job a crashed worker left 'running' may be taken again (pg-boss retries it).
      const [u] = await ctx.db
        .update(jobs)
        .set({ status: 'running', startedAt: new Date(), progressDone: 0, ...(total !== undefined ? { progressTotal: total } : {}) })
        .where(and(eq(jobs.id, id), inArray(jobs.status, ['queued', 'running'])))
        .returning();
      if (!u) return null;
      await audit(ctx.db, null, 'job.start', 'job', id, u.orgId);
      return toRecord(u);
    },

    async progress(id, done, total) {
      await ctx.db
        .update(jobs)
        .set({ progressDone: done, ...(total !== undefined ? { progressTotal: total } : {}) })
        .where(and(eq(jobs.id, id), eq(jobs.status, 'running')));
    },

    async finish(id, outcome) {
      if (outcome.status === 'failed' && !ERROR_CODE.test(outcome.errorCode)) {
        throw new StoreError('invalid', 'A failed job needs an error code (lower-case letters, digits, "_").');
      }
      const set: Partial<JobRow> = {
        status: outcome.status,
        finishedAt: new Date(),
        // A done job is complete, whatever progress write arrived last.
        ...(outcome.status === 'done' ? { progressDone: sql`${jobs.progressTotal}` as unknown as number } : {}),
        ...(outcome.summary ? { summary: checkSummary(outcome.summary) } : {}),
        ...(outcome.status === 'failed' ? { errorCode: outcome.errorCode } : { errorCode: null }),
        ...(outcome.result ? { resultEnc: encryptBytes(ctx.ring, outcome.result, aad(id, 'result')) } : {}),
      };
      const [u] = await ctx.db.update(jobs).set(set).where(eq(jobs.id, id)).returning();
      if (!u) throw notFound('job');
      await audit(ctx.db, null, outcome.status === 'done' ? 'job.done' : 'job.failed', 'job', id, u.orgId);
      ctx.log(`jobs: ${id} ${outcome.status}${outcome.status === 'failed' ? ` (${outcome.errorCode})` : ''}`);
      return toRecord(u);
    },

    async deleteFinished(before) {
      const gone = await ctx.db.transaction(async (tx) => {
        const rows = await tx
          .delete(jobs)
          .where(and(inArray(jobs.status, ['done', 'failed']), isNotNull(jobs.finishedAt), lt(jobs.finishedAt, before)))
          .returning({ id: jobs.id, orgId: jobs.orgId });
        for (const r of rows) await audit(tx, null, 'job.delete.retention', 'job', r.id, r.orgId);
        return rows.length;
      });
      if (gone) ctx.log(`jobs: ${gone} finished jobs deleted (retention)`);
      return gone;
    },
  };
}
