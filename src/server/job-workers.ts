/**
 * The job workers of a Writ server (issue 5): batch packets and 287(g) sheet imports, run from the job queue
 * (`store.jobs`, pg-boss). The queue carries only `{ jobId }`; the worker reads the job's encrypted input from the
 * database (src/store/jobs/job-records.ts), so on PostgreSQL any server sharing the database can take the job.
 *
 * - 'packet.batch': the batch CSV → runBatch (src/documents/batch.ts, the same core as `writ packet --batch`) in a temporary
 *   directory → one zip (each row's packet folder, batch-errors.csv) stored encrypted as the result. A failing row
 *   never fails the batch: it is a line of batch-errors.csv.
 * - 'reference.import-287g': the sheet → import287g (src/data/import-287g.ts, the same core as
 *   `writ data import-287g`) into the database (store.referenceSheets); this server reloads its reference data at
 *   once, the others within REFERENCE_CHECK_MS (src/data/imported-sheets.ts). The result is the import report (JSON:
 *   counts, repairs, problems, differences; public data only).
 *
 * Logs name job ids and counts only. Temporary files are removed whatever happens.
 */
import { accessSync, constants, statfsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import JSZip from 'jszip';
import type { Reference } from '../core/reference/reference.ts';
import type { Actor, Store } from '../store/types.ts';

export const PACKET_BATCH_QUEUE = 'packet.batch';
export const IMPORT_287G_QUEUE = 'reference.import-287g';

/** What the queue carries: the job id only (the input stays encrypted in the database). */
export interface JobMessage {
  jobId: string;
}

/** The input of an import job, stored encrypted as the job's input. */
export interface ImportJobInput {
  filename: string;
  date: string | null;
  dryRun: boolean;
  /** The sheet file, base64. */
  data: string;
}

export interface JobWorkerDeps {
  store: Store;
  /** Rebuilds this server's reference data after an import stored a sheet. */
  reloadReference: () => Promise<unknown>;
  /** The reference data the packets are built with (read when a batch starts). */
  reference: () => Reference | null;
  log: (line: string) => void;
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p)));
    else out.push(p);
  }
  return out.sort();
}

/** The batch output folder as one zip (the same zip library as `writ packet --zip`); the resume list is left out. */
async function zipFolder(dir: string): Promise<Buffer> {
  const z = new JSZip();
  for (const file of await filesUnder(dir)) {
    const name = relative(dir, file).split('\\').join('/');
    if (name === 'batch-done.txt') continue;
    z.file(name, await readFile(file), { date: new Date(Date.UTC(1980, 0, 1)) });
  }
  return z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** Free space /dev/shm must have to take a job's files (a large batch's packets run to hundreds of megabytes). */
const SHM_MIN_FREE_BYTES = 2 * 1024 ** 3;

/**
 * Where a job's working files go: the memory-backed /dev/shm when this machine has one with room (so a batch's rows
 * and packets never reach a disk in plaintext), else the system's temporary directory.
 */
export function jobTempRoot(): string {
  try {
    accessSync('/dev/shm', constants.W_OK);
    const fs = statfsSync('/dev/shm');
    if (fs.bavail * fs.bsize >= SHM_MIN_FREE_BYTES) return '/dev/shm';
  } catch {
    // no /dev/shm here
  }
  return tmpdir();
}

type JobRecordWithInput = Awaited<ReturnType<Store['jobRecords']['readInput']>>;

/**
 * What both jobs share: read the job (once only: a job delivered twice that has finished is left alone), mark it
 * started, run `body` in a fresh working directory, and on an error log its name only and mark the job failed with
 * `errorCode`. The working directory is removed whatever happens.
 */
