/**
 * The login use case: rate limit first, then the password (argon2id), then a session. Failures never say whether the
 * email exists.
 */
import type { Store, User } from '../store/types.ts';
import { checkLoginAllowed, recordLoginFailure, recordLoginSuccess } from './login-rate-limit.ts';
import { verifyPassword } from './password.ts';
import { startSession, type StartedSession } from './sessions.ts';

export type LoginResult =
  | { ok: true; user: User; session: StartedSession }
  | { ok: false; reason: 'invalid_credentials' }
  | { ok: false; reason: 'too_many_attempts'; retryAfterSeconds: number };

export async function login(
  store: Pick<Store, 'users' | 'sessions' | 'loginAttempts' | 'audit'>,
  input: { email: string; password: string; address: string },
  now: Date,
): Promise<LoginResult> {
  const attempt = { email: input.email, address: input.address };
  const gate = await checkLoginAllowed(store.loginAttempts, attempt, now);
  if (!gate.allowed) return { ok: false, reason: 'too_many_attempts', retryAfterSeconds: gate.retryAfterSeconds };
  const found = await store.users.findForLogin(input.email.trim());
  const ok = await verifyPassword(found?.passwordHash ?? null, input.password);
  if (!ok || !found || found.disabled) {
    await recordLoginFailure(store.loginAttempts, attempt, now);
    await store.audit.record(null, { action: 'auth.login_failed', entity: 'user', ...(found ? { entityId: found.id, orgId: found.orgId } : {}) });
    return { ok: false, reason: 'invalid_credentials' };
  }
  await recordLoginSuccess(store.loginAttempts, attempt, now);
  const { passwordHash: _omit, ...user } = found;
  const session = await startSession(store, user, now);
  await store.audit.record({ userId: user.id, orgId: user.orgId, role: user.role }, { action: 'auth.login', entity: 'user', entityId: user.id });
  return { ok: true, user, session };
}
