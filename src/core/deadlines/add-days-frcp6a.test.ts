import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDaysFrcp6a, addPeriodFrcp6a } from './add-days-frcp6a.ts';
import { addCalendarDays, daysBetween, fromDayNumber, dayNumber } from './calendar-date.ts';
import { isCourtDay } from './holidays.ts';
import { DeadlineInputError } from './errors.ts';

const codes = (steps: { code: string }[]) => steps.map((s) => s.code.replace('deadlines:steps.', ''));

test('SPEC § 5.5: complaint Mon Mar 2, 2026 + 90 days = Sun May 31 → Mon June 1, 2026', () => {
  const r = addDaysFrcp6a('2026-03-02', 90);
  assert.equal(r.counted, '2026-05-31');
  assert.equal(r.date, '2026-06-01');
  assert.equal(r.rolled, true);
  assert.deepEqual(codes(r.steps), ['excludeTrigger', 'counted.days.forward', 'skipSunday', 'nextCourtDay']);
});

test('SPEC § 5.5: USAO served Mon June 1, 2026 + 60 days = Fri July 31, 2026 (no roll)', () => {
  const r = addDaysFrcp6a('2026-06-01', 60);
  assert.equal(r.date, '2026-07-31');
  assert.equal(r.rolled, false);
  assert.deepEqual(codes(r.steps), ['excludeTrigger', 'counted.days.forward']);
});

test('SPEC § 5.5: a last day on Fri June 19, 2026 (Juneteenth) → Mon June 22, 2026', () => {
  const r = addDaysFrcp6a('2026-06-05', 14);
  assert.equal(r.counted, '2026-06-19');
  assert.equal(r.date, '2026-06-22');
  assert.deepEqual(codes(r.steps), ['excludeTrigger', 'counted.days.forward', 'skipHoliday', 'skipSaturday', 'skipSunday', 'nextCourtDay']);
  assert.equal(r.steps[2]!.params!.holiday, 'juneteenth');
});

test('SPEC § 1.3 / F1 and F2: interview Sept 10, 2025 + 120 = Thu Jan 8, 2026; N-336 decision Jan 15, 2026 + 120 = Fri May 15, 2026', () => {
  assert.equal(addDaysFrcp6a('2025-09-10', 120).date, '2026-01-08');
  assert.equal(addDaysFrcp6a('2026-01-15', 120).date, '2026-05-15');
});

test('a Saturday observed holiday: counted to Fri July 3, 2026 → Mon July 6', () => {
  assert.equal(addDaysFrcp6a('2026-06-03', 30).date, '2026-07-06');
});

test('three non-court days in a row: Sat Oct 10, 2026 → Mon Oct 12 is Columbus Day → Tue Oct 13', () => {
  const r = addDaysFrcp6a('2026-09-10', 30);
  assert.equal(r.counted, '2026-10-10');
  assert.equal(r.date, '2026-10-13');
});

test('Dec. 31, 2027 (observed New Year 2028) is not a court day: a last day then runs to Mon Jan 3, 2028', () => {
  assert.equal(addDaysFrcp6a('2027-12-01', 30).date, '2028-01-03');
});

test('backward periods roll backward (6(a)(5)): 8 days before Mon June 8, 2026 = Sun May 31 → Fri May 29', () => {
  const r = addDaysFrcp6a('2026-06-08', 8, { direction: 'backward' });
  assert.equal(r.counted, '2026-05-31');
  assert.equal(r.date, '2026-05-29');
  assert.deepEqual(codes(r.steps), ['excludeTrigger', 'counted.days.backward', 'skipSunday', 'skipSaturday', 'previousCourtDay']);
});

test('backward over an observed holiday: 7 days before Fri July 10, 2026 = Fri July 3 (holiday) → Thu July 2', () => {
  assert.equal(addDaysFrcp6a('2026-07-10', 7, { direction: 'backward' }).date, '2026-07-02');
});

test('state holidays extend forward periods only (6(a)(6)(C))', () => {
  assert.equal(addDaysFrcp6a('2026-03-21', 10).date, '2026-03-31');
  assert.equal(addDaysFrcp6a('2026-03-21', 10, { extraHolidays: ['2026-03-31'] }).date, '2026-04-01');
  const back = addDaysFrcp6a('2026-04-10', 10, { direction: 'backward', extraHolidays: ['2026-03-31'] });
  assert.equal(back.date, '2026-03-31');
  assert.ok(codes(back.steps).includes('stateHolidaysForwardOnly'));
});

