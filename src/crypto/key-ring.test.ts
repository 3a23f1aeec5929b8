import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { addCurrentKey, KeyError, loadKeyFile, loadKeyRing, retireOldKeys } from './key-ring.ts';

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'writ-keys-'));
}

test('first run creates the key file with mode 0600 and one 32-byte key; later runs read the same key', () => {
  const dir = tmp();
  try {
    const path = join(dir, 'sub', 'keys.json');
    const a = loadKeyRing({ keyFile: path });
    assert.equal(statSync(path).mode & 0o777, 0o600);
    assert.equal(a.keys.get(a.currentKeyId)!.length, 32);
    const b = loadKeyRing({ keyFile: path });
    assert.equal(b.currentKeyId, a.currentKeyId);
    assert.ok(b.keys.get(b.currentKeyId)!.equals(a.keys.get(a.currentKeyId)!));
    assert.throws(() => loadKeyFile(join(dir, 'none.json'), false), /copy the key file they were written with/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('WRIT_KEY wins over the key file and must be 32 bytes of base64', () => {
  const key = randomBytes(32).toString('base64');
  const r = loadKeyRing({ envKey: key, keyFile: '/nonexistent/keys.json' });
  assert.equal(r.source, 'env');
  assert.equal(loadKeyRing({ envKey: key, keyFile: '/x' }).currentKeyId, r.currentKeyId, 'stable id');
  assert.throws(() => loadKeyRing({ envKey: 'c2hvcnQ=', keyFile: '/x' }), (e) => e instanceof KeyError && /32 random bytes/.test(e.message));
});

test('adding a key keeps the old ones until they are retired', () => {
  const dir = tmp();
  try {
    const path = join(dir, 'keys.json');
    const first = loadKeyRing({ keyFile: path });
    const second = addCurrentKey(path);
    assert.notEqual(second.currentKeyId, first.currentKeyId);
    assert.ok(second.keys.has(first.currentKeyId));
    assert.equal(statSync(path).mode & 0o777, 0o600);
    const third = retireOldKeys(path);
    assert.deepEqual([...third.keys.keys()], [second.currentKeyId]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a damaged key file is reported clearly', () => {
  const dir = tmp();
  try {
    const path = join(dir, 'keys.json');
    writeFileSync(path, '{not json');
    assert.throws(() => loadKeyFile(path, true), /not valid JSON/);
    writeFileSync(path, JSON.stringify({ version: 1, current: 'x', keys: [] }));
    assert.throws(() => loadKeyFile(path, true), /does not contain it/);
    assert.equal(readFileSync(path, 'utf8').includes('"x"'), true, 'a damaged file is never overwritten');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
