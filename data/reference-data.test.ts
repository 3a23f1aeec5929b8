/**
 * The reference data tested like code (courts-db style): every county in exactly one district, every district
 * with a circuit and a courts-db id, ids unique, dates valid, and derived files identical to what
 * scripts/data/build-reference.ts produces from data/sources (so nobody hand-edits them).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { ReferenceDataSchema, type ReferenceData } from '../src/core/reference/reference-data.ts';
import { buildReferenceFiles, ROOT } from '../scripts/data/build-reference.ts';
import type { Sheet287g } from '../src/core/reference/parse-287g-sheet.ts';

const read = (rel: string) => readFileSync(join(ROOT, rel), 'utf8');
const data = JSON.parse(read('data/reference.json')) as ReferenceData;
const iso = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (d: string) => iso.test(d) && new Date(d + 'T00:00:00Z').toISOString().slice(0, 10) === d;

test('reference.json matches its schema', () => {
  ReferenceDataSchema.parse(data);
});

test('all 3,222 counties and county equivalents, each in exactly one district of its own state', () => {
  assert.equal(data.counties.length, 3222);
  const fips = new Set<string>();
  const courts = new Map(data.courts.map((c) => [c.courtId, c]));
  const states = new Map(data.states.map((s) => [s.code, s]));
  for (const [f, state, name, courtId] of data.counties) {
    assert.ok(!fips.has(f), `duplicate county ${f}`);
    fips.add(f);
    assert.equal(f.slice(0, 2), states.get(state)?.fips, `${f} ${name}: FIPS prefix is not ${state}'s`);
    const court = courts.get(courtId);
    assert.ok(court, `${f} ${name}: unknown court ${courtId}`);
    assert.equal(court.state, state, `${f} ${name}: ${courtId} is not a ${state} court`);
  }
  // Every Census county of the statute-derived source appears once.
  const source = parseCsv(read('data/sources/courts/county_federal_district.csv'), { columns: true }) as Array<Record<string, string>>;
  assert.equal(new Set(source.map((r) => r.county_fips)).size, source.length);
  assert.equal(source.length, 3222);
  // Counts by kind: 78 Puerto Rico municipios, 64 Louisiana parishes, 41 independent cities (38 VA, Baltimore, St. Louis, Carson City).
  assert.equal(data.counties.filter((c) => c[1] === 'PR').length, 78);
  assert.equal(data.counties.filter((c) => c[2].endsWith(' Parish')).length, 64);
  assert.equal(data.counties.filter((c) => c[7].startsWith('independent city')).length, 38);
});

test('the 94 district courts: unique ids that exist in courts-db, a circuit, a citation', () => {
  assert.equal(data.courts.length, 94);
  const courtsDb = JSON.parse(read('data/sources/courts/courts-db_courts.json')) as Array<{ id: string; citation_string?: string }>;
  const dbById = new Map(courtsDb.map((c) => [c.id, c]));
  const ids = new Set<string>();
  for (const c of data.courts) {
    assert.ok(!ids.has(c.courtId), `duplicate ${c.courtId}`);
    ids.add(c.courtId);
    assert.ok(dbById.has(c.courtId), `${c.courtId} not in courts-db`);
    assert.equal(dbById.get(c.courtId)!.citation_string, c.citation, c.courtId);
    assert.match(c.circuit, /^(1[01]?|[2-9]|DC)$/);
    assert.equal(c.name, `United States District Court for the ${c.districtName}`);
  }
  // 28 U.S.C. § 41: D. Vt. is in the 2nd Circuit (courts-db says 1st), D.D.C. in the D.C. Circuit, D.P.R. in the 1st.
  const circuit = (id: string) => data.courts.find((c) => c.courtId === id)!.circuit;
  assert.deepEqual([circuit('vtd'), circuit('dcd'), circuit('prd'), circuit('gamd'), circuit('txsd')], ['2', 'DC', '1', '11', '5']);
  // Every court but the three territorial courts (no Census counties) has counties.
  const withCounties = new Set(data.counties.map((c) => c[3]));
  assert.deepEqual(data.courts.filter((c) => !withCounties.has(c.courtId)).map((c) => c.courtId).sort(), ['gud', 'nmid', 'vid']);
});

test('ZIP areas point at known counties; facility and field-office ids are unique and joined', () => {
  const fips = new Set(data.counties.map((c) => c[0]));
  let pairs = 0;
  for (const packed of Object.values(data.zcta)) {
    for (const p of packed.split(' ')) {
      const [f, area] = p.split(':');
      pairs++;
      assert.ok(fips.has(f!) && Number.isFinite(Number(area)), p);
    }
  }
  assert.equal(Object.keys(data.zcta).length, 33486); // 33,791 ZCTAs less those of territories without counties here
  assert.equal(pairs, 46634);
  for (const z of Object.values(data.zipToZcta)) assert.match(z, /^\d{5}$/);

  assert.equal(data.facilities.length, 268);
  assert.equal(new Set(data.facilities.map((f) => f.id)).size, 268);
  const courts = new Set(data.courts.map((c) => c.courtId));
  const offices = new Set(data.fieldOffices.map((o) => o.shortName));
  assert.equal(data.fieldOffices.length, 25);
  assert.equal(new Set(data.fieldOffices.map((o) => o.id)).size, 25);
  for (const f of data.facilities) {
    if (f.courtId) assert.ok(courts.has(f.courtId), f.id);
    if (f.countyFips && !['GU', 'MP', 'VI', 'AS'].includes(f.state)) assert.ok(fips.has(f.countyFips), f.id); // territories: court only
    if (f.fieldOffice) assert.ok(offices.has(f.fieldOffice), `${f.id}: ${f.fieldOffice}`);
    if (f.asOf) assert.ok(validDate(f.asOf), f.id);
  }
  // A facility's district is its county's district; its ICE field office differs from the county's only where ICE
  // says so (five known cases, e.g. San Luis AZ → San Diego).
  const countyRow = new Map(data.counties.map((c) => [c[0], c]));
  let officeDiffers = 0;
  for (const f of data.facilities) {
    const c = f.countyFips ? countyRow.get(f.countyFips) : undefined;
    if (!c) continue;
    assert.equal(f.courtId, c[3], `${f.id}: district differs from its county's`);
    if (f.fieldOffice !== c[9]) officeDiffers++;
  }
  assert.equal(officeDiffers, 5);
  // Three facilities have no district, each with the reason.
  const none = data.facilities.filter((f) => !f.courtId);
  assert.deepEqual(none.map((f) => f.id).sort(), ['florida-soft-sided-facility-fl', 'jtf-camp-six-fl', 'migrant-ops-center-main-a-fl']);
  for (const f of none) assert.ok(f.venueNote);
  for (const c of data.counties) assert.ok(offices.has(c[9]), c[0]);
});

test('287(g) sheets: valid dates, known models, states and counts', () => {
  const dir = join(ROOT, 'data', '287g', 'sheets');
  const states = new Set(data.states.map((s) => s.code));
  const counts: Record<string, number> = {};
  for (const f of readdirSync(dir)) {
    const s = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Sheet287g;
    assert.ok(validDate(s.date), f);
    counts[`${s.kind} ${s.date}`] = s.rows.length;
    for (const r of s.rows) {
      assert.ok(states.has(r.state), `${f} row ${r.row}`);
      assert.ok(['JEM', 'TFM', 'WSO'].includes(r.model), `${f} row ${r.row}`);
      if (r.signed) assert.ok(validDate(r.signed) && r.signed <= s.date, `${f} row ${r.row}: ${r.signed}`);
      if (r.moaUrl) assert.match(r.moaUrl, /^https:\/\/www\.ice\.gov\//, `${f} row ${r.row}`);
    }
  }
  assert.deepEqual(counts, {
    'participating 2024-12-18': 135,
    'participating 2025-05-16': 571,
    'participating 2025-07-18': 832,
    'pending 2025-05-15': 92,
    'pending 2025-07-18': 26,
  });
});

test('derived files are exactly what the build script produces from data/sources', async () => {
  const files = await buildReferenceFiles();
  for (const [rel, content] of files) assert.ok(read(rel) === content, `${rel} is out of date or hand-edited: run node --import tsx scripts/data/build-reference.ts`);
  const shippedSheets = readdirSync(join(ROOT, 'data', '287g', 'sheets')).map((f) => `data/287g/sheets/${f}`);
  assert.deepEqual(shippedSheets.filter((f) => !files.has(f)), []);
});
