import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkIncident } from '../../core/incidents/check-incident.ts';
import { addRow, EMPTY, fieldIdFor, fromReport, heldHours, removeRow, setRow, sha256Hex, toReport, type Form } from './report-form.ts';

const FILLED: Form = {
  ...EMPTY,
  role: 'witness',
  date: '2025-04-01',
  state: 'fl',
  county: 'Collier County',
  agencyName: "Collier County Sheriff's Office",
  contactKind: 'traffic_stop',
  statedReason: 'equipment_violation',
  outcome: 'released',
};

test('a filled form is a valid report; the state is upper-cased and the agency takes the place state', () => {
  const report = toReport(FILLED);
  const checked = checkIncident(JSON.parse(JSON.stringify(report)), { now: new Date('2026-01-01T00:00:00Z') });
  assert.deepEqual(checked.ok ? [] : checked.problems.filter((p) => p.severity === 'error').map((p) => p.path), []);
  assert.deepEqual(report.agency, { name: "Collier County Sheriff's Office", state: 'FL' });
});

test('reporting without identifying the affected person leaves the name out even if one was typed', () => {
  assert.equal('affectedPerson' in toReport({ ...FILLED, identifyAffectedPerson: false, affectedName: 'Someone' }), false);
  assert.deepEqual(toReport({ ...FILLED, identifyAffectedPerson: true, affectedName: 'Someone' }).affectedPerson, { name: 'Someone' });
});

test('a saved draft reads back into the same form', () => {
  const form = { ...FILLED, state: 'FL', identifyAffectedPerson: true, affectedName: 'Someone', narrative: 'What happened.' };
  assert.deepEqual(fromReport(JSON.parse(JSON.stringify(toReport(form))) as Record<string, unknown>), form);
  assert.deepEqual(fromReport({}), EMPTY);
});

const FULL: Form = {
  ...FILLED,
  state: 'FL',
  reporterName: 'Reporter Example',
  reporterContact: '555-0100',
  contactReporter: true,
  identifyAffectedPerson: true,
  affectedName: 'Someone',
  affectedContact: 'someone@example.org',
  time: '14:30',
  approximate: true,
  placeType: 'road',
  address: '100 Test Rd',
  iceOnScene: 'yes',
  officers: [
    { name: 'Officer Example', badge: '1234', vehicle: 'Unit 7', notes: '' },
    { name: 'Second', badge: '', vehicle: '', notes: 'Asked for papers' },
  ],
  statedReasonDetail: 'A broken tail light',
  citationIssued: 'no',
  askedAboutStatus: 'yes',
  searched: 'yes',
  searchWhat: ['vehicle', 'phone'],
  consentRequested: 'no',
  arrested: 'yes',
  detainerLodged: 'yes',
  transferredToIce: 'yes',
  bookedAt: '2025-04-01T16:00',
  releaseEligibleAt: '2025-04-02T09:00',
  transferredToIceAt: '2025-04-03T21:00',
  outcome: 'transferred_to_ice',
  witnesses: [{ name: 'Test Witness', contact: '', statement: 'I saw it.' }],
  media: [{ kind: 'video', sha256: 'a'.repeat(64), capturedAt: '2025-04-01T14:35', filename: 'clip.mp4' }],
  demographicsSource: 'self_reported',
  ethnicity: 'hispanic_latino',
  language: 'spanish',
  ageRange: '25_34',
  gender: 'man',
  narrative: 'What happened.',
};

test('the whole report: officers, witnesses, media, custody times, demographics, contact and consent are a valid report and read back', () => {
  const report = toReport(FULL);
  const checked = checkIncident(JSON.parse(JSON.stringify(report)), { now: new Date('2026-01-01T00:00:00Z') });
  assert.deepEqual(checked.ok ? [] : checked.problems.filter((p) => p.severity === 'error').map((p) => `${p.path} ${p.message.code}`), []);
  assert.deepEqual(report.officers, [{ name: 'Officer Example', badge: '1234', vehicle: 'Unit 7' }, { name: 'Second', notes: 'Asked for papers' }]);
  assert.deepEqual(report.custody, { bookedAt: '2025-04-01T16:00', releaseEligibleAt: '2025-04-02T09:00', transferredToIceAt: '2025-04-03T21:00' });
  assert.deepEqual(report.consent, { countInStatistics: true, useAsEvidence: false, contactReporter: true, identifyAffectedPerson: true });
  assert.deepEqual(report.affectedPerson, { name: 'Someone', contact: 'someone@example.org' });
  assert.deepEqual(fromReport(JSON.parse(JSON.stringify(report)) as Record<string, unknown>), FULL);
});

test('empty rows are left out; a media row without its hash is kept so the problem shows at that row', () => {
  let f = addRow(addRow(addRow(FILLED, 'officers'), 'witnesses'), 'media');
  assert.equal(f.officers.length, 1);
  const report = toReport(f);
  assert.equal('officers' in report || 'witnesses' in report || 'media' in report, false);
  f = setRow(f, 'media', 0, 'kind', 'photo');
  const checked = checkIncident(JSON.parse(JSON.stringify(toReport(f))), { now: new Date('2026-01-01T00:00:00Z') });
  assert.equal(checked.ok, false);
  const problem = checked.ok ? undefined : checked.problems.find((p) => p.path.startsWith('media'));
  assert.ok(problem, 'the missing hash is a problem');
  assert.equal(fieldIdFor(problem.path), 'incident-media-0-sha256');
  assert.equal(removeRow(f, 'media', 0).media.length, 0);
});

test('problem paths map to their form controls', () => {
  assert.equal(fieldIdFor('when.date'), 'incident-date');
  assert.equal(fieldIdFor('officers[1].badge'), 'incident-officers-1-badge');
  assert.equal(fieldIdFor('witnesses[0]'), 'incident-witnesses-0-name');
  assert.equal(fieldIdFor('custody.releasedAt'), 'incident-releasedAt');
  assert.equal(fieldIdFor('search.what[0]'), 'incident-searchWhat');
  assert.equal(fieldIdFor(''), null);
});

test('hours held and hours beyond release follow the custody times; times in the wrong order give nothing', () => {
  assert.deepEqual(heldHours(FULL), { held: 53, beyondRelease: 36 });
  assert.deepEqual(heldHours(EMPTY), { held: null, beyondRelease: null });
  assert.deepEqual(heldHours({ ...EMPTY, bookedAt: '2025-04-02T10:00', releasedAt: '2025-04-01T10:00' }).held, null);
});

test('the SHA-256 of a file is 64 hex digits (a known vector)', async () => {
  assert.equal(await sha256Hex(new TextEncoder().encode('abc')), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
});
