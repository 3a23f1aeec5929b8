import { test } from 'node:test';
import assert from 'node:assert/strict';
import { factsJsonSchema } from '../../core/facts/index.ts';
import { coerceAnswer, fieldSpec } from './field-spec.ts';

const schema = factsJsonSchema();

test('reads the control kind for each shape of field from the real facts schema', () => {
  assert.equal(fieldSpec(schema, 'enforcement.has287g')?.kind, 'yesNoUnknown');
  assert.equal(fieldSpec(schema, 'detention.custodianType')?.kind, 'choice');
  assert.ok(fieldSpec(schema, 'detention.custodianType')?.options.includes('county_jail_ice_hold'));
  assert.equal(fieldSpec(schema, 'enforcement.actions')?.kind, 'multiChoice');
  assert.equal(fieldSpec(schema, 'detention.startDate')?.kind, 'date');
  assert.equal(fieldSpec(schema, 'detention.releaseEligibleAt')?.kind, 'dateTime');
  assert.equal(fieldSpec(schema, 'person.entryYear')?.kind, 'integer');
  assert.equal(fieldSpec(schema, 'detention.facility.name')?.kind, 'text');
  assert.equal(fieldSpec(schema, 'person.aNumber')?.sensitive, true);
  assert.equal(fieldSpec(schema, 'detention.facility.name')?.sensitive, false);
});

test('answers null for objects and for paths outside the format', () => {
  assert.equal(fieldSpec(schema, 'detention'), null);
  assert.equal(fieldSpec(schema, 'detention.nope'), null);
});

test('coerceAnswer validates with the schema pattern, range and options', () => {
  const a = fieldSpec(schema, 'person.aNumber')!;
  assert.deepEqual(coerceAnswer(a, 'A123456789'), { ok: true, value: 'A123456789' });
  assert.deepEqual(coerceAnswer(a, '12'), { ok: false, problem: 'pattern' });
  const d = fieldSpec(schema, 'detention.startDate')!;
  assert.deepEqual(coerceAnswer(d, '2026-02-30'), { ok: false, problem: 'date' });
  assert.deepEqual(coerceAnswer(d, ' '), { ok: false, problem: 'required' });
  const dt = fieldSpec(schema, 'detention.releaseEligibleAt')!;
  assert.deepEqual(coerceAnswer(dt, '2026-01-15T17:00'), { ok: true, value: '2026-01-15T17:00' });
  const y = fieldSpec(schema, 'person.entryYear')!;
  assert.deepEqual(coerceAnswer(y, '2010'), { ok: true, value: 2010 });
  assert.deepEqual(coerceAnswer(y, '1800'), { ok: false, problem: 'range' });
  assert.deepEqual(coerceAnswer(y, 'abc'), { ok: false, problem: 'integer' });
  const m = fieldSpec(schema, 'enforcement.actions')!;
  assert.deepEqual(coerceAnswer(m, ['street_arrest', 'traffic_stop']), { ok: true, value: ['traffic_stop', 'street_arrest'] });
  assert.deepEqual(coerceAnswer(m, ['flying']), { ok: false, problem: 'option' });
});

test('coerceAnswer checks a real calendar date for date-times too', () => {
  const dt = fieldSpec(schema, 'detention.releasedAt')!;
  assert.equal(dt.kind, 'dateTime');
  assert.deepEqual(coerceAnswer(dt, '2026-01-15T17:00-05:00'), { ok: true, value: '2026-01-15T17:00-05:00' });
  assert.deepEqual(coerceAnswer(dt, 'soon'), { ok: false, problem: 'dateTime' });
});

test('a date-time on a day that does not exist is refused before it reaches the server', () => {
  const dt = fieldSpec(schema, 'detention.releasedAt')!;
  assert.deepEqual(coerceAnswer(dt, '2026-02-30T10:00'), { ok: false, problem: 'dateTime' });
});
