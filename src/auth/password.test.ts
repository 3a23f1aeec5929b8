import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hashPassword, isArgon2idHash, verifyPassword } from './password.ts';

test('hashes with argon2id, salted, and verifies only the right password', async () => {
  const a = await hashPassword('correct horse battery');
  const b = await hashPassword('correct horse battery');
  assert.ok(isArgon2idHash(a));
  assert.match(a, /m=19456,t=2,p=1/);
  assert.notEqual(a, b, 'each hash has its own salt');
  assert.ok(!a.includes('correct horse'));
  assert.equal(await verifyPassword(a, 'correct horse battery'), true);
  assert.equal(await verifyPassword(a, 'correct horse batterY'), false);
});

test('an unknown account or a malformed stored hash never verifies', async () => {
  assert.equal(await verifyPassword(null, 'anything at all'), false);
  assert.equal(await verifyPassword('not-a-hash', 'anything at all'), false);
});

test('refuses to hash passwords that are too short or too long', async () => {
  await assert.rejects(hashPassword('short'), RangeError);
  await assert.rejects(hashPassword('x'.repeat(257)), RangeError);
});
