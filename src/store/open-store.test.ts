// openStore's refusals that happen before any database is created: each is a StoreError with a clear message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { openStore, StoreError } from './index.ts';

const key = Buffer.alloc(32, 9).toString('base64');

async function refusal(p: Promise<unknown>): Promise<StoreError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof StoreError, String(e));
    return e;
  }
  assert.fail('expected a StoreError');
}

test('an unreachable PostgreSQL is "unavailable", and the message never repeats the URL (it may hold a password)', async () => {
  // A port that is certainly closed: bind one, then close it.
  const port = await new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
  const e = await refusal(openStore({ databaseUrl: `postgres://writ:s3cretPassw0rd@127.0.0.1:${port}/writ`, envKey: key, env: {} }));
  assert.equal(e.code, 'unavailable');
  assert.match(e.message, /Cannot connect to the PostgreSQL database in DATABASE_URL \(ECONNREFUSED\)/);
  assert.equal(e.message.includes('s3cretPassw0rd'), false);
});

test('a bad evidence limit or a bad WRIT_KEY is refused before anything is opened', async () => {
  const limit = await refusal(openStore({ inMemory: true, envKey: key, env: { WRIT_EVIDENCE_MAX_BYTES: '50MB' } }));
  assert.equal(limit.code, 'invalid');
  assert.match(limit.message, /WRIT_EVIDENCE_MAX_BYTES must be a whole number of bytes/);
  const badKey = await refusal(openStore({ inMemory: true, env: { WRIT_KEY: 'dG9vIHNob3J0' } }));
  assert.equal(badKey.code, 'key');
  assert.match(badKey.message, /32 random bytes/);
  const none = await refusal(openStore({ inMemory: true, env: {} }));
  assert.equal(none.code, 'key');
});
