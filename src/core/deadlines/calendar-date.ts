/**
 * Calendar dates as ISO strings ('2026-03-02'), computed on UTC day numbers so that no local time zone can
 * shift a date. Every deadline is counted on these; time of day only matters for hour-based periods.
 */
import { DeadlineInputError } from './errors.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Writ's holiday rules are complete from 1986 (first Martin Luther King Jr. Day) on. */
export const FIRST_SUPPORTED_YEAR = 1986;
export const LAST_SUPPORTED_YEAR = 2199;

export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6; // 0 = Sunday

/** True for a real calendar date written YYYY-MM-DD (2026-02-30 is false). */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

/** Checks a date argument: a clear error naming the format and the supported years, never a crash. */
export function assertIsoDate(s: unknown, field = 'date'): string {
  if (!isIsoDate(s)) {
    throw new DeadlineInputError('deadlines:errors.badDate', { field, value: String(s) });
  }
  const y = Number(s.slice(0, 4));
  if (y < FIRST_SUPPORTED_YEAR || y > LAST_SUPPORTED_YEAR) {
    throw new DeadlineInputError('deadlines:errors.yearOutOfRange', {
      field,
      value: s,
      first: FIRST_SUPPORTED_YEAR,
      last: LAST_SUPPORTED_YEAR,
    });
  }
  return s;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01 (UTC day number). */
export function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
}

export function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function isoFromParts(year: number, month: number, day: number): string {
  return fromDayNumber(Date.UTC(year, month - 1, day) / DAY_MS);
}

export function addCalendarDays(iso: string, days: number): string {
  return fromDayNumber(dayNumber(iso) + days);
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

export function weekday(iso: string): Weekday {
  return new Date(dayNumber(iso) * DAY_MS).getUTCDay() as Weekday;
}

export function isWeekend(iso: string): boolean {
  const d = weekday(iso);
  return d === 0 || d === 6;
}

/**
 * Adds calendar months: the same day of the month N months later; when that month is shorter, its last day
 * (Aug. 31 + 6 months = Feb. 28, or 29 in a leap year). Years are 12 months.
 */
export function addCalendarMonths(iso: string, months: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) - 1 + months;
  const d = Number(iso.slice(8, 10));
  const ty = y + Math.floor(m / 12);
  const tm = (((m % 12) + 12) % 12) + 1;
  return isoFromParts(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}

/** Epoch milliseconds at UTC midnight of the date: the form i18n date formatting takes (`{{date, datetime…}}`). */
export function dateParam(iso: string): number {
  return dayNumber(iso) * DAY_MS;
}
