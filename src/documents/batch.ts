/**
 * Batch packets: one packet per CSV row (delay cases at scale). A bad row is reported in batch-errors.csv and the
 * batch goes on; rows already done (listed in batch-done.txt) are skipped, so a stopped batch resumes.
 *
 * Columns (header row required; all optional except id):
 *   id, name, form, receipt_number, filed_date, office_name, interview_date, biometrics_done, applicant_caused_delay,
 *   rfe_all_answered, other_remedy_pending, inquiries, queue_order (fifo|lifo|priority_date|visa_bulletin|none),
 *   agency_statement (none|pending_background_checks|administrative_processing|terrorism_related_hold),
 *   last_agency_action_date, harm_work, harm_family, harm_health (yes|no|unknown),
 *   residence_state, residence_county, city, adjudicate_within_days, analysis_date, filing_date,
 *   filer_kind (pro_se|attorney), filer_name, filer_bar_number, filer_firm, filer_address (lines separated by "|"),
 *   filer_phone, filer_email, facts_file (a facts or packet JSON file, relative to the CSV; its values win).
 */
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Facts } from '../core/facts/index.ts';
import type { Analysis } from '../core/analysis/types.ts';
import type { Reference } from '../core/reference/reference.ts';
import type { LoadOptions } from '../data/load-reference.ts';
import { buildPacket, type Format } from './build-packet.ts';
import { parsePacketFile, writePacket } from './write-packet.ts';
import { t } from '../i18n/i18n.ts';
import type { PacketInput } from './packet-input.ts';

export type Row = Record<string, string>;

const yn = (v: string | undefined) => (v === 'yes' || v === 'no' || v === 'unknown' ? v : undefined);
const clean = <T extends object>(o: T): T => JSON.parse(JSON.stringify(o)) as T;

/** One CSV row → packet file content ({ facts, packet }). */
export async function rowToPacket(row: Row, csvDir: string): Promise<{ facts: unknown; packet: PacketInput }> {
  if (row.facts_file) {
    const path = resolve(csvDir, row.facts_file);
    const text = await readFile(path, 'utf8').catch(() => {
      throw new Error(`facts_file ${row.facts_file} not found`);
    });
    const p = parsePacketFile(text, row.facts_file);
    return { facts: p.facts, packet: p.input };
  }
  const days = row.adjudicate_within_days ? Number(row.adjudicate_within_days) : undefined;
  const facts = clean({
    version: 1,
    analysisDate: row.analysis_date || undefined,
    person: { name: row.name || undefined, residence: row.residence_state || row.residence_county ? { state: row.residence_state || undefined, county: row.residence_county || undefined } : undefined },
    benefitRequest: {
      form: row.form || undefined,
      receiptNumber: row.receipt_number || undefined,
      agency: 'uscis',
      office: row.office_name ? { name: row.office_name } : undefined,
      filedDate: row.filed_date || undefined,
      interviewDate: row.interview_date || undefined,
      biometricsDone: yn(row.biometrics_done),
      interviewHeld: row.interview_date ? 'yes' : undefined,
      rfe: row.rfe_all_answered ? { issued: 'yes', allAnswered: yn(row.rfe_all_answered) } : undefined,
      applicantCausedDelay: yn(row.applicant_caused_delay),
      lastAgencyActionDate: row.last_agency_action_date || undefined,
      status: 'pending',
      queue: row.queue_order ? { order: row.queue_order } : undefined,
      securityChecks: row.agency_statement ? { agencyStatement: row.agency_statement } : undefined,
      inquiries: yn(row.inquiries),
      otherRemedyPending: yn(row.other_remedy_pending),
    },
    harms: row.harm_work || row.harm_family || row.harm_health ? { work: yn(row.harm_work), family: yn(row.harm_family), health: yn(row.harm_health) } : undefined,
    reliefSought: { kinds: ['adjudicate'], adjudicateWithinDays: days, challenge: 'delay' },
  });
  const packet: PacketInput = clean({
    filer: row.filer_kind
      ? {
          kind: row.filer_kind === 'attorney' ? 'attorney' : 'pro_se',
          name: row.filer_name || undefined,
          barNumber: row.filer_bar_number || undefined,
          firm: row.filer_firm || undefined,
          addressLines: row.filer_address ? row.filer_address.split('|').map((s) => s.trim()) : undefined,
          phone: row.filer_phone || undefined,
          email: row.filer_email || undefined,
        }
      : undefined,
    plaintiff: row.city || row.residence_state ? { city: row.city || undefined, state: row.residence_state || undefined } : undefined,
    filingDate: row.filing_date || undefined,
  });
  return { facts, packet };
}

export interface BatchOptions {
  csvFile: string;
  outDir: string;
  formats?: Format[];
  reference?: Reference;
  analyze: (facts: Facts, reference?: Reference) => Analysis;
  onProgress?: (done: number, total: number) => void;
  /** Worker threads (default: 1 = in this thread). Workers load the analysis engine and reference data themselves. */
  workers?: number;
  /** How `reference` was loaded (e.g. with the sheets imported into the database): workers load theirs the same way. */
  referenceLoad?: LoadOptions;
  /** See RowContext.factsFiles. */
  factsFiles?: boolean;
}

