/**
 * Browser sessions: a random token in an HttpOnly cookie; the store keeps only its SHA-256, the user, the expiry and
 * the session's CSRF secret. Sessions expire after SESSION_TTL_MS without use (sliding), and at most after
 * SESSION_MAX_MS from creation.
 */
import type { Session, Store, User } from '../store/types.ts';
import { newCsrfSecret } from './csrf.ts';
import { SESSION_PREFIX, hashSecretToken, looksLikeToken, newSecretToken } from './secret-token.ts';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
export const SESSION_MAX_MS = 7 * 24 * 60 * 60 * 1000;
const TOUCH_EVERY_MS = 5 * 60 * 1000;

type SessionStore = Pick<Store, 'sessions'>;

export interface StartedSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function startSession(store: SessionStore, user: User, now: Date): Promise<StartedSession> {
  const token = newSecretToken(SESSION_PREFIX);
  const csrfToken = newCsrfSecret();
  const expiresAt = new Date(now.getTime() + SESSION_MAX_MS);
  await store.sessions.create({ userId: user.id, tokenHash: hashSecretToken(token), csrfSecret: csrfToken, expiresAt, now });
  return { token, csrfToken, expiresAt };
}

/** The live session and its user for a cookie value, or null (unknown, expired, idle too long, user disabled). */
export async function resolveSession(
  store: SessionStore,
  token: string,
  now: Date,
): Promise<{ session: Session; user: User } | null> {
  if (!looksLikeToken(token, SESSION_PREFIX)) return null;
  const found = await store.sessions.findByTokenHash(hashSecretToken(token), now);
  if (!found || found.user.disabled) return null;
  const idle = now.getTime() - found.session.lastSeenAt.getTime();
  if (idle > SESSION_TTL_MS) {
    await store.sessions.delete(found.session.id);
    return null;
  }
  if (idle > TOUCH_EVERY_MS) await store.sessions.touch(found.session.id, now);
  return found;
}

export async function endSession(store: SessionStore, sessionId: string): Promise<void> {
  await store.sessions.delete(sessionId);
}