test('months and years: Aug 31, 2025 + 6 months = Sat Feb 28, 2026 → Mon Mar 2; eligibility dates do not roll', () => {
  assert.equal(addPeriodFrcp6a('2025-08-31', 6, 'months').date, '2026-03-02');
  assert.equal(addPeriodFrcp6a('2025-08-31', 6, 'months', { roll: false }).date, '2026-02-28');
  assert.equal(addPeriodFrcp6a('2024-02-29', 2, 'years').counted, '2026-02-28');
});

test('bad input is a coded error, not a crash', () => {
  const code = (f: () => unknown) => {
    try { f(); } catch (e) { return (e as DeadlineInputError).problem.code; }
    return 'no error';
  };
  assert.equal(code(() => addDaysFrcp6a('2026-02-30', 5)), 'deadlines:errors.badDate');
  assert.equal(code(() => addDaysFrcp6a('2026-03-02', -5)), 'deadlines:errors.badPeriod');
  assert.equal(code(() => addDaysFrcp6a('2026-03-02', 1.5)), 'deadlines:errors.badPeriod');
  assert.equal(code(() => addDaysFrcp6a('2026-03-02', 5, { extraHolidays: ['March 31'] })), 'deadlines:errors.badDate');
});

const anyDate = fc.integer({ min: dayNumber('1990-01-01'), max: dayNumber('2150-12-31') }).map(fromDayNumber);

test('property: forward results are court days, at or after start + n, and every day skipped was not a court day', () => {
  fc.assert(
    fc.property(anyDate, fc.integer({ min: 0, max: 400 }), (start, n) => {
      const r = addDaysFrcp6a(start, n);
      assert.ok(isCourtDay(r.date), r.date);
      assert.equal(r.counted, addCalendarDays(start, n));
      const extra = daysBetween(r.counted, r.date);
      assert.ok(extra >= 0 && extra <= 3, `${start}+${n}: rolled ${extra} days`);
      for (let d = r.counted; d < r.date; d = addCalendarDays(d, 1)) assert.ok(!isCourtDay(d), d);
    }),
  );
});

test('property: backward results are court days, at or before start − n, skipping only non-court days', () => {
  fc.assert(
    fc.property(anyDate, fc.integer({ min: 0, max: 400 }), (start, n) => {
      const r = addDaysFrcp6a(start, n, { direction: 'backward' });
      assert.ok(isCourtDay(r.date), r.date);
      assert.ok(daysBetween(r.date, addCalendarDays(start, -n)) >= 0);
      for (let d = r.counted; d > r.date; d = addCalendarDays(d, -1)) assert.ok(!isCourtDay(d), d);
    }),
  );
});

test('property: a later trigger never gives an earlier deadline (monotone)', () => {
  fc.assert(
    fc.property(anyDate, fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 200 }), (start, gap, n) => {
      const a = addDaysFrcp6a(start, n).date;
      const b = addDaysFrcp6a(addCalendarDays(start, gap), n).date;
      assert.ok(b >= a);
    }),
  );
});

test('an inaccessible clerk\'s office on the last day extends to the next accessible court day (6(a)(3)(A))', () => {
  const r = addDaysFrcp6a('2026-06-01', 60, { inaccessibleDays: ['2026-07-31'] });
  assert.equal(r.date, '2026-08-03');
  assert.deepEqual(codes(r.steps), ['excludeTrigger', 'counted.days.forward', 'skipInaccessible', 'skipSaturday', 'skipSunday', 'nextCourtDay']);
  // An inaccessible day that is not the last day changes nothing.
  assert.equal(addDaysFrcp6a('2026-06-01', 60, { inaccessibleDays: ['2026-07-30'] }).date, '2026-07-31');
});

test('a year of closed days is a coded error, not an endless loop or a crash', () => {
  const closed = Array.from({ length: 400 }, (_, i) => addCalendarDays('2026-07-31', i));
  assert.throws(() => addDaysFrcp6a('2026-06-01', 60, { inaccessibleDays: closed }), (e: unknown) => (e as DeadlineInputError).problem.code === 'deadlines:errors.noCourtDay');
});
