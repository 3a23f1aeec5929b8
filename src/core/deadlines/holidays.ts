/**
 * Legal holidays for computing time under FRCP 6(a)(6):
 *  (A) the days set aside by statute for the federal holidays (5 U.S.C. § 6103(a)), on their observed dates —
 *      a holiday on a Saturday is observed the Friday before, one on a Sunday the Monday after;
 *  (B) any day declared a holiday by the President or Congress (holidays-declared.json, empty until a day is
 *      added with its citation);
 *  (C) for periods measured after an event only, days declared a holiday by the state where the court sits —
 *      Writ ships no state table; callers pass them as `extraHolidays`.
 *
 * Year boundary: when Jan. 1 falls on a Saturday (e.g. 2028), the observed New Year's Day is Friday Dec. 31 of
 * the year before (2027-12-31), and it appears in that earlier year's list. See docs/deadlines.md.
 */
import declared from './holidays-declared.json' with { type: 'json' };
import { DeadlineInputError } from './errors.ts';
import {
  FIRST_SUPPORTED_YEAR,
  LAST_SUPPORTED_YEAR,
  addCalendarDays,
  assertIsoDate,
  daysInMonth,
  isoFromParts,
  isWeekend,
  weekday,
  type Weekday,
} from './calendar-date.ts';

export const FEDERAL_HOLIDAY_IDS = [
  'new-years-day',
  'mlk-birthday',
  'washingtons-birthday',
  'memorial-day',
  'juneteenth',
  'independence-day',
  'labor-day',
  'columbus-day',
  'veterans-day',
  'thanksgiving-day',
  'christmas-day',
] as const;
export type FederalHolidayId = (typeof FEDERAL_HOLIDAY_IDS)[number];

/** Juneteenth became a federal holiday in 2021; FRCP 6(a)(6)(A) names it from this date (SPEC § 5.5). */
export const JUNETEENTH_FIRST_YEAR = 2021;
export const JUNETEENTH_IN_FRCP_6A6A_FROM = '2023-12-01';

export interface Holiday {
  /** The day that is a legal holiday (the observed day). */
  date: string;
  /** Federal holiday id, or 'declared' for a day declared by the President or Congress, or 'extra' (state). */
  id: FederalHolidayId | 'declared' | 'extra';
  /** The statutory date (Jan. 1, July 4 …) when it differs from `date`. */
  statutoryDate: string;
  observed: boolean;
  /** Which part of FRCP 6(a)(6) makes it a legal holiday. */
  basis: '6(a)(6)(A)' | '6(a)(6)(B)' | '6(a)(6)(C)';
  /** Message code naming the holiday (namespace `deadlines`). */
  nameCode: string;
}

interface DeclaredDay {
  date: string;
  name: { en: string; es: string };
}
const DECLARED_DAYS: DeclaredDay[] = (declared as { days: DeclaredDay[] }).days;

function nthWeekday(year: number, month: number, wd: Weekday, n: number): string {
  const first = weekday(isoFromParts(year, month, 1));
  return isoFromParts(year, month, 1 + ((wd - first + 7) % 7) + (n - 1) * 7);
}

function lastWeekday(year: number, month: number, wd: Weekday): string {
  const lastDay = daysInMonth(year, month);
  const last = weekday(isoFromParts(year, month, lastDay));
  return isoFromParts(year, month, lastDay - ((last - wd + 7) % 7));
}

/** The statutory date of each federal holiday in a year (5 U.S.C. § 6103(a)). */
function statutoryDates(year: number): Array<[FederalHolidayId, string]> {
  const list: Array<[FederalHolidayId, string]> = [
    ['new-years-day', isoFromParts(year, 1, 1)],
    ['mlk-birthday', nthWeekday(year, 1, 1, 3)], // third Monday in January
    ['washingtons-birthday', nthWeekday(year, 2, 1, 3)], // third Monday in February
    ['memorial-day', lastWeekday(year, 5, 1)], // last Monday in May
    ['independence-day', isoFromParts(year, 7, 4)],
    ['labor-day', nthWeekday(year, 9, 1, 1)], // first Monday in September
    ['columbus-day', nthWeekday(year, 10, 1, 2)], // second Monday in October
    ['veterans-day', isoFromParts(year, 11, 11)],
    ['thanksgiving-day', nthWeekday(year, 11, 4, 4)], // fourth Thursday in November
    ['christmas-day', isoFromParts(year, 12, 25)],
  ];
  if (year >= JUNETEENTH_FIRST_YEAR) list.splice(4, 0, ['juneteenth', isoFromParts(year, 6, 19)]);
  return list;
}

