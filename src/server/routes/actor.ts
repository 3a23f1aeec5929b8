/** The store's Actor for the signed-in user of a request (the request id goes to the audit log). */
import type { Context } from 'hono';
import type { Actor } from '../../store/types.ts';
import type { AppEnv, AuthUser } from '../deps.ts';

export function actorOf(c: Context<AppEnv>, user: AuthUser): Actor {
  return { userId: user.id, orgId: user.orgId, role: user.role, requestId: c.get('requestId') };
}
