/**
 * Secret bearer values (session cookies, API tokens): 32 random bytes, base64url, with a prefix that says what the
 * token is (so secret scanners and people recognise it). Only the SHA-256 of a token is ever stored.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_PREFIX = 'writ_s_';
export const API_TOKEN_PREFIX = 'writ_pat_';

export function newSecretToken(prefix: string): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** What the database keeps: the hex SHA-256 of the token. */
export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** True when `token` has the prefix and the shape newSecretToken gives (cheap rejection of junk before any lookup). */
export function looksLikeToken(token: string, prefix: string): boolean {
  return token.startsWith(prefix) && /^[A-Za-z0-9_-]{43}$/.test(token.slice(prefix.length));
}

/** Constant-time string comparison. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
