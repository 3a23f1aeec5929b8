/**
 * Reading the append-only audit log, and recording actions that happen outside the store (login, packet generation).
 */
import { and, desc, eq, type SQL } from 'drizzle-orm';
import { auditLog } from './schema.ts';
import { StoreError, type AuditApi } from './types.ts';
import { audit, requireText, type StoreContext } from './context.ts';

export function auditApi(ctx: StoreContext): AuditApi {
  return {
    async list(actor, opts = {}) {
      const limit = opts.limit ?? 200;
      if (!Number.isInteger(limit) || limit < 1 || limit > 5000) {
        throw new StoreError('invalid', 'limit must be a whole number from 1 to 5000.');
      }
      const conds: SQL[] = [eq(auditLog.orgId, actor.orgId)];
      if (opts.entity) conds.push(eq(auditLog.entity, opts.entity));
      if (opts.entityId) conds.push(eq(auditLog.entityId, opts.entityId));
      return ctx.db
        .select()
        .from(auditLog)
        .where(and(...conds))
        .orderBy(desc(auditLog.at))
        .limit(limit);
    },
    async record(actor, entry) {
      await audit(
        ctx.db,
        actor,
        requireText(entry.action, 'action', 100),
        requireText(entry.entity, 'entity', 100),
        entry.entityId ?? null,
        entry.orgId ?? actor?.orgId ?? null,
      );
    },
  };
}
