import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadReference } from '../../data/load-reference.ts';
import { render, t } from '../../i18n/i18n.ts';
import { checkDraft, checkIncident, type IncidentProblem } from './check-incident.ts';
import { sampleReport } from './sample-report.ts';

const reference = loadReference({ shippedOnly: true });
const now = new Date('2025-08-01T12:00:00Z');
const opts = { now, reference };
const codes = (ps: IncidentProblem[]) => ps.map((p) => `${p.severity}:${p.path}:${p.message.code.replace('incidents:problem.', '')}`);

test('a complete report is accepted and linked to the 287(g) agreements in force that day', () => {
  const r = checkIncident(sampleReport(), opts);
  assert.equal(r.ok, true, JSON.stringify(!r.ok && r.problems));
  if (!r.ok) return;
  // Collier County held a JEM agreement (2020-06-09) and a TFM agreement (signed 2025-02-24) on 2025-04-01.
  assert.equal(r.link?.hadAgreement, 'yes');
  assert.deepEqual(r.link?.models, ['JEM', 'TFM']);
  assert.deepEqual(r.link?.agreementIds.sort(), ['FL:collier-county-sheriff-office:JEM', 'FL:collier-county-sheriff-office:TFM']);
  assert.ok(r.link!.warnings.length > 0, 'the fast-moving warning about ICE sheets comes with the link');
});

test('the agreement link follows the date: before the TFM was signed only the JEM is in force', () => {
  const r = checkIncident(sampleReport({ when: { date: '2025-01-10' }, custody: undefined, outcome: 'released', transferredToIce: 'no' }), opts);
  assert.equal(r.ok, true, JSON.stringify(!r.ok && r.problems));
  if (r.ok) assert.deepEqual(r.link?.models, ['JEM']);
});

test('a future date is refused with a message that names the date and today', () => {
  const r = checkIncident(sampleReport({ when: { date: '2025-09-01' }, custody: undefined, media: [] }), opts);
  assert.equal(r.ok, false);
  const p = r.problems.find((x) => x.path === 'when.date')!;
  assert.equal(p.message.code, 'incidents:problem.futureDate');
  assert.match(render('en', p.message), /2025-09-01 is in the future \(today is 2025-08-01\)/);
  assert.match(render('es', p.message), /2025-09-01 está en el futuro/);
});

test('impossible durations: release before booking, transfer before booking', () => {
  const r = checkIncident(
    sampleReport({ custody: { bookedAt: '2025-04-02T10:00', releasedAt: '2025-04-01T09:00', transferredToIceAt: '2025-04-02T08:00' }, outcome: 'transferred_to_ice' }),
    opts,
  );
  assert.equal(r.ok, false);
  assert.ok(codes(r.problems).includes('error:custody.releasedAt:releaseBeforeBooking'), codes(r.problems).join());
  assert.ok(codes(r.problems).includes('error:custody.transferredToIceAt:transferBeforeBooking'));
});

test('contradictions between the outcome and the answers are refused', () => {
  const r = checkIncident(sampleReport({ outcome: 'held_on_detainer', detainerLodged: 'no', transferredToIce: 'no' }), opts);
  assert.equal(r.ok, false);
  assert.ok(codes(r.problems).includes('error:detainerLodged:outcomeNeedsDetainer'));
});

test('reporting without identifying the affected person: a name is refused', () => {
  const r = checkIncident(sampleReport({ consent: { countInStatistics: true, useAsEvidence: false, identifyAffectedPerson: false } }), opts);
  assert.equal(r.ok, false);
  assert.ok(codes(r.problems).includes('error:affectedPerson:anonymousButNamed'));
  const ok = checkIncident(sampleReport({ consent: { countInStatistics: true, useAsEvidence: false, identifyAffectedPerson: false }, affectedPerson: undefined }), opts);
  assert.equal(ok.ok, true);
});

test('an unknown agency is refused with a fix; marked as outside the 287(g) lists it is accepted with a warning', () => {
  const unknown = checkIncident(sampleReport({ agency: { name: 'Zzyzx Imaginary Police Department', state: 'FL' } }), opts);
  assert.equal(unknown.ok, false);
  const p = unknown.problems.find((x) => x.path === 'agency.name')!;
  assert.equal(p.message.code, 'incidents:problem.unknownAgency');
  assert.match(render('en', p.message), /Check the spelling/);
  const outside = checkIncident(sampleReport({ agency: { name: 'Zzyzx Imaginary Police Department', state: 'FL', outside287gList: true } }), opts);
  assert.equal(outside.ok, true);
  if (outside.ok) {
    assert.equal(outside.link?.hadAgreement, 'no');
    assert.deepEqual(codes(outside.problems), ['warning:agency.name:agencyOutsideList']);
  }
});

