// Backup and restore across drivers: PGlite → PostgreSQL and PostgreSQL → PGlite, with all-or-nothing restore.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, storeInternals, StoreError, type Actor, type Store } from './index.ts';
import { readBackup, restoreBackup, writeBackup } from './backup.ts';
import { startPostgres, type TestPostgres } from './testing/start-postgres.ts';
import { pgliteTemplate } from './testing/pglite-template.ts';

const envKey = randomBytes(32).toString('base64');
const open = (o: Parameters<typeof openStore>[0]) => openStore({ envKey, env: {}, jobs: false, ...o });
let pg: TestPostgres;
let dir: string;
let pglite: Store;
let actor: Actor;
let caseId = '';
let evidenceId = '';
const photo = randomBytes(3000);

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'resolved';
  } catch (e) {
    assert.ok(e instanceof StoreError, String(e));
    return e.code;
  }
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'writ-backup-'));
  [pg, pglite] = await Promise.all([startPostgres(), pgliteTemplate().then((t) => open({ inMemory: true, pgliteTemplate: t }))]);
  const org = await pglite.orgs.create({ name: 'Legal Aid' });
  const user = await pglite.users.create({ orgId: org.id, email: 'a@legal.example', displayName: 'A', role: 'attorney', passwordHash: 'h' });
  actor = { userId: user.id, orgId: org.id, role: 'attorney' };
  const c = await pglite.cases.create(actor, { title: 'Garcia v. Director', facts: { v: 1 } });
  caseId = c.id;
  await pglite.cases.addRevision(actor, caseId, { facts: { v: 2 }, note: 'second' });
  await pglite.parties.add(actor, caseId, { role: 'petitioner', name: 'Garcia', details: { aNumber: 'A000000001' } });
  evidenceId = (await pglite.evidence.put(actor, caseId, { filename: 'notice.bin', stream: [photo] })).id;
  await pglite.evidence.read(actor, evidenceId);
  await pglite.documents.put(actor, caseId, { kind: 'packet', filename: 'p.pdf', contentType: 'application/pdf', bytes: Buffer.from('%PDF-1.7 x') });
  await pglite.docket.addEvent(actor, caseId, { kind: 'complaint-filed', date: '2026-03-02' });
  await pglite.sessions.create({ userId: user.id, tokenHash: 'th', csrfSecret: 'cs', expiresAt: new Date('2030-01-01') });
});

