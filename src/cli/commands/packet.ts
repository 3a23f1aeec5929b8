/**
 * `writ packet <facts.json> --out <dir>`: the filing packet for one case; `writ packet --batch <clients.csv> --out <dir>`:
 * one packet per row. Thin: parse, call buildPacket / runBatch, print.
 */
import { readFile } from 'node:fs/promises';
import { parseCommandArgs, printJson, readInput, UsageError, type Command, type Io } from '../command.ts';
import { isLang, render, t, type Lang } from '../../i18n/i18n.ts';
import type { Facts } from '../../core/facts/index.ts';
import type { Analysis } from '../../core/analysis/types.ts';
import type { Reference } from '../../core/reference/reference.ts';
import { buildPacket, type Format } from '../../documents/build-packet.ts';
import { PacketInputError, parsePacketFile, writePacket } from '../../documents/write-packet.ts';
import { NotFillableError } from '../../documents/fill-official-pdf.ts';
import type { LoadOptions } from '../../data/load-reference.ts';
import { commandReference } from './lookup.ts';
import { needs287gSheets } from '../../core/analysis/derive-venue.ts';

const HELP = `Usage: writ packet <facts.json> --out <dir> [--format docx,pdf] [--zip] [--json] [--data-dir DIR]
       writ packet --batch <clients.csv> --out <dir> [--format docx,pdf] [--data-dir DIR]

Builds the filing packet for a case: the complaint or petition, proposed orders, civil cover sheet (JS 44),
summonses (AO 440), certificate of service, exhibit index, cover letter and a how-to-file sheet (English and
Spanish), each as an editable DOCX and a text-searchable PDF, with manifest.json (SHA-256 of each file),
privacy-report.json (FRCP 5.2 redactions) and blanks.txt (what to fill before filing).

The facts file is plain Writ facts, or {"facts": {...}, "packet": {...}} with the packet details (signer,
addresses, officeholder names, exhibits). Only the documents the viable remedies call for are made.

Options:
  --out <dir>          folder to write to (created if needed)
  --format <list>      docx, pdf or docx,pdf (default both)
  --zip                also write packet.zip
  --mask-a-number      mask A-numbers (optional under FRCP 5.2; some districts require it)
  --js44-pdf <file>    the official fillable JS 44 PDF: filled by field name instead of the typeset sheet
  --ao440-pdf <file>   the official fillable AO 440 PDF: filled for each defendant
  --batch <csv>        one packet per row (columns in docs/packet.md); errors go to batch-errors.csv;
                       rows already done are skipped, so a stopped batch resumes
  --workers <n>        batch: worker threads (default: the number of CPU cores)
  --json               print the manifest as JSON
  --data-dir <dir>     where Writ's database is (default: $WRIT_DATA_DIR, then the platform's data directory):
                       the 287(g) sheets imported into it are searched too when the facts name a local agency
                       without saying whether it had a 287(g) agreement (a batch reads them once, for every row)
  --lang en|es         language of the summary printed here (the court papers are in English; the
                       how-to-file sheet and the privacy report come in both languages)

Writ explains and prepares; it is not legal advice.`;

function formats(v: string | undefined): Format[] {
  if (!v) return ['docx', 'pdf'];
  const list = v.split(',').map((s) => s.trim());
  if (!list.length || list.some((f) => f !== 'docx' && f !== 'pdf')) throw new UsageError(t('en', 'documents:errors.badFormat', { value: v }));
  return [...new Set(list)] as Format[];
}

/**
 * The analysis engine and the reference data (referenceForCommand, through commandReference): with the 287(g) sheets
 * imported into the Writ database when `sheets` (a batch, or facts whose agency the analysis looks up).
 * `load`: how the reference was loaded, for the batch's worker threads.
 */
async function loadEngine(
  io: Io,
  lang: Lang,
  dataDir: string | undefined,
  sheets: boolean,
): Promise<{ analyze: (f: Facts, r?: Reference) => Analysis; reference?: Reference; load?: LoadOptions }> {
  const { analyze } = await import('../../core/analysis/analyze.ts');
  let reference: Reference | undefined;
  let load: LoadOptions | undefined;
  try {
    ({ reference, load } = await commandReference(io, lang, dataDir, sheets));
  } catch {
    reference = undefined;
  }
  return { analyze: (f, r) => analyze(f, { reference: r }), reference, load };
}

async function readPdf(path: string | undefined): Promise<Uint8Array | undefined> {
  if (!path) return undefined;
  try {
    return new Uint8Array(await readFile(path));
  } catch {
    throw new UsageError(`File not found: ${path}`);
  }
}

