/**
 * Time zones for hour-based periods: the court's IANA zone (e.g. 'America/Chicago'), offsets from `Intl`.
 * A state → zone table covers the usual case; states that span zones are marked, and the court's own zone
 * (its district or division) should then be passed explicitly as `timeZone`.
 */
import { DeadlineInputError } from './errors.ts';

export interface StateTimeZone {
  /** The zone of most of the state's population and courts. */
  timeZone: string;
  /** Other zones used in part of the state (the court may sit in one of them). */
  otherZones?: string[];
}

export const STATE_TIME_ZONES: Readonly<Record<string, StateTimeZone>> = {
  AL: { timeZone: 'America/Chicago' },
  AK: { timeZone: 'America/Anchorage', otherZones: ['America/Adak'] },
  AZ: { timeZone: 'America/Phoenix', otherZones: ['America/Denver'] }, // Navajo Nation observes daylight time
  AR: { timeZone: 'America/Chicago' },
  CA: { timeZone: 'America/Los_Angeles' },
  CO: { timeZone: 'America/Denver' },
  CT: { timeZone: 'America/New_York' },
  DE: { timeZone: 'America/New_York' },
  DC: { timeZone: 'America/New_York' },
  FL: { timeZone: 'America/New_York', otherZones: ['America/Chicago'] }, // western Panhandle (N.D. Fla. Pensacola, Panama City)
  GA: { timeZone: 'America/New_York' },
  HI: { timeZone: 'Pacific/Honolulu' },
  ID: { timeZone: 'America/Boise', otherZones: ['America/Los_Angeles'] }, // northern Idaho
  IL: { timeZone: 'America/Chicago' },
  IN: { timeZone: 'America/Indiana/Indianapolis', otherZones: ['America/Chicago'] }, // NW and SW corners
  IA: { timeZone: 'America/Chicago' },
  KS: { timeZone: 'America/Chicago', otherZones: ['America/Denver'] }, // four western counties
  KY: { timeZone: 'America/New_York', otherZones: ['America/Chicago'] }, // western Kentucky
  LA: { timeZone: 'America/Chicago' },
  ME: { timeZone: 'America/New_York' },
  MD: { timeZone: 'America/New_York' },
  MA: { timeZone: 'America/New_York' },
  MI: { timeZone: 'America/Detroit', otherZones: ['America/Menominee'] }, // four Upper Peninsula counties
  MN: { timeZone: 'America/Chicago' },
  MS: { timeZone: 'America/Chicago' },
  MO: { timeZone: 'America/Chicago' },
  MT: { timeZone: 'America/Denver' },
  NE: { timeZone: 'America/Chicago', otherZones: ['America/Denver'] }, // western Nebraska
  NV: { timeZone: 'America/Los_Angeles' },
  NH: { timeZone: 'America/New_York' },
  NJ: { timeZone: 'America/New_York' },
  NM: { timeZone: 'America/Denver' },
  NY: { timeZone: 'America/New_York' },
  NC: { timeZone: 'America/New_York' },
  ND: { timeZone: 'America/Chicago', otherZones: ['America/Denver'] }, // south-west North Dakota
  OH: { timeZone: 'America/New_York' },
  OK: { timeZone: 'America/Chicago' },
  OR: { timeZone: 'America/Los_Angeles', otherZones: ['America/Boise'] }, // most of Malheur County
  PA: { timeZone: 'America/New_York' },
  RI: { timeZone: 'America/New_York' },
  SC: { timeZone: 'America/New_York' },
  SD: { timeZone: 'America/Chicago', otherZones: ['America/Denver'] }, // western South Dakota
  TN: { timeZone: 'America/Chicago', otherZones: ['America/New_York'] }, // East Tennessee (E.D. Tenn.)
  TX: { timeZone: 'America/Chicago', otherZones: ['America/Denver'] }, // El Paso and Hudspeth counties
  UT: { timeZone: 'America/Denver' },
  VT: { timeZone: 'America/New_York' },
  VA: { timeZone: 'America/New_York' },
  WA: { timeZone: 'America/Los_Angeles' },
  WV: { timeZone: 'America/New_York' },
  WI: { timeZone: 'America/Chicago' },
  WY: { timeZone: 'America/Denver' },
  PR: { timeZone: 'America/Puerto_Rico' },
  VI: { timeZone: 'America/St_Thomas' },
  GU: { timeZone: 'Pacific/Guam' },
  MP: { timeZone: 'Pacific/Saipan' },
};

