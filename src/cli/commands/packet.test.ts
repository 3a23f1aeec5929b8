import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../main.ts';
import { captureIo, runMain, tempDataDir } from '../test-io.ts';
import { runBatch } from '../../documents/batch.ts';
import { FIXTURE_ANALYSES } from '../../../test/golden/fixture-analysis.ts';

const dir = mkdtempSync(join(tmpdir(), 'writ-packet-cli-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

test('bad input is exit 2 with a message saying what is wrong, never a stack trace', async () => {
  const notJson = join(dir, 'bad.json');
  writeFileSync(notJson, '{ "version": 1, ');
  let io = captureIo();
  assert.equal(await main(['packet', notJson, '--out', join(dir, 'o1')], io), 2);
  assert.match(io.err, /is not valid JSON/);
  assert.doesNotMatch(io.err, /\n\s+at /);

  const badFacts = join(dir, 'badfacts.json');
  writeFileSync(badFacts, JSON.stringify({ facts: { version: 1, benefitRequest: { filedDate: '2020-13-45' } }, packet: { filer: { kind: 'lawyer' } } }));
  io = captureIo();
  assert.equal(await main(['packet', badFacts, '--out', join(dir, 'o2')], io), 2);
  assert.match(io.err, /benefitRequest\.filedDate/);

  io = captureIo();
  assert.equal(await main(['packet', badFacts], io), 2);
  assert.match(io.err, /--out/);
  io = captureIo();
  assert.equal(await main(['packet', badFacts, '--out', dir, '--format', 'rtf'], io), 2);
  assert.match(io.err, /--format must be docx, pdf/);
  io = captureIo();
  assert.equal(await main(['packet', join(dir, 'missing.json'), '--out', dir], io), 2);
  assert.match(io.err, /File not found/);
});

test('batch: one packet per row, a bad row is reported and does not stop the batch, a second run resumes', async () => {
  const csv = join(dir, 'clients.csv');
  writeFileSync(
    csv,
    [
      'id,name,form,receipt_number,filed_date,office_name,residence_state,residence_county,city,adjudicate_within_days',
      'a1,Ana Uno,I-485,MSC1990000001,2019-01-02,San Jose Field Office,CA,Santa Clara County,San Jose,30',
      'b2,Ben Dos,I-485,NOT-A-RECEIPT,2019-01-02,San Jose Field Office,CA,Santa Clara County,San Jose,30',
      '../x,Bad Id,I-485,MSC1990000003,2019-01-02,,CA,Santa Clara County,San Jose,30',
    ].join('\n') + '\n',
  );
  const out = join(dir, 'batch');
  const opts = { csvFile: csv, outDir: out, formats: ['pdf' as const], analyze: () => FIXTURE_ANALYSES.F4! };
  const r1 = await runBatch(opts);
  assert.deepEqual([r1.ok, r1.failed, r1.skipped], [1, 2, 0]);
  const errors = readFileSync(r1.errorsFile, 'utf8');
  assert.match(errors, /^3,b2,.*receiptNumber/m);
  assert.match(errors, /^4,\.\.\/x,"id must be/m);
  assert.doesNotMatch(errors, /Ben Dos/);
  const manifest = JSON.parse(readFileSync(join(out, 'a1', 'manifest.json'), 'utf8'));
  const first = manifest.files[0];
  assert.equal(createHash('sha256').update(readFileSync(join(out, 'a1', first.name))).digest('hex'), first.sha256);
  const r2 = await runBatch(opts);
  assert.deepEqual([r2.ok, r2.failed, r2.skipped], [0, 2, 1]);
  assert.ok(existsSync(join(out, 'batch-done.txt')));
});

test('writ packet writes each document, the manifest with the SHA-256 of every file, and a zip', async () => {
  const out = join(dir, 'single');
  const io = captureIo();
  const facts = new URL('../../../test/golden/facts/F1.json', import.meta.url).pathname;
  assert.equal(await main(['packet', facts, '--out', out, '--format', 'pdf', '--zip'], io), 0, io.err);
  assert.match(io.out, /Fill these blanks before filing/);
  assert.match(io.out, /not legal advice/);
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
  assert.ok(manifest.files.length >= 8);
  for (const f of manifest.files) {
    assert.equal(f.format, 'pdf');
    assert.equal(createHash('sha256').update(readFileSync(join(out, f.name))).digest('hex'), f.sha256, f.name);
  }
  assert.ok(manifest.caseTypes.some((c: { nos: string }) => c.nos === '462'));
  assert.ok(existsSync(join(out, 'packet.zip')));
  assert.ok(existsSync(join(out, 'privacy-report.json')));
});

test('writ packet and writ packet --batch (worker threads) use a 287(g) sheet imported into the data directory database', async () => {
  const { dir: tmp, dataDir } = tempDataDir('writ-packet-287g-');
  try {
    // A Texas county hold by an agency on none of the shipped sheets, its 287(g) status not given.
    const facts = JSON.parse(readFileSync('examples/facts/f6c-county-detainer-hold-texas.json', 'utf8'));
    facts.enforcement = { ...facts.enforcement, agency: { name: "Loving County Sheriff's Office", type: 'sheriff', state: 'TX' }, has287g: 'unknown' };
    writeFileSync(join(tmp, 'loving.json'), JSON.stringify(facts));
    const sheet = join(tmp, 'participatingAgencies09012025.csv');
    writeFileSync(sheet, "STATE,LAW ENFORCEMENT AGENCY,TYPE,COUNTY,SUPPORT TYPE,SIGNED,MOA\nTEXAS,Loving County Sheriff's Office,County,Loving County,Warrant Service Officer,8/20/2025,link pending\n");
    const fromSheets = (folder: string) =>
      JSON.stringify(JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'))).includes('agency287gFromSheets');

    const before = await runMain('packet', join(tmp, 'loving.json'), '--out', join(tmp, 'before'), '--format', 'docx', '--data-dir', dataDir);
    assert.equal(before.code, 0, before.err);
    assert.equal(fromSheets(join(tmp, 'before')), false, 'not on the shipped sheets');
    assert.equal(existsSync(dataDir), false, 'no database created');

    assert.equal((await runMain('data', 'import-287g', sheet, '--data-dir', dataDir)).code, 0);
    const one = await runMain('packet', join(tmp, 'loving.json'), '--out', join(tmp, 'one'), '--format', 'docx', '--data-dir', dataDir);
    assert.equal(one.code, 0, one.err);
    assert.ok(fromSheets(join(tmp, 'one')));
    assert.match(one.out, /287\(g\) status comes from ICE's published sheets/);

    // Two rows on two worker threads: each thread builds the reference with the imported sheet.
    writeFileSync(join(tmp, 'rows.csv'), 'id,facts_file\nr1,loving.json\nr2,loving.json\n');
    const batch = await runMain('packet', '--batch', join(tmp, 'rows.csv'), '--out', join(tmp, 'batch'), '--format', 'docx', '--workers', '2', '--data-dir', dataDir);
    assert.equal(batch.code, 0, batch.err);
    assert.ok(fromSheets(join(tmp, 'batch', 'r1')) && fromSheets(join(tmp, 'batch', 'r2')));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});
