/**
 * buildPacket: an analyzed case → the documents to file (DOCX + searchable PDF), the manifest with SHA-256 of
 * each file, the FRCP 5.2 privacy report and the list of blanks to fill. No file I/O (write-packet.ts writes).
 *
 * Only what the viable remedies call for is made (rules/filing/case-types.json). The privacy check runs on the
 * document models before anything is rendered.
 */
import { createHash } from 'node:crypto';
import type { Facts } from '../core/facts/index.ts';
import type { Analysis } from '../core/analysis/types.ts';
import type { Reference } from '../core/reference/reference.ts';
import type { Message } from '../i18n/i18n.ts';
import { filingRules, nosFor, type CaseTypeId } from './filing-rules.ts';
import { collectBlanks, documentText, type DocModel } from './model.ts';
import type { PacketInput } from './packet-input.ts';
import { buildPacketCase, chooseCaseTypes, type PacketCase } from './packet-case.ts';
import { applyPrivacyCheck, type PrivacyReport } from './privacy-check.ts';
import { renderDocx } from './render-docx.ts';
import { renderPdf } from './render-pdf.ts';
import type { Renderer } from './render-pool.ts';
import { complaint } from './templates/complaint.ts';
import { civilCoverSheet, coverSheetData, summons, type CoverSheetData } from './templates/forms.ts';
import { howToFile } from './templates/how-to-file.ts';
import { proposedOrder, proposedTroOrder, troMotion } from './templates/orders.ts';
import { certificateOfService, coverLetter, exhibitIndex } from './templates/service.ts';
import { fillOfficialPdf, JS44_FIELDS, AO440_FIELDS } from './fill-official-pdf.ts';
import { responseDays } from './templates/forms.ts';

export type Format = 'docx' | 'pdf';

export interface PacketOptions {
  /** Packet details beyond the facts (signer, names, exhibits …). */
  input?: PacketInput;
  formats?: Format[];
  /** FRCP 5.2 redaction (default on). */
  redact?: boolean;
  maskANumber?: boolean;
  /** Official fillable PDFs supplied by the user; filled by field name instead of the typeset versions. */
  officialPdfs?: { js44?: Uint8Array; ao440?: Uint8Array };
  /** Date written in PDF metadata (default: the Unix epoch, so output is reproducible). */
  creationDate?: Date;
  /** Renders the documents (default: in this thread); pass a render pool to use every core. */
  renderer?: Renderer;
}

/**
 * Renders in this thread. Identical models (e.g. the how-to-file sheets of a batch for one court and one firm)
 * are rendered once: the last RECENT results are kept by a hash of the model. The bytes are shared; treat them as
 * read-only.
 */
/** Renders in this thread with no reuse of earlier results (benchmarks, tests). */
export const freshRenderer: Renderer = {
  async render(model, formats, creationDate) {
    return {
      docx: formats.includes('docx') ? await renderDocx(model) : undefined,
      pdf: formats.includes('pdf') ? await renderPdf(model, { creationDate }) : undefined,
    };
  },
};

const RECENT = 64;
const recent = new Map<string, Promise<{ docx?: Uint8Array; pdf?: Uint8Array }>>();
const inThread: Renderer = {
  render(model, formats, creationDate) {
    const key = createHash('sha1').update(JSON.stringify([model, formats, creationDate?.getTime() ?? null])).digest('hex');
    const hit = recent.get(key);
    if (hit) return hit;
    const p = freshRenderer.render(model, formats, creationDate);
    p.catch(() => recent.delete(key));
    recent.set(key, p);
    if (recent.size > RECENT) recent.delete(recent.keys().next().value!);
    return p;
  },
};

export interface PacketDocument {
  id: string;
  title: string;
  caseType: CaseTypeId;
  docx?: Uint8Array;
  pdf?: Uint8Array;
  /** Plain text of the document as filed (after redaction). */
  text: string;
  blanks: string[];
}

export interface ManifestFile {
  name: string;
  document: string;
  format: Format;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  generator: 'writ';
  notLegalAdvice: Message;
  analysisDate: string;
  court: { courtId: string | null; name: string | null; division: string | null };
  caseTypes: { caseType: CaseTypeId; remedies: string[]; nos: string; defendants: { key: string; title: string; name: string | null; asOf: string | null; federal: boolean }[] }[];
  pleadingPaper: string | null;
  files: ManifestFile[];
  blanks: { document: string; label: string }[];
  warnings: Message[];
  privacy: { changes: number };
}

