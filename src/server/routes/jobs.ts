/**
 * Long work as jobs (issue 5): batch packets from a CSV and 287(g) sheet imports are queued (202 with the job id) and
 * run by a worker of any Writ server on the same database (src/server/job-workers.ts). The input is stored encrypted
 * with the job (src/store/jobs/job-records.ts); the client polls GET /api/jobs/{jobId} and downloads the result.
 * Routes check the input's shape only; the core functions (runBatch, import287g) do the work.
 */
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { sheetDateFromFileName } from '../../core/reference/parse-287g-sheet.ts';
import type { JobRecord } from '../../store/types.ts';
import { ApiError } from '../errors.ts';
import { readLimitedBody } from '../http-body.ts';
import { IMPORT_287G_QUEUE, PACKET_BATCH_QUEUE, type ImportJobInput } from '../job-workers.ts';
import { defineRoute, type AnyRoute } from '../route.ts';
import { filenameHeader, Id, IsoDate, Timestamp } from '../schemas.ts';
import { actorOf } from './actor.ts';
import { fileDownload } from './evidence.ts';
import type { Context } from 'hono';
import type { AppEnv, ServerDeps } from '../deps.ts';

/** Most rows one batch may hold (a bigger office batch is split into several). */
export const MAX_BATCH_ROWS = 10_000;

const JobOut = z.object({
  id: Id,
  kind: z.enum(['packet-batch', 'import-287g']),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  summary: z.record(z.string(), z.union([z.number(), z.boolean(), z.string(), z.null()])).describe('Counts and options; no personal data'),
  errorCode: z.string().nullable().describe('Why the job failed: batch_failed, import_failed, sheet_format, sheet_unreadable, sheet_date_missing, not_queued'),
  hasResult: z.boolean(),
  createdBy: Id,
  createdAt: Timestamp,
  startedAt: Timestamp.nullable(),
  finishedAt: Timestamp.nullable(),
});

const Queued = z.object({ jobId: Id, status: z.literal('queued'), statusUrl: z.string(), resultUrl: z.string() });

function out(r: JobRecord) {
  const { orgId: _org, ...rest } = r;
  return rest;
}

/** Queues the job; if the queue refuses, the record is marked failed ('not_queued') so it does not wait forever. */
async function enqueue(deps: ServerDeps, name: string, jobId: string, opts?: { expireInSeconds?: number }): Promise<void> {
  try {
    await deps.store.jobs.enqueue(name, { jobId }, opts);
  } catch (e) {
    await deps.store.jobRecords.finish(jobId, { status: 'failed', errorCode: 'not_queued' }).catch(() => {});
    throw e;
  }
}

function queued(c: Context<AppEnv>, jobId: string): Response {
  c.header('Location', `/api/jobs/${jobId}`);
  return c.json({ jobId, status: 'queued' as const, statusUrl: `/api/jobs/${jobId}`, resultUrl: `/api/jobs/${jobId}/result` }, 202);
}

const invalid = (code: string, params?: Record<string, string | number>) =>
  new ApiError('invalid_request', { fields: '(body)' }, { detail: { code: `api:jobs.${code}`, ...(params ? { params } : {}) } });

/** The CSV of a batch: the body (text/csv, or a file's bytes as application/octet-stream) or the "file" field of a multipart form. */
async function batchCsv(c: Context<AppEnv>, max: number): Promise<Buffer> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'text/csv' || type === 'application/octet-stream') return readLimitedBody(c, max);
  if (type === 'multipart/form-data') {
    const bytes = await readLimitedBody(c, max);
    let form: FormData;
    try {
      form = await new Response(new Uint8Array(bytes), { headers: { 'content-type': c.req.header('content-type')! } }).formData();
    } catch {
      throw new ApiError('invalid_request', { fields: '(body)' });
    }
    const file = form.get('file');
    if (file === null) throw invalid('multipartNoFile');
    return typeof file === 'string' ? Buffer.from(file, 'utf8') : Buffer.from(await file.arrayBuffer());
  }
  throw new ApiError('unsupported_media_type', { expected: 'text/csv (or multipart/form-data with a "file" field)' });
}

/** Checks the batch's shape (header with id, rows, no facts_file); the rows themselves are checked by the job. */
function checkBatch(csv: Buffer): number {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(csv);
  } catch {
    throw invalid('csvNotUtf8');
  }
  let rows: Record<string, string>[];
  let header: string[] = [];
  try {
    rows = parse(text, {
      columns: (h: string[]) => (header = h.map((x) => String(x).trim())),
      skip_empty_lines: true,
      trim: true,
      bom: true,
    }) as Record<string, string>[];
  } catch (e) {
    // csv-parse's codes name the problem without quoting the data (e.g. CSV_RECORD_INCONSISTENT_COLUMNS).
    const code = (e as { code?: unknown }).code;
    throw invalid('csvUnreadable', { detail: typeof code === 'string' ? code : 'CSV' });
  }
  if (!header.includes('id')) throw invalid('csvNoId');
  if (header.includes('facts_file')) throw invalid('csvFactsFile');
  if (rows.length === 0) throw invalid('csvNoRows');
  if (rows.length > MAX_BATCH_ROWS) throw invalid('csvTooManyRows', { rows: rows.length, max: MAX_BATCH_ROWS });
  return rows.length;
}

