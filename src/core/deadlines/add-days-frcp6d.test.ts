// FRCP 6(d): 3 days after the period would otherwise expire under 6(a); none for electronic service.
// Every date below is counted by hand on a 2026 calendar.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeDeadline } from './compute-deadline.ts';
import { addServiceDaysFrcp6d } from './add-days-frcp6d.ts';
import { DeadlineInputError } from './errors.ts';
import { render } from '../../i18n/i18n.ts';

const en = (r: { steps: Parameters<typeof render>[1][] }) => r.steps.map((s) => render('en', s));

test('answer to a counterclaim (FRCP 12(a)(1)(B)) served by mail Mon Mar 2, 2026: 21 days = Mon Mar 23, + 3 = Thu Mar 26', () => {
  const r = computeDeadline('frcp-12a1b', '2026-03-02', { servedBy: 'mail' });
  assert.equal(r.dueDate, '2026-03-26');
  assert.equal(r.countedDate, '2026-03-26');
  const steps = en(r);
  assert.match(steps.join('\n'), /Counted 21 days.*Mon, Mar 23, 2026/);
  assert.equal(steps.at(-1), 'Served by mail: FRCP 6(d) adds 3 days after the period expired on Mon, Mar 23, 2026 → Thu, Mar 26, 2026.');
  assert.ok(r.citations.some((c) => c.cite === 'Fed. R. Civ. P. 6(d)'));
  assert.ok(!r.warnings.some((w) => w.code.startsWith('deadlines:warnings.servedBy')));
});

test('electronic (CM/ECF) service adds nothing, and says so; clerk and consent add 3 days like mail', () => {
  const e = computeDeadline('frcp-12a1b', '2026-03-02', { servedBy: 'electronic' });
  assert.equal(e.dueDate, '2026-03-23');
  assert.equal(en(e).at(-1), 'Served electronically: FRCP 6(d) adds no days, so the period still ends Mon, Mar 23, 2026.');
  assert.equal(computeDeadline('frcp-12a1b', '2026-03-02', { servedBy: 'clerk' }).dueDate, '2026-03-26');
  assert.equal(computeDeadline('frcp-12a1b', '2026-03-02', { servedBy: 'consent' }).dueDate, '2026-03-26');
  assert.match(render('es', computeDeadline('frcp-12a1b', '2026-03-02', { servedBy: 'clerk' }).steps.at(-1)!), /secretaría.*FRCP 6\(d\) añade 3 días/);
});

test('the third day on a Saturday rolls: served by mail Wed Mar 4 → Wed Mar 25, + 3 = Sat Mar 28 → Mon Mar 30', () => {
  const r = computeDeadline('frcp-12a1b', '2026-03-04', { servedBy: 'mail' });
  assert.equal(r.countedDate, '2026-03-28');
  assert.equal(r.dueDate, '2026-03-30');
  const steps = en(r).join('\n');
  assert.match(steps, /adds 3 days after the period expired on Wed, Mar 25, 2026 → Sat, Mar 28, 2026/);
  assert.match(steps, /next court day: Mon, Mar 30, 2026/);
});

test('the 3 days start after the 6(a) roll: served by mail Fri May 29 → Fri June 19 (Juneteenth) → Mon June 22, + 3 = Thu June 25', () => {
  const r = computeDeadline('frcp-12a1b', '2026-05-29', { servedBy: 'mail' });
  assert.equal(r.dueDate, '2026-06-25');
  assert.match(en(r).join('\n'), /expired on Mon, Jun 22, 2026 → Thu, Jun 25, 2026/);
  assert.equal(computeDeadline('frcp-12a1b', '2026-05-29', { servedBy: 'electronic' }).dueDate, '2026-06-22');
});

test('the third day on a holiday and a weekend: served by mail Tue June 9 → Tue June 30, + 3 = Fri July 3 (Independence Day observed) → Mon July 6', () => {
  const r = computeDeadline('frcp-12a1b', '2026-06-09', { servedBy: 'mail' });
  assert.equal(r.countedDate, '2026-07-03');
  assert.equal(r.dueDate, '2026-07-06');
  const steps = en(r).join('\n');
  assert.match(steps, /Fri, Jul 3, 2026.*Independence Day/);
  assert.match(steps, /next court day: Mon, Jul 6, 2026/);
  // A state holiday and a closed clerk's office given by the user count for the 3 days too.
  assert.equal(computeDeadline('frcp-12a1b', '2026-03-02', { servedBy: 'mail', inaccessibleDays: ['2026-03-26'] }).dueDate, '2026-03-27');
});

test('without the manner of service the 21 days are given, with a warning that 6(d) may add 3', () => {
  const r = computeDeadline('frcp-12a1b', '2026-03-02');
  assert.equal(r.dueDate, '2026-03-23');
  assert.ok(r.warnings.some((w) => w.code === 'deadlines:warnings.servedByMissing'));
});

test('FRCP 12(a)(2) runs from service of the summons under Rule 4, not Rule 5(b): no 3 days, and a warning says why', () => {
  const r = computeDeadline('frcp-12a2', '2026-06-01', { servedBy: 'mail' });
  assert.equal(r.dueDate, '2026-07-31'); // SPEC § 5.5 worked example, unchanged
  const w = r.warnings.find((x) => x.code === 'deadlines:warnings.servedByIgnored');
  assert.ok(w);
  assert.match(render('en', w), /only when a party must act after being served with a paper under Rule 5\(b\).*U\.S\. Attorney/);
  assert.equal(computeDeadline('detainer-287-7d', '2026-10-15T17:00', { timeZone: 'America/Chicago', servedBy: 'mail' }).warnings.some((x) => x.code === 'deadlines:warnings.servedByIgnored'), true);
});

test('an unknown manner of service is a DeadlineInputError that lists the valid ones', () => {
  assert.throws(
    () => computeDeadline('frcp-12a1b', '2026-03-02', { servedBy: 'fax' as never }),
    (e: unknown) => e instanceof DeadlineInputError && /mail, clerk, consent, electronic/.test(render('en', e.problem)),
  );
  assert.throws(() => addServiceDaysFrcp6d('2026-03-23', 'pigeon' as never), DeadlineInputError);
});
