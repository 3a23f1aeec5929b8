/**
 * A signed-in user changes their own password: the current one is checked (counted by the login rate limit, so a
 * stolen session cannot be used to guess it), every session of the user ends, and a fresh session is started.
 */
import type { Store, User } from '../store/types.ts';
import { checkLoginAllowed, recordLoginFailure } from './login-rate-limit.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { startSession, type StartedSession } from './sessions.ts';

export type ChangePasswordResult =
  | { ok: true; session: StartedSession }
  | { ok: false; reason: 'invalid_credentials' }
  | { ok: false; reason: 'too_many_attempts'; retryAfterSeconds: number };

export async function changePassword(
  store: Pick<Store, 'users' | 'sessions' | 'loginAttempts' | 'audit'>,
  user: User,
  input: { currentPassword: string; newPassword: string; address: string },
  now: Date,
): Promise<ChangePasswordResult> {
  const attempt = { email: user.email, address: input.address };
  const gate = await checkLoginAllowed(store.loginAttempts, attempt, now);
  if (!gate.allowed) return { ok: false, reason: 'too_many_attempts', retryAfterSeconds: gate.retryAfterSeconds };
  const found = await store.users.findForLogin(user.email);
  if (!found || found.id !== user.id || !(await verifyPassword(found.passwordHash, input.currentPassword))) {
    await recordLoginFailure(store.loginAttempts, attempt, now);
    return { ok: false, reason: 'invalid_credentials' };
  }
  const actor = { userId: user.id, orgId: user.orgId, role: user.role };
  await store.users.update(actor, user.id, { passwordHash: await hashPassword(input.newPassword) });
  await store.sessions.deleteForUser(user.id);
  await store.audit.record(actor, { action: 'auth.password_changed', entity: 'user', entityId: user.id });
  return { ok: true, session: await startSession(store, user, now) };
}
