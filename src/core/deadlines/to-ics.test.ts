import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deadlinesToIcs, escapeText, foldLine } from './to-ics.ts';
import { computeDeadline } from './compute-deadline.ts';
import { render } from '../../i18n/i18n.ts';

const opts = { render: (m: Parameters<typeof render>[1]) => render('en', m), stamp: '2026-11-23T12:00:00Z', caseId: 'c-123', caseRef: '3:26-cv-01234' };

test('one all-day event per deadline, on the due date, with a stable UID and the steps in the description', () => {
  const ics = deadlinesToIcs([computeDeadline('frcp-4m', '2026-03-02'), computeDeadline('frcp-12a2', '2026-06-01')], opts);
  assert.ok(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n'));
  assert.ok(ics.endsWith('END:VCALENDAR\r\n'));
  assert.equal(ics.match(/BEGIN:VEVENT/g)!.length, 2);
  assert.match(ics, /DTSTART;VALUE=DATE:20260601\r\nDTEND;VALUE=DATE:20260602/);
  assert.match(ics, /DTSTART;VALUE=DATE:20260731/);
  assert.match(ics, /UID:c-123\.frcp-4m\.2026-03-02@writ/);
  assert.match(ics, /DTSTAMP:20261123T120000Z/);
  assert.match(ics, /SUMMARY:3:26-cv-01234: Serve the defendants \(summons and complaint\)/);
  const unfolded = ics.replace(/\r\n /g, '');
  assert.match(unfolded, /DESCRIPTION:1\. Excluded the trigger day\\, Mon\\, Mar 2\\, 2026/);
  assert.match(unfolded, /TRIGGER:-P7D/);
  assert.match(unfolded, /TRIGGER:-P1D/);
  // Same input, same output (no clock, no random ids).
  assert.equal(deadlinesToIcs([computeDeadline('frcp-4m', '2026-03-02')], opts), deadlinesToIcs([computeDeadline('frcp-4m', '2026-03-02')], opts));
});

test('an hour-based limit is a timed event in UTC', () => {
  const ics = deadlinesToIcs([computeDeadline('detainer-287-7d', '2026-10-15T17:00', { timeZone: 'America/Chicago' })], opts);
  assert.match(ics, /DTSTART:20261019T220000Z/);
  assert.match(ics, /TRIGGER:-PT12H/);
});

test('every line is at most 75 octets, CRLF-terminated, and Spanish text folds without splitting characters', () => {
  const ics = deadlinesToIcs([computeDeadline('eaja', '2026-08-03')], { ...opts, render: (m) => render('es', m) });
  for (const line of ics.split('\r\n')) assert.ok(new TextEncoder().encode(line).length <= 75, line);
  assert.ok(!/[^\r]\n/.test(ics), 'bare LF');
  const unfolded = ics.replace(/\r\n /g, '');
  assert.match(unfolded, /Se cuentan 60 días/);
});

test('TEXT escaping and folding helpers', () => {
  assert.equal(escapeText('a;b,c\\d\ne'), 'a\\;b\\,c\\\\d\\ne');
  const long = 'DESCRIPTION:' + 'ñ'.repeat(80);
  const folded = foldLine(long);
  for (const l of folded.split('\r\n')) assert.ok(new TextEncoder().encode(l).length <= 75);
  assert.equal(folded.replace(/\r\n /g, ''), long);
});