const command: Command = {
  name: 'packet',
  summary: 'Build the filing packet (complaint or petition, orders, cover sheet, summonses, service) as DOCX and PDF',
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      out: { type: 'string' },
      format: { type: 'string' },
      zip: { type: 'boolean' },
      json: { type: 'boolean' },
      batch: { type: 'string' },
      'mask-a-number': { type: 'boolean' },
      'js44-pdf': { type: 'string' },
      'ao440-pdf': { type: 'string' },
      workers: { type: 'string' },
      lang: { type: 'string' },
      'data-dir': { type: 'string' },
    });
    if (values.lang !== undefined && !isLang(values.lang)) throw new UsageError(`--lang must be en or es, not "${values.lang}".`);
    const lang: Lang = isLang(values.lang) ? values.lang : 'en';
    if (!values.out) throw new UsageError(t('en', 'documents:errors.needOut'));
    const fmt = formats(values.format);
    if (values.batch) {
      const { runBatch } = await import('../../documents/batch.ts');
      const engine = await loadEngine(io, lang, values['data-dir'], true);
      const progress = (done: number, total: number) => {
        if (!io.isTty) return;
        const width = 30;
        const filled = Math.round((done / Math.max(total, 1)) * width);
        io.stderr(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
      };
      const { availableParallelism } = await import('node:os');
      const workers = values.workers === undefined ? availableParallelism() : Number(values.workers);
      if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new UsageError(`--workers must be a whole number from 1 to 64, not "${values.workers}".`);
      const r = await runBatch({ csvFile: values.batch, outDir: values.out, formats: fmt, reference: engine.reference, referenceLoad: engine.load, analyze: engine.analyze, onProgress: progress, workers }).catch((e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') throw new UsageError(`File not found: ${values.batch}`);
        if (e.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' || /csv/i.test(e.code ?? '')) throw new UsageError(t('en', 'documents:errors.badCsv', { file: values.batch!, message: e.message }));
        throw e;
      });
      io.stdout(t(lang, 'documents:packet.batchDone', { ok: r.ok, files: r.files, failed: r.failed, skipped: r.skipped, report: r.errorsFile }) + '\n');
      return r.failed > 0 && r.ok === 0 && r.skipped === 0 ? 1 : 0;
    }
    const file = positionals[0];
    if (!file) throw new UsageError(t('en', 'documents:errors.needInput'));
    const text = await readInput(file, io);
    let parsed;
    try {
      parsed = parsePacketFile(text, file);
    } catch (e) {
      if (e instanceof PacketInputError) throw new UsageError(e.message);
      throw e;
    }
    const engine = await loadEngine(io, lang, values['data-dir'], needs287gSheets(parsed.facts));
    const analysis = engine.analyze(parsed.facts, engine.reference);
    let packet;
    try {
      packet = await buildPacket({
        facts: parsed.facts,
        analysis,
        reference: engine.reference,
        options: {
          input: parsed.input,
          formats: fmt,
          maskANumber: values['mask-a-number'],
          officialPdfs: { js44: await readPdf(values['js44-pdf']), ao440: await readPdf(values['ao440-pdf']) },
        },
      });
    } catch (e) {
      if (e instanceof NotFillableError) throw new UsageError(t('en', 'documents:errors.badPdf', { file: values['js44-pdf'] ?? values['ao440-pdf'] ?? '', message: e.message }));
      throw e;
    }
    const written = await writePacket(packet, values.out, { zip: values.zip });
    if (values.json) {
      printJson(io, packet.manifest);
      return 0;
    }
    const lines = [t(lang, 'documents:packet.written', { count: written.files.length + (written.zip ? 1 : 0), dir: values.out })];
    if (packet.blanks.length) {
      lines.push('', t(lang, 'documents:packet.blanksHeading', { count: new Set(packet.blanks.map((b) => b.label)).size }));
      const byLabel = new Map<string, string[]>();
      for (const b of packet.blanks) byLabel.set(b.label, [...(byLabel.get(b.label) ?? []), b.document]);
      for (const [label, docs] of byLabel) lines.push(`  - ${label} (${docs.length === 1 ? docs[0] : `${docs.length} documents`})`);
    }
    lines.push('', t(lang, 'documents:packet.privacyHeading'));
    for (const c of packet.privacyReport.changes) lines.push(`  - ${c.document}: ${render(lang, c.message)} → ${c.after}`);
    for (const n of packet.privacyReport.notes) lines.push(`  - ${render(lang, n)}`);
    if (packet.warnings.length) {
      lines.push('', t(lang, 'documents:packet.warningsHeading'));
      for (const w of packet.warnings) lines.push(`  - ${render(lang, w)}`);
    }
    lines.push('', t(lang, 'common:notLegalAdvice'));
    io.stdout(lines.join('\n') + '\n');
    return 0;
  },
};

export default command;