async function runJob(
  deps: JobWorkerDeps,
  jobId: string,
  job: { label: string; errorCode: string; total?: number },
  body: (job: JobRecordWithInput, work: string) => Promise<void>,
): Promise<void> {
  const { store } = deps;
  const read = await store.jobRecords.readInput(jobId);
  if (read.record.status === 'done' || read.record.status === 'failed') return; // delivered twice
  if (!(await store.jobRecords.start(jobId, job.total))) return;
  const work = await mkdtemp(join(jobTempRoot(), 'writ-job-'));
  try {
    await body(read, work);
  } catch (e) {
    deps.log(`jobs: ${job.label} ${jobId} failed: ${(e as Error)?.name ?? 'Error'}`);
    await store.jobRecords.finish(jobId, { status: 'failed', errorCode: job.errorCode });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Runs one packet batch job. Exported for tests; the server runs it from the queue. */
export async function runPacketBatchJob(deps: JobWorkerDeps, jobId: string): Promise<void> {
  const { store } = deps;
  await runJob(deps, jobId, { label: 'batch', errorCode: 'batch_failed' }, async ({ record, input }, work) => {
    const csvFile = join(work, 'batch.csv');
    const outDir = join(work, 'out');
    await writeFile(csvFile, input);
    const [{ runBatch }, { analyze }] = await Promise.all([import('../documents/batch.ts'), import('../core/analysis/analyze.ts')]);
    const f = record.summary.formats;
    const formats: ('docx' | 'pdf')[] | undefined = f === 'docx' || f === 'pdf' ? [f] : undefined;
    const reference = deps.reference() ?? undefined;
    let lastWrite = 0;
    const result = await runBatch({
      csvFile,
      outDir,
      ...(formats ? { formats } : {}),
      ...(reference ? { reference } : {}),
      analyze: (f, r) => analyze(f, r ? { reference: r } : {}),
      factsFiles: false,
      onProgress: (done, total) => {
        // At most about once a second, and always at the end.
        const now = Date.now();
        if (done === total || now - lastWrite > 1000) {
          lastWrite = now;
          void store.jobRecords.progress(jobId, done, total).catch(() => {});
        }
      },
    });
    const zip = await zipFolder(outDir);
    const rows = result.ok + result.failed + result.skipped;
    await store.jobRecords.finish(jobId, {
      status: 'done',
      summary: { ...record.summary, rows, ok: result.ok, failed: result.failed, files: result.files },
      result: zip,
    });
    deps.log(`jobs: batch ${jobId} done (${result.ok} ok, ${result.failed} failed)`);
  });
}

/** The importing user as the store's audit wants them (the job's creator). */
async function importActor(store: Store, userId: string, orgId: string): Promise<Actor> {
  const u = await store.users.get(userId).catch(() => null);
  return { userId, orgId, role: u?.role ?? 'admin' };
}

/** Runs one 287(g) import job. Exported for tests; the server runs it from the queue. */
export async function runImport287gJob(deps: JobWorkerDeps, jobId: string): Promise<void> {
  const { store } = deps;
  await runJob(deps, jobId, { label: 'import', errorCode: 'import_failed', total: 1 }, async ({ record, input }, work) => {
    const job = JSON.parse(input.toString('utf8')) as ImportJobInput;
    // The file name carries the sheet's date and kind (import287g reads them from it); only its last segment is used.
    const file = join(work, basename(job.filename).replace(/[^A-Za-z0-9._ -]/g, '_'));
    await writeFile(file, Buffer.from(job.data, 'base64'));
    const [{ import287g, ImportDateMissingError }, { SheetFormatError }, { UnreadableFileError }] = await Promise.all([
      import('../data/import-287g.ts'),
      import('../core/reference/parse-287g-sheet.ts'),
      import('../data/read-sheet-file.ts'),
    ]);
    let result;
    try {
      const actor = await importActor(store, record.createdBy, record.orgId);
      result = await import287g({ file, date: job.date, dryRun: job.dryRun, sheets: store.referenceSheets, actor });
    } catch (e) {
      const errorCode =
        e instanceof ImportDateMissingError ? 'sheet_date_missing' : e instanceof SheetFormatError ? 'sheet_format' : e instanceof UnreadableFileError ? 'sheet_unreadable' : null;
      if (!errorCode) throw e;
      const issues = e instanceof SheetFormatError ? e.issues : [];
      await store.jobRecords.finish(jobId, {
        status: 'failed',
        errorCode,
        result: Buffer.from(JSON.stringify({ errorCode, issues }, null, 1) + '\n'),
      });
      return;
    }
    const { sheet, ...rest } = result;
    const report = { kind: sheet.kind, date: sheet.date, edition: sheet.edition, source: sheet.source, dryRun: job.dryRun, ...rest };
    // This server answers lookups from the new sheet at once (the others within REFERENCE_CHECK_MS).
    if (result.stored) await deps.reloadReference().catch(() => {});
    await store.jobRecords.finish(jobId, {
      status: 'done',
      summary: {
        ...record.summary,
        sheetKind: sheet.kind,
        sheetDate: sheet.date,
        rows: result.rows,
        repairs: result.repairs.length,
        problems: result.problems.length,
        added: result.diff.counts.added,
        removed: result.diff.counts.removed,
        changed: result.diff.counts.changed,
        stored: result.stored,
      },
      result: Buffer.from(JSON.stringify(report, null, 1) + '\n'),
    });
    deps.log(`jobs: import ${jobId} done (${result.rows} rows)`);
  });
}

/**
 * Removes job directories a crashed server left behind (they hold batch rows and packets in plaintext). Only those
 * older than the longest a job may run (6 hours; then the queue gives it to another worker), so a job running in
 * another process on this machine is left alone.
 */
export async function removeStaleJobDirs(root = jobTempRoot(), maxAgeMs = 7 * 60 * 60 * 1000): Promise<number> {
  let removed = 0;
  const now = Date.now();
  for (const name of await readdir(root).catch(() => [] as string[])) {
    if (!name.startsWith('writ-job-')) continue;
    const p = join(root, name);
    const st = await stat(p).catch(() => null);
    if (!st?.isDirectory() || now - st.mtimeMs < maxAgeMs) continue;
    await rm(p, { recursive: true, force: true });
    removed++;
  }
  return removed;
}

/** Registers this server's workers on the store's queue. */
export async function startJobWorkers(deps: JobWorkerDeps): Promise<void> {
  const stale = await removeStaleJobDirs();
  if (stale) deps.log(`jobs: removed ${stale} job directories left by a stopped server`);
  await deps.store.jobs.work<JobMessage>(PACKET_BATCH_QUEUE, (m) => runPacketBatchJob(deps, m.jobId));
  await deps.store.jobs.work<JobMessage>(IMPORT_287G_QUEUE, (m) => runImport287gJob(deps, m.jobId));
}
