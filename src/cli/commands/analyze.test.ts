import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../main.ts';
import { captureIo, runMain, tempDataDir } from '../test-io.ts';
import { openStore } from '../../store/index.ts';

const F1 = 'examples/facts/f1-naturalization-interview-no-decision.json';
const F6 = 'examples/facts/f6-county-detainer-hold-no-287g.json';

test('writ analyze --help explains the command and exits 0', async () => {
  const io = captureIo();
  assert.equal(await main(['analyze', '--help'], io), 0);
  assert.match(io.out, /Usage: writ analyze <facts.json \| ->/);
  assert.match(io.out, /not legal advice/);
});

test('writ analyze F1 prints § 1447(b) viable with the Jan. 8, 2026 date, N.D. Cal., and the notice', async () => {
  const io = captureIo();
  assert.equal(await main(['analyze', F1, '--no-reference'], io), 0);
  assert.match(io.out, /Naturalization delay after the interview \(8 U\.S\.C\. § 1447\(b\)\) — VIABLE/);
  assert.match(io.out, /Thu, Jan 8, 2026/);
  assert.match(io.out, /Mandamus \(28 U\.S\.C\. § 1361\) — WEAK/);
  assert.match(io.out, /it is not legal advice/);
  assert.match(io.out, /Circuit: 9/);
});

test('writ analyze --json gives the same analysis as data with rendered text; --lang es renders Spanish', async () => {
  const io = captureIo();
  assert.equal(await main(['analyze', F6, '--json', '--lang', 'es', '--no-reference'], io), 0);
  const a = JSON.parse(io.out);
  const habeas = a.remedies.find((r: { remedy: string }) => r.remedy === 'HABEAS_2241');
  assert.equal(habeas.viability, 'viable');
  assert.equal(habeas.deadlines[0].id, 'DETAINER_HOLD_LIMIT');
  assert.equal(habeas.deadlines[0].due, '2026-03-09T17:00:00-07:00');
  assert.match(a.notices[1].text, /detenida/);
  assert.match(habeas.summary[0].text, /custodia/);
});

test('writ analyze reads standard input with -', async () => {
  const io = captureIo(readFileSync(F1, 'utf8'));
  assert.equal(await main(['analyze', '-', '--json', '--no-reference', '--remedy', 'NATZ_1447B'], io), 0);
  const a = JSON.parse(io.out);
  assert.equal(a.remedies.length, 1);
  assert.equal(a.remedies[0].viability, 'viable');
});

test('bad facts exit 2 with every problem listed by path, never a stack trace', async () => {
  const io = captureIo('{"version": 1, "person": {"custody": "jailed"}, "benefitRequest": {"filedDate": "2020-02-30"}}');
  assert.equal(await main(['analyze', '-'], io), 2);
  assert.match(io.err, /2 problem\(s\)/);
  assert.match(io.err, /person\.custody: must be one of/);
  assert.match(io.err, /benefitRequest\.filedDate: must be a date/);
  assert.doesNotMatch(io.err, /at .*\.ts:\d+/);
  const j = captureIo('not json');
  assert.equal(await main(['analyze', '-', '--json'], j), 2);
  assert.equal(JSON.parse(j.out).ok, false);
});

test('usage mistakes exit 2 with a message that says what is wrong', async () => {
  for (const argv of [['analyze'], ['analyze', 'nope.json'], ['analyze', F1, '--lang', 'fr'], ['analyze', F1, '--remedy', 'X'], ['analyze', F1, '--today', 'June 1']]) {
    const io = captureIo();
    assert.equal(await main(argv, io), 2, argv.join(' '));
    assert.ok(io.err.length > 10);
  }
});

test('writ schema facts prints the JSON Schema; writ schema --help works', async () => {
  const io = captureIo();
  assert.equal(await main(['schema', 'facts'], io), 0);
  const s = JSON.parse(io.out);
  assert.equal(s.title, 'Writ facts, version 1');
  assert.ok(s.properties.benefitRequest.properties.interviewDate.description);
  const h = captureIo();
  assert.equal(await main(['schema', 'facts', '--help'], h), 0);
  assert.match(h.out, /JSON Schema/);
  const bad = captureIo();
  assert.equal(await main(['schema', 'facts', 'extra'], bad), 2);
});

test('writ analyze looks the agency up in the 287(g) sheets imported into the data directory database, and opens it only then', async () => {
  const { dir, dataDir } = tempDataDir('writ-analyze-');
  try {
    // A Texas county hold by an agency on none of the shipped sheets, its 287(g) status not given.
    const facts = JSON.parse(readFileSync('examples/facts/f6c-county-detainer-hold-texas.json', 'utf8'));
    facts.enforcement = { ...facts.enforcement, agency: { name: "Loving County Sheriff's Office", type: 'sheriff', state: 'TX' }, has287g: 'unknown' };
    const factsFile = join(dir, 'loving.json');
    writeFileSync(factsFile, JSON.stringify(facts));
    const known = join(dir, 'loving-known.json');
    writeFileSync(known, JSON.stringify({ ...facts, enforcement: { ...facts.enforcement, has287g: 'no' } }));
    const sheet = join(dir, 'participatingAgencies09012025.csv');
    writeFileSync(sheet, "STATE,LAW ENFORCEMENT AGENCY,TYPE,COUNTY,SUPPORT TYPE,SIGNED,MOA\nTEXAS,Loving County Sheriff's Office,County,Loving County,Warrant Service Officer,8/20/2025,link pending\n");
    const fromSheets = /From ICE's 287\(g\) sheets on the event date: agreement yes \(WSO\)/;

    mkdirSync(dataDir);
    const before = await runMain('analyze', factsFile, '--remedy', 'SEC1983', '--data-dir', dataDir);
    assert.equal(before.code, 0, before.err);
    assert.match(before.out, /Whether the agency had a 287\(g\) agreement on that date is not known/);
    assert.deepEqual(readdirSync(dataDir), [], 'no database created');

    assert.equal((await runMain('data', 'import-287g', sheet, '--data-dir', dataDir)).code, 0);
    const after = await runMain('analyze', factsFile, '--remedy', 'SEC1983', '--data-dir', dataDir);
    assert.equal(after.code, 0, after.err);
    assert.match(after.out, fromSheets);
    assert.match(after.out, /— BARRED/);

    // Held by a server: the analysis goes on without the imports and says so; facts that answer the 287(g)
    // question do not need the sheets, so the database is not opened and there is no note.
    const server = await openStore({ dataDir, jobs: false });
    try {
      const held = await runMain('analyze', factsFile, '--remedy', 'SEC1983', '--data-dir', dataDir);
      assert.equal(held.code, 0);
      assert.match(held.err, /writ serve is using this data directory/);
      assert.doesNotMatch(held.out, fromSheets);
      const answered = await runMain('analyze', known, '--remedy', 'SEC1983', '--data-dir', dataDir);
      assert.equal(answered.code, 0);
      assert.equal(answered.err, '');
    } finally {
      await server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
