import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../main.ts';
import { captureIo, runMain, tempDataDir } from '../test-io.ts';
import { openStore } from '../../store/index.ts';

async function run(...args: string[]) {
  const io = captureIo();
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}

test('lookup venue by county prints court, citation, circuit, division and the division warning', async () => {
  const r = await run('lookup', 'venue', '--state', 'TX', '--county', 'Harris County');
  assert.equal(r.code, 0);
  assert.match(r.out, /United States District Court for the Southern District of Texas/);
  assert.match(r.out, /S\.D\. Tex\./);
  assert.match(r.out, /Houston Division/);
  assert.match(r.out, /Warning: \[VERIFY\] Division/);
});

test('lookup venue --json returns the Lookup object; ambiguous names exit 1 with the candidates', async () => {
  const j = await run('lookup', 'venue', '--state', 'CA', '--county', '06001', '--json');
  assert.equal(j.code, 0);
  const parsed = JSON.parse(j.out);
  assert.equal(parsed.status, 'found');
  assert.equal(parsed.value.courtId, 'cand');
  const amb = await run('lookup', 'venue', '--state', 'VA', '--county', 'Franklin');
  assert.equal(amb.code, 1);
  assert.match(amb.err, /different federal districts/);
  assert.match(amb.err, /Franklin city \(51620\) → E\.D\. Va\./);
});

test('lookup venue --zip across districts asks for the county', async () => {
  const r = await run('lookup', 'venue', '--zip', '34141');
  assert.equal(r.code, 1);
  assert.match(r.err, /Collier County \(12021\) → M\.D\. Fla\./);
});

test('bad input exits 2 with a message saying how to fix it', async () => {
  const noState = await run('lookup', 'venue', '--county', 'Alameda');
  assert.equal(noState.code, 2);
  assert.match(noState.err, /--state/);
  const badZip = await run('lookup', 'venue', '--zip', 'abc');
  assert.equal(badZip.code, 2);
  assert.match(badZip.err, /five digits/);
  const badState = await run('lookup', 'venue', '--state', 'Narnia', '--county', 'X');
  assert.equal(badState.code, 2);
  const badDate = await run('lookup', 'agency', 'smith co so', '--state', 'TX', '--on', '18/07/2025');
  assert.equal(badDate.code, 2);
  assert.match(badDate.err, /YYYY-MM-DD/);
  assert.equal((await run('lookup', 'agency')).code, 2);
  assert.equal((await run('lookup', 'venue', '--state', 'CA', '--county', 'Alameda', '--lang', 'fr')).code, 2);
});

