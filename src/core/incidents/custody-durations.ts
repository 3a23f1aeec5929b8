/**
 * Hours held, and hours held beyond the moment the person was entitled to release, from a report's custody times.
 *
 * Custody times are local wall-clock times ("2025-05-03T14:30"); when both ends carry no offset they are compared
 * as written (same place, same clock). Times with an offset are compared exactly.
 *
 * The hours beyond release are clock hours. The regulatory detainer limit (8 C.F.R. § 287.7(d): 48 hours excluding
 * Saturdays, Sundays and holidays) is computed by the deadline engine for one case; pattern statistics only bucket
 * clock hours and never call a hold unlawful.
 */
import type { IncidentReport } from './incident-schema.ts';

const HAS_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/;

/** Milliseconds since the epoch; a local time without offset is read as if it were UTC (only differences matter). */
export function instant(dateTime: string): number {
  const withSeconds = /T\d{2}:\d{2}$/.test(dateTime) ? dateTime + ':00' : dateTime;
  return Date.parse(HAS_OFFSET.test(withSeconds) ? withSeconds : withSeconds + 'Z');
}

/** Whole minutes from a to b (negative when b is earlier). */
export function minutesBetween(a: string, b: string): number {
  return Math.round((instant(b) - instant(a)) / 60000);
}

/** When custody ended: released or handed to ICE, whichever came first. */
export function custodyEnd(c: NonNullable<IncidentReport['custody']>): string | undefined {
  const ends = [c.releasedAt, c.transferredToIceAt].filter((x): x is string => Boolean(x));
  if (ends.length === 0) return undefined;
  return ends.reduce((x, y) => (instant(x) <= instant(y) ? x : y));
}

export interface CustodyDurations {
  /** Minutes from booking to release or transfer; null when either is unknown. */
  heldMinutes: number | null;
  /** Minutes from the moment of entitlement to release to the actual release or transfer; null when unknown. 0 when released on time. */
  minutesBeyondRelease: number | null;
}

export function custodyDurations(report: Pick<IncidentReport, 'custody'>): CustodyDurations {
  const c = report.custody;
  if (!c) return { heldMinutes: null, minutesBeyondRelease: null };
  const end = custodyEnd(c);
  return {
    heldMinutes: c.bookedAt && end ? minutesBetween(c.bookedAt, end) : null,
    minutesBeyondRelease: c.releaseEligibleAt && end ? Math.max(0, minutesBetween(c.releaseEligibleAt, end)) : null,
  };
}

/** Buckets for time held beyond release, in clock hours. */
export const BEYOND_RELEASE_BUCKETS = ['none', 'under_12h', '12_to_48h', 'over_48h'] as const;
export type BeyondReleaseBucket = (typeof BEYOND_RELEASE_BUCKETS)[number] | 'unknown';

export function beyondReleaseBucket(minutes: number | null): BeyondReleaseBucket {
  if (minutes === null) return 'unknown';
  if (minutes <= 0) return 'none';
  if (minutes < 12 * 60) return 'under_12h';
  if (minutes <= 48 * 60) return '12_to_48h';
  return 'over_48h';
}
