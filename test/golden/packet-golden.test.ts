/**
 * Golden text of every document in the F1, F4, F6, F8 (variant B) and F9 packets, read back from the PDFs with
 * pdftotext; every PDF passes `qpdf --check`; every DOCX converts in LibreOffice (one soffice call for all).
 * Regenerate the goldens deliberately with UPDATE_GOLDEN=1 and review the diff.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadReference } from '../../src/data/load-reference.ts';
import { buildPacket, type Packet } from '../../src/documents/build-packet.ts';
import { parsePacketFile } from '../../src/documents/write-packet.ts';
import { FIXTURE_ANALYSES } from './fixture-analysis.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const CASES = ['F1', 'F4', 'F6', 'F8', 'F9'];
const work = mkdtempSync(join(tmpdir(), 'writ-golden-'));
const reference = loadReference();
const packets = new Map<string, Packet>();

async function packetFor(name: string): Promise<Packet> {
  const cached = packets.get(name);
  if (cached) return cached;
  const { facts, input } = parsePacketFile(readFileSync(join(here, 'facts', `${name}.json`), 'utf8'), `${name}.json`);
  const p = await buildPacket({ facts, analysis: FIXTURE_ANALYSES[name]!, reference, options: { input } });
  packets.set(name, p);
  return p;
}

function pdftotext(pdf: Uint8Array, path: string): string {
  writeFileSync(path, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
}

for (const name of CASES) {
  test(`${name}: golden text of each document (pdftotext) and qpdf --check`, async () => {
    const p = await packetFor(name);
    const dir = join(work, name);
    mkdirSync(dir, { recursive: true });
    const goldDir = join(here, name);
    if (UPDATE) mkdirSync(goldDir, { recursive: true });
    for (const d of p.documents) {
      assert.ok(d.pdf && d.docx, `${d.id} has both formats`);
      const pdfPath = join(dir, `${d.id}.pdf`);
      const text = pdftotext(d.pdf, pdfPath);
      const check = spawnSync('qpdf', ['--check', pdfPath], { encoding: 'utf8' });
      assert.equal(check.status, 0, `qpdf --check ${d.id}: ${check.stdout}${check.stderr}`);
      writeFileSync(join(dir, `${d.id}.docx`), d.docx);
      const gold = join(goldDir, `${d.id}.txt`);
      if (UPDATE) writeFileSync(gold, text);
      assert.ok(existsSync(gold), `golden ${name}/${d.id}.txt is missing: run UPDATE_GOLDEN=1 node scripts/run-tests.mjs test/golden`);
      assert.equal(text, readFileSync(gold, 'utf8'), `${name}/${d.id} differs from its golden text`);
    }
    if (!UPDATE) {
      const expected = readdirSync(goldDir).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4)).sort();
      assert.deepEqual(p.documents.map((d) => d.id).sort(), expected, 'the set of documents changed');
    }
  });
}

test('every DOCX of the golden packets converts to PDF in LibreOffice (one soffice call)', { timeout: 300_000 }, async () => {
  const docxs: string[] = [];
  for (const name of CASES) {
    const p = await packetFor(name);
    const dir = join(work, 'lo-in');
    mkdirSync(dir, { recursive: true });
    for (const d of p.documents) {
      const path = join(dir, `${name}-${d.id}.docx`);
      writeFileSync(path, d.docx!);
      docxs.push(path);
    }
  }
  const outDir = join(work, 'lo-out');
  const profile = join(work, 'lo-profile');
  const r = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...docxs], { encoding: 'utf8', timeout: 280_000 });
  assert.ok(!r.error, `LibreOffice could not run (${r.error?.message}); .ci/run installs it (libreoffice-writer-nogui)`);
  assert.equal(r.status, 0, `soffice failed: ${r.stderr}`);
  for (const path of docxs) {
    const pdf = join(outDir, path.split('/').pop()!.replace(/\.docx$/, '.pdf'));
    assert.ok(existsSync(pdf), `LibreOffice did not convert ${path}`);
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    assert.ok(text.trim().length > 50, `${pdf} converted but has no text`);
  }
});

test.after(() => rmSync(work, { recursive: true, force: true }));
