// `writ backup`, `writ restore` and `writ keys` end to end on an embedded data directory.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runMain, tempDataDir } from '../test-io.ts';
import { openStore } from '../../store/index.ts';
import { pgliteTemplate } from '../../store/testing/pglite-template.ts';

let dir: string;
let dataDir: string;

const run = runMain;

before(async () => {
  ({ dir, dataDir } = tempDataDir('writ-cli-store-'));
  const store = await openStore({ dataDir, jobs: false, pgliteTemplate: await pgliteTemplate() });
  const org = await store.orgs.create({ name: 'Org' });
  const user = await store.users.create({ orgId: org.id, email: 'a@example.org', displayName: 'A', role: 'attorney', passwordHash: 'h' });
  await store.cases.create({ userId: user.id, orgId: org.id, role: 'attorney' }, { title: 'Case one' });
  await store.close();
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('backup writes an encrypted file (0600); restore refuses a non-empty database, in English or Spanish', async () => {
  const file = join(dir, 'b1.writbak');
  const b = await run('backup', file, '--data-dir', dataDir, '--json');
  assert.equal(b.code, 0, b.err);
  const r = JSON.parse(b.out);
  assert.equal(r.counts.cases, 1);
  assert.equal(statSync(file).mode & 0o777, 0o600);
  assert.equal(readFileSync(file).subarray(0, 8).toString(), 'WRITBAK1');
  assert.equal(readFileSync(file).includes(Buffer.from('Case one')), false);

  const again = await run('restore', file, '--data-dir', dataDir);
  assert.equal(again.code, 2);
  assert.match(again.err, /already holds data.*--force/);
  const es = await run('restore', file, '--data-dir', dataDir, '--lang', 'es');
  assert.match(es.err, /ya contiene datos/);

  const forced = await run('restore', file, '--data-dir', dataDir, '--force');
  assert.equal(forced.code, 0, forced.err);
  assert.match(forced.out, /1 cases/);
});

test('keys rotate re-encrypts, removes the old key, and then old backups need the old key file', async () => {
  const file = join(dir, 'b2.writbak');
  assert.equal((await run('backup', file, '--data-dir', dataDir)).code, 0);
  const before = JSON.parse(readFileSync(join(dataDir, 'keys.json'), 'utf8'));
  const rot = await run('keys', 'rotate', '--data-dir', dataDir, '--json');
  assert.equal(rot.code, 0, rot.err);
  const r = JSON.parse(rot.out);
  assert.ok(r.reencrypted.cases >= 1);
  const afterKeys = JSON.parse(readFileSync(join(dataDir, 'keys.json'), 'utf8'));
  assert.deepEqual(afterKeys.keys.map((k: { id: string }) => k.id), [r.newKeyId]);
  assert.notEqual(afterKeys.current, before.current);
  assert.equal(rot.out.includes(afterKeys.keys[0].key), false, 'never prints a key');
  const old = await run('restore', file, '--data-dir', dataDir, '--force');
  assert.equal(old.code, 1);
  assert.match(old.err, /not in the key ring/);
});

test('keys init says where the key file is and never prints the key', async () => {
  const r = await run('keys', 'init', '--data-dir', dataDir, '--json');
  assert.equal(r.code, 0, r.err);
  const info = JSON.parse(r.out);
  assert.equal(info.keyFile, join(dataDir, 'keys.json'));
  assert.equal(info.source, 'file');
  const file = JSON.parse(readFileSync(join(dataDir, 'keys.json'), 'utf8'));
  assert.equal(info.currentKeyId, file.current);
  assert.equal(r.out.includes(file.keys[0].key), false);
  const es = await run('keys', 'init', '--data-dir', dataDir, '--lang', 'es');
  assert.match(es.out, /Archivo de claves listo/);
});

test('bad input: no file, a missing file, an unknown flag', async () => {
  assert.equal((await run('backup', '--data-dir', dataDir)).code, 2);
  const missing = await run('restore', join(dir, 'nope.writbak'), '--data-dir', dataDir);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /No backup file/);
  assert.equal((await run('keys', 'rotate', '--bogus')).code, 2);
  // Restoring onto a new machine needs the key file first: restore never makes a new key.
  const fresh = join(dir, 'fresh');
  const noKeys = await run('restore', join(dir, 'b1.writbak'), '--data-dir', fresh);
  assert.equal(noKeys.code, 1);
  assert.match(noKeys.err, /No key file at .*keys\.json/);
  assert.equal(existsSync(join(fresh, 'keys.json')), false);
  assert.equal(existsSync(join(dataDir, 'writ.lock')), false, 'every command released the data directory');
});