after(async () => {
  await pglite?.close();
  await pg?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function snapshot(store: Store) {
  const c = await store.cases.get(actor, caseId);
  return {
    title: c.title,
    facts: c.facts,
    revisions: (await store.cases.listRevisions(actor, caseId)).map((r) => [r.revision, r.facts, r.note, r.createdAt.toISOString()]),
    parties: (await store.parties.list(actor, caseId)).map((p) => [p.name, p.details]),
    deadlines: (await store.docket.listDeadlines(actor, caseId)).map((d) => [d.ruleId, d.dueDate, d.computation]),
    documents: (await store.documents.list(actor, caseId)).map((d) => [d.filename, d.sha256]),
    custody: (await store.evidence.custody(actor, evidenceId)).map((e) => e.action),
  };
}

test('PGlite → PostgreSQL → PGlite: everything comes back, readable with the same keys', async () => {
  const file1 = join(dir, 'from-pglite.writbak');
  const r1 = await writeBackup(storeInternals(pglite).ctx.db, storeInternals(pglite).ctx.ring, file1);
  assert.equal(r1.counts.cases, 1);
  assert.equal(r1.counts.case_revisions, 2);
  const before = await snapshot(pglite);

  const url = await pg.createDatabase('restore_target');
  const server = await open({ databaseUrl: url });
  try {
    const restored = await restoreBackup(storeInternals(server).ctx.db, storeInternals(server).ctx.ring, file1);
    assert.deepEqual(restored.counts, r1.counts);
    assert.deepEqual(await snapshot(server), { ...before, custody: before.custody });
    assert.ok((await server.evidence.read(actor, evidenceId)).bytes.equals(photo));
    assert.ok(await server.sessions.findByTokenHash('th'));
    // A second restore into a database that now holds data is refused.
    assert.equal(await code(restoreBackup(storeInternals(server).ctx.db, storeInternals(server).ctx.ring, file1)), 'not_empty');

    await server.cases.addRevision(actor, caseId, { facts: { v: 3 }, note: 'made on PostgreSQL' });
    const file2 = join(dir, 'from-postgres.writbak');
    await writeBackup(storeInternals(server).ctx.db, storeInternals(server).ctx.ring, file2, { passphrase: 'correct horse battery staple' });

    const back = await open({ inMemory: true, pgliteTemplate: await pgliteTemplate() });
    try {
      const internals = storeInternals(back).ctx;
      assert.equal(await code(restoreBackup(internals.db, internals.ring, file2, { passphrase: 'wrong passphrase!!' })), 'bad_backup');
      assert.equal(await code(restoreBackup(internals.db, internals.ring, file2)), 'bad_backup');
      await restoreBackup(internals.db, internals.ring, file2, { passphrase: 'correct horse battery staple' });
      const revs = await back.cases.listRevisions(actor, caseId);
      assert.deepEqual(revs.map((r) => [r.revision, r.note]), [[1, null], [2, 'second'], [3, 'made on PostgreSQL']]);
      assert.ok((await back.evidence.read(actor, evidenceId)).bytes.equals(photo));

      // --force replaces everything, in one transaction, and the audit log stays append-only afterwards.
      await restoreBackup(internals.db, internals.ring, file1, { force: true });
      assert.equal((await back.cases.listRevisions(actor, caseId)).length, 2);
      await assert.rejects(storeInternals(back).database.query('delete from audit_log'), /append-only/);
    } finally {
      await back.close();
    }
  } finally {
    await server.close();
  }
});

test('a restore that fails part-way (the file is cut short after many rows) leaves the database as it was', async () => {
  const { db, ring } = storeInternals(pglite).ctx;
  // Incompressible evidence makes the backup span several 1 MiB frames; organizations come first.
  const big = await pglite.evidence.put(actor, caseId, { filename: 'video.bin', stream: [randomBytes(1_500_000), randomBytes(1_500_000)] });
  const file = join(dir, 'big.writbak');
  await writeBackup(db, ring, file);
  const whole = readFileSync(file);
  assert.ok(whole.length > 3_000_000);
  const cut = join(dir, 'cut.writbak');
  writeFileSync(cut, whole.subarray(0, whole.length - 100));
  const target = await open({ databaseUrl: await pg.createDatabase('failing_restore') });
  try {
    const t = storeInternals(target).ctx;
    assert.equal(await code(restoreBackup(t.db, t.ring, cut)), 'bad_backup');
    assert.deepEqual(await target.orgs.list(), [], 'nothing from the backup was kept');
    // The whole file restores, including the large item.
    await restoreBackup(t.db, t.ring, file);
    assert.equal((await target.evidence.read(actor, big.id)).bytes.length, 3_000_000);
  } finally {
    await target.close();
  }
});

test('damaged, altered or foreign files are refused with a clear error; the key must match', async () => {
  const { db, ring } = storeInternals(pglite).ctx;
  const file = join(dir, 'x.writbak');
  await writeBackup(db, ring, file);
  const bytes = readFileSync(file);
  const altered = Buffer.from(bytes);
  altered[altered.length - 40]! ^= 0xff;
  const alteredEarly = Buffer.from(bytes);
  alteredEarly[alteredEarly.length >> 1]! ^= 0x01;
  writeFileSync(join(dir, 'altered-early.writbak'), alteredEarly);
  assert.equal(await code(readBackup(join(dir, 'altered-early.writbak'), ring)), 'bad_backup');
  const extra = join(dir, 'extra.writbak');
  writeFileSync(extra, Buffer.concat([bytes, bytes.subarray(bytes.length - 200)]));
  assert.equal(await code(readBackup(extra, ring)), 'bad_backup');
  writeFileSync(join(dir, 'altered.writbak'), altered);
  assert.equal(await code(readBackup(join(dir, 'altered.writbak'), ring)), 'bad_backup');
  writeFileSync(join(dir, 'foreign.writbak'), 'hello');
  assert.equal(await code(readBackup(join(dir, 'foreign.writbak'), ring)), 'bad_backup');
  assert.equal(await code(readBackup(join(dir, 'missing.writbak'), ring)), 'invalid');
  const otherRing = { currentKeyId: 'other', keys: new Map([['other', randomBytes(32)]]), source: 'test' };
  assert.equal(await code(readBackup(file, otherRing)), 'key');
  assert.equal(await code(writeBackup(db, ring, join(dir, 'short.writbak'), { passphrase: 'short' })), 'invalid');
});
