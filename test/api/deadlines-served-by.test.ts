/**
 * POST /api/deadlines/compute with `servedBy` (FRCP 6(d)): the 3 days for mail, clerk or consented service, none
 * for electronic, and a 400 that names the field for anything else.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openHarness, type Harness } from './harness.ts';

let h: Harness;
before(async () => {
  h = await openHarness();
});
after(async () => {
  await h.close();
});

type Computed = { dueDate: string; countedDate: string; steps: { code: string; text: string }[]; warnings: { code: string; text: string }[] };
const compute = (json: object, lang?: string) =>
  h.request('POST', '/api/deadlines/compute', { as: 'advocate', json, ...(lang ? { headers: { 'accept-language': lang } } : {}) });

test('served by mail: 21 days (Wed Mar 25, 2026) then 3 more, Sat Mar 28 → Mon Mar 30; electronic: Mar 25', async () => {
  const res = await compute({ rule: 'frcp-12a1b', from: '2026-03-04', servedBy: 'mail' });
  assert.equal(res.status, 200);
  const d = (await res.json()) as Computed;
  assert.equal(d.dueDate, '2026-03-30');
  assert.equal(d.countedDate, '2026-03-28');
  assert.ok(d.steps.some((s) => s.code === 'deadlines:steps.frcp6dAdded' && /FRCP 6\(d\) adds 3 days/.test(s.text)));
  const ecf = (await (await compute({ rule: 'frcp-12a1b', from: '2026-03-04', servedBy: 'electronic' })).json()) as Computed;
  assert.equal(ecf.dueDate, '2026-03-25');
});

test('FRCP 12(a)(2) (service of the summons on the U.S. Attorney) adds no days and warns why', async () => {
  const d = (await (await compute({ rule: 'frcp-12a2', from: '2026-06-01', servedBy: 'mail' })).json()) as Computed;
  assert.equal(d.dueDate, '2026-07-31');
  assert.ok(d.warnings.some((w) => w.code === 'deadlines:warnings.servedByIgnored'));
});

test('an unknown servedBy is a 400 that names the field (the valid values are in the OpenAPI schema)', async () => {
  const res = await compute({ rule: 'frcp-12a1b', from: '2026-03-04', servedBy: 'fax' });
  assert.equal(res.status, 400);
  const body = (await res.json()) as { error: { code: string; message: string; issues: { path: string; problem: string }[] } };
  assert.equal(body.error.code, 'invalid_request');
  assert.deepEqual(body.error.issues, [{ path: 'servedBy', problem: 'invalid_value' }]);
  assert.match(body.error.message, /servedBy/);
});
