import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../main.ts';
import { captureIo } from '../test-io.ts';
import { DATA_DIR } from '../../data/load-reference.ts';
import { openStore } from '../../store/index.ts';

async function run(...args: string[]) {
  const io = captureIo();
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}
const XLSX = join(DATA_DIR, 'sources', '287g', 'participatingAgencies07182025pm.xlsx');

test('import-287g --dry-run prints counts, repairs and the diff; writes nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'writ-cli-'));
  const r = await run('data', 'import-287g', XLSX, '--dry-run', '--data-dir', dir);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /participating sheet of 2025-07-18pm: 832 agreements read, 73 blank rows skipped/);
  assert.match(r.out, /0 added, 0 removed, 0 changed, 832 unchanged/);
  assert.match(r.out, /row 775, SIGNED: slash missing between day and year .* "7\/72025" → "2025-07-07"/);
  assert.match(r.out, /Dry run: nothing stored\./);
  assert.deepEqual(readdirSync(dir), []);
  rmSync(dir, { recursive: true, force: true });
});

test('import-287g --json, then the sheet is stored and listed by data status', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'writ-cli-'));
  const file = join(dir, 'participatingAgencies09012025.csv');
  writeFileSync(file, 'STATE,LAW ENFORCEMENT AGENCY,TYPE,COUNTY,SUPPORT TYPE,SIGNED,MOA\nTEXAS,Smith County Sheriff\'s Office,County,Smith County,Task Force Model,2025-02-18,link pending\n');
  const r = await run('data', 'import-287g', file, '--json', '--data-dir', dir);
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.deepEqual([j.kind, j.date, j.rows, j.diff.from.date, j.diff.counts.unchanged, j.diff.counts.removed], ['participating', '2025-09-01', 1, '2025-07-18', 0, 831]);
  assert.deepEqual(j.diff.changed[0].changes, [{ field: 'moaUrl', from: 'https://www.ice.gov/doclib/287gMOA/SmithCoSheriffsOfficeTX_TFM_MOA_02.18.25.pdf', to: null }]);
  assert.deepEqual([j.stored, j.replaced], [true, false]);
  assert.ok(existsSync(join(dir, 'pgdata')), 'stored in the Writ database of the data directory');
  assert.equal(existsSync(join(dir, '287g')), false, 'no sheet file');
  const s = await run('data', 'status', '--data-dir', dir);
  assert.match(s.out, /participating +2025-09-01 +1 +imported/);
  // While a server holds the data directory, status lists what it can and says why imports are missing.
  const server = await openStore({ dataDir: dir, jobs: false });
  try {
    const held = await run('data', 'status', '--data-dir', dir);
    assert.equal(held.code, 0);
    assert.match(held.err, /writ serve is using this data directory/);
    assert.doesNotMatch(held.out, /2025-09-01/);
  } finally {
    await server.close();
  }
  rmSync(dir, { recursive: true, force: true });
});

test('import-287g errors: missing file, foreign file, no date, bad rows (row and column named) — exit 2', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'writ-cli-'));
  const missing = await run('data', 'import-287g', join(dir, 'nope.xlsx'), '--data-dir', dir);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /File not found/);
  const undated = join(dir, 'list.csv');
  writeFileSync(undated, 'STATE,LAW ENFORCEMENT AGENCY,SUPPORT TYPE\nTEXAS,A,Task Force Model\n');
  const nodate = await run('data', 'import-287g', undated, '--data-dir', dir);
  assert.equal(nodate.code, 2);
  assert.match(nodate.err, /--date YYYY-MM-DD/);
  const foreign = join(dir, 'contacts-2025-09-01.csv');
  writeFileSync(foreign, 'name,email\nAnn,a@example.org\n');
  const f = await run('data', 'import-287g', foreign, '--data-dir', dir);
  assert.equal(f.code, 2);
  assert.match(f.err, /not an ICE 287\(g\) sheet/);
  const bad = join(dir, 'participatingAgencies09012025.csv');
  writeFileSync(bad, 'STATE,LAW ENFORCEMENT AGENCY,SUPPORT TYPE,SIGNED\nTEXAS,A PD,Task Force Model,2025-01-01\nOZ,B PD,Task Force Model,2025-01-01\n');
  const b = await run('data', 'import-287g', bad, '--data-dir', dir);
  assert.equal(b.code, 2);
  assert.match(b.err, /row 3, column STATE: unknown state \(value: "OZ"\)/);
  assert.match(b.err, /nothing was stored/);
  assert.equal(existsSync(join(dir, '287g')), false);
  rmSync(dir, { recursive: true, force: true });
});