test('lookup agency shows models, signed dates, MOA links and the fast-moving warning', async () => {
  const r = await run('lookup', 'agency', 'colbert co so', '--state', 'AL', '--on', '2025-06-01');
  assert.equal(r.code, 0);
  assert.match(r.out, /Colbert County Sheriff's Office \(AL\)/);
  assert.match(r.out, /Colbert County \(FIPS 01033\) — N\.D\. Ala\./);
  assert.match(r.out, /YES/);
  assert.match(r.out, /WSO \(Warrant Service Officer\): signed 2025-05-08/);
  assert.match(r.out, /ColbertCoSheriffsOfficeAL_WSO_MOA_05\.08\.25\.pdf/);
  assert.match(r.out, /Fast-moving/);
});

test('lookup facility, field-office, and Spanish output', async () => {
  const f = await run('lookup', 'facility', 'krome');
  assert.equal(f.code, 0);
  assert.match(f.out, /KROME NORTH SERVICE PROCESSING CENTER/);
  assert.match(f.out, /Southern District of Florida/);
  assert.match(f.out, /Miami\.Outreach@ice\.dhs\.gov/);
  const g = await run('lookup', 'facility', 'jtf camp six');
  assert.equal(g.code, 0);
  assert.match(g.out, /not within any U\.S\. judicial district/);
  const o = await run('lookup', 'field-office', '--state', 'GA', '--county', 'Stewart');
  assert.match(o.out, /Atlanta Field Office/);
  const es = await run('lookup', 'venue', '--state', 'MO', '--county', 'St. Louis', '--lang', 'es');
  assert.match(es.out, /Tribunal/);
  assert.match(es.out, /se eligió St\. Louis County/);
});

test('lookup agency uses a 287(g) sheet imported into the data directory database; a data directory without one stays without one', async () => {
  const { dir, dataDir } = tempDataDir('writ-lookup-');
  const prevDataDir = process.env.WRIT_DATA_DIR;
  try {
    // Loving County is on none of the shipped sheets.
    const file = join(dir, 'participatingAgencies09012025.csv');
    writeFileSync(file, "STATE,LAW ENFORCEMENT AGENCY,TYPE,COUNTY,SUPPORT TYPE,SIGNED,MOA\nTEXAS,Loving County Sheriff's Office,County,Loving County,Warrant Service Officer,8/20/2025,link pending\n");
    const agency = (...more: string[]) => runMain('lookup', 'agency', 'loving co so', '--state', 'TX', '--on', '2025-09-01', ...more);

    mkdirSync(dataDir);
    const none = await agency('--data-dir', dataDir);
    assert.equal(none.code, 1, 'not on the shipped sheets');
    assert.equal(none.err.includes('Note:'), false);
    assert.deepEqual(readdirSync(dataDir), [], 'no database (nor key) created by a lookup');

    const imported = await runMain('data', 'import-287g', file, '--data-dir', dataDir);
    assert.equal(imported.code, 0, imported.err);
    const found = await agency('--data-dir', dataDir);
    assert.equal(found.code, 0, found.err);
    assert.equal(found.err, '');
    assert.match(found.out, /Loving County Sheriff's Office \(TX\)/);
    assert.match(found.out, /YES/);
    assert.match(found.out, /WSO \(Warrant Service Officer\): signed 2025-08-20/);
    assert.match(found.out, /2025-07-18, 2025-09-01/, 'the imported sheet follows the shipped ones');

    // $WRIT_DATA_DIR is the data directory when --data-dir is not given.
    process.env.WRIT_DATA_DIR = dataDir;
    const viaEnv = await runMain('lookup', 'agency', 'loving co so', '--state', 'TX', '--json');
    assert.equal(viaEnv.code, 0, viaEnv.err);
    assert.equal(JSON.parse(viaEnv.out).value.hadAgreement, 'yes');
    if (prevDataDir === undefined) delete process.env.WRIT_DATA_DIR;
    else process.env.WRIT_DATA_DIR = prevDataDir;

    // While a server holds the data directory: the other sheets answer, a note on stderr says why; never a failure.
    const server = await openStore({ dataDir, jobs: false });
    try {
      const held = await agency('--data-dir', dataDir);
      assert.equal(held.code, 1);
      assert.match(held.err, /writ serve is using this data directory/);
      const heldEs = await agency('--data-dir', dataDir, '--lang', 'es');
      assert.match(heldEs.err, /writ serve está usando este directorio de datos/);
      const heldColbert = await runMain('lookup', 'agency', 'colbert co so', '--state', 'AL', '--data-dir', dataDir);
      assert.equal(heldColbert.code, 0);
      assert.match(heldColbert.out, /Colbert County Sheriff's Office/);
      // Venue does not depend on the sheets: the database is not even opened.
      const venue = await runMain('lookup', 'venue', '--state', 'TX', '--county', 'Loving', '--data-dir', dataDir);
      assert.equal(venue.code, 0);
      assert.equal(venue.err, '');
    } finally {
      await server.close();
    }
  } finally {
    if (prevDataDir === undefined) delete process.env.WRIT_DATA_DIR;
    else process.env.WRIT_DATA_DIR = prevDataDir;
    rmSync(dir, { recursive: true, force: true });
  }
});
