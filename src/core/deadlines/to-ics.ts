/**
 * An iCalendar (RFC 5545) file for a list of computed deadlines — one event each, with the counting steps, notes,
 * warnings and sources in the description. Written by hand: the `ics` package (3.12) emits invalid values for
 * some inputs we need (`TRIGGER:-P1DT` for a one-day alarm, `DURATION:PT` for a zero-length event) and stamps
 * events with the current time; this builder is pure and deterministic (the caller passes `stamp`).
 *
 * Privacy: summaries and descriptions hold only rule texts, dates and the caller's `caseRef` — never pass a
 * person's name or A-number as `caseRef`.
 */
import type { Message } from '../../i18n/i18n.ts';
import type { DeadlineResult } from './compute-deadline.ts';
import { addCalendarDays } from './calendar-date.ts';

export interface IcsOptions {
  /** Renders a message in the user's language, e.g. `(m) => render('es', m)`. */
  render: (m: Message) => string;
  /** DTSTAMP: when the file is generated (ISO instant). Passed in so output is reproducible. */
  stamp: string;
  /** Stable id of the case (UIDs derive from it so calendar apps update events instead of duplicating them). */
  caseId?: string;
  /** A short, non-identifying reference shown in each title (e.g. a docket number). */
  caseRef?: string;
  /** Calendar name (X-WR-CALNAME). */
  calendarName?: string;
  /** Reminder alarms, in days before a day deadline (default [7, 1]). */
  alarmDaysBefore?: number[];
  /** Footer line added to each description (e.g. the not-legal-advice sentence, rendered). */
  footer?: string;
}

/** RFC 5545 § 3.3.11 TEXT escaping. */
export function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** RFC 5545 § 3.1 folding: lines of at most 75 octets, continuation lines start with a space; never splits a character. */
export function foldLine(line: string): string {
  const enc = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const n = enc.encode(ch).length;
    const limit = parts.length === 0 ? 75 : 74; // continuation lines spend one octet on the leading space
    if (octets + n > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const basic = (iso: string) => iso.replace(/-/g, '');

function utcStamp(isoInstant: string): string {
  const ms = Date.parse(isoInstant);
  if (Number.isNaN(ms)) throw new Error(`to-ics: stamp is not an ISO instant: ${isoInstant}`);
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function uidPart(s: string): string {
  return s.replace(/[^A-Za-z0-9._-]/g, '-');
}

export function deadlinesToIcs(deadlines: DeadlineResult[], options: IcsOptions): string {
  const { render } = options;
  const stamp = utcStamp(options.stamp);
  const alarms = options.alarmDaysBefore ?? [7, 1];
  const lines: string[] = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Writ//Deadlines//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  if (options.calendarName) lines.push(`X-WR-CALNAME:${escapeText(options.calendarName)}`);
  for (const d of deadlines) {
    const uid = [options.caseId, d.ruleId, d.trigger].filter(Boolean).map((x) => uidPart(String(x))).join('.') + '@writ';
    const title = (options.caseRef ? `${options.caseRef}: ` : '') + render(d.label);
    const description = [
      ...d.steps.map((s, i) => `${i + 1}. ${render(s)}`),
      ...d.notes.map((n) => `- ${render(n)}`),
      ...d.warnings.map((w) => `! ${render(w)}`),
      ...d.citations.map((c) => (c.url ? `${c.cite}: ${c.url}` : c.cite)),
      ...(options.footer ? [options.footer] : []),
    ].join('\n');
    lines.push('BEGIN:VEVENT', `UID:${uid}`, `DTSTAMP:${stamp}`);
    if (d.dueAt) {
      const at = utcStamp(d.dueAt);
      lines.push(`DTSTART:${at}`, `DTEND:${at}`);
    } else {
      lines.push(`DTSTART;VALUE=DATE:${basic(d.dueDate)}`, `DTEND;VALUE=DATE:${basic(addCalendarDays(d.dueDate, 1))}`);
    }
    lines.push(`SUMMARY:${escapeText(title)}`, `DESCRIPTION:${escapeText(description)}`, 'TRANSP:TRANSPARENT');
    lines.push(`CATEGORIES:${escapeText(d.kind)}`);
    if (d.kind !== 'eligibility') {
      for (const days of d.dueAt ? [] : alarms) {
        lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${escapeText(title)}`, `TRIGGER:-P${days}D`, 'END:VALARM');
      }
      if (d.dueAt) lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${escapeText(title)}`, 'TRIGGER:-PT12H', 'END:VALARM');
    }
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
