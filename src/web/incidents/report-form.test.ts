import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkIncident } from '../../core/incidents/check-incident.ts';
import { EMPTY, fromReport, toReport, type Form } from './report-form.ts';

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
