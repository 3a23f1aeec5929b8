/**
 * The thin file layer for the CLI: reads a packet file (plain facts, or { facts, packet }), writes a built packet
 * to a folder (one file per document and format, manifest.json, privacy-report.json, blanks.txt), optionally a zip.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { parseFacts, type Facts } from '../core/facts/index.ts';
import { render, t } from '../i18n/i18n.ts';
import { PacketInputSchema, type PacketInput } from './packet-input.ts';
import { sha256, type Packet } from './build-packet.ts';

export class PacketInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PacketInputError';
  }
}

/** Parses a packet file's text. Bad input → PacketInputError with what is wrong and where. */
export function parsePacketFile(text: string, file: string): { facts: Facts; input: PacketInput } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new PacketInputError(t('en', 'documents:errors.notJson', { file, message: (e as Error).message }));
  }
  const wrapped = typeof raw === 'object' && raw !== null && 'facts' in raw && !('version' in raw);
  const factsRaw = wrapped ? (raw as { facts: unknown }).facts : raw;
  const packetRaw = wrapped ? ((raw as { packet?: unknown }).packet ?? {}) : {};
  const pf = parseFacts(factsRaw);
  if (!pf.ok) throw new PacketInputError(t('en', 'documents:errors.badFacts', { file, problems: pf.problems.map((p) => `${p.path || '(top)'}: ${p.message}`).join('; ') }));
  const pi = PacketInputSchema.safeParse(packetRaw);
  if (!pi.success) {
    const problems = pi.error.issues.map((i) => `packet.${i.path.map(String).join('.')}: ${i.message}`).join('; ');
    throw new PacketInputError(t('en', 'documents:errors.badPacket', { file, problems }));
  }
  return { facts: pf.facts, input: pi.data };
}

export interface WrittenPacket {
  files: string[];
  zip: string | null;
}

/** Writes every document file, the manifest (with SHA-256 of each file), the privacy report and the blanks list. */
export async function writePacket(packet: Packet, dir: string, opts: { zip?: boolean } = {}): Promise<WrittenPacket> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  const byId = new Map(packet.documents.map((d) => [d.id, d]));
  for (const f of packet.manifest.files) {
    const bytes = byId.get(f.document)?.[f.format];
    if (!bytes) continue;
    await writeFile(join(dir, f.name), bytes);
    written.push(f.name);
  }
  const manifest = {
    ...packet.manifest,
    notLegalAdvice: render('en', packet.manifest.notLegalAdvice),
    warnings: packet.manifest.warnings.map((w) => ({ ...w, text: { en: render('en', w), es: render('es', w) } })),
  };
  const extras: [string, string][] = [
    ['manifest.json', JSON.stringify(manifest, null, 2) + '\n'],
    [
      'privacy-report.json',
      JSON.stringify(
        {
          changes: packet.privacyReport.changes.map((c) => ({ ...c, text: { en: render('en', c.message), es: render('es', c.message) } })),
          notes: packet.privacyReport.notes.map((n) => ({ ...n, text: { en: render('en', n), es: render('es', n) } })),
        },
        null,
        2,
      ) + '\n',
    ],
    ['blanks.txt', packet.blanks.map((b) => `${b.document}: ${b.label}`).join('\n') + (packet.blanks.length ? '\n' : '')],
  ];
  for (const [name, text] of extras) {
    await writeFile(join(dir, name), text);
    written.push(name);
  }
  let zip: string | null = null;
  if (opts.zip) {
    const z = new JSZip();
    for (const f of packet.manifest.files) {
      const bytes = byId.get(f.document)?.[f.format];
      if (bytes) z.file(f.name, bytes);
    }
    for (const [name, text] of extras) z.file(name, text);
    const buf = await z.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    zip = join(dir, 'packet.zip');
    await writeFile(zip, buf);
    await writeFile(join(dir, 'packet.zip.sha256'), `${sha256(buf)}  packet.zip\n`);
  }
  return { files: written, zip };
}
