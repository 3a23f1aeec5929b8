import { test } from 'node:test';
import assert from 'node:assert/strict';
import { main } from '../main.ts';
import { captureIo } from '../test-io.ts';

test('writ deadline frcp-4m --from 2026-03-02 --json: June 1, 2026 with steps, citations and rendered text', async () => {
  const io = captureIo();
  assert.equal(await main(['deadline', 'frcp-4m', '--from', '2026-03-02', '--json', '--lang', 'en'], io), 0);
  const r = JSON.parse(io.out);
  assert.equal(r.ruleId, 'frcp-4m');
  assert.equal(r.dueDate, '2026-06-01');
  assert.equal(r.countedDate, '2026-05-31');
  assert.equal(r.steps.length, 4);
  assert.match(r.steps[3].text, /next court day: Mon, Jun 1, 2026/);
  assert.ok(r.citations.some((c: { cite: string }) => c.cite === 'Fed. R. Civ. P. 4(m)'));
});

test('text output shows the due date, the steps and the sources, in Spanish with --lang es', async () => {
  const io = captureIo();
  assert.equal(await main(['deadline', 'natz-1421c', '--from', '2026-01-15', '--lang', 'es'], io), 0);
  assert.match(io.out, /Vence: vie, 15 may 2026/);
  assert.match(io.out, /8 C\.F\.R\. § 336\.9\(b\)/);
  assert.match(io.out, /Depende del circuito federal: El Décimo Circuito \(Nagahi\)/);
  assert.match(io.out, /no es asesoría legal/);
});

test('detainer: Thursday 5 p.m. in Chicago → Monday 5 p.m., with the time zone', async () => {
  const io = captureIo();
  assert.equal(await main(['deadline', 'detainer-287-7d', '--from', '2026-10-15T17:00', '--tz', 'America/Chicago', '--json'], io), 0);
  const r = JSON.parse(io.out);
  assert.equal(r.dueAt, '2026-10-19T17:00:00-05:00');
  assert.equal(r.triggerAt, '2026-10-15T17:00:00-05:00');
  assert.equal(r.timeZone, 'America/Chicago');
  const text = captureIo();
  assert.equal(await main(['deadline', 'detainer-287-7d', '--from', '2026-10-15T17:00', '--tz', 'America/Chicago', '--lang', 'en'], text), 0);
  assert.match(text.out, /Trigger: .* — Thu, Oct 15, 2026, 5:00 PM \(America\/Chicago\)/);
  assert.match(text.out, /Latest: Mon, Oct 19, 2026, 5:00 PM \(America\/Chicago\)/);
});

test('--mailed gives the N-336 33 days', async () => {
  const io = captureIo();
  assert.equal(await main(['deadline', 'n336', '--from', '2026-01-20', '--mailed', '--json'], io), 0);
  assert.equal(JSON.parse(io.out).dueDate, '2026-02-23');
});

test('--served-by mail adds FRCP 6(d)\'s 3 days to a counterclaim answer and shows the step; a bad value exits 2', async () => {
  const io = captureIo();
  assert.equal(await main(['deadline', 'frcp-12a1b', '--from', '2026-03-04', '--served-by', 'mail', '--lang', 'en'], io), 0);
  // Wed Mar 4 + 21 = Wed Mar 25; + 3 = Sat Mar 28 → Mon Mar 30, 2026.
  assert.match(io.out, /Due: Mon, Mar 30, 2026/);
  assert.match(io.out, /Served by mail: FRCP 6\(d\) adds 3 days after the period expired on Wed, Mar 25, 2026 → Sat, Mar 28, 2026/);
  assert.match(io.out, /Fed\. R\. Civ\. P\. 6\(d\)/);
  const ecf = captureIo();
  assert.equal(await main(['deadline', 'frcp-12a1b', '--from', '2026-03-04', '--served-by', 'electronic', '--json'], ecf), 0);
  assert.equal(JSON.parse(ecf.out).dueDate, '2026-03-25');
  const bad = captureIo();
  assert.equal(await main(['deadline', 'frcp-12a1b', '--from', '2026-03-04', '--served-by', 'fax', '--lang', 'en'], bad), 2);
  assert.match(bad.err, /"fax" is not a manner of service Writ knows\. Use one of: mail, clerk, consent, electronic/);
});

test('a bad rule name exits 2 and lists the valid rules', async () => {
  const io = captureIo();
  assert.equal(await main(['deadline', 'frcp-99', '--from', '2026-03-02', '--lang', 'en'], io), 2);
  assert.match(io.err, /Unknown deadline rule "frcp-99"\. Valid rules: .*frcp-4m.*natz-1447b/);
  assert.equal(io.out, '');
});

test('a bad date exits 2 and says the format', async () => {
  const io = captureIo();
  assert.equal(await main(['deadline', 'frcp-4m', '--from', '03/02/2026', '--lang', 'en'], io), 2);
  assert.match(io.err, /not a valid date\. Write it as YYYY-MM-DD/);
});

test('missing rule or --from, unknown flag, unknown time zone: exit 2 with a message', async () => {
  for (const argv of [['deadline'], ['deadline', 'frcp-4m'], ['deadline', 'frcp-4m', '--from', '2026-03-02', '--bogus'], ['deadline', 'detainer-287-7d', '--from', '2026-10-15T17:00', '--tz', 'Mars/Base']]) {
    const io = captureIo();
    assert.equal(await main([...argv, '--lang', 'en'], io), 2, argv.join(' '));
    assert.ok(io.err.length > 0);
    assert.doesNotMatch(io.err, /at .*\.ts:\d+/); // no stack trace
  }
});

test('--list prints every rule with its label; --help explains the options', async () => {
  const io = captureIo();
  assert.equal(await main(['deadline', '--list', '--lang', 'en'], io), 0);
  assert.match(io.out, /frcp-4m\s+Serve the defendants/);
  assert.match(io.out, /detainer-287-7d/);
  const help = captureIo();
  assert.equal(await main(['deadline', '--help'], help), 0);
  assert.match(help.out, /--from DATE/);
});

test('--holidays YEAR lists the observed legal holidays; a bad year exits 2', async () => {
  const io = captureIo();
  assert.equal(await main(['deadline', '--holidays', '2027', '--lang', 'en'], io), 0);
  assert.match(io.out, /Fri, Dec 24, 2027\s+Christmas Day — observed for Sat, Dec 25, 2027/);
  assert.match(io.out, /Fri, Dec 31, 2027\s+New Year's Day — observed for Sat, Jan 1, 2028/);
  const json = captureIo();
  assert.equal(await main(['deadline', '--holidays', '2026', '--json'], json), 0);
  assert.equal(JSON.parse(json.out).length, 11);
  const bad = captureIo();
  assert.equal(await main(['deadline', '--holidays', '20x7', '--lang', 'en'], bad), 2);
  assert.match(bad.err, /not a year/);
  const far = captureIo();
  assert.equal(await main(['deadline', '--holidays', '1900', '--lang', 'en'], far), 2);
  assert.match(far.err, /outside the years/);
});
