/** The audit log of my organization (admins). Entries name actor, action and ids, never content. */
import { z } from 'zod';
import { defineRoute, type AnyRoute } from '../route.ts';
import { Id, Timestamp } from '../schemas.ts';
import { actorOf } from './actor.ts';

const AuditOut = z.object({
  id: Id,
  at: Timestamp,
  actorId: z.string().nullable(),
  orgId: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  requestId: z.string().nullable(),
});

export function auditRoutes(): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/api/audit',
      tag: 'audit',
      summary: 'Audit log entries of my organization, newest first.',
      access: 'audit.read',
      query: z.object({
        entity: z.string().max(50).optional(),
        entityId: Id.optional(),
        limit: z.coerce.number().int().min(1).max(1000).default(200),
      }),
      responses: [{ status: 200, description: 'Entries', schema: z.object({ entries: z.array(AuditOut) }) }],
      handler: async ({ c, deps, user, query }) =>
        c.json({ entries: await deps.store.audit.list(actorOf(c, user), query) }),
    }),
  ];
}
