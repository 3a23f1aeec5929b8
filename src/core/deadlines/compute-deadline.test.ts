import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeDeadline } from './compute-deadline.ts';
import { listDeadlineRules } from './deadline-rule.ts';
import { DeadlineInputError } from './errors.ts';
import { render } from '../../i18n/i18n.ts';

const due = (rule: string, from: string, opts = {}) => computeDeadline(rule, from, opts).dueDate;

test('SPEC § 5.5 worked examples through the rules', () => {
  assert.equal(due('frcp-4m', '2026-03-02'), '2026-06-01');
  assert.equal(due('frcp-12a2', '2026-06-01'), '2026-07-31');
  assert.equal(due('eaja', '2026-08-03'), '2026-11-02');
});

test('SPEC § 8 F1 and F2: § 1447(b) 120 days run on Thu Jan 8, 2026; § 1421(c) petition due Fri May 15, 2026', () => {
  const f1 = computeDeadline('natz-1447b', '2025-09-10');
  assert.equal(f1.dueDate, '2026-01-08');
  assert.equal(f1.kind, 'eligibility');
  assert.equal(due('natz-1421c', '2026-01-15'), '2026-05-15');
});

test('an eligibility date is not rolled: 120 days after Sat Oct 4 2025 = Sun Feb 1, 2026 stays Feb 1', () => {
  const r = computeDeadline('natz-1447b', '2025-10-04');
  assert.equal(r.dueDate, '2026-02-01');
  assert.ok(!r.warnings.some((w) => w.code === 'deadlines:warnings.checkCourtCalendar'));
});

test('EAJA: the 60-day appeal period ends Fri Oct 2, 2026, then 30 days = Sun Nov 1 → Mon Nov 2', () => {
  const r = computeDeadline('eaja', '2026-08-03');
  const en = r.steps.map((s) => render('en', s)).join('\n');
  assert.match(en, /Counted 60 days.*Fri, Oct 2, 2026/);
  assert.match(en, /Counted 30 days.*Sun, Nov 1, 2026/);
  assert.match(en, /next court day: Mon, Nov 2, 2026/);
  assert.equal(r.countedDate, '2026-11-01');
  assert.deepEqual(r.flags, ['circuitDependent']);
  assert.ok(r.citations.some((c) => c.cite.startsWith('Melkonyan')));
});

test('an EAJA appeal period that ends on a weekend rolls before the 30 days start: judgment Fri Aug 7, 2026 → Tue Oct 6 → Thu Nov 5', () => {
  // 60 days after Aug 7 = Tue Oct 6 (court day); + 30 = Thu Nov 5.
  assert.equal(due('eaja', '2026-08-07'), '2026-11-05');
  // 60 days after Aug 1, 2026 = Wed Sept 30; +30 = Fri Oct 30.
  assert.equal(due('eaja', '2026-08-01'), '2026-10-30');
  // 60 days after Fri Aug 14, 2026 = Tue Oct 13; +30 = Thu Nov 12.
  assert.equal(due('eaja', '2026-08-14'), '2026-11-12');
  // 60 days after Aug 13 = Mon Oct 12 (Columbus Day) → Tue Oct 13; + 30 = Thu Nov 12.
  const r = computeDeadline('eaja', '2026-08-13');
  assert.equal(r.dueDate, '2026-11-12');
  assert.ok(r.steps.some((s) => s.code === 'deadlines:steps.skipHoliday' && s.params!.holiday === 'columbus-day'));
});

test('N-336: 30 days after the denial, 33 if mailed, with the [VERIFY] warning', () => {
  // Jan 15, 2026 + 30 = Sat Feb 14 → Sun → Mon Feb 16 is Washington's Birthday → Tue Feb 17.
  assert.equal(due('n336', '2026-01-15'), '2026-02-17');
  const mailed = computeDeadline('n336', '2026-01-20', { mailed: true });
  assert.equal(mailed.countedDate, '2026-02-22');
  assert.equal(mailed.dueDate, '2026-02-23');
  assert.equal(mailed.steps[0]!.code, 'deadlines:steps.mailed');
  const w = computeDeadline('n336', '2026-01-15').warnings.map((m) => render('en', m));
  assert.ok(w.some((x) => x.startsWith('[VERIFY] This is a USCIS filing deadline')), w.join('\n'));
  const es = computeDeadline('n336', '2026-01-15').warnings.map((m) => render('es', m));
  assert.ok(es.some((x) => x.startsWith('[VERIFICAR] Este es un plazo de USCIS')), es.join('\n'));
});

