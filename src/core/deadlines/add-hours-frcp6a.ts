/**
 * FRCP 6(a)(2) for periods stated in hours: begin counting immediately on the triggering event, count every
 * hour (weekends and holidays included), and if the period would end on a Saturday, Sunday or legal holiday,
 * it runs until the same time on the next day that is none of those. Local days are those of the court's zone.
 */
import type { Message } from '../../i18n/i18n.ts';
import { assertIsoDate, dayNumber, fromDayNumber } from './calendar-date.ts';
import { rollToCourtDay } from './add-days-frcp6a.ts';
import { DeadlineInputError } from './errors.ts';
import { formatInstant, fromLocalMs, parseDateTime, toLocalMs, type Zone } from './time-zones.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export interface HoursResult {
  /** The end instant, ISO with the zone's offset. */
  at: string;
  /** Local date and time (HH:MM) of the end. */
  date: string;
  time: string;
  zone: Zone;
  startAt: string;
  /** Local date the count reached, before any rolling. */
  countedDate: string;
  steps: Message[];
  usedFixedOffset: boolean;
}

/** A local wall-clock instant as an i18n date parameter (rendered in UTC, so it shows the local clock). */
export function instantParam(ms: number, zone: Zone): number {
  return toLocalMs(ms, zone);
}

export function localDateTime(ms: number, zone: Zone): { date: string; time: string } {
  const iso = new Date(toLocalMs(ms, zone)).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

export function addHoursFrcp6a(
  trigger: string,
  hours: number,
  options: { timeZone?: string; extraHolidays?: readonly string[] } = {},
): HoursResult {
  if (!Number.isInteger(hours) || hours < 0 || hours > 24 * 366) {
    throw new DeadlineInputError('deadlines:errors.badPeriod', { value: String(hours), unit: 'hours', max: 24 * 366 });
  }
  for (const h of options.extraHolidays ?? []) assertIsoDate(h, 'extraHolidays');
  const { ms, zone, usedFixedOffset } = parseDateTime(trigger, options.timeZone);
  const end = ms + hours * HOUR_MS;
  const steps: Message[] = [
    { code: 'deadlines:steps.hoursStart', params: { at: instantParam(ms, zone), zone: zone.name } },
    { code: 'deadlines:steps.countedHours', params: { n: hours, at: instantParam(end, zone), zone: zone.name } },
  ];
  const endLocal = toLocalMs(end, zone);
  const endDate = fromDayNumber(Math.floor(endLocal / DAY_MS));
  const rolled = rollToCourtDay(endDate, { direction: 'forward', extraHolidays: options.extraHolidays ?? [] });
  let final = end;
  if (rolled.date !== endDate) {
    final = fromLocalMs(dayNumber(rolled.date) * DAY_MS + (endLocal - dayNumber(endDate) * DAY_MS), zone);
    steps.push(...rolled.steps.slice(0, -1));
    steps.push({ code: 'deadlines:steps.sameTimeNextCourtDay', params: { at: instantParam(final, zone), zone: zone.name } });
  }
  const local = localDateTime(final, zone);
  return { at: formatInstant(final, zone), ...local, zone, startAt: formatInstant(ms, zone), countedDate: endDate, steps, usedFixedOffset };
}
