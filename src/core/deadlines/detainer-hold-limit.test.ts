import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { detainerHoldLimit } from './detainer-hold-limit.ts';
import { isLegalHoliday } from './holidays.ts';
import { DeadlineInputError } from './errors.ts';

const CHI = { timeZone: 'America/Chicago' };

test('SPEC § 2.4: release-eligible Thursday 5 p.m. → limit Monday 5 p.m.', () => {
  const r = detainerHoldLimit('2026-10-15T17:00', CHI);
  assert.equal(r.limitAt, '2026-10-19T17:00:00-05:00');
  assert.equal(r.limitTime, '17:00');
  assert.deepEqual(r.excludedDays, ['2026-10-17', '2026-10-18']);
  assert.equal(r.elapsedHours, 96);
});

test('SPEC § 2.4: with a Monday holiday → Tuesday 5 p.m. (Thu Feb 12, 2026; Mon Feb 16 is Washington\'s Birthday)', () => {
  const r = detainerHoldLimit('2026-02-12T17:00-06:00', CHI);
  assert.equal(r.limitAt, '2026-02-17T17:00:00-06:00');
  assert.deepEqual(r.excludedDays, ['2026-02-14', '2026-02-15', '2026-02-16']);
  assert.equal(r.elapsedHours, 120);
});

test('across the spring daylight-saving change the limit is Monday 5 p.m. local, 95 clock hours later', () => {
  const r = detainerHoldLimit('2026-03-05T17:00', CHI);
  assert.equal(r.limitAt, '2026-03-09T17:00:00-05:00');
  assert.equal(r.elapsedHours, 95);
});

test('F6: still held Friday 11 p.m. — 30 hours held, within the limit; Tuesday morning — past it', () => {
  const within = detainerHoldLimit('2026-10-15T17:00', { ...CHI, asOf: '2026-10-16T23:00' });
  assert.equal(within.heldHours, 30);
  assert.equal(within.pastLimit, false);
  const past = detainerHoldLimit('2026-10-15T17:00', { ...CHI, asOf: '2026-10-20T09:00-05:00' });
  assert.equal(past.pastLimit, true);
  assert.equal(past.steps.at(-1)!.code, 'deadlines:steps.detainerPastLimit');
});

test('release-eligible on a Saturday: counting starts Monday 0:00 and ends at Wednesday 0:00', () => {
  assert.equal(detainerHoldLimit('2026-10-17T10:00', CHI).limitAt, '2026-10-21T00:00:00-05:00');
});

test('an offset without a zone name is used as a fixed offset', () => {
  const r = detainerHoldLimit('2026-10-15T17:00-05:00');
  assert.equal(r.usedFixedOffset, true);
  assert.equal(r.limitAt, '2026-10-19T17:00:00-05:00');
});

test('bad input: no offset and no zone, unknown zone, impossible time', () => {
  const code = (f: () => unknown) => {
    try { f(); } catch (e) { return (e as DeadlineInputError).problem.code; }
    return 'no error';
  };
  assert.equal(code(() => detainerHoldLimit('2026-10-15T17:00')), 'deadlines:errors.needTimeZone');
  assert.equal(code(() => detainerHoldLimit('2026-10-15T17:00', { timeZone: 'Mars/Olympus' })), 'deadlines:errors.badTimeZone');
  assert.equal(code(() => detainerHoldLimit('2026-10-15T25:00-05:00')), 'deadlines:errors.badDateTime');
  assert.equal(code(() => detainerHoldLimit('Thursday 5pm', CHI)), 'deadlines:errors.badDateTime');
  assert.equal(code(() => detainerHoldLimit('2026-10-15T17:00', { ...CHI, asOf: 'now' })), 'deadlines:errors.badAsOf');
});

/** The SPEC § 2.4 reference algorithm, minute by minute, in the court's zone: the oracle for the fast version. */
function specAlgorithm(startMs: number, timeZone: string): number {
  const fmt = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short' });
  let remaining = 48 * 60;
  let t = startMs;
  while (remaining > 0) {
    t += 60_000;
    // The minute (t − 1 min, t] belongs to the local day of its start.
    const parts = Object.fromEntries(fmt.formatToParts(new Date(t - 60_000)).map((p) => [p.type, p.value]));
    const ymd = `${parts.year}-${parts.month}-${parts.day}`;
    if (parts.weekday !== 'Sat' && parts.weekday !== 'Sun' && !isLegalHoliday(ymd)) remaining--;
  }
  return t;
}

test('property: the day-segment count equals the SPEC minute-by-minute algorithm', () => {
  const start = Date.UTC(2025, 0, 1);
  const end = Date.UTC(2028, 0, 1);
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: Math.floor((end - start) / 900_000) }).map((q) => start + q * 900_000),
      fc.constantFrom('America/Chicago', 'America/New_York', 'America/Los_Angeles', 'America/Phoenix'),
      (ms, tz) => {
        const iso = new Date(ms).toISOString().slice(0, 16) + 'Z';
        const r = detainerHoldLimit(iso, { timeZone: tz });
        assert.equal(Date.parse(r.limitAt), specAlgorithm(ms, tz), `${iso} ${tz}`);
      },
    ),
    { numRuns: 10 },
  );
});