/** A zone: a named IANA zone, or a fixed UTC offset taken from the input (no daylight-saving changes). */
export interface Zone {
  name: string;
  fixedOffsetMinutes?: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Checks an IANA zone name; a clear error (with an example) when it is unknown. */
export function assertTimeZone(name: unknown): string {
  if (typeof name !== 'string' || name.trim() === '') {
    throw new DeadlineInputError('deadlines:errors.badTimeZone', { value: String(name) });
  }
  try {
    formatter(name);
  } catch {
    throw new DeadlineInputError('deadlines:errors.badTimeZone', { value: name });
  }
  return name;
}

/** The court's zone for a state (two-letter code), and whether the state spans zones. */
export function timeZoneForState(state: string): StateTimeZone & { spansZones: boolean } {
  const hit = STATE_TIME_ZONES[state.toUpperCase()];
  if (!hit) throw new DeadlineInputError('deadlines:errors.unknownState', { value: state });
  return { ...hit, spansZones: Boolean(hit.otherZones?.length) };
}

/** Offset of local time from UTC, in minutes, at an instant. */
export function offsetMinutes(ms: number, zone: Zone): number {
  if (zone.fixedOffsetMinutes !== undefined) return zone.fixedOffsetMinutes;
  const parts = Object.fromEntries(formatter(zone.name).formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const local = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  return Math.round((local - Math.floor(ms / 1000) * 1000) / 60_000);
}

/** Local wall-clock of an instant, as epoch ms of the same wall-clock in UTC ("local ms"). */
export function toLocalMs(ms: number, zone: Zone): number {
  return ms + offsetMinutes(ms, zone) * 60_000;
}

/** The instant whose local wall-clock is `localMs` (for a time skipped by a daylight-saving change, the later one). */
export function fromLocalMs(localMs: number, zone: Zone): number {
  let t = localMs - offsetMinutes(localMs, zone) * 60_000;
  t = localMs - offsetMinutes(t, zone) * 60_000;
  return t;
}

/** '2026-03-05T17:00:00-06:00' for an instant in a zone. */
export function formatInstant(ms: number, zone: Zone): string {
  const off = offsetMinutes(ms, zone);
  const local = new Date(ms + off * 60_000).toISOString().slice(0, 19);
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  return `${local}${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * Reads a trigger date-time: '2026-03-05T17:00-06:00' (offset), '2026-03-05T17:00:00Z', or a local
 * '2026-03-05T17:00' in `timeZone`. Returns the instant and the zone to count local days in: the given
 * `timeZone` when there is one, otherwise the input's fixed offset.
 */
export function parseDateTime(input: string, timeZone?: string): { ms: number; zone: Zone; usedFixedOffset: boolean } {
  const m = DATE_TIME.exec(String(input));
  if (!m) throw new DeadlineInputError('deadlines:errors.badDateTime', { value: String(input) });
  const [, date, hh, mi, ss, off] = m;
  const [y, mo, d] = date!.split('-').map(Number) as [number, number, number];
  const h = Number(hh), min = Number(mi), s = Number(ss ?? 0);
  const localMs = Date.UTC(y, mo - 1, d, h, min, s);
  const check = new Date(localMs);
  if (h > 23 || min > 59 || s > 59 || check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1) {
    throw new DeadlineInputError('deadlines:errors.badDateTime', { value: String(input) });
  }
  if (timeZone !== undefined) assertTimeZone(timeZone);
  if (off === undefined) {
    if (timeZone === undefined) throw new DeadlineInputError('deadlines:errors.needTimeZone', { value: String(input) });
    const zone = { name: timeZone };
    return { ms: fromLocalMs(localMs, zone), zone, usedFixedOffset: false };
  }
  const offMin = off === 'Z' ? 0 : (off.startsWith('-') ? -1 : 1) * (Number(off.slice(1, 3)) * 60 + Number(off.slice(4, 6)));
  const ms = localMs - offMin * 60_000;
  if (timeZone !== undefined) return { ms, zone: { name: timeZone }, usedFixedOffset: false };
  return { ms, zone: { name: off === 'Z' ? 'UTC' : `UTC${off}`, fixedOffsetMinutes: offMin }, usedFixedOffset: true };
}