export interface BatchResult {
  /** Files written (documents × formats), over all packets made in this run. */
  files: number;
  ok: number;
  failed: number;
  skipped: number;
  errorsFile: string;
}

const safeId = (id: string) => /^[A-Za-z0-9._-]{1,64}$/.test(id) && id !== '.' && id !== '..';

export interface RowContext {
  csvDir: string;
  outDir: string;
  formats?: Format[];
  reference?: Reference;
  analyze: (facts: Facts, reference?: Reference) => Analysis;
  /** Accept the facts_file column (default true). A batch sent to a server passes false: rows may not name server files. */
  factsFiles?: boolean;
}

/** Builds and writes one row's packet. Throws with a message that names the problem (never the row's data). */
export async function processRow(row: Row, index: number, ctx: RowContext): Promise<number> {
  const id = row.id ?? '';
  if (!safeId(id)) throw new Error('id must be 1–64 letters, digits, dots, dashes or underscores');
  if (ctx.factsFiles === false && row.facts_file) throw new Error('facts_file is not accepted here: put the facts in the columns of the row');
  const { facts: rawFacts, packet } = await rowToPacket(row, ctx.csvDir);
  const { facts, input } = parsePacketFile(JSON.stringify({ facts: rawFacts, packet }), `row ${index + 2}`);
  const analysis = ctx.analyze(facts, ctx.reference);
  const built = await buildPacket({ facts, analysis, reference: ctx.reference, options: { input, formats: ctx.formats } });
  if (!built.documents.length) throw new Error(t('en', 'documents:warnings.noViableRemedy'));
  await writePacket(built, join(ctx.outDir, id));
  return built.manifest.files.length;
}

export async function runBatch(opts: BatchOptions): Promise<BatchResult> {
  const text = await readFile(opts.csvFile, 'utf8');
  const rows = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Row[];
  await mkdir(opts.outDir, { recursive: true });
  const doneFile = join(opts.outDir, 'batch-done.txt');
  const errorsFile = join(opts.outDir, 'batch-errors.csv');
  const done = new Set((await readFile(doneFile, 'utf8').catch(() => '')).split('\n').filter(Boolean));
  await writeFile(errorsFile, stringify([['row', 'id', 'message']]));
  const csvDir = dirname(resolve(opts.csvFile));
  let ok = 0;
  let failed = 0;
  let skipped = 0;
  let finished = 0;
  let files = 0;
  const pending: number[] = [];
  rows.forEach((row, k) => {
    if (done.has(row.id ?? '')) skipped++;
    else pending.push(k);
  });
  finished = skipped;
  if (skipped) opts.onProgress?.(finished, rows.length);
  const record = async (k: number, error: string | null, count = 0) => {
    const id = rows[k]!.id ?? '';
    files += count;
    if (error === null) {
      await appendFile(doneFile, id + '\n');
      ok++;
    } else {
      failed++;
      await appendFile(errorsFile, stringify([[String(k + 2), id, error]]));
    }
    finished++;
    opts.onProgress?.(finished, rows.length);
  };
  const workers = Math.max(1, Math.min(opts.workers ?? 1, pending.length));
  if (workers === 1) {
    const ctx: RowContext = { csvDir, outDir: opts.outDir, formats: opts.formats, reference: opts.reference, analyze: opts.analyze, factsFiles: opts.factsFiles };
    for (const k of pending) {
      let error: string | null = null;
      let count = 0;
      try {
        count = await processRow(rows[k]!, k, ctx);
      } catch (e) {
        error = (e as Error).message;
      }
      await record(k, error, count);
    }
  } else {
    const { Worker } = await import('node:worker_threads');
    const queue = [...pending];
    let chain = Promise.resolve();
    await Promise.all(
      Array.from({ length: workers }, () =>
        new Promise<void>((resolveWorker, rejectWorker) => {
          const w = new Worker(new URL('./batch-worker.mjs', import.meta.url), { workerData: { csvDir, outDir: opts.outDir, formats: opts.formats, factsFiles: opts.factsFiles, referenceLoad: opts.referenceLoad } });
          const next = () => {
            const k = queue.shift();
            if (k === undefined) {
              void w.terminate().then(() => resolveWorker());
              return;
            }
            w.postMessage({ index: k, row: rows[k] });
          };
          w.on('message', (m: { ready?: true; index?: number; error?: string | null; files?: number }) => {
            if (m.ready) return next();
            chain = chain.then(() => record(m.index!, m.error ?? null, m.files ?? 0));
            next();
          });
          w.on('error', rejectWorker);
        }),
      ),
    );
    await chain;
  }
  return { files, ok, failed, skipped, errorsFile };
}
