/**
 * GET /api/deadlines (the dashboard's deadlines across all the organization's cases) and GET /api/lookups/uscis,
 * through the real app on the embedded database.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openHarness, type Harness } from './harness.ts';

let h: Harness;
type Deadline = { id: string; caseId: string; ruleId: string; dueDate: string; status: string };
const list = async (qs: string, as: 'attorney' | 'advocate' | 'otherOrgAdmin' = 'advocate') => {
  const res = await h.request('GET', `/api/deadlines${qs}`, { as });
  assert.equal(res.status, 200, await res.clone().text());
  return ((await res.json()) as { deadlines: Deadline[] }).deadlines;
};

before(async () => {
  h = await openHarness();
});
after(async () => {
  await h.close();
});

test('every case of the organization, not only some: 25 cases each with a deadline all come back, soonest first', async () => {
  const a = { userId: h.users.attorney.id, orgId: h.users.attorney.orgId, role: 'attorney' as const };
  const ids: string[] = [];
  for (let i = 0; i < 25; i++) {
    const c = await h.store.cases.create(a, { title: `Case ${i}` });
    ids.push(c.id);
    // complaint-filed starts FRCP 4(m) (90 days) and the others; days 1..25 of March 2026.
    await h.store.docket.addEvent(a, c.id, { kind: 'complaint-filed', date: `2026-03-${String(i + 1).padStart(2, '0')}` });
  }
  const b = { userId: h.users.otherOrgAdmin.id, orgId: h.users.otherOrgAdmin.orgId, role: 'admin' as const };
  const other = await h.store.cases.create(b, { title: 'Other org' });
  await h.store.docket.addEvent(b, other.id, { kind: 'complaint-filed', date: '2026-03-01' });

  const all = await list('');
  assert.deepEqual([...new Set(all.map((d) => d.caseId))].sort(), [...ids].sort(), 'every case of org A, none of org B');
  assert.deepEqual(all.map((d) => d.dueDate), [...all.map((d) => d.dueDate)].sort(), 'soonest first');
  const theirs = await list('', 'otherOrgAdmin');
  assert.deepEqual([...new Set(theirs.map((d) => d.caseId))], [other.id]);

  // status and before narrow the list.
  const first = all.find((d) => d.ruleId === 'frcp-4m')!;
  const pm = await h.request('PATCH', `/api/deadlines/${first.id}`, { as: 'attorney', json: { status: 'met' } });
  assert.equal(pm.status, 200);
  const open = await list('?status=open');
  assert.equal(open.length, all.length - 1);
  assert.ok(!open.some((d) => d.id === first.id));
  assert.deepEqual((await list('?status=met')).map((d) => d.id), [first.id]);
  const cutoff = all[Math.floor(all.length / 2)]!.dueDate;
  const early = await list(`?status=open&before=${cutoff}`);
  assert.ok(early.length > 0 && early.every((d) => d.dueDate < cutoff && d.status === 'open'));
  assert.equal(early.length, open.filter((d) => d.dueDate < cutoff).length);
});

test('bad filters are 400 with a message that says what is wrong', async () => {
  for (const qs of ['?status=late', '?before=2026-02-30', '?before=tomorrow']) {
    const res = await h.request('GET', `/api/deadlines${qs}`, { as: 'advocate' });
    assert.equal(res.status, 400, qs);
    const { error } = (await res.json()) as { error: { code: string; message: string; issues: { path: string }[] } };
    assert.equal(error.code, 'invalid_request', qs);
    assert.match(error.message, /status|before/, qs);
  }
});

test('GET /api/lookups/uscis: a form with its remedies and cases, an office kind with its defendants, in the asked language', async () => {
  const res = await h.request('GET', '/api/lookups/uscis?q=I-589', { as: 'advocate' });
  assert.equal(res.status, 200);
  const body = (await res.json()) as any;
  assert.equal(body.status, 'found');
  assert.equal(body.value.forms[0].id, 'I-589');
  assert.deepEqual(body.value.forms[0].paths[0].remedies, ['MANDAMUS_1361', 'APA_706_1']);
  assert.ok(body.value.forms[0].durations.some((d: any) => d.cases.includes('Dang v. Mayorkas (N.D. Cal. 2023)')));
  assert.match(body.value.forms[0].paths[0].flags.find((f: any) => f.id === 'asylumNoPrivateRight').message.text, /1158\(d\)\(7\)/);
  assert.equal(body.value.processingTimes.url, 'https://egov.uscis.gov/processing-times/');
  const es = (await (await h.request('GET', '/api/lookups/uscis?q=embajada&lang=es', { as: 'advocate' })).json()) as any;
  assert.equal(es.value.office.kind, 'consulate');
  assert.match(es.value.office.defendants[0].message.text, /Secretario de Estado/);
  const none = (await (await h.request('GET', '/api/lookups/uscis?q=Chicago', { as: 'advocate' })).json()) as any;
  assert.equal(none.status, 'not_found');
  assert.match(none.messageCode.text, /form/);
  const empty = await h.request('GET', '/api/lookups/uscis?q=', { as: 'advocate' });
  assert.equal(empty.status, 400);
});
