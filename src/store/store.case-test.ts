/**
 * The one store test suite, run against every database: ./store-pglite.test.ts (embedded) and
 * ./store-postgres.test.ts (a throwaway PostgreSQL server). Each test makes its own organization, so tests do not
 * depend on each other's data; the store is opened once per file (PGlite takes seconds to create).
 */
import { after, before, describe, mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { storeInternals, StoreError, type Actor, type Role, type Store } from './index.ts';

export interface SuiteTarget {
  /** Opens a fresh, empty store (evidence limit 256 KiB for the size test). */
  open(): Promise<Store>;
  /** Removes whatever open() made (after the store is closed). */
  cleanup(): Promise<void>;
}

async function rejectsWith(p: Promise<unknown>, code: StoreError['code']): Promise<StoreError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof StoreError, `expected StoreError ${code}, got ${(e as Error)?.stack}`);
    assert.equal(e.code, code, e.message);
    assert.ok(e.message.length > 10);
    return e;
  }
  assert.fail(`expected StoreError ${code}, but it resolved`);
}

export const EVIDENCE_LIMIT = 256 * 1024;

export function storeSuite(name: string, target: SuiteTarget): void {
  describe(`store (${name})`, () => {
    let store: Store;
    let n = 0;
    before(async () => {
      store = await target.open();
    });
    after(async () => {
      await store?.close();
      await target.cleanup();
    });

    /** A new organization with one user of the given role. */
    async function newActor(role: Role = 'attorney'): Promise<Actor> {
      n++;
      const org = await store.orgs.create({ name: `Org ${n}` });
      const user = await store.users.create({
        orgId: org.id,
        email: `user${n}-${randomBytes(3).toString('hex')}@example.org`,
        displayName: `User ${n}`,
        role,
        passwordHash: 'not-a-real-hash',
      });
      return { userId: user.id, orgId: org.id, role, requestId: `req-${n}` };
    }

    const raw = <T = Record<string, unknown>>(text: string, params?: unknown[]) =>
      storeInternals(store).database.query<T>(text, params);

    test('first admin: created once on an empty database, with a generated password returned once', async () => {
      const hashes: string[] = [];
      const hashPassword = async (p: string) => {
        hashes.push(p);
        return 'hashed:' + p.length;
      };
      const first = await store.ensureFirstAdmin({ hashPassword });
      assert.equal(first.created, true);
      assert.equal(first.user?.role, 'admin');
      assert.ok(first.generatedPassword && first.generatedPassword.length >= 20);
      assert.deepEqual(hashes, [first.generatedPassword]);
      const login = await store.users.findForLogin('ADMIN@localhost');
      assert.equal(login?.passwordHash, 'hashed:' + first.generatedPassword!.length);
      const second = await store.ensureFirstAdmin({ hashPassword, password: 'a-long-enough-password' });
      assert.deepEqual(second, { created: false });
    });

    test('users: email is unique and case-insensitive; bad roles and emails are refused clearly', async () => {
      const a = await newActor('admin');
      const u = await store.users.create({ orgId: a.orgId, email: 'Maria@Example.org', displayName: 'M', role: 'paralegal', passwordHash: null });
      assert.equal(u.email, 'maria@example.org');
      await rejectsWith(store.users.create({ orgId: a.orgId, email: 'MARIA@example.org', displayName: 'M2', role: 'advocate', passwordHash: null }), 'conflict');
      await rejectsWith(store.users.create({ orgId: a.orgId, email: 'x@example.org', displayName: 'X', role: 'owner' as Role, passwordHash: null }), 'invalid');
      await rejectsWith(store.users.create({ orgId: a.orgId, email: 'not-an-email', displayName: 'X', role: 'advocate', passwordHash: null }), 'invalid');
      assert.equal((await store.users.findForLogin('maria@EXAMPLE.org'))?.id, u.id);
      const listed = await store.users.list(a);
      assert.deepEqual(listed.map((x) => x.email).sort(), [u.email, (await store.users.get(a.userId))!.email].sort());
    });

    test('users: another organization cannot change a user; disabling ends their sessions', async () => {
      const a = await newActor('admin');
      const b = await newActor('admin');
      await rejectsWith(store.users.update(b, a.userId, { role: 'advocate' }), 'not_found');
      await store.sessions.create({ userId: a.userId, tokenHash: 'h-' + a.userId, csrfSecret: 'c', expiresAt: new Date(Date.now() + 3600e3) });
      assert.ok(await store.sessions.findByTokenHash('h-' + a.userId));
      const u = await store.users.update(a, a.userId, { disabled: true });
      assert.equal(u.disabled, true);
      assert.equal(await store.sessions.findByTokenHash('h-' + a.userId), null);
    });

    test('sessions: found by token hash until they expire; touch and delete', async () => {
      const a = await newActor();
      const now = new Date();
      const s = await store.sessions.create({ userId: a.userId, tokenHash: 'tok-' + a.userId, csrfSecret: 'csrf', expiresAt: new Date(now.getTime() + 60_000), now });
      assert.equal('tokenHash' in s, false);
      const found = await store.sessions.findByTokenHash('tok-' + a.userId, now);
      assert.equal(found?.session.id, s.id);
      assert.equal(found?.user.id, a.userId);
      assert.equal(found?.session.csrfSecret, 'csrf');
      assert.equal(await store.sessions.findByTokenHash('tok-' + a.userId, new Date(now.getTime() + 61_000)), null);
      const later = new Date(now.getTime() + 30_000);
      await store.sessions.touch(s.id, later);
      assert.equal((await store.sessions.findByTokenHash('tok-' + a.userId, now))?.session.lastSeenAt.getTime(), later.getTime());
      assert.ok((await store.sessions.deleteExpired(new Date(now.getTime() + 120_000))) >= 1);
      assert.equal(await store.sessions.findByTokenHash('tok-' + a.userId, now), null);
      assert.equal(await store.sessions.findByTokenHash('', now), null);
    });

    test('API tokens: found until revoked; revoking is scoped to the organization', async () => {
      const a = await newActor('admin');
      const b = await newActor('admin');
      const t = await store.apiTokens.create({ userId: a.userId, tokenHash: 'api-' + a.userId, label: 'laptop' });
      const hit = await store.apiTokens.findByHash('api-' + a.userId);
      assert.equal(hit?.user.id, a.userId);
      assert.ok(hit?.token.lastUsedAt);
      assert.deepEqual((await store.apiTokens.list(b)).map((x) => x.id), []);
      await rejectsWith(store.apiTokens.revoke(b, t.id), 'not_found');
      await store.apiTokens.revoke(a, t.id);
      assert.equal(await store.apiTokens.findByHash('api-' + a.userId), null);
      assert.ok((await store.apiTokens.list(a))[0]?.revokedAt);
    });

    test('API tokens: last use is written at most once a minute per token; a revoked token fails on the next lookup', async () => {
      const a = await newActor('admin');
      const hash = 'use-' + a.userId;
      const t = await store.apiTokens.create({ userId: a.userId, tokenHash: hash, label: 'script' });
      const stored = async () => (await store.apiTokens.list(a)).find((x) => x.id === t.id)!.lastUsedAt?.getTime();
      const t0 = Date.parse('2026-03-02T10:00:00Z');
      mock.timers.enable({ apis: ['Date'], now: t0 }); // only the clock: the database's own timers keep running
      try {
        assert.equal((await store.apiTokens.findByHash(hash))?.token.lastUsedAt?.getTime(), t0);
        assert.equal(await stored(), t0, 'the first use is written');
        mock.timers.tick(59_999);
        assert.equal((await store.apiTokens.findByHash(hash))?.token.lastUsedAt?.getTime(), t0);
        assert.equal(await stored(), t0, 'a second use within the minute is not written');
        mock.timers.tick(1);
        assert.equal((await store.apiTokens.findByHash(hash))?.token.lastUsedAt?.getTime(), t0 + 60_000);
        assert.equal(await stored(), t0 + 60_000, 'a use a minute later is written');
        mock.timers.tick(1_000);
        await store.apiTokens.revoke(a, t.id);
        assert.equal(await store.apiTokens.findByHash(hash), null, 'revoked within the minute: refused at once');
      } finally {
        mock.timers.reset();
      }
    });

    test('login attempts: failures are counted per key since a time', async () => {
      const key = 'k-' + randomBytes(4).toString('hex');
      const t0 = new Date('2026-01-01T00:00:00Z');
      await store.loginAttempts.record({ key, success: false, at: t0 });
      await store.loginAttempts.record({ key, success: false, at: new Date(t0.getTime() + 1000) });
      await store.loginAttempts.record({ key, success: true, at: new Date(t0.getTime() + 2000) });
      await store.loginAttempts.record({ key: key + 'x', success: false, at: t0 });
      assert.equal(await store.loginAttempts.countFailuresSince(key, new Date(t0.getTime() - 1)), 2);
      assert.equal(await store.loginAttempts.countFailuresSince(key, new Date(t0.getTime() + 500)), 1);
      assert.ok((await store.loginAttempts.prune(new Date(t0.getTime() + 1500))) >= 2);
    });

    test('cases: every change of facts is a new revision; old revisions stay as they were', async () => {
      const a = await newActor();
      const c = await store.cases.create(a, { title: 'Doe v. Director', facts: { v: 1 }, note: 'intake' });
      assert.equal(c.currentRevision, 1);
      assert.deepEqual(c.facts, { v: 1 });
      const r2 = await store.cases.addRevision(a, c.id, { facts: { v: 2 }, note: 'after interview' });
      assert.equal(r2.revision, 2);
      const [x, y] = await Promise.all([
        store.cases.addRevision(a, c.id, { facts: { v: 3 } }),
        store.cases.addRevision(a, c.id, { facts: { v: 4 } }),
      ]);
      assert.deepEqual([x.revision, y.revision].sort(), [3, 4]);
      const revs = await store.cases.listRevisions(a, c.id);
      assert.deepEqual(revs.map((r) => r.revision), [1, 2, 3, 4]);
      assert.deepEqual(revs[0]!.facts, { v: 1 });
      assert.equal(revs[0]!.note, 'intake');
      assert.equal(revs[1]!.note, 'after interview');
      assert.equal(revs[0]!.authorId, a.userId);
      const got = await store.cases.get(a, c.id);
      assert.equal(got.currentRevision, 4);
      assert.deepEqual((await store.cases.getRevision(a, c.id, 1)).facts, { v: 1 });
      await rejectsWith(store.cases.getRevision(a, c.id, 9), 'not_found');
      await rejectsWith(store.cases.getRevision(a, c.id, 0), 'invalid');
    });

    test('cases: list, update title and status, clear errors for bad input', async () => {
      const a = await newActor();
      const c1 = await store.cases.create(a, { title: 'First' });
      const c2 = await store.cases.create(a, { title: 'Second', facts: { x: true } });
      const u = await store.cases.update(a, c1.id, { status: 'closed', title: 'First (closed)' });
      assert.equal(u.status, 'closed');
      assert.equal(u.title, 'First (closed)');
      assert.deepEqual((await store.cases.list(a)).map((c) => c.id).sort(), [c1.id, c2.id].sort());
      assert.deepEqual((await store.cases.list(a, { status: 'open' })).map((c) => c.id), [c2.id]);
      await rejectsWith(store.cases.create(a, { title: '  ' }), 'invalid');
      await rejectsWith(store.cases.update(a, c1.id, { status: 'lost' as never }), 'invalid');
      await rejectsWith(store.cases.create(a, { title: 't', facts: { f: () => 1 } as never }), 'invalid');
      await rejectsWith(store.cases.get(a, 'not-an-id'), 'not_found');
      await rejectsWith(store.cases.get(a, '00000000-0000-4000-8000-000000000000'), 'not_found');
    });

    test('organization scoping: another organization\'s ids behave as not found everywhere', async () => {
      const a = await newActor();
      const b = await newActor();
      const c = await store.cases.create(a, { title: 'Private' });
      const ev = await store.evidence.put(a, c.id, { filename: 'n.txt', stream: [Buffer.from('note')] });
      const doc = await store.documents.put(a, c.id, { kind: 'packet', filename: 'p.pdf', contentType: 'application/pdf', bytes: Buffer.from('%PDF-1.4') });
      const { deadlines: ds } = await store.docket.addEvent(a, c.id, { kind: 'complaint-filed', date: '2026-03-02' });
      assert.ok(ds.length > 0);
      await rejectsWith(store.cases.get(b, c.id), 'not_found');
      await rejectsWith(store.cases.update(b, c.id, { title: 'x' }), 'not_found');
      await rejectsWith(store.cases.addRevision(b, c.id, { facts: {} }), 'not_found');
      await rejectsWith(store.cases.listRevisions(b, c.id), 'not_found');
      await rejectsWith(store.parties.add(b, c.id, { role: 'petitioner', name: 'x' }), 'not_found');
      await rejectsWith(store.parties.list(b, c.id), 'not_found');
      await rejectsWith(store.docket.addEvent(b, c.id, { kind: 'x', date: '2026-01-01' }), 'not_found');
      await rejectsWith(store.docket.listDeadlines(b, c.id), 'not_found');
      await rejectsWith(store.evidence.list(b, c.id), 'not_found');
      await rejectsWith(store.evidence.read(b, ev.id), 'not_found');
      await rejectsWith(store.evidence.getRecord(b, ev.id), 'not_found');
      await rejectsWith(store.evidence.link(b, ev.id, { claim: 'HABEAS_2241' }), 'not_found');
      await rejectsWith(store.evidence.custody(b, ev.id), 'not_found');
      await rejectsWith(store.evidence.put(b, c.id, { filename: 'x.txt', stream: [Buffer.from('x')] }), 'not_found');
      await rejectsWith(store.documents.get(b, doc.id), 'not_found');
      if (ds[0]) await rejectsWith(store.docket.setDeadlineStatus(b, ds[0].id, 'met'), 'not_found');
      assert.deepEqual(await store.cases.list(b), []);
      assert.equal((await store.audit.list(b)).some((e) => e.entityId === c.id), false);
    });

    test('parties: names and details round-trip and are stored encrypted', async () => {
      const a = await newActor();
      const c = await store.cases.create(a, { title: 'T' });
      const p = await store.parties.add(a, c.id, { role: 'petitioner', name: 'Ana Lucía Pérez', details: { aNumber: 'A123456789', address: '1 Main St' } });
      const [listed] = await store.parties.list(a, c.id);
      assert.equal(listed?.name, 'Ana Lucía Pérez');
      assert.deepEqual(listed?.details, { aNumber: 'A123456789', address: '1 Main St' });
      const rows = await raw<{ name_enc: Uint8Array; details_enc: Uint8Array }>('select name_enc, details_enc from parties where id = $1', [p.id]);
      const stored = Buffer.concat([Buffer.from(rows[0]!.name_enc), Buffer.from(rows[0]!.details_enc)]).toString('latin1');
      assert.equal(stored.includes('P\u00e9rez') || stored.includes('Ana Luc') || stored.includes('A123456789'), false);
      await rejectsWith(store.parties.add(a, c.id, { role: 'petitioner', name: '' }), 'invalid');
    });

    test('audit log: reads and writes of case data are recorded with ids and no content', async () => {
      const a = await newActor();
      const c = await store.cases.create(a, { title: 'Audited Title', facts: { secret: 'Narrative text' } });
      await store.cases.get(a, c.id);
      await store.cases.addRevision(a, c.id, { facts: { secret: 'More' } });
      await store.cases.list(a);
      const entries = await store.audit.list(a);
      const actions = entries.map((e) => e.action);
      for (const x of ['case.create', 'case.read', 'case.revise', 'case.list']) assert.ok(actions.includes(x), x);
      const e = entries.find((x) => x.action === 'case.read')!;
      assert.equal(e.actorId, a.userId);
      assert.equal(e.orgId, a.orgId);
      assert.equal(e.entity, 'case');
      assert.equal(e.entityId, c.id);
      assert.equal(e.requestId, a.requestId);
      assert.equal(JSON.stringify(entries).includes('Audited'), false);
      assert.equal(JSON.stringify(entries).includes('Narrative'), false);
      const byEntity = await store.audit.list(a, { entity: 'case', entityId: c.id });
      assert.ok(byEntity.length >= 3 && byEntity.every((x) => x.entityId === c.id));
    });

    test('audit log: the database itself refuses UPDATE, DELETE and TRUNCATE', async () => {
      const a = await newActor();
      await store.cases.create(a, { title: 'x' });
      const before = await raw<{ n: string | number }>('select count(*) as n from audit_log');
      await assert.rejects(raw("update audit_log set action = 'x'"), /append-only/);
      await assert.rejects(raw('delete from audit_log'), /append-only/);
      await assert.rejects(raw('truncate audit_log'), /append-only/);
      const afterRows = await raw<{ n: string | number }>('select count(*) as n from audit_log');
      assert.equal(Number(afterRows[0]!.n), Number(before[0]!.n));
    });

    test('evidence: streamed in, hashed, typed by its bytes, encrypted, with a chain of custody', async () => {
      const a = await newActor();
      const c = await store.cases.create(a, { title: 'E' });
      const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a5b90000000049454e44ae426082', 'hex');
      async function* chunks() {
        yield png.subarray(0, 10);
        yield png.subarray(10);
      }
      const ev = await store.evidence.put(a, c.id, { filename: 'C:\\Users\\me\\photo.txt', stream: chunks() });
      assert.equal(ev.contentType, 'image/png', 'the type comes from the bytes, not the .txt name');
      assert.equal(ev.filename, 'photo.txt');
      assert.equal(ev.size, png.length);
      assert.equal(ev.sha256, createHash('sha256').update(png).digest('hex'));
      const read = await store.evidence.read(a, ev.id);
      assert.ok(read.bytes.equals(png));
      await store.evidence.read(a, ev.id, 'exported');
      const linked = await store.evidence.link(a, ev.id, { factsPath: 'detention.startDate', claim: 'HABEAS_2241' });
      assert.deepEqual(linked.links, [{ factsPath: 'detention.startDate', claim: 'HABEAS_2241' }]);
      await rejectsWith(store.evidence.link(a, ev.id, { factsPath: 'bad path; drop' }), 'invalid');
      const numbered = await store.evidence.update(a, ev.id, { exhibitNumber: 'A', batesStart: 'WRIT-000001', batesEnd: 'WRIT-000003' });
      assert.deepEqual([numbered.exhibitNumber, numbered.batesStart, numbered.batesEnd], ['A', 'WRIT-000001', 'WRIT-000003']);
      const chain = await store.evidence.custody(a, ev.id);
      assert.deepEqual(chain.map((x) => x.action), ['added', 'viewed', 'exported', 'linked']);
      assert.ok(chain.every((x) => x.actorId === a.userId));
      const rows = await raw<{ blob_enc: Uint8Array }>('select blob_enc from evidence where id = $1', [ev.id]);
      assert.equal(Buffer.from(rows[0]!.blob_enc).includes(png.subarray(16, 40)), false);
      assert.deepEqual((await store.evidence.list(a, c.id)).map((x) => x.id), [ev.id]);
    });

    test('evidence: text only when valid UTF-8; other bytes are octet-stream; programs and oversize files are refused', async () => {
      const a = await newActor();
      const c = await store.cases.create(a, { title: 'E' });
      const text = await store.evidence.put(a, c.id, { filename: 'carta.pdf', stream: [Buffer.from('Querida señora, el 2 de marzo… ✓')] });
      assert.equal(text.contentType, 'text/plain');
      const latin1 = await store.evidence.put(a, c.id, { filename: 'x.txt', stream: [Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b])] });
      assert.equal(latin1.contentType, 'application/octet-stream');
      const binary = await store.evidence.put(a, c.id, { filename: 'x.bin', stream: [Buffer.from([0, 1, 2, 3, 250, 251, 0, 0])] });
      assert.equal(binary.contentType, 'application/octet-stream');
      // A UTF-8 sequence split across two chunks is still text.
      const split = Buffer.from('é');
      const splitText = await store.evidence.put(a, c.id, { filename: 's.txt', stream: [split.subarray(0, 1), split.subarray(1)] });
      assert.equal(splitText.contentType, 'text/plain');
      const elf = Buffer.alloc(64);
      elf.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]);
      await rejectsWith(store.evidence.put(a, c.id, { filename: 'photo.jpg', stream: [elf] }), 'forbidden_type');
      const mz = Buffer.alloc(128);
      mz.write('MZ');
      await rejectsWith(store.evidence.put(a, c.id, { filename: 'doc.pdf', stream: [mz] }), 'forbidden_type');
      await rejectsWith(store.evidence.put(a, c.id, { filename: 'run.txt', stream: [Buffer.from('#!/bin/sh\nrm -rf /\n')] }), 'forbidden_type');
      const big = function* () {
        for (let i = 0; i < 5; i++) yield Buffer.alloc(64 * 1024, 0x61);
      };
      const tooBig = await rejectsWith(store.evidence.put(a, c.id, { filename: 'big.txt', stream: big() }), 'too_large');
      assert.match(tooBig.message, /limit of 256 KB/);
      await rejectsWith(store.evidence.put(a, c.id, { filename: 'empty.txt', stream: [] }), 'invalid');
      await rejectsWith(store.evidence.put(a, c.id, { filename: '../', stream: [Buffer.from('x')] }), 'invalid');
      assert.equal((await store.evidence.list(a, c.id)).length, 4, 'refused files leave nothing behind');
      const custodyRows = await raw<{ n: string | number }>(
        'select count(*) as n from custody_events ce join evidence e on e.id = ce.evidence_id where e.case_id = $1',
        [c.id],
      );
      assert.equal(Number(custodyRows[0]!.n), 4);
    });

    test('documents: bytes stored encrypted with their SHA-256 and returned intact', async () => {
      const a = await newActor();
      const c = await store.cases.create(a, { title: 'D' });
      const bytes = randomBytes(5000);
      const d = await store.documents.put(a, c.id, { kind: 'packet', filename: 'packet.pdf', contentType: 'application/pdf', bytes });
      assert.equal(d.sha256, createHash('sha256').update(bytes).digest('hex'));
      assert.equal(d.size, 5000);
      const got = await store.documents.get(a, d.id);
      assert.ok(got.bytes.equals(bytes));
      assert.equal(got.record.filename, 'packet.pdf');
      assert.deepEqual((await store.documents.list(a, c.id)).map((x) => x.id), [d.id]);
      await rejectsWith(store.documents.put(a, c.id, { kind: 'packet', filename: 'p', contentType: 'not a type', bytes }), 'invalid');
    });

    test('docket: a complaint filed Mon. Mar. 2, 2026 attaches the FRCP 4(m) deadline, rolled from Sun. May 31 to Mon. June 1', async () => {
      const a = await newActor();
      const c = await store.cases.create(a, { title: 'K' });
      const { event, deadlines } = await store.docket.addEvent(a, c.id, { kind: 'complaint-filed', date: '2026-03-02', note: 'Filed in person' });
      assert.equal(event.note, 'Filed in person');
      assert.equal(event.date, '2026-03-02');
      // SPEC § 5.5 worked example: +90 days = Sun. May 31, 2026 → Mon. June 1, 2026.
      const service = deadlines.find((d) => d.ruleId.includes('4m') || d.ruleId.includes('4-m'));
      assert.ok(service, `expected an FRCP 4(m) deadline, got ${deadlines.map((d) => d.ruleId).join(', ')}`);
      assert.equal(service.dueDate, '2026-06-01');
      assert.equal(service.sourceEventId, event.id);
      assert.equal(service.status, 'open');
      assert.equal((service.computation as { countedDate: string }).countedDate, '2026-05-31');
      const listed = await store.docket.listDeadlines(a, c.id);
      assert.deepEqual(listed.map((d) => [d.id, d.dueDate]), deadlines.map((d) => [d.id, d.dueDate]));
      const met = await store.docket.setDeadlineStatus(a, service.id, 'met');
      assert.equal(met.status, 'met');
      await rejectsWith(store.docket.setDeadlineStatus(a, service.id, 'late' as never), 'invalid');
      const other = await store.docket.addEvent(a, c.id, { kind: 'hearing-held', date: '2026-04-01' });
      assert.deepEqual(other.deadlines, [], 'kinds the engine does not know start no deadline');
      await store.docket.addEvent(a, c.id, { kind: 'hearing-set', date: '2026-03-15' });
      const events = await store.docket.listEvents(a, c.id);
      assert.deepEqual(events.map((e) => [e.kind, e.date, e.time]), [
        ['complaint-filed', '2026-03-02', null],
        ['hearing-set', '2026-03-15', null],
        ['hearing-held', '2026-04-01', null],
      ], 'events by date, not by when they were added');
      const reads = (await store.audit.list(a)).filter((e) => e.entityId === c.id).map((e) => e.action);
      assert.ok(reads.includes('docket_event.list') && reads.includes('deadline.list'), reads.join(', '));
      await rejectsWith(store.docket.listEvents(await newActor(), c.id), 'not_found');
    });

    test('docket: a detainer release-eligible Thu. 5 p.m. attaches the 8 C.F.R. 287.7(d) limit, Mon. 5 p.m. (SPEC fixture F6)', async () => {
      const a = await newActor();
      const c = await store.cases.create(a, { title: 'H' });
      const { deadlines } = await store.docket.addEvent(a, c.id, {
        kind: 'detainer-release-eligible',
        date: '2026-03-05',
        time: '17:00',
        timeZone: 'America/Chicago',
      });
      assert.equal(deadlines.length, 1);
      assert.deepEqual([deadlines[0]!.dueDate, deadlines[0]!.dueTime], ['2026-03-09', '17:00']);
    });

    test('docket: bad dates, times and engine input are refused clearly', async () => {
      const a = await newActor();
      const c = await store.cases.create(a, { title: 'K' });
      await rejectsWith(store.docket.addEvent(a, c.id, { kind: 'x', date: '2026-02-30' }), 'invalid');
      await rejectsWith(store.docket.addEvent(a, c.id, { kind: 'x', date: '03/02/2026' }), 'invalid');
      await rejectsWith(store.docket.addEvent(a, c.id, { kind: 'x', date: '2026-03-02', time: '25:00' }), 'invalid');
      // The detainer hold is counted in hours from an instant: a date alone is not enough.
      const e = await rejectsWith(store.docket.addEvent(a, c.id, { kind: 'detainer-release-eligible', date: '2026-03-06' }), 'invalid');
      assert.ok(e.problem?.code.startsWith('deadlines:'));
      assert.equal((await store.docket.listEvents(a, c.id)).length, 0, 'a refused event leaves nothing behind');
    });

    test('job records: input and result encrypted with the job id, org-scoped, progress and finish, newest first, audited', async () => {
      const a = await newActor('paralegal');
      const csv = Buffer.from('id,name\nr1,Jobrecord Plantedname\n');
      const job = await store.jobRecords.create(a, { kind: 'packet-batch', input: csv, summary: { rows: 1, formats: 'docx' }, total: 1 });
      assert.deepEqual([job.status, job.kind, job.progress, job.hasResult, job.errorCode], ['queued', 'packet-batch', { done: 0, total: 1 }, false, null]);
      const [row] = await raw<{ input_enc: Uint8Array; summary: unknown }>('select input_enc, summary from jobs where id = $1', [job.id]);
      assert.ok(!Buffer.from(row!.input_enc).includes(Buffer.from('Plantedname')), 'the input is encrypted');
      // The associated data binds the ciphertext to its row: moved to another job, it does not decrypt.
      const second = await store.jobRecords.create(a, { kind: 'import-287g', input: Buffer.from('{}') });
      await raw('update jobs set input_enc = (select input_enc from jobs where id = $1) where id = $2', [job.id, second.id]);
      await assert.rejects(store.jobRecords.readInput(second.id));
      assert.deepEqual((await store.jobRecords.readInput(job.id)).input, csv);

      await rejectsWith(store.jobRecords.readResult(a, job.id), 'conflict');
      assert.ok(await store.jobRecords.start(job.id));
      await store.jobRecords.progress(job.id, 1, 1);
      assert.deepEqual((await store.jobRecords.get(a, job.id)).progress, { done: 1, total: 1 });
      const done = await store.jobRecords.finish(job.id, { status: 'done', summary: { rows: 1, ok: 1 }, result: Buffer.from('PK zip with Plantedname') });
      assert.deepEqual([done.status, done.hasResult, done.summary], ['done', true, { rows: 1, ok: 1 }]);
      assert.ok(done.finishedAt && done.startedAt);
      assert.equal((await store.jobRecords.readResult(a, job.id)).bytes.toString(), 'PK zip with Plantedname');
      assert.equal(await store.jobRecords.start(job.id), null, 'a finished job is not started again');

      const failed = await store.jobRecords.create(a, { kind: 'import-287g', input: Buffer.from('{}') });
      const f = await store.jobRecords.finish(failed.id, { status: 'failed', errorCode: 'sheet_format' });
      assert.deepEqual([f.status, f.errorCode], ['failed', 'sheet_format']);
      await rejectsWith(store.jobRecords.finish(failed.id, { status: 'failed', errorCode: 'Free text with a name' }), 'invalid');
      await rejectsWith(store.jobRecords.create(a, { kind: 'packet-batch', input: csv, summary: { note: 'Jobrecord Plantedname' } }), 'invalid');
      await rejectsWith(store.jobRecords.create(a, { kind: 'other' as never, input: csv }), 'invalid');
      await rejectsWith(store.jobRecords.create(a, { kind: 'packet-batch', input: Buffer.alloc(0) }), 'invalid');

      assert.deepEqual((await store.jobRecords.list(a)).map((j) => j.id), [failed.id, second.id, job.id]);
      const other = await newActor('admin');
      await rejectsWith(store.jobRecords.get(other, job.id), 'not_found');
      await rejectsWith(store.jobRecords.readResult(other, job.id), 'not_found');
      await rejectsWith(store.jobRecords.get(a, 'not-an-id'), 'not_found');
      assert.deepEqual(await store.jobRecords.list(other), []);
      const actions = (await store.audit.list(a, { entity: 'job', entityId: job.id })).map((e) => e.action);
      for (const x of ['job.create', 'job.start', 'job.done', 'job.read', 'job.result.download']) assert.ok(actions.includes(x), `${x}: ${actions.join(', ')}`);
    });

    test('jobs: a queued job reaches its worker with its data', async () => {
      const name = 'test.echo-' + randomBytes(3).toString('hex');
      const received = new Promise<unknown>((resolve) => {
        void store.jobs.work<{ n: number }>(name, async (data) => resolve(data));
      });
      const id = await store.jobs.enqueue(name, { n: 42 });
      assert.equal(typeof id, 'string');
      assert.deepEqual(await received, { n: 42 });
      await rejectsWith(store.jobs.enqueue('Bad Name!', {}), 'invalid');
    });
  });
}
