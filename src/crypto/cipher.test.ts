import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { decryptBytes, decryptJson, encryptBytes, encryptJson, envelopeKeyId, recordAad } from './cipher.ts';
import { KeyError, type KeyRing } from './key-ring.ts';

const ring = (id = 'k1', key = randomBytes(32)): KeyRing => ({ currentKeyId: id, keys: new Map([[id, key]]), source: 'test' });

test('round-trips bytes and JSON; the envelope names its key', () => {
  const r = ring();
  const aad = recordAad('cases', 'id-1', 'title');
  const env = encryptBytes(r, Buffer.from('Doe v. Director'), aad);
  assert.equal(envelopeKeyId(env), 'k1');
  assert.equal(decryptBytes(r, env, aad).toString(), 'Doe v. Director');
  assert.equal(env.includes(Buffer.from('Doe')), false);
  assert.deepEqual(decryptJson(r, encryptJson(r, { a: [1, 'ñ'] }, aad), aad), { a: [1, 'ñ'] });
});

test('a fresh nonce per record: the same plaintext encrypts differently each time', () => {
  const r = ring();
  const a = encryptBytes(r, Buffer.from('same'), 'x');
  const b = encryptBytes(r, Buffer.from('same'), 'x');
  assert.notDeepEqual(a, b);
});

test('a ciphertext moved to another record, or altered, does not decrypt', () => {
  const r = ring();
  const env = encryptBytes(r, Buffer.from('secret'), recordAad('parties', 'p1', 'name'));
  assert.throws(() => decryptBytes(r, env, recordAad('parties', 'p2', 'name')), KeyError);
  assert.throws(() => decryptBytes(r, env, recordAad('parties', 'p1', 'details')), KeyError);
  const bad = Buffer.from(env);
  bad[bad.length - 1]! ^= 1;
  assert.throws(() => decryptBytes(r, bad, recordAad('parties', 'p1', 'name')), /integrity/);
});

test('old keys decrypt what they made; a missing key is named in the error', () => {
  const k1 = randomBytes(32);
  const old = ring('k1', k1);
  const env = encryptBytes(old, Buffer.from('x'), 'a');
  const both: KeyRing = { currentKeyId: 'k2', keys: new Map([['k1', k1], ['k2', randomBytes(32)]]), source: 'test' };
  assert.equal(decryptBytes(both, env, 'a').toString(), 'x');
  assert.equal(envelopeKeyId(encryptBytes(both, Buffer.from('y'), 'a')), 'k2');
  assert.throws(() => decryptBytes(ring('k3'), env, 'a'), /key "k1", which is not in the key ring/);
  assert.throws(() => envelopeKeyId(Buffer.from('plain text')), /Not a Writ ciphertext/);
});