/** Saturday → the Friday before; Sunday → the Monday after (5 U.S.C. § 6103, as the federal courts observe it). */
export function observedDate(statutory: string): string {
  const d = weekday(statutory);
  if (d === 6) return addCalendarDays(statutory, -1);
  if (d === 0) return addCalendarDays(statutory, 1);
  return statutory;
}

const byYear = new Map<number, Holiday[]>();

/**
 * Every legal holiday (6(a)(6)(A) and (B)) whose observed date falls in `year`, sorted by date. The observed
 * New Year's Day of year+1 is included when it falls on Dec. 31.
 */
export function federalHolidays(year: number): Holiday[] {
  const cached = byYear.get(year);
  if (cached) return cached;
  if (!Number.isInteger(year) || year < FIRST_SUPPORTED_YEAR - 1 || year > LAST_SUPPORTED_YEAR) {
    throw new DeadlineInputError('deadlines:errors.yearOutOfRange', { field: 'year', value: String(year), first: FIRST_SUPPORTED_YEAR, last: LAST_SUPPORTED_YEAR });
  }
  const out: Holiday[] = [];
  for (const y of [year, year + 1]) {
    if (y < FIRST_SUPPORTED_YEAR || y > LAST_SUPPORTED_YEAR + 1) continue;
    for (const [id, statutoryDate] of statutoryDates(y)) {
      const date = observedDate(statutoryDate);
      if (Number(date.slice(0, 4)) !== year) continue;
      const basis = id === 'juneteenth' && date < JUNETEENTH_IN_FRCP_6A6A_FROM ? '6(a)(6)(B)' : '6(a)(6)(A)';
      out.push({ date, id, statutoryDate, observed: date !== statutoryDate, basis, nameCode: `deadlines:holidays.${id}` });
    }
  }
  for (const d of DECLARED_DAYS) {
    if (Number(d.date.slice(0, 4)) === year) {
      out.push({ date: d.date, id: 'declared', statutoryDate: d.date, observed: false, basis: '6(a)(6)(B)', nameCode: 'deadlines:holidays.declared' });
    }
  }
  out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  byYear.set(year, out);
  return out;
}

/**
 * The legal holiday on a date, if any: an observed federal holiday, a day declared by the President or
 * Congress, or the statutory date itself (e.g. Saturday July 4, 2026 — also a Saturday, so never a court day).
 */
export function legalHolidayOn(iso: string): Holiday | undefined {
  assertIsoDate(iso);
  const year = Number(iso.slice(0, 4));
  const hit = federalHolidays(year).find((h) => h.date === iso);
  if (hit) return hit;
  return [...federalHolidays(year), ...federalHolidays(year - 1)].find((h) => h.statutoryDate === iso);
}

/** FRCP 6(a)(6)(A)–(B): is this date a legal holiday everywhere? (State holidays are the caller's `extraHolidays`.) */
export function isLegalHoliday(iso: string): boolean {
  return legalHolidayOn(iso) !== undefined;
}

export interface CourtDayOptions {
  /** 'forward' (measured after an event) or 'backward' (measured before an event). */
  direction?: 'forward' | 'backward';
  /** State holidays where the court sits (6(a)(6)(C)); they count only for periods measured forward. */
  extraHolidays?: readonly string[];
  /** Days the clerk's office was inaccessible (FRCP 6(a)(3)(A)): a last day on one extends to the next accessible court day. */
  inaccessibleDays?: readonly string[];
}

/** Why a date is not a court day, or undefined when it is one. */
export function nonCourtDayReason(
  iso: string,
  options: CourtDayOptions = {},
): { kind: 'saturday' | 'sunday' | 'inaccessible' } | { kind: 'holiday'; holiday: Holiday } | undefined {
  const wd = weekday(iso);
  if (wd === 6) return { kind: 'saturday' };
  if (wd === 0) return { kind: 'sunday' };
  const holiday = legalHolidayOn(iso);
  if (holiday) return { kind: 'holiday', holiday };
  if ((options.direction ?? 'forward') === 'forward' && options.extraHolidays?.includes(iso)) {
    return {
      kind: 'holiday',
      holiday: { date: iso, id: 'extra', statutoryDate: iso, observed: false, basis: '6(a)(6)(C)', nameCode: 'deadlines:holidays.extra' },
    };
  }
  if ((options.direction ?? 'forward') === 'forward' && options.inaccessibleDays?.includes(iso)) return { kind: 'inaccessible' };
  return undefined;
}

/** Not a Saturday, Sunday or legal holiday (FRCP 6(a)(1)(C)). */
export function isCourtDay(iso: string, options: CourtDayOptions = {}): boolean {
  return !isWeekend(iso) && nonCourtDayReason(iso, options) === undefined;
}