export interface Packet {
  documents: PacketDocument[];
  manifest: Manifest;
  privacyReport: PrivacyReport;
  blanks: { document: string; label: string }[];
  warnings: Message[];
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The document models for one case type, in filing order. */
export function documentModels(pc: PacketCase): DocModel[] {
  const kinds = filingRules().caseTypes[pc.caseType].documents;
  const main: DocModel[] = [];
  for (const k of kinds) {
    if (k === 'complaint') main.push(complaint(pc));
    else if (k === 'tro-motion') main.push(troMotion(pc));
    else if (k === 'proposed-order') main.push(proposedOrder(pc));
    else if (k === 'proposed-tro-order') main.push(proposedTroOrder(pc));
    else if (k === 'civil-cover-sheet') main.push(civilCoverSheet(pc));
    else if (k === 'summons') pc.defendants.forEach((d, i) => main.push(summons(pc, d, i)));
    else if (k === 'exhibit-index') main.push(exhibitIndex(pc));
  }
  const served = main.map((d) => d.title);
  const out = [...main];
  if (kinds.includes('certificate-of-service')) out.push(certificateOfService(pc, served.filter((t) => !t.startsWith('Summons'))));
  if (kinds.includes('cover-letter')) out.push(coverLetter(pc, served));
  if (kinds.includes('how-to-file')) out.push(howToFile(pc, 'en'), howToFile(pc, 'es'));
  return out;
}

/** Warnings for the authorities a packet's text cites that the rules flag ([VERIFY], fast-moving, circuit-dependent). */
export function authorityWarnings(texts: string[]): Message[] {
  const all = texts.join('\n');
  const out: Message[] = [];
  for (const a of Object.values(filingRules().authorities)) {
    if (!all.includes(a.cite)) continue;
    const params = { cite: a.cite, what: a.what };
    if (a.verify) out.push({ code: 'documents:warnings.authorityVerify', params });
    if (a.fastMoving) out.push({ code: 'documents:warnings.authorityFastMoving', params });
    if (a.circuitDependent) out.push({ code: 'documents:warnings.authorityCircuitDependent', params });
  }
  return out;
}

function coverSheetFields(d: CoverSheetData): Record<string, string> {
  return { ...d };
}

export async function buildPacket(args: { facts: Facts; analysis: Analysis; reference?: Reference; options?: PacketOptions }): Promise<Packet> {
  const { facts, analysis, reference } = args;
  const options = args.options ?? {};
  const input = options.input ?? {};
  const formats = options.formats ?? ['docx', 'pdf'];
  const chosen = chooseCaseTypes(analysis);
  const warnings: Message[] = [];
  const prepared = new Set(chosen.flatMap((c) => c.remedies));
  for (const r of analysis.remedies) {
    if (r.viability === 'viable' && !prepared.has(r.remedy)) warnings.push({ code: 'documents:warnings.notPrepared', params: { remedy: r.remedy } });
  }
  if (!chosen.length) warnings.unshift({ code: 'documents:warnings.noViableRemedy' });

  const cases = chosen.map((c) => buildPacketCase({ ...c, facts, analysis, input, reference }));
  let models: { pc: PacketCase; model: DocModel }[] = [];
  for (const pc of cases) {
    for (const model of documentModels(pc)) {
      models.push({ pc, model: cases.length > 1 ? { ...model, id: `${pc.caseType}-${model.id}` } : model });
    }
    warnings.push(...pc.warnings);
    warnings.push({ code: 'documents:warnings.nosVerify', params: { code: nosFor(pc.caseType).code } });
  }
  if (cases.some((pc) => pc.defendants.some((d) => !d.isAgency && !d.name && !d.nameRequired))) {
    warnings.push({ code: 'documents:warnings.officeholders', params: { rule17: 'Fed. R. Civ. P. 17(d)', rule25: 'Fed. R. Civ. P. 25(d)' } });
  }

  // FRCP 5.2 check before export.
  const first = cases[0];
  const birthDates = [facts.person?.birthDate, ...(input.minors ?? []).map((m) => m.birthDate)].filter((x): x is string => Boolean(x));
  let privacyReport: PrivacyReport = { changes: [], notes: [] };
  if (options.redact !== false && models.length) {
    const r = applyPrivacyCheck(
      models.map((m) => m.model),
      {
        courtId: first?.court.courtId ?? null,
        maskANumber: options.maskANumber,
        minors: input.minors,
        birthDates,
        asOf: analysis.analysisDate,
        proSeHabeas: cases.some((pc) => pc.caseType === 'habeas') && input.filer?.kind !== 'attorney',
      },
    );
    models = models.map((m, k) => ({ pc: m.pc, model: r.docs[k]! }));
    privacyReport = r.report;
  }
  warnings.push(...authorityWarnings(models.map((m) => documentText(m.model))));

  const renderer = options.renderer ?? inThread;
  // Start every render at once (a pool spreads them over its workers), then assemble in filing order.
  const rendered = models.map(({ pc, model }) => {
    const official = officialFor(pc, model, options);
    const wanted = official ? formats.filter((f) => f !== 'pdf') : formats;
    const bytes = renderer.render(model, wanted, options.creationDate);
    bytes.catch(() => undefined); // awaited below, in order; this keeps a later failure from going unhandled meanwhile
    return { official, bytes };
  });
  const documents: PacketDocument[] = [];
  const files: ManifestFile[] = [];
  const blanks: { document: string; label: string }[] = [];
  let seq = 0;
  for (const [k, { pc, model }] of models.entries()) {
    seq++;
    const doc: PacketDocument = { id: model.id, title: model.title, caseType: pc.caseType, text: documentText(model), blanks: collectBlanks(model) };
    for (const label of doc.blanks) blanks.push({ document: model.title, label });
    const base = `${String(seq).padStart(2, '0')}-${model.id}`;
    const { official, bytes } = rendered[k]!;
    const r = await bytes;
    if (formats.includes('docx')) doc.docx = r.docx;
    if (formats.includes('pdf')) doc.pdf = official ? (await fillOfficialPdf(official.pdf, official.fields, official.map)).pdf : r.pdf;
    for (const f of ['docx', 'pdf'] as const) {
      const bytes = doc[f];
      if (bytes) files.push({ name: `${base}.${f}`, document: model.id, format: f, bytes: bytes.byteLength, sha256: sha256(bytes) });
    }
    documents.push(doc);
  }

  const dedup = new Map<string, Message>();
  for (const w of warnings) dedup.set(JSON.stringify(w), w);
  const allWarnings = [...dedup.values()];
  const manifest: Manifest = {
    generator: 'writ',
    notLegalAdvice: { code: 'common:notLegalAdvice' },
    analysisDate: analysis.analysisDate,
    court: { courtId: first?.court.courtId ?? null, name: first?.court.fullName ?? null, division: first?.court.division ?? null },
    // Defendants by office, with the officeholder name and its "as of" date (editable: packet.officeholders).
    caseTypes: cases.map((pc) => ({
      caseType: pc.caseType,
      remedies: pc.remedies,
      nos: nosFor(pc.caseType).code,
      defendants: pc.defendants.map((d) => ({ key: d.key, title: d.title, name: d.name, asOf: d.asOf, federal: d.federal })),
    })),
    pleadingPaper: first?.pleading?.cite ?? null,
    files,
    blanks,
    warnings: allWarnings,
    privacy: { changes: privacyReport.changes.length },
  };
  return { documents, manifest, privacyReport, blanks, warnings: allWarnings };
}

/** The user's official fillable form for this document, with Writ's answers, when one was given. */
function officialFor(pc: PacketCase, model: DocModel, options: PacketOptions) {
  if (model.id.endsWith('civil-cover-sheet') && options.officialPdfs?.js44) return { pdf: options.officialPdfs.js44, fields: coverSheetFields(coverSheetData(pc)), map: JS44_FIELDS };
  if (/summons-\d+$/.test(model.id) && options.officialPdfs?.ao440) return { pdf: options.officialPdfs.ao440, fields: summonsFields(pc, model), map: AO440_FIELDS };
  return null;
}

function summonsFields(pc: PacketCase, model: DocModel): Record<string, string> {
  const idx = Number(/summons-(\d+)$/.exec(model.id)?.[1] ?? '1') - 1;
  const d = pc.defendants[idx];
  const text = documentText(model);
  const toLine = text.split('\n').find((l) => l.startsWith('To:')) ?? '';
  return {
    district: pc.court.districtName ?? '',
    plaintiff: pc.plaintiffName ?? '',
    defendant: d ? (d.name ? `${d.name}, ${d.title}` : d.title) : '',
    caseNumber: pc.input.caseNumber ?? '',
    to: toLine.replace(/^To: \(Defendant’s name and address\) /, ''),
    responseDays: d ? String(responseDays(d).days) : '',
    plaintiffAttorney: [pc.input.filer?.name, ...(pc.input.filer?.addressLines ?? [])].filter(Boolean).join('\n'),
  };
}
