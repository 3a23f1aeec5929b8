/**
 * Login rate limiting, per account and per client address, over a sliding window. Failures are kept by the store
 * (so every Writ server sharing one database sees them), under keys that are hashes: no email or IP is stored.
 */
import { createHash } from 'node:crypto';

import type { LoginAttemptsApi } from '../store/types.ts';

/** What the limiter needs of the store. */
export type LoginAttemptLog = Pick<LoginAttemptsApi, 'record' | 'countFailuresSince'>;

export const LOGIN_LIMITS = {
  windowMs: 15 * 60 * 1000,
  perAccount: 5,
  perAddress: 30,
} as const;

function key(kind: 'account' | 'address', value: string): string {
  return `${kind}:${createHash('sha256').update(value, 'utf8').digest('hex').slice(0, 32)}`;
}

export interface LoginAttempt {
  email: string;
  address: string;
}

function keys({ email, address }: LoginAttempt) {
  return { account: key('account', email.trim().toLowerCase()), address: key('address', address) };
}

export type LoginGate = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Asks before checking a password: has this account or this address failed too often lately? */
export async function checkLoginAllowed(log: LoginAttemptLog, attempt: LoginAttempt, now: Date): Promise<LoginGate> {
  const k = keys(attempt);
  const since = new Date(now.getTime() - LOGIN_LIMITS.windowMs);
  const [account, address] = await Promise.all([
    log.countFailuresSince(k.account, since),
    log.countFailuresSince(k.address, since),
  ]);
  if (account >= LOGIN_LIMITS.perAccount || address >= LOGIN_LIMITS.perAddress) {
    return { allowed: false, retryAfterSeconds: Math.ceil(LOGIN_LIMITS.windowMs / 1000) };
  }
  return { allowed: true };
}

export async function recordLoginFailure(log: LoginAttemptLog, attempt: LoginAttempt, now: Date): Promise<void> {
  const k = keys(attempt);
  await Promise.all([
    log.record({ key: k.account, success: false, at: now }),
    log.record({ key: k.address, success: false, at: now }),
  ]);
}

/**
 * Records a success on the account. It does not wipe earlier failures: the window still counts them, so a guesser
 * who also knows one valid password cannot reset the limit.
 */
export async function recordLoginSuccess(log: LoginAttemptLog, attempt: LoginAttempt, now: Date): Promise<void> {
  await log.record({ key: keys(attempt).account, success: true, at: now });
}
