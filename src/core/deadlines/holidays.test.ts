import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { federalHolidays, isCourtDay, isLegalHoliday, legalHolidayOn, observedDate } from './holidays.ts';
import { isoFromParts, weekday } from './calendar-date.ts';

const table = (year: number) => federalHolidays(year).map((h) => `${h.date} ${h.id}`);

// Checked against 5 U.S.C. § 6103(a) (which Monday/Thursday) and the observed-day rule (Sat → Fri, Sun → Mon).
test('2024 legal holidays', () => {
  assert.deepEqual(table(2024), [
    '2024-01-01 new-years-day', '2024-01-15 mlk-birthday', '2024-02-19 washingtons-birthday', '2024-05-27 memorial-day',
    '2024-06-19 juneteenth', '2024-07-04 independence-day', '2024-09-02 labor-day', '2024-10-14 columbus-day',
    '2024-11-11 veterans-day', '2024-11-28 thanksgiving-day', '2024-12-25 christmas-day',
  ]);
});

test('2025 legal holidays', () => {
  assert.deepEqual(table(2025), [
    '2025-01-01 new-years-day', '2025-01-20 mlk-birthday', '2025-02-17 washingtons-birthday', '2025-05-26 memorial-day',
    '2025-06-19 juneteenth', '2025-07-04 independence-day', '2025-09-01 labor-day', '2025-10-13 columbus-day',
    '2025-11-11 veterans-day', '2025-11-27 thanksgiving-day', '2025-12-25 christmas-day',
  ]);
});

test('2026 legal holidays: July 4 is a Saturday, observed Friday July 3', () => {
  assert.deepEqual(table(2026), [
    '2026-01-01 new-years-day', '2026-01-19 mlk-birthday', '2026-02-16 washingtons-birthday', '2026-05-25 memorial-day',
    '2026-06-19 juneteenth', '2026-07-03 independence-day', '2026-09-07 labor-day', '2026-10-12 columbus-day',
    '2026-11-11 veterans-day', '2026-11-26 thanksgiving-day', '2026-12-25 christmas-day',
  ]);
  const j = federalHolidays(2026).find((h) => h.id === 'independence-day')!;
  assert.equal(j.statutoryDate, '2026-07-04');
  assert.equal(j.observed, true);
});

test('2027 legal holidays: Christmas (Sat) → Fri Dec 24; New Year 2028 (Sat) → Fri Dec 31, 2027', () => {
  assert.deepEqual(table(2027), [
    '2027-01-01 new-years-day', '2027-01-18 mlk-birthday', '2027-02-15 washingtons-birthday', '2027-05-31 memorial-day',
    '2027-06-18 juneteenth', '2027-07-05 independence-day', '2027-09-06 labor-day', '2027-10-11 columbus-day',
    '2027-11-11 veterans-day', '2027-11-25 thanksgiving-day', '2027-12-24 christmas-day', '2027-12-31 new-years-day',
  ]);
  assert.equal(legalHolidayOn('2027-12-31')!.statutoryDate, '2028-01-01');
  // The 2028 list does not repeat it, and Jan. 1, 2028 is still recognised as the statutory day (a Saturday anyway).
  assert.ok(!table(2028).some((x) => x.startsWith('2028-01-01') || x.startsWith('2027-')));
  assert.ok(isLegalHoliday('2028-01-01'));
  assert.ok(!isCourtDay('2027-12-31'));
});

test('Juneteenth: a holiday from 2021 (6(a)(6)(B) until Nov. 30, 2023), named in 6(a)(6)(A) from Dec. 1, 2023', () => {
  assert.ok(!isLegalHoliday('2020-06-19'));
  const y2021 = federalHolidays(2021).find((h) => h.id === 'juneteenth')!;
  assert.equal(y2021.date, '2021-06-18'); // June 19, 2021 was a Saturday
  assert.equal(y2021.basis, '6(a)(6)(B)');
  assert.equal(federalHolidays(2023).find((h) => h.id === 'juneteenth')!.basis, '6(a)(6)(B)');
  assert.equal(federalHolidays(2024).find((h) => h.id === 'juneteenth')!.basis, '6(a)(6)(A)');
});

test('observed dates: Saturday → Friday before, Sunday → Monday after', () => {
  assert.equal(observedDate('2026-07-04'), '2026-07-03');
  assert.equal(observedDate('2027-07-04'), '2027-07-05');
  assert.equal(observedDate('2026-12-25'), '2026-12-25');
});

test('state holidays (6(a)(6)(C)) count only for periods measured forward', () => {
  const extra = ['2026-03-31'];
  assert.ok(isCourtDay('2026-03-31'));
  assert.ok(!isCourtDay('2026-03-31', { direction: 'forward', extraHolidays: extra }));
  assert.ok(isCourtDay('2026-03-31', { direction: 'backward', extraHolidays: extra }));
});

test('property: every year has 11 holidays from 2021 (10 before), each observed on a weekday', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1986, max: 2198 }), (year) => {
      const ids = [year - 1, year, year + 1].flatMap((y) => federalHolidays(y)).filter((h) => Number(h.statutoryDate.slice(0, 4)) === year);
      assert.equal(ids.length, year >= 2021 ? 11 : 10);
      for (const h of federalHolidays(year)) {
        const wd = weekday(h.date);
        assert.ok(wd >= 1 && wd <= 5, `${h.date} ${h.id}`);
      }
    }),
  );
});

test('property: Thanksgiving is the fourth Thursday and Memorial Day the last Monday', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1986, max: 2199 }), (year) => {
      const t = federalHolidays(year).find((h) => h.id === 'thanksgiving-day')!.date;
      assert.equal(weekday(t), 4);
      const day = Number(t.slice(8));
      assert.ok(day >= 22 && day <= 28);
      const m = federalHolidays(year).find((h) => h.id === 'memorial-day')!.date;
      assert.equal(weekday(m), 1);
      assert.ok(Number(m.slice(8)) + 7 > 31);
      assert.equal(isoFromParts(year, 5, Number(m.slice(8))), m);
    }),
  );
});

test('days declared by the President or Congress: the data file is valid (and empty until one is added with its citation)', async () => {
  const { default: file } = await import('./holidays-declared.json', { with: { type: 'json' } });
  const days = (file as { days: Array<Record<string, any>> }).days;
  assert.ok(Array.isArray(days));
  for (const d of days) {
    assert.match(d.date, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(d.name?.en && d.name?.es, `${d.date} needs en and es names`);
    assert.ok(d.citation?.cite && d.citation?.url && d.citation?.verified_on, `${d.date} needs a citation`);
    assert.ok(isLegalHoliday(d.date));
  }
  assert.equal(days.length, 0, 'the legal spec names no declared day; adding one must come with its source (update this test)');
});

test('bad input to the holiday functions is a coded error, not a crash', () => {
  assert.throws(() => isLegalHoliday('garbage'), (e: any) => e.problem?.code === 'deadlines:errors.badDate');
  assert.throws(() => federalHolidays(1900), (e: any) => e.problem?.code === 'deadlines:errors.yearOutOfRange');
  assert.throws(() => federalHolidays(2026.5), (e: any) => e.problem?.code === 'deadlines:errors.yearOutOfRange');
});
