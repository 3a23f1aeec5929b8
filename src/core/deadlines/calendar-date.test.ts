import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addCalendarDays, addCalendarMonths, assertIsoDate, daysBetween, isIsoDate, weekday } from './calendar-date.ts';
import { DeadlineInputError } from './errors.ts';

test('isIsoDate accepts real dates only', () => {
  assert.ok(isIsoDate('2026-03-02'));
  assert.ok(isIsoDate('2024-02-29'));
  assert.ok(!isIsoDate('2026-02-29'));
  assert.ok(!isIsoDate('2026-13-01'));
  assert.ok(!isIsoDate('03/02/2026'));
  assert.ok(!isIsoDate('2026-3-2'));
  assert.ok(!isIsoDate(20260302));
});

test('assertIsoDate gives a coded error naming the field and value', () => {
  assert.throws(() => assertIsoDate('2026-02-30', 'from'), (e: unknown) => {
    assert.ok(e instanceof DeadlineInputError);
    assert.equal(e.problem.code, 'deadlines:errors.badDate');
    assert.deepEqual(e.problem.params, { field: 'from', value: '2026-02-30' });
    return true;
  });
  assert.throws(() => assertIsoDate('1900-01-01'), (e: unknown) => (e as DeadlineInputError).problem.code === 'deadlines:errors.yearOutOfRange');
});

test('day arithmetic is calendar arithmetic (no time-zone or daylight-saving drift)', () => {
  assert.equal(addCalendarDays('2026-03-02', 90), '2026-05-31');
  assert.equal(addCalendarDays('2026-03-07', 2), '2026-03-09'); // across the US daylight-saving change
  assert.equal(addCalendarDays('2026-01-01', -1), '2025-12-31');
  assert.equal(daysBetween('2025-09-10', '2026-01-08'), 120);
  assert.equal(weekday('2026-05-31'), 0);
  assert.equal(weekday('2026-06-19'), 5);
});

test('months keep the day of the month, or the last day of a shorter month', () => {
  assert.equal(addCalendarMonths('2026-03-02', 6), '2026-09-02');
  assert.equal(addCalendarMonths('2025-08-31', 6), '2026-02-28');
  assert.equal(addCalendarMonths('2023-08-31', 6), '2024-02-29');
  assert.equal(addCalendarMonths('2024-02-29', 24), '2026-02-28');
  assert.equal(addCalendarMonths('2026-03-31', -1), '2026-02-28');
  assert.equal(addCalendarMonths('2026-11-15', 2), '2027-01-15');
});
