import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  LOGIN_LIMITS,
  checkLoginAllowed,
  recordLoginFailure,
  recordLoginSuccess,
  type LoginAttemptLog,
} from './login-rate-limit.ts';

/** A log kept in a Map, for testing the limiter's logic (the store keeps the real one). */
function memoryLog(): LoginAttemptLog & { keys: () => string[] } {
  const rows: { key: string; success: boolean; at: Date }[] = [];
  return {
    keys: () => [...new Set(rows.map((r) => r.key))],
    async record({ key, success, at }) { rows.push({ key, success, at: at ?? new Date() }); },
    async countFailuresSince(key, since) { return rows.filter((r) => r.key === key && !r.success && r.at >= since).length; },
  };
}

const t0 = new Date('2026-03-02T10:00:00Z');
const at = (min: number) => new Date(t0.getTime() + min * 60_000);

test('locks an account after 5 failures in 15 minutes, from any address, and frees it after the window', async () => {
  const log = memoryLog();
  for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) {
    assert.deepEqual(await checkLoginAllowed(log, { email: 'A@x.org', address: `10.0.0.${i}` }, at(i)), { allowed: true });
    await recordLoginFailure(log, { email: 'a@x.org ', address: `10.0.0.${i}` }, at(i));
  }
  const gate = await checkLoginAllowed(log, { email: 'a@x.org', address: '10.9.9.9' }, at(6));
  assert.equal(gate.allowed, false);
  assert.equal(await checkLoginAllowed(log, { email: 'b@x.org', address: '10.9.9.9' }, at(6)).then((g) => g.allowed), true);
  assert.equal(await checkLoginAllowed(log, { email: 'a@x.org', address: '10.9.9.9' }, at(20)).then((g) => g.allowed), true);
});

test('locks an address that tries many accounts', async () => {
  const log = memoryLog();
  for (let i = 0; i < LOGIN_LIMITS.perAddress; i++) await recordLoginFailure(log, { email: `u${i}@x.org`, address: '192.0.2.7' }, at(0));
  const gate = await checkLoginAllowed(log, { email: 'new@x.org', address: '192.0.2.7' }, at(1));
  assert.deepEqual(gate, { allowed: false, retryAfterSeconds: 900 });
});

test('a success does not reset the window; keys never contain the email or the address', async () => {
  const log = memoryLog();
  for (let i = 0; i < 4; i++) await recordLoginFailure(log, { email: 'a@x.org', address: '192.0.2.8' }, at(0));
  await recordLoginSuccess(log, { email: 'a@x.org', address: '192.0.2.8' }, at(1));
  assert.equal(await checkLoginAllowed(log, { email: 'a@x.org', address: '192.0.2.8' }, at(2)).then((g) => g.allowed), true);
  await recordLoginFailure(log, { email: 'a@x.org', address: '192.0.2.8' }, at(2));
  assert.equal(await checkLoginAllowed(log, { email: 'a@x.org', address: '192.0.2.8' }, at(3)).then((g) => g.allowed), false);
  for (const k of log.keys()) {
    assert.ok(!k.includes('a@x.org') && !k.includes('192.0.2.8'), k);
  }
});
