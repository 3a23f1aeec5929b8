import { test } from 'node:test';
import assert from 'node:assert/strict';
import { uscisLookup } from './uscis-lookup.ts';

test('a form number in any common spelling finds the form, with its remedies and the processing-times page', () => {
  for (const q of ['I-485', 'i485', 'Form I 485', 'my I‑485 is stuck']) {
    const r = uscisLookup(q);
    assert.equal(r.status, 'found', q);
    if (r.status !== 'found') continue;
    assert.deepEqual(r.value.forms.map((f) => f.id), ['I-485']);
    assert.deepEqual(r.value.forms[0]!.paths[0]!.remedies, ['MANDAMUS_1361', 'APA_706_1']);
    assert.equal(r.value.processingTimes.url, 'https://egov.uscis.gov/processing-times/');
    assert.equal(r.value.office, null);
  }
});

test('N-400 leads to § 1447(b) after the interview and to N-336 on a denial; N-336 leads to § 1421(c)', () => {
  const n400 = uscisLookup('N-400');
  assert.equal(n400.status, 'found');
  if (n400.status !== 'found') return;
  const paths = n400.value.forms[0]!.paths;
  assert.deepEqual(paths.find((p) => p.id === 'n400AfterInterview')!.remedies, ['NATZ_1447B']);
  assert.equal(paths.find((p) => p.id === 'n400AfterInterview')!.defendants!.id, 'natz1447b');
  assert.equal(paths.find((p) => p.id === 'n400Denied')!.nextForm, 'N-336');
  const n336 = uscisLookup('n336');
  assert.equal(n336.status === 'found' && n336.value.forms[0]!.paths[0]!.remedies[0], 'NATZ_1421C');
});

test('the office KIND is recognised from what is typed, in English or Spanish, with its defendants and venue rule', () => {
  const cases: Array<[string, string, string]> = [
    ['San Francisco Field Office', 'field_office', 'uscisDelay'],
    ['Nebraska Service Center', 'service_center', 'uscisDelay'],
    ['Newark Asylum Office', 'asylum_office', 'asylumDelay'],
    ['NVC', 'nvc', 'consularDelay'],
    ['National Visa Center', 'nvc', 'consularDelay'],
    ['U.S. Embassy Nairobi', 'consulate', 'consularDelay'],
    ['Consulado de Ciudad Juárez', 'consulate', 'consularDelay'],
    ['oficina de asilo de Houston', 'asylum_office', 'asylumDelay'],
  ];
  for (const [q, kind, defendants] of cases) {
    const r = uscisLookup(q);
    assert.equal(r.status, 'found', q);
    if (r.status !== 'found') continue;
    assert.equal(r.value.office?.kind, kind, q);
    assert.equal(r.value.office!.defendants[0]!.id, defendants, q);
    assert.ok(r.value.office!.venues.length > 0);
    // "National Visa Center" also names the visa form; no other form is read into an office name.
    assert.deepEqual(r.value.forms.map((f) => f.id), / visa /i.test(` ${q} `) ? ['visa'] : [], q);
  }
});

test('a form and an office in one query are both recognised; "visa" finds consular processing', () => {
  const r = uscisLookup('I-589 at the Los Angeles asylum office');
  assert.equal(r.status, 'found');
  if (r.status === 'found') {
    assert.deepEqual(r.value.forms.map((f) => f.id), ['I-589']);
    assert.equal(r.value.office?.kind, 'asylum_office');
  }
  const v = uscisLookup('immigrant visa');
  assert.equal(v.status === 'found' && v.value.forms[0]!.id, 'visa');
});

test('no invented offices: a place name alone, or a form SPEC does not cover, is not_found with a message saying why', () => {
  const place = uscisLookup('San Francisco');
  assert.equal(place.status, 'not_found');
  assert.equal(place.status === 'not_found' && place.messageCode?.code, 'uscis:lookup.notFound');
  const other = uscisLookup('I-129F');
  assert.equal(other.status, 'not_found');
  assert.deepEqual(other.status === 'not_found' && other.messageCode, { code: 'uscis:lookup.notInSpec', params: { form: 'I-129F' } });
  assert.equal(uscisLookup('field officer').status, 'not_found', 'whole words only');
});
