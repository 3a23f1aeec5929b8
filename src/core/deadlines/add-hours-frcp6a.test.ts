import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addHoursFrcp6a } from './add-hours-frcp6a.ts';

test('FRCP 6(a)(2): hours count through weekends; an end on a Saturday runs to the same time Monday', () => {
  const r = addHoursFrcp6a('2026-10-16T10:00', 24, { timeZone: 'America/New_York' });
  assert.equal(r.at, '2026-10-19T10:00:00-04:00');
  assert.deepEqual(r.steps.map((s) => s.code.split('.').pop()), ['hoursStart', 'countedHours', 'skipSaturday', 'skipSunday', 'sameTimeNextCourtDay']);
});

test('an end on a legal holiday (Fri July 3, 2026, observed Independence Day) runs to Mon July 6, same time', () => {
  assert.equal(addHoursFrcp6a('2026-07-02T10:00-05:00', 24, { timeZone: 'America/Chicago' }).at, '2026-07-06T10:00:00-05:00');
});

test('an end on a court day is not moved; every hour counts, including a weekend', () => {
  const r = addHoursFrcp6a('2026-10-16T10:00-04:00', 72, { timeZone: 'America/New_York' });
  assert.equal(r.at, '2026-10-19T10:00:00-04:00');
  assert.equal(r.steps.length, 2);
});
