/** Lookups over the shipped data: the examples of issue 3 and the hard names. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadReference } from './load-reference.ts';
import type { CountyVenue, Lookup } from '../core/reference/reference.ts';

const ref = loadReference({ shippedOnly: true });

function found<T>(r: Lookup<T>): T {
  assert.equal(r.status, 'found', JSON.stringify(r).slice(0, 300));
  return (r as { value: T }).value;
}
const venue = (state: string, county: string) => found(ref.countyVenue({ state, county }));

test('countyVenue accepts a name, a name with "County", a FIPS code, any case', () => {
  for (const q of ['Alameda', 'Alameda County', '06001', 'alameda county', 'ALAMEDA', '001']) {
    const v = venue('CA', q);
    assert.deepEqual([v.countyFips, v.courtId, v.circuit], ['06001', 'cand', '9'], q);
  }
  assert.equal(venue('California', 'Alameda').courtId, 'cand');
  const court = ref.court('cand')!;
  assert.equal(court.name, 'United States District Court for the Northern District of California');
  assert.equal(court.citation, 'N.D. Cal.');
});

test('accents, "St."/"Saint"/"Ste.", parishes, municipios, boroughs, Carson City', () => {
  assert.equal(venue('NM', 'Dona Ana').countyName, 'Doña Ana County');
  assert.equal(venue('NM', 'Doña Ana County').courtId, 'nmd');
  assert.equal(venue('MO', 'Saint Louis city').countyFips, '29510');
  assert.equal(venue('MO', 'St Louis County').countyFips, '29189');
  assert.equal(venue('MO', 'Saint Genevieve').countyName, 'Ste. Genevieve County');
  assert.equal(venue('LA', 'Orleans').countyName, 'Orleans Parish');
  assert.equal(venue('LA', 'East Baton Rouge Parish').courtId, 'lamd');
  assert.equal(venue('PR', 'Mayaguez').countyName, 'Mayagüez Municipio');
  assert.equal(venue('PR', 'bayamon').courtId, 'prd');
  assert.equal(venue('PR', 'Bayamón').circuit, '1');
  assert.equal(venue('AK', 'Juneau').countyName, 'Juneau City and Borough');
  assert.equal(venue('NV', 'Carson City').countyFips, '32510');
  assert.equal(venue('VA', 'James City').countyName, 'James City County');
  assert.equal(venue('DC', 'District of Columbia').circuit, 'DC');
});

test('St. Louis: a bare name picks the county and says so (city and county are both in E.D. Mo.)', () => {
  const r = ref.countyVenue({ state: 'MO', county: 'St. Louis' });
  assert.equal(r.status, 'found');
  if (r.status !== 'found') return;
  assert.equal(r.value.countyName, 'St. Louis County');
  assert.equal(r.noteCode?.code, 'reference:county.choseCounty');
  assert.match(r.note!, /St\. Louis city/);
  // St. Louis County, Minnesota is another state's county.
  assert.equal(venue('MN', 'St. Louis').courtId, 'mnd');
});

test('Virginia independent cities vs counties of the same name', () => {
  for (const [q, fips, court] of [
    ['Fairfax city', '51600', 'vaed'],
    ['City of Fairfax', '51600', 'vaed'],
    ['Fairfax County', '51059', 'vaed'],
    ['Richmond city', '51760', 'vaed'],
    ['Richmond County', '51159', 'vaed'],
    ['Roanoke city', '51770', 'vawd'],
    ['Roanoke County', '51161', 'vawd'],
    ['Franklin city', '51620', 'vaed'],
    ['Franklin County', '51067', 'vawd'],
  ] as const) {
    const v = venue('VA', q);
    assert.deepEqual([v.countyFips, v.courtId], [fips, court], q);
  }
  const fairfax = ref.countyVenue({ state: 'VA', county: 'Fairfax' });
  assert.equal(fairfax.status, 'found');
  assert.equal(fairfax.status === 'found' && fairfax.noteCode?.code, 'reference:county.choseCounty');
  // Franklin County (W.D. Va.) and Franklin city (E.D. Va.): different districts → ask, never guess.
  const franklin = ref.countyVenue({ state: 'VA', county: 'Franklin' });
  assert.equal(franklin.status, 'ambiguous');
  if (franklin.status === 'ambiguous') {
    assert.deepEqual(franklin.candidates.map((c) => c.courtId).sort(), ['vaed', 'vawd']);
    assert.equal(franklin.messageCode?.code, 'reference:county.ambiguousDistricts');
  }
  // Independent cities are assigned by a heuristic: the answer carries the warning.
  assert.ok(venue('VA', 'Franklin city').warnings!.some((w) => w.code === 'reference:warning.independentCity'));
});

test('typos and old statutory names are matched and said; unknown names and states are clear errors', () => {
  const r = ref.countyVenue({ state: 'CA', county: 'Alamda' });
  assert.equal(r.status === 'found' && r.value.countyFips, '06001');
  assert.equal(r.status === 'found' && r.noteCode?.code, 'reference:county.matchedTypo');
  assert.equal(venue('FL', 'Dade').countyName, 'Miami-Dade County');
  const none = ref.countyVenue({ state: 'CA', county: 'Gotham' });
  assert.equal(none.status, 'not_found');
  assert.match(none.status === 'not_found' ? none.message : '', /No county "Gotham" in CA/);
  const badState = ref.countyVenue({ state: 'XX', county: 'Alameda' });
  assert.equal(badState.status === 'not_found' && badState.messageCode?.code, 'reference:state.unknown');
  const otherState = ref.countyVenue({ state: 'TX', county: '06001' });
  assert.equal(otherState.status === 'not_found' && otherState.messageCode?.code, 'reference:county.fipsOtherState');
});

test('statutory caveats surface as warnings: partial counties, divisions to verify', () => {
  const hoke = venue('NC', 'Hoke');
  assert.equal(hoke.courtId, 'ncmd');
  assert.ok(hoke.warnings!.some((w) => w.code === 'reference:warning.statuteNote' && /Fort Bragg|Bragg/.test(String(w.params?.note))));
  const harris = venue('TX', 'Harris');
  assert.deepEqual([harris.courtId, harris.division], ['txsd', 'Houston Division']);
  assert.ok(harris.warnings!.some((w) => w.code === 'reference:warning.verifyDivision'));
});

test('ZIP codes: one county; several counties in one district; counties in different districts → ask', () => {
  const oakland = found(ref.zipVenue('94612'));
  assert.deepEqual(oakland.map((v) => v.countyFips), ['06001']);
  const fairfax = ref.zipVenue('22030');
  assert.equal(fairfax.status, 'found');
  if (fairfax.status === 'found') {
    assert.deepEqual(fairfax.value.map((v: CountyVenue) => v.countyName), ['Fairfax County', 'Fairfax city']);
    assert.equal(fairfax.noteCode?.code, 'reference:zip.severalCounties');
  }
  for (const [zip, courts] of [
    ['34141', ['flmd', 'flsd', 'flsd']], // Ochopee: Collier (M.D. Fla.), Monroe and Miami-Dade (S.D. Fla.)
    ['11370', ['nyed', 'nysd']], // East Elmhurst (Queens, E.D.N.Y.) and Rikers Island (Bronx, S.D.N.Y.)
    ['12542', ['nynd', 'nysd']], // Ulster (N.D.N.Y.) and Orange (S.D.N.Y.)
  ] as const) {
    const r = ref.zipVenue(zip);
    assert.equal(r.status, 'ambiguous', zip);
    if (r.status === 'ambiguous') {
      assert.deepEqual(r.candidates.map((c) => c[0]!.courtId), courts, zip);
      assert.equal(r.messageCode?.code, 'reference:zip.districtsDiffer');
    }
  }
  assert.equal(found(ref.zipVenue('11351'))[0]!.countyName, 'Queens County'); // a ZIP that is not a ZCTA
  assert.equal(found(ref.zipVenue('94612-1234'))[0]!.countyFips, '06001');
  // Territories with a district court but no counties here: the answer names the court.
  const guam = ref.zipVenue('96910');
  assert.equal(guam.status === 'not_found' && guam.messageCode?.code, 'reference:zip.territory');
  assert.equal(guam.status === 'not_found' && guam.messageCode?.params?.courtId, 'gud');
  const bad = ref.zipVenue('9461');
  assert.equal(bad.status === 'not_found' && bad.messageCode?.code, 'reference:zip.invalid');
});

test('facilities: "stewart", "krome", "tacoma" → county, district, field office', () => {
  const stewart = found(ref.facility('stewart'));
  assert.deepEqual([stewart.id, stewart.countyFips, stewart.courtId, stewart.circuit, stewart.fieldOffice], ['stewart-detention-center-ga', '13259', 'gamd', '11', 'Atlanta']);
  assert.equal(ref.fieldOfficeForFacility(stewart.id)!.phone, '(404) 893-1290');
  const krome = found(ref.facility('krome'));
  assert.deepEqual([krome.countyName, krome.courtId, krome.fieldOffice], ['Miami-Dade County', 'flsd', 'Miami']);
  const tacoma = found(ref.facility('tacoma'));
  assert.deepEqual([tacoma.name, tacoma.countyFips, tacoma.courtId], ['NORTHWEST ICE PROCESSSING CENTER', '53053', 'wawd']);
  assert.equal(found(ref.facility('stweart detention')).id, 'stewart-detention-center-ga');
  assert.equal(found(ref.facility('pearsall')).courtId, 'txwd');
  assert.equal(ref.facilityById('krome-north-service-processing-center-fl')!.courtId, 'flsd');
  assert.equal(ref.facilities().length, 268);
});

test('the three facilities without a district say why', () => {
  const soft = found(ref.facility('alligator alcatraz'));
  assert.equal(soft.id, 'florida-soft-sided-facility-fl');
  const guantanamo = ref.facility('guantanamo');
  assert.equal(guantanamo.status, 'ambiguous');
  const ids = guantanamo.status === 'ambiguous' ? guantanamo.candidates.map((c) => c.id).sort() : [];
  assert.deepEqual(ids, ['jtf-camp-six-fl', 'migrant-ops-center-main-a-fl']);
  for (const id of ['florida-soft-sided-facility-fl', 'jtf-camp-six-fl', 'migrant-ops-center-main-a-fl']) {
    const f = ref.facilityById(id)!;
    assert.equal(f.courtId, null, id);
    assert.equal(f.courtCertain, false, id);
    assert.ok(f.venueNote && f.venueNote.length > 20, id);
    assert.equal(f.warnings![0]!.code, 'reference:warning.facilityVenue', id);
  }
  assert.match(ref.facilityById('jtf-camp-six-fl')!.venueNote!, /not within any U\.S\. judicial district/);
});

test('agencies: "Co"/"SO" abbreviations, typos, apostrophes, ambiguity across states', () => {
  const smith = found(ref.agency287g({ name: 'smith co so', state: 'TX' }));
  assert.equal(smith.agency, "Smith County Sheriff's Office");
  assert.deepEqual(smith.agreements.map((a) => `${a.model}:${a.signed}`).sort(), ['JEM:2020-06-09', 'TFM:2025-02-18']);
  assert.equal(found(ref.agency287g({ name: 'Smith Cnty Sherrif Ofice', state: 'TX' })).agency, "Smith County Sheriff's Office");
  assert.equal(found(ref.agency287g({ name: 'Harris County Sheriff’s Office' })).state, 'GA');
  const polk = ref.agency287g({ name: 'polk county sheriff' });
  assert.equal(polk.status, 'ambiguous');
  assert.deepEqual(polk.status === 'ambiguous' ? polk.candidates.map((c) => c.state).sort() : [], ['FL', 'GA', 'TX']);
  assert.equal(found(ref.agency287g({ name: 'polk county sheriff', state: 'Florida' })).state, 'FL');
  const none = ref.agency287g({ name: 'Los Angeles County Sheriff', state: 'CA' });
  assert.equal(none.status, 'not_found');
  // Texas DPS is on none of the shipped sheets: the other states' Departments of Public Safety are not offered.
  assert.equal(ref.agency287g({ name: 'Texas Department of Public Safety' }).status, 'not_found');
  assert.equal(found(ref.agency287g({ name: 'Sherriff office Brevard', state: 'FL' })).agency, "Brevard County Sheriff's Office");
});

test('agency status on a date, with model, MOA link, county and sheets', () => {
  const hardee = found(ref.agency287g({ name: 'hardee co so', state: 'FL', on: '2025-03-01' }));
  assert.equal(hardee.hadAgreement, 'yes'); // WSO signed 2025-02-26
  assert.deepEqual(hardee.agreements.map((a) => a.model).sort(), ['TFM', 'WSO']);
  assert.equal(hardee.countyFips, '12049');
  assert.equal(found(ref.agency287g({ name: 'hardee co so', state: 'FL', on: '2025-02-01' })).hadAgreement, 'no');
  const colbert = found(ref.agency287g({ name: 'Colbert County SO', state: 'AL', on: '2025-06-01' }));
  const wso = colbert.agreements.find((a) => a.model === 'WSO')!;
  assert.equal(wso.moaUrl, 'https://www.ice.gov/doclib/287gMOA/ColbertCoSheriffsOfficeAL_WSO_MOA_05.08.25.pdf');
  assert.deepEqual([wso.firstSeen, wso.lastSeen, wso.current], ['2025-05-16', '2025-07-18', true]);
  assert.equal(colbert.sheetDates.join(), '2024-12-18,2025-05-16,2025-07-18');
  assert.match(colbert.explanation, /JEM, WSO/);
  // Withdrawn between sheets: Boca Raton PD's TFM is on the 2025-05-16 sheet, not on 2025-07-18.
  const boca = found(ref.agency287g({ name: 'Boca Raton PD', state: 'FL', on: '2025-06-15' }));
  assert.equal(boca.hadAgreement, 'unknown');
  assert.equal(boca.explanationCode!.code, 'reference:agency.reason.withdrawnBetween');
  assert.deepEqual([boca.agreements[0]!.lastSeen, boca.agreements[0]!.current], ['2025-05-16', false]);
  assert.equal(found(ref.agency287g({ name: 'Boca Raton PD', state: 'FL', on: '2025-05-01' })).hadAgreement, 'yes');
  // ICE corrected "Berrian County Sheriff's Offic" (2025-05-16) to "…Office" (2025-07-18): one agreement, still current.
  const berrien = found(ref.agency287g({ name: 'Berrian County SO', state: 'MI', on: '2025-06-01' }));
  assert.equal(berrien.hadAgreement, 'yes');
  assert.deepEqual(berrien.agreements.map((a) => `${a.model} ${a.firstSeen}..${a.lastSeen} ${a.current}`), ['WSO 2025-05-16..2025-07-18 true']);
  assert.equal(berrien.countyFips, '26021'); // ICE's "Berrian County" read as Berrien County, MI
  // Jackson County (MN) lost its JEM agreement but kept its WSO agreement.
  const jackson = found(ref.agency287g({ name: "Jackson County Sheriff's Office", state: 'MN', on: '2025-07-18' }));
  assert.equal(jackson.hadAgreement, 'yes');
  assert.deepEqual(jackson.agreements.map((a) => `${a.model}:${a.current}`).sort(), ['JEM:false', 'WSO:true']);
  for (const on of ['yesterday', '2025-02-30', '2025-13-01']) {
    const bad = ref.agency287g({ name: 'Smith County', state: 'TX', on });
    assert.equal(bad.status === 'not_found' && bad.messageCode?.code, 'reference:agency.badDate', on);
  }
});

test('field offices for counties: name, address, phone', () => {
  const houston = found(ref.fieldOfficeForCounty({ state: 'TX', county: 'Harris' }));
  assert.deepEqual([houston.name, houston.city, houston.phone], ['Houston Field Office', 'Houston', '(281) 774-4816']);
  assert.equal(found(ref.fieldOfficeForCounty({ state: 'CA', county: 'San Diego' })).name, 'San Diego Field Office');
  assert.equal(found(ref.fieldOfficeForCounty({ state: 'FL', county: 'Miami-Dade' })).outreachEmail, 'Miami.Outreach@ice.dhs.gov');
  assert.equal(ref.fieldOfficeByName('St Paul')!.state, 'MN');
});
