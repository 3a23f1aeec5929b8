import { test } from 'node:test';
import assert from 'node:assert/strict';
import { main } from '../main.ts';
import { captureIo } from '../test-io.ts';

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
