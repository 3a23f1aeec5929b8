// `writ incidents purge-drafts` end to end on an embedded data directory: abandoned drafts go, recent drafts and
// submitted reports stay; bad flags exit 2 with the fix.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { runMain, tempDataDir } from '../test-io.ts';
import { openStore } from '../../store/index.ts';
import { pgliteTemplate } from '../../store/testing/pglite-template.ts';
import { sampleReport } from '../../core/incidents/sample-report.ts';
import { loadReference } from '../../data/load-reference.ts';

let dir: string;
let dataDir: string;
let ids: { draft: string; submitted: string };
let actor: { userId: string; orgId: string; role: 'advocate' };

const run = runMain;

before(async () => {
  ({ dir, dataDir } = tempDataDir('writ-cli-incidents-'));
  const store = await openStore({ dataDir, jobs: false, pgliteTemplate: await pgliteTemplate() });
  const org = await store.orgs.create({ name: 'Network' });
  const user = await store.users.create({ orgId: org.id, email: 'a@example.org', displayName: 'A', role: 'advocate', passwordHash: 'h' });
  actor = { userId: user.id, orgId: org.id, role: 'advocate' };
  const draft = await store.incidents.saveDraft(actor, { draft: { narrative: 'Half a story' } });
  const r = await store.incidents.submit(actor, { report: sampleReport(), reference: loadReference({ shippedOnly: true }), now: new Date('2025-08-01T00:00:00Z') });
  assert.ok(r.ok);
  ids = { draft: draft.id, submitted: r.ok ? r.record.id : '' };
  await store.close();
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('purge-drafts keeps a draft changed within the retention period', async () => {
  const r = await run('incidents', 'purge-drafts', '--data-dir', dataDir, '--json');
  assert.equal(r.code, 0, r.err);
  assert.equal(JSON.parse(r.out).deleted, 0);
  assert.equal(JSON.parse(r.out).days, 90);
});

test('purge-drafts deletes drafts older than the cutoff and never a submitted report', async () => {
  // Make the draft look abandoned: 91 days without a change.
  const realNow = Date.now;
  Date.now = () => realNow() + 91 * 86_400_000;
  try {
    const r = await run('incidents', 'purge-drafts', '--data-dir', dataDir);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Deleted 1 incident-report drafts/);
  } finally {
    Date.now = realNow;
  }
  const store = await openStore({ dataDir, jobs: false });
  try {
    await assert.rejects(store.incidents.get(actor, ids.draft), /No incident report/);
    assert.equal((await store.incidents.get(actor, ids.submitted)).status, 'submitted');
  } finally {
    await store.close();
  }
});

test('bad flags exit 2 with the fix, in English or Spanish', async () => {
  const days = await run('incidents', 'purge-drafts', '--days', 'soon', '--data-dir', dataDir);
  assert.equal(days.code, 2);
  assert.match(days.err, /--days must be a whole number/);
  const es = await run('incidents', 'purge-drafts', '--days', '0', '--lang', 'es', '--data-dir', dataDir);
  assert.equal(es.code, 2);
  assert.match(es.err, /número entero/);
  const what = await run('incidents', 'purge', '--data-dir', dataDir);
  assert.equal(what.code, 2);
  assert.match(what.err, /purge-drafts/);
});
