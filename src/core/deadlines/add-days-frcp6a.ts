/**
 * FRCP 6(a)(1) for periods stated in days or a longer unit:
 *  (A) exclude the day of the event that triggers the period;
 *  (B) count every day, including intermediate Saturdays, Sundays and legal holidays;
 *  (C) include the last day, but if it is a Saturday, Sunday or legal holiday, the period runs until the end of
 *      the next day that is none of those — "next" counted backward for periods measured before an event (6(a)(5)).
 * Months and years run to the same day of the month (the month's last day when it is shorter).
 */
import type { Message } from '../../i18n/i18n.ts';
import { addCalendarDays, addCalendarMonths, assertIsoDate, dateParam } from './calendar-date.ts';
import { DeadlineInputError } from './errors.ts';
import { isCourtDay, nonCourtDayReason, type CourtDayOptions } from './holidays.ts';

export type Direction = 'forward' | 'backward';
export type CalendarUnit = 'days' | 'months' | 'years';

export interface CountOptions {
  direction?: Direction;
  /** State holidays where the court sits (FRCP 6(a)(6)(C)); used only for periods measured forward. */
  extraHolidays?: readonly string[];
  /** Days the clerk's office was inaccessible (FRCP 6(a)(3)(A)); used only for periods measured forward. */
  inaccessibleDays?: readonly string[];
  /** Apply 6(a)(1)(C) rolling (default true). Off for dates that are not a last day to act (eligibility dates). */
  roll?: boolean;
}

export interface CountResult {
  /** The last day, after rolling. */
  date: string;
  /** The day the count reached, before rolling. */
  counted: string;
  rolled: boolean;
  steps: Message[];
}

const MAX_AMOUNT: Record<CalendarUnit, number> = { days: 36_600, months: 1_200, years: 100 };

function assertAmount(amount: number, unit: CalendarUnit): void {
  if (!Number.isInteger(amount) || amount < 0 || amount > MAX_AMOUNT[unit]) {
    throw new DeadlineInputError('deadlines:errors.badPeriod', { value: String(amount), unit, max: MAX_AMOUNT[unit] });
  }
}

/**
 * Moves a counted last day that is not a court day to the next court day (forward or backward), with one step
 * per skipped day. Also used for hour-based periods and chained periods.
 */
export function rollToCourtDay(
  iso: string,
  options: CourtDayOptions & { direction?: Direction },
): { date: string; steps: Message[] } {
  const direction = options.direction ?? 'forward';
  const step = direction === 'forward' ? 1 : -1;
  const steps: Message[] = [];
  let d = iso;
  for (let guard = 0; !isCourtDay(d, options); guard++) {
    if (guard > 366) throw new DeadlineInputError('deadlines:errors.noCourtDay', { date: iso }); // only with a year of closed days
    const why = nonCourtDayReason(d, options);
    if (why?.kind === 'holiday') {
      steps.push({ code: 'deadlines:steps.skipHoliday', params: { date: dateParam(d), holiday: why.holiday.nameCode.split('.').pop()! } });
    } else if (why?.kind === 'inaccessible') {
      steps.push({ code: 'deadlines:steps.skipInaccessible', params: { date: dateParam(d) } });
    } else {
      steps.push({ code: why?.kind === 'saturday' ? 'deadlines:steps.skipSaturday' : 'deadlines:steps.skipSunday', params: { date: dateParam(d) } });
    }
    d = addCalendarDays(d, step);
  }
  if (steps.length) {
    steps.push({ code: direction === 'forward' ? 'deadlines:steps.nextCourtDay' : 'deadlines:steps.previousCourtDay', params: { date: dateParam(d) } });
  }
  return { date: d, steps };
}

/** Counts a period of days, months or years from a trigger date under FRCP 6(a)(1). */
export function addPeriodFrcp6a(start: string, amount: number, unit: CalendarUnit, options: CountOptions = {}): CountResult {
  assertIsoDate(start, 'from');
  assertAmount(amount, unit);
  for (const h of options.extraHolidays ?? []) assertIsoDate(h, 'extraHolidays');
  for (const h of options.inaccessibleDays ?? []) assertIsoDate(h, 'inaccessibleDays');
  const direction = options.direction ?? 'forward';
  const sign = direction === 'forward' ? 1 : -1;
  const counted =
    unit === 'days'
      ? addCalendarDays(start, sign * amount)
      : addCalendarMonths(start, sign * amount * (unit === 'years' ? 12 : 1));
  const steps: Message[] = [
    { code: 'deadlines:steps.excludeTrigger', params: { date: dateParam(start) } },
    {
      code: `deadlines:steps.counted.${unit}.${direction}`,
      params: { n: amount, date: dateParam(counted) },
    },
  ];
  if (options.roll === false) return { date: counted, counted, rolled: false, steps };
  const rolled = rollToCourtDay(counted, {
    direction,
    extraHolidays: options.extraHolidays ?? [],
    inaccessibleDays: options.inaccessibleDays ?? [],
  });
  if (direction === 'backward' && options.extraHolidays?.length) {
    steps.push({ code: 'deadlines:steps.stateHolidaysForwardOnly' });
  }
  steps.push(...rolled.steps);
  return { date: rolled.date, counted, rolled: rolled.date !== counted, steps };
}

/** `addPeriodFrcp6a` for days: `addDaysFrcp6a('2026-03-02', 90).date === '2026-06-01'`. */
export function addDaysFrcp6a(start: string, days: number, options: CountOptions = {}): CountResult {
  return addPeriodFrcp6a(start, days, 'days', options);
}
