/** The importer on ICE's original workbooks (data/sources/287g), and on broken files. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, mkdirSync, readdirSync, writeFileSync, rmSync, copyFileSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { import287g, ImportDateMissingError } from './import-287g.ts';
import { readSheetsIn, SHIPPED_SHEETS_DIR, DATA_DIR } from './load-reference.ts';
import { SheetFormatError } from '../core/reference/parse-287g-sheet.ts';
import { UnreadableFileError } from './read-sheet-file.ts';
import { migrateLegacySheets, referenceForCommand, referenceFromStore } from './imported-sheets.ts';
import { openStore } from '../store/index.ts';
import { pgliteTemplate } from '../store/testing/pglite-template.ts';

const SRC = join(DATA_DIR, 'sources', '287g');
const shipped = readSheetsIn(SHIPPED_SHEETS_DIR);
const heldUpTo = (date: string) => shipped.filter((s) => s.date <= date);
const tmp = () => mkdtempSync(join(tmpdir(), 'writ-import-'));

test('the 2025-07-18 workbook: 832 participating agreements, ICE defects repaired and reported', async () => {
  const r = await import287g({ file: join(SRC, 'participatingAgencies07182025pm.xlsx'), dryRun: true, sheets: null, held: [] });
  assert.deepEqual([r.sheet.kind, r.sheet.date, r.sheet.edition, r.rows, r.blankRows], ['participating', '2025-07-18', 'pm', 832, 73]);
  const models = { JEM: 0, TFM: 0, WSO: 0 };
  for (const row of r.sheet.rows) models[row.model]++;
  assert.deepEqual(models, { JEM: 117, TFM: 415, WSO: 300 });
  // ICE's typing slips in this sheet (rows 775 and 785), repaired and reported.
  const slash = r.repairs.filter((x) => x.code === 'import.repair.missingSlash').map((x) => [x.row, x.from, x.to]);
  assert.deepEqual(slash, [[775, '7/72025', '2025-07-07'], [785, '05/082025', '2025-05-08']]);
  assert.equal(r.repairs.filter((x) => x.code === 'import.repair.safelink').length, 207);
  assert.equal(r.repairs.filter((x) => x.code === 'import.repair.apostrophe').length, 31);
  assert.equal(r.repairs.filter((x) => x.code === 'import.repair.https').length, 10);
  // Row 639 says 5025-07-07: not repaired by guessing, reported.
  assert.deepEqual(r.problems.map((p) => [p.row, p.code, p.from]), [[639, 'import.problem.unreadableDate', '5025-07-07']]);
  assert.equal(r.stored, false);
});

test('the 2025-05-16 workbook: 571 participating agreements', async () => {
  const r = await import287g({ file: join(SRC, 'participatingAgencies05162025am.xlsx'), dryRun: true, sheets: null, held: [] });
  assert.deepEqual([r.sheet.kind, r.rows, r.blankRows], ['participating', 571, 14]);
  assert.deepEqual(r.repairs.filter((x) => x.code === 'import.repair.missingSlash').map((x) => [x.row, x.from]), [[545, '05/082025']]);
});

test('pending workbooks are recognised from their columns', async () => {
  const a = await import287g({ file: join(SRC, 'pendingAgencies05152025am.xlsx'), dryRun: true, sheets: null, held: [] });
  const b = await import287g({ file: join(SRC, 'pendingAgencies07182025pm.xlsx'), dryRun: true, sheets: null, held: [] });
  assert.deepEqual([a.sheet.kind, a.rows, b.sheet.kind, b.rows], ['pending', 92, 'pending', 26]);
});

test('the known diff from 2025-05-16 to 2025-07-18', async () => {
  const r = await import287g({ file: join(SRC, 'participatingAgencies07182025pm.xlsx'), dryRun: true, sheets: null, held: heldUpTo('2025-05-16') });
  assert.equal(r.diff.from?.date, '2025-05-16');
  // 832 = 272 added + 108 changed + 452 unchanged; 571 = 11 removed + 108 + 452.
  assert.deepEqual(r.diff.counts, { before: 571, after: 832, added: 272, removed: 11, changed: 108, unchanged: 452 });
  const key = (e: { state: string; agency: string }) => `${e.state} ${e.agency}`;
  // Checked by hand in ICE's two sheets:
  assert.ok(r.diff.added.some((e) => key(e) === "AL Cherokee County Sheriff's Office" && e.model === 'WSO' && e.signed === '2025-06-25'));
  assert.ok(r.diff.removed.some((e) => key(e) === "FL Escambia County Sheriff's Office" && e.model === 'WSO'));
  assert.ok(r.diff.removed.some((e) => key(e) === "MN Jackson County Sheriff's Office" && e.model === 'JEM'));
  const change = (k: string) => r.diff.changed.find((c) => key(c) === k)?.changes;
  assert.deepEqual(change('FL Panama City Beach Police Department'), [{ field: 'signed', from: '2025-02-26', to: '2025-02-25' }]);
  assert.deepEqual(change("MI Berrian County Sheriff's Office")?.[0], { field: 'agency', from: "Berrian County Sheriff's Offic", to: "Berrian County Sheriff's Office" });
  assert.equal(r.diff.changed.filter((c) => c.changes.some((x) => x.field === 'moaUrl' && x.from === null)).length, 101); // MOA links published since
});

test('importing a sheet Writ already holds shows no change', async () => {
  const r = await import287g({ file: join(SRC, 'participatingAgencies07182025pm.xlsx'), dryRun: true, sheets: null, held: shipped });
  assert.deepEqual(r.diff.counts, { before: 832, after: 832, added: 0, removed: 0, changed: 0, unchanged: 832 });
});

test('an import is stored in the database and merged by referenceFromStore; the same sheet again replaces it; shipped data untouched', async () => {
  const dir = tmp();
  const store = await openStore({ inMemory: true, envKey: randomBytes(32).toString('base64'), jobs: false, pgliteTemplate: await pgliteTemplate() });
  try {
    const file = join(dir, 'participatingAgencies09012025.csv');
    // A newer sheet: Smith County (TX) adds a WSO agreement, and everything else is gone.
    writeFileSync(file, 'STATE,LAW ENFORCEMENT AGENCY,TYPE,COUNTY,SUPPORT TYPE,SIGNED,MOA\nTEXAS,Smith County Sheriff’s Office,County,Smith County,Warrant Service Officer,8/20/2025,link pending\n');
    const shippedBefore = readdirSync(SHIPPED_SHEETS_DIR).map((f) => readFileSync(join(SHIPPED_SHEETS_DIR, f), 'utf8'));
    const v0 = await store.referenceSheets.version();
    const r = await import287g({ file, sheets: store.referenceSheets });
    assert.deepEqual([r.sheet.date, r.stored, r.replaced], ['2025-09-01', true, false]);
    assert.notEqual(await store.referenceSheets.version(), v0, 'the fingerprint servers poll changed');
    assert.deepEqual(readdirSync(dir), ['participatingAgencies09012025.csv'], 'nothing written next to the file');
    assert.deepEqual(readdirSync(SHIPPED_SHEETS_DIR).map((f) => readFileSync(join(SHIPPED_SHEETS_DIR, f), 'utf8')), shippedBefore);
    const { reference: ref } = await referenceFromStore(store);
    assert.equal(ref.sheets287g().at(-1)!.origin, 'imported');
    const smith = ref.agency287g({ name: 'Smith Co SO', state: 'TX', on: '2025-09-01' });
    assert.equal(smith.status, 'found');
    if (smith.status === 'found') {
      assert.equal(smith.value.hadAgreement, 'yes');
      const wso = smith.value.agreements.find((a) => a.model === 'WSO')!;
      assert.deepEqual([wso.signed, wso.firstSeen, wso.current], ['2025-08-20', '2025-09-01', true]);
      assert.equal(smith.value.agreements.find((a) => a.model === 'JEM')!.current, false);
    }
    const again = await import287g({ file, sheets: store.referenceSheets });
    assert.deepEqual([again.stored, again.replaced, again.diff.counts.unchanged], [true, true, 1]);
    assert.equal((await store.referenceSheets.list()).length, 1);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('sheets an older Writ wrote to the data directory move to the database once', async () => {
  const dir = tmp();
  const store = await openStore({ inMemory: true, envKey: randomBytes(32).toString('base64'), jobs: false, pgliteTemplate: await pgliteTemplate() });
  try {
    const legacy = join(dir, '287g', 'sheets');
    mkdirSync(legacy, { recursive: true });
    const sheet = { kind: 'pending', date: '2025-09-02', edition: null, source: 'pendingAgencies09022025.xlsx', blankRows: 0, rows: [] };
    writeFileSync(join(legacy, 'pending-2025-09-02.json'), JSON.stringify(sheet));
    assert.equal(await migrateLegacySheets(store, dir), 1);
    assert.equal(await migrateLegacySheets(store, dir), 0, 'already in the database');
    assert.deepEqual((await store.referenceSheets.list()).map((s) => [s.kind, s.date]), [['pending', '2025-09-02']]);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a command reads the database imports of its data directory; shipped data only (with a warning) while a server holds it', async () => {
  const dir = tmp();
  const envKey = randomBytes(32).toString('base64');
  const sheet = 'STATE,LAW ENFORCEMENT AGENCY,TYPE,COUNTY,SUPPORT TYPE,SIGNED,MOA\nTEXAS,Smith County Sheriff’s Office,County,Smith County,Warrant Service Officer,8/20/2025,link pending\n';
  const file = join(dir, 'participatingAgencies09012025.csv');
  writeFileSync(file, sheet);
  const data = join(dir, 'data');
  const before = await referenceForCommand(data);
  assert.deepEqual([before.warning, existsSync(join(data, 'pgdata'))], [null, false], 'no database: none is created');
  const wso = (r: Awaited<ReturnType<typeof referenceForCommand>>) => {
    const a = r.reference.agency287g({ name: 'Smith Co SO', state: 'TX', on: '2025-09-01' });
    return a.status === 'found' ? a.value.agreements.find((x) => x.model === 'WSO' && x.signed === '2025-08-20') : undefined;
  };
  assert.equal(wso(before), undefined);
  const prev = process.env.WRIT_KEY;
  process.env.WRIT_KEY = envKey;
  try {
    const store = await openStore({ dataDir: data, envKey, jobs: false });
    try {
      await import287g({ file, sheets: store.referenceSheets });
      const held = await referenceForCommand(data);
      assert.equal(held.warning, 'locked', 'the data directory is held (as by writ serve)');
      assert.equal(wso(held), undefined);
    } finally {
      await store.close();
    }
    const after = await referenceForCommand(data);
    assert.equal(after.warning, null);
    assert.ok(wso(after)?.current, 'the imported agreement is found');
  } finally {
    if (prev === undefined) delete process.env.WRIT_KEY;
    else process.env.WRIT_KEY = prev;
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a malformed file is refused with row and column, and nothing is written', async () => {
  const dir = tmp();
  const file = join(dir, 'participatingAgencies09012025.csv');
  writeFileSync(file, 'STATE,LAW ENFORCEMENT AGENCY,TYPE,COUNTY,SUPPORT TYPE,SIGNED,MOA\nTEXAS,A PD,Municipality,,Task Force Model,2025-08-01,\nTEXAS,B PD,Municipality,,Bicycle Model,2025-08-01,\n');
  await assert.rejects(import287g({ file, sheets: null }), (e: unknown) => {
    assert.ok(e instanceof SheetFormatError);
    assert.deepEqual(e.issues.map((i) => [i.row, i.column, i.from]), [[3, 'SUPPORT TYPE', 'Bicycle Model']]);
    return true;
  });
  assert.deepEqual(readdirSync(dir), ['participatingAgencies09012025.csv']);
  rmSync(dir, { recursive: true, force: true });
});

test('foreign, missing and undated files are clear errors', async () => {
  const dir = tmp();
  const foreign = join(dir, 'participatingAgencies09012025.xlsx');
  copyFileSync(join(DATA_DIR, 'reference.schema.json'), foreign);
  await assert.rejects(import287g({ file: foreign, sheets: null }), (e: unknown) => e instanceof UnreadableFileError && e.reason === 'notSpreadsheet');
  await assert.rejects(import287g({ file: join(dir, 'participatingAgencies01012025.xlsx'), sheets: null }), (e: unknown) => e instanceof UnreadableFileError && e.reason === 'notFound');
  const undated = join(dir, 'agencies.csv');
  writeFileSync(undated, 'STATE,LAW ENFORCEMENT AGENCY,SUPPORT TYPE,SIGNED\nTEXAS,A PD,Task Force Model,2025-01-01\n');
  await assert.rejects(import287g({ file: undated, sheets: null, dryRun: true }), ImportDateMissingError);
  const r = await import287g({ file: undated, sheets: null, dryRun: true, date: '2025-09-01' });
  assert.equal(r.sheet.date, '2025-09-01');
  rmSync(dir, { recursive: true, force: true });
});