/** The sheet's file name as downloaded: it carries the sheet's date and kind. */
const SheetHeaders = filenameHeader('The file name as downloaded from ICE, percent-encoded, e.g. participatingAgencies2025-06-13.xlsx');

const JobIdParams = z.object({ jobId: Id });

export function jobRoutes(): AnyRoute[] {
  return [
    defineRoute({
      method: 'POST',
      path: '/api/batches/packets',
      tag: 'jobs',
      summary:
        'Queue a batch of filing packets: one packet per CSV row (the columns of `writ packet --batch`, except facts_file). Answers 202 with the job id; the result is a zip of each row\'s packet and batch-errors.csv (a bad row never fails the batch).',
      access: 'batch.create',
      query: z.object({ formats: z.enum(['docx', 'pdf', 'both']).default('both').describe('Which files each packet gets') }),
      rawBody: {
        contentTypes: ['text/csv', 'application/octet-stream', 'multipart/form-data'],
        description:
          'The CSV (UTF-8, header row with an id column), as the body (text/csv, or the file as application/octet-stream like the web app sends it) or as the "file" field of a form. Size-limited like evidence.',
      },
      responses: [{ status: 202, description: 'Queued', schema: Queued }],
      handler: async ({ c, deps, user, query }) => {
        const csv = await batchCsv(c, deps.config.maxEvidenceBytes);
        const rows = checkBatch(csv);
        const actor = actorOf(c, user);
        const job = await deps.store.jobRecords.create(actor, { kind: 'packet-batch', input: csv, summary: { formats: query.formats, rows }, total: rows });
        // A big batch takes a while: the queue hands it to another worker only if this one has not finished in 6 hours.
        await enqueue(deps, PACKET_BATCH_QUEUE, job.id, { expireInSeconds: 6 * 60 * 60 });
        return queued(c, job.id);
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/reference/287g/imports',
      tag: 'jobs',
      summary:
        "Queue an import of an ICE 287(g) sheet (.xlsx or .csv, as downloaded; the name in X-Filename). The sheet is stored in the database: the server that runs the job uses it at once, every other server on the database within 15 seconds. The result is the import report (repairs, problems, differences). dryRun checks without storing.",
      access: 'reference.import',
      headers: SheetHeaders,
      query: z.object({
        date: IsoDate.optional().describe("The sheet's date when its file name carries none"),
        dryRun: z.enum(['true', 'false']).default('false').describe('Check and report only; store nothing'),
      }),
      rawBody: { contentTypes: ['application/octet-stream'], description: 'The sheet file itself. Size-limited like evidence.' },
      responses: [{ status: 202, description: 'Queued', schema: Queued }],
      handler: async ({ c, deps, user, headers, query }) => {
        const filename = headers['x-filename'].split(/[\\/]/).pop()!;
        if (!/\.(xlsx|csv)$/i.test(filename)) throw invalid('sheetType');
        if (!query.date && !sheetDateFromFileName(filename)) throw invalid('sheetNoDate');
        const bytes = await readLimitedBody(c, deps.config.maxEvidenceBytes);
        if (bytes.length === 0) throw new ApiError('invalid_request', { fields: '(body)' });
        const dryRun = query.dryRun === 'true';
        const input: ImportJobInput = { filename, date: query.date ?? null, dryRun, data: bytes.toString('base64') };
        const job = await deps.store.jobRecords.create(actorOf(c, user), {
          kind: 'import-287g',
          input: Buffer.from(JSON.stringify(input)),
          summary: { dryRun },
          total: 1,
        });
        await enqueue(deps, IMPORT_287G_QUEUE, job.id);
        return queued(c, job.id);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/jobs',
      tag: 'jobs',
      summary: "The organization's jobs, newest first: kind, status, progress and counts (no personal data).",
      access: 'job.read',
      query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
      responses: [{ status: 200, description: 'Jobs', schema: z.object({ jobs: z.array(JobOut) }) }],
      handler: async ({ c, deps, user, query }) =>
        c.json({ jobs: (await deps.store.jobRecords.list(actorOf(c, user), { limit: query.limit })).map(out) }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/jobs/:jobId',
      tag: 'jobs',
      summary: "One job's status, progress and counts.",
      access: 'job.read',
      params: JobIdParams,
      responses: [{ status: 200, description: 'The job', schema: JobOut }],
      handler: async ({ c, deps, user, params }) => c.json(out(await deps.store.jobRecords.get(actorOf(c, user), params.jobId))),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/jobs/:jobId/result',
      tag: 'jobs',
      summary:
        "A job's result, as an attachment: a packet batch's zip (each row's packet, batch-errors.csv), or a 287(g) import's report (JSON). 409 until there is one. Audited.",
      access: 'job.read',
      params: JobIdParams,
      responses: [{ status: 200, description: 'The zip or the report', contentType: 'application/zip' }],
      handler: async ({ c, deps, user, params }) => {
        const { record, bytes } = await deps.store.jobRecords.readResult(actorOf(c, user), params.jobId);
        const zip = record.kind === 'packet-batch';
        // The one download response (same headers as evidence and documents), with the result's SHA-256.
        return fileDownload(bytes, {
          contentType: zip ? 'application/zip' : 'application/json; charset=utf-8',
          filename: zip ? `packets-${record.id}.zip` : `import-287g-report-${record.id}.json`,
          sha256: createHash('sha256').update(bytes).digest('hex'),
        });
      },
    }),
  ];
}