test('habeas § 2243: return 3 days after service (Fri → Mon), up to 20 days; hearing ≤ 5 days after the return', () => {
  assert.equal(due('habeas-2243-return', '2026-10-15'), '2026-10-19'); // Sun Oct 18 → Mon Oct 19
  assert.equal(due('habeas-2243-return-extended', '2026-10-15'), '2026-11-04');
  assert.equal(due('habeas-2243-hearing', '2026-10-19'), '2026-10-26'); // Sat Oct 24 → Mon Oct 26
  const note = computeDeadline('habeas-2243-return', '2026-10-15').notes.map((n) => render('en', n)).join(' ');
  assert.match(note, /court's order controls/);
});

test('FTCA: presentment 2 years after accrual; suit 6 months after the denial is mailed; deemed denial after 6 months', () => {
  assert.equal(due('ftca-presentment', '2026-03-02'), '2028-03-02');
  assert.equal(due('ftca-presentment', '2025-11-01'), '2027-11-01');
  assert.equal(due('ftca-suit', '2026-01-15'), '2026-07-15');
  assert.equal(due('ftca-suit', '2025-08-31'), '2026-03-02'); // Feb 28, 2026 is a Saturday
  assert.equal(due('ftca-deemed-denial', '2025-08-31'), '2026-02-28');
  assert.deepEqual(computeDeadline('ftca-suit', '2026-01-15').flags, ['verify']);
});

test('state holidays passed by the caller extend a forward deadline', () => {
  assert.equal(due('frcp-12a2', '2026-01-30'), '2026-03-31');
  assert.equal(due('frcp-12a2', '2026-01-30', { extraHolidays: ['2026-03-31'] }), '2026-04-01');
});

test('detainer rule: hours-based result with due time, zone and elapsed hours', () => {
  const r = computeDeadline('detainer-287-7d', '2026-10-15T17:00', { state: 'IL' });
  assert.equal(r.dueDate, '2026-10-19');
  assert.equal(r.dueTime, '17:00');
  assert.equal(r.dueAt, '2026-10-19T17:00:00-05:00');
  assert.equal(r.timeZone, 'America/Chicago');
  assert.equal(r.hours!.elapsedHours, 96);
  assert.deepEqual(r.flags, ['verify']);
  const tx = computeDeadline('detainer-287-7d', '2026-10-15T17:00', { state: 'TX' });
  assert.ok(tx.warnings.some((w) => w.code === 'deadlines:warnings.stateSpansZones'));
  const tue = computeDeadline('detainer-287-7d', '2026-02-12T17:00', { timeZone: 'America/New_York' });
  assert.equal(tue.dueAt, '2026-02-17T17:00:00-05:00');
});

test('rendered steps read as the task describes, in English and Spanish', () => {
  const r = computeDeadline('frcp-4m', '2026-03-02');
  const en = r.steps.map((s) => render('en', s));
  assert.deepEqual(en, [
    'Excluded the trigger day, Mon, Mar 2, 2026 (FRCP 6(a)(1)(A)).',
    'Counted 90 days, weekends and holidays included → Sun, May 31, 2026 (FRCP 6(a)(1)(B)).',
    'Sun, May 31, 2026 is a Sunday.',
    '→ The period runs until the end of the next court day: Mon, Jun 1, 2026 (FRCP 6(a)(1)(C)).',
  ]);
  const es = r.steps.map((s) => render('es', s));
  assert.match(es[1]!, /Se cuentan 90 días.*dom, 31 may 2026/);
  assert.match(es[3]!, /lun, 1 jun 2026/);
  for (const m of [...r.notes, ...r.warnings, r.label]) {
    for (const lang of ['en', 'es'] as const) assert.ok(!render(lang, m).startsWith('deadlines:'), `${lang} ${m.code}`);
  }
});

test('every rule renders label, steps, notes and warnings in both languages without a missing key', () => {
  for (const { id } of listDeadlineRules()) {
    const trigger = id === 'detainer-287-7d' ? '2026-10-15T17:00-05:00' : '2026-03-02';
    const r = computeDeadline(id, trigger);
    for (const m of [r.label, ...r.steps, ...r.notes, ...r.warnings]) {
      for (const lang of ['en', 'es'] as const) {
        const text = render(lang, m);
        assert.ok(!/deadlines:|\$t\(|\{\{/.test(text), `${id} ${lang} ${m.code}: ${text}`);
      }
    }
    assert.ok(r.citations.length > 0);
  }
});

test('bad input: unknown rule lists the valid ones; bad date says the format; hours rule needs a time', () => {
  assert.throws(() => computeDeadline('frcp-99', '2026-03-02'), (e: unknown) => {
    assert.ok(e instanceof DeadlineInputError);
    assert.equal(e.problem.code, 'deadlines:errors.unknownRule');
    assert.match(String(e.problem.params!.valid), /frcp-4m/);
    assert.match(render('en', e.problem), /Unknown deadline rule "frcp-99"\. Valid rules: .*eaja/);
    return true;
  });
  assert.throws(() => computeDeadline('frcp-4m', '03/02/2026'), (e: unknown) => {
    assert.match(render('en', (e as DeadlineInputError).problem), /YYYY-MM-DD/);
    assert.match(render('es', (e as DeadlineInputError).problem), /AAAA-MM-DD/);
    return true;
  });
  assert.throws(() => computeDeadline('detainer-287-7d', '2026-10-15'), (e: unknown) => (e as DeadlineInputError).problem.code === 'deadlines:errors.needDateTime');
  assert.throws(() => computeDeadline('detainer-287-7d', '2026-10-15T17:00', { state: 'ZZ' }), (e: unknown) => (e as DeadlineInputError).problem.code === 'deadlines:errors.unknownState');
});

test('a date-time trigger on a day rule counts from its written date', () => {
  assert.equal(due('frcp-4m', '2026-03-02T16:30:00-08:00'), '2026-06-01');
});

test('a malformed date-time trigger is rejected; "mailed" on a rule without a mail period warns instead of being silently ignored', () => {
  assert.throws(() => computeDeadline('frcp-4m', '2026-03-02T25:99'), (e: unknown) => (e as DeadlineInputError).problem.code === 'deadlines:errors.badDateTime');
  const r = computeDeadline('frcp-4m', '2026-03-02', { mailed: true });
  assert.equal(r.dueDate, '2026-06-01');
  assert.ok(r.warnings.some((w) => w.code === 'deadlines:warnings.mailedIgnored'));
  assert.match(render('en', r.warnings.find((w) => w.code === 'deadlines:warnings.mailedIgnored')!), /"Mailed" does not change this period/);
});
