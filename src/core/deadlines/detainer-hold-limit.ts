/**
 * The regulatory limit of a detainer hold (8 C.F.R. § 287.7(d)): at most 48 hours beyond the time the person
 * would otherwise be released, excluding Saturdays, Sundays and holidays. Hours are counted only on days that
 * are not Saturdays, Sundays or federal legal holidays, in the local time of the place of detention (SPEC § 2.4):
 * released-eligible Thursday 5 p.m. → Monday 5 p.m. (Tuesday 5 p.m. if Monday is a holiday).
 */
import type { Message } from '../../i18n/i18n.ts';
import { fromDayNumber, isWeekend } from './calendar-date.ts';
import { DeadlineInputError } from './errors.ts';
import { legalHolidayOn } from './holidays.ts';
import { instantParam, localDateTime } from './add-hours-frcp6a.ts';
import { formatInstant, fromLocalMs, parseDateTime, toLocalMs, type Zone } from './time-zones.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
export const DETAINER_HOLD_HOURS = 48;

export interface DetainerHoldLimit {
  releaseEligibleAt: string;
  /** The limit instant, ISO with the zone's offset. */
  limitAt: string;
  limitDate: string;
  limitTime: string;
  zone: Zone;
  usedFixedOffset: boolean;
  /** Clock hours from release eligibility to the limit (SPEC: show these beside the regulatory limit). */
  elapsedHours: number;
  /** Local days not counted (Saturdays, Sundays, holidays). */
  excludedDays: string[];
  /** With `asOf`: clock hours held so far, and whether the limit has passed. */
  heldHours?: number;
  pastLimit?: boolean;
  steps: Message[];
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * @param releaseEligibleAt when the person would otherwise have gone free: '2026-03-05T17:00-06:00', or a
 *   local '2026-03-05T17:00' with `timeZone`.
 * @param options.timeZone IANA zone of the place of detention (recommended; an offset alone ignores daylight time).
 * @param options.asOf an instant (e.g. now, supplied by the caller) to report hours held so far.
 */
export function detainerHoldLimit(
  releaseEligibleAt: string,
  options: { timeZone?: string; asOf?: string } = {},
): DetainerHoldLimit {
  const { ms: start, zone, usedFixedOffset } = parseDateTime(releaseEligibleAt, options.timeZone);
  const steps: Message[] = [
    { code: 'deadlines:steps.detainerStart', params: { at: instantParam(start, zone), zone: zone.name, n: DETAINER_HOLD_HOURS } },
  ];
  const excludedDays: string[] = [];
  let remaining = DETAINER_HOLD_HOURS * HOUR_MS;
  let t = start;
  let end = start;
  for (let guard = 0; remaining > 0; guard++) {
    if (guard > 60) throw new Error('detainer count did not finish'); // cannot happen: at most a few days are excluded
    const localT = toLocalMs(t, zone);
    const dayNo = Math.floor(localT / DAY_MS);
    const date = fromDayNumber(dayNo);
    const nextMidnight = fromLocalMs((dayNo + 1) * DAY_MS, zone);
    const holiday = legalHolidayOn(date);
    if (isWeekend(date) || holiday) {
      excludedDays.push(date);
      steps.push(
        holiday && !isWeekend(date)
          ? { code: 'deadlines:steps.detainerSkipHoliday', params: { date: dayNo * DAY_MS, holiday: holiday.nameCode.split('.').pop()! } }
          : { code: 'deadlines:steps.detainerSkipWeekend', params: { date: dayNo * DAY_MS } },
      );
    } else {
      const take = Math.min(remaining, nextMidnight - t);
      remaining -= take;
      end = t + take;
      steps.push({
        code: 'deadlines:steps.detainerCountedDay',
        params: { date: dayNo * DAY_MS, hours: round2(take / HOUR_MS), total: round2((DETAINER_HOLD_HOURS * HOUR_MS - remaining) / HOUR_MS) },
      });
    }
    t = nextMidnight;
  }
  steps.push({ code: 'deadlines:steps.detainerLimit', params: { at: instantParam(end, zone), zone: zone.name, elapsed: round2((end - start) / HOUR_MS) } });
  const local = localDateTime(end, zone);
  const out: DetainerHoldLimit = {
    releaseEligibleAt: formatInstant(start, zone),
    limitAt: formatInstant(end, zone),
    limitDate: local.date,
    limitTime: local.time,
    zone,
    usedFixedOffset,
    elapsedHours: round2((end - start) / HOUR_MS),
    excludedDays,
    steps,
  };
  if (options.asOf !== undefined) {
    let asOf: number;
    try {
      asOf = parseDateTime(options.asOf, options.timeZone ?? (zone.fixedOffsetMinutes === undefined ? zone.name : undefined)).ms;
    } catch (e) {
      if (e instanceof DeadlineInputError) throw new DeadlineInputError('deadlines:errors.badAsOf', { value: options.asOf });
      throw e;
    }
    out.heldHours = round2(Math.max(0, asOf - start) / HOUR_MS);
    out.pastLimit = asOf > end;
    steps.push({
      code: out.pastLimit ? 'deadlines:steps.detainerPastLimit' : 'deadlines:steps.detainerWithinLimit',
      params: { at: instantParam(asOf, zone), zone: zone.name, held: out.heldHours },
    });
  }
  return out;
}