test('schema problems carry the path and a readable message in both languages', () => {
  const bad = { ...sampleReport(), outcome: 'vanished', when: { date: '04/01/2025' }, extra: 1 } as unknown;
  const r = checkIncident(bad, opts);
  assert.equal(r.ok, false);
  const byPath = Object.fromEntries(r.problems.map((p) => [p.path, p]));
  assert.equal(byPath['outcome']?.message.code, 'incidents:problem.oneOf');
  assert.equal(byPath['when.date']?.message.code, 'incidents:problem.date');
  assert.equal(byPath['']?.message.code, 'incidents:problem.unknownField');
  for (const p of r.problems) {
    for (const lang of ['en', 'es'] as const) assert.doesNotMatch(render(lang, p.message), /^incidents:/, `${p.message.code} has no ${lang} text`);
  }
});

test('a half-finished draft is kept exactly as given, with warnings instead of errors', () => {
  const draft = { schemaVersion: 1, when: { date: '2025-09-30' }, narrative: 'started typing…', agency: { name: 'Colier' } };
  const r = checkDraft(draft, opts);
  assert.equal(r.ok, true);
  if (!r.ok) return;
  assert.deepEqual(r.draft, draft);
  assert.ok(r.problems.length > 0);
  assert.ok(r.problems.every((p) => p.severity === 'warning'));
  assert.ok(r.problems.some((p) => p.path === 'reporter' && p.message.code === 'incidents:problem.required'));
});

test('a draft that is not a JSON object is refused with a clear message, never a crash', () => {
  for (const input of ['not json', '[1,2]', 42, null]) {
    const r = checkDraft(input, opts);
    assert.equal(r.ok, false);
    assert.match(render('en', r.problems[0]!.message), /JSON/);
  }
});

test('every problem code used in the checks has English and Spanish text', () => {
  const src = ['required', 'futureDate', 'unknownAgency', 'agencyAmbiguous', 'releaseBeforeEligible', 'veryLongCustody', 'tooLarge'];
  for (const c of src) {
    assert.notEqual(t('en', `incidents:problem.${c}`), `incidents:problem.${c}`);
    assert.notEqual(t('es', `incidents:problem.${c}`), `incidents:problem.${c}`);
  }
});

test('a loosely written agency name is matched, and the reading is shown so the reporter can correct it', () => {
  const r = checkIncident(sampleReport({ agency: { name: 'Collier Co SO', state: 'FL' } }), opts);
  assert.equal(r.ok, true);
  if (!r.ok) return;
  assert.equal(r.link?.agency, "Collier County Sheriff's Office");
  const p = r.problems.find((x) => x.message.code === 'incidents:problem.agencyInterpreted');
  assert.ok(!p, 'abbreviations alone are not a reinterpretation');
  const typo = checkIncident(sampleReport({ agency: { name: 'Colier County Sheriffs Office', state: 'FL' } }), opts);
  assert.equal(typo.ok, true);
  if (!typo.ok) return;
  assert.equal(typo.link?.agency, "Collier County Sheriff's Office");
  const q = typo.problems.find((x) => x.message.code === 'incidents:problem.agencyInterpreted');
  assert.ok(q, 'a spelling correction is shown');
  assert.match(render('es', q!.message), /se interpretó como Collier County Sheriff's Office/);
});

test('an ambiguous agency name asks for the full name', () => {
  // "Polk County Sheriff's Office" exists in FL, GA and TX; the report's state picks one, so ask without the match.
  const r = checkIncident(sampleReport({ agency: { name: 'Polk County', state: 'FL' }, where: { state: 'FL', county: 'Polk County' } }), opts);
  if (!r.ok) {
    const p = r.problems.find((x) => x.path === 'agency.name');
    assert.ok(p, JSON.stringify(r.problems));
    assert.match(p!.message.code, /agencyAmbiguous|unknownAgency/);
  } else {
    assert.match(r.link!.agency, /Polk County/);
  }
});

test('custody before the incident date is an error, or a warning when the date is approximate', () => {
  const custody = { bookedAt: '2025-03-31T22:00', releasedAt: '2025-04-01T10:00' };
  const exact = checkIncident(sampleReport({ custody, outcome: 'released', transferredToIce: 'no', detainerLodged: 'no' }), opts);
  assert.equal(exact.ok, false);
  assert.ok(codes(exact.problems).includes('error:custody.bookedAt:beforeIncident'));
  const approx = checkIncident(sampleReport({ when: { date: '2025-04-01', approximate: true }, custody, outcome: 'released', transferredToIce: 'no', detainerLodged: 'no' }), opts);
  assert.equal(approx.ok, true, JSON.stringify(!approx.ok && approx.problems));
  if (approx.ok) assert.ok(codes(approx.problems).includes('warning:custody.bookedAt:beforeIncident'));
});
