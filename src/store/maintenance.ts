/**
 * Whole-database operations behind `store.maintenance`: backup, restore, key rotation. Thin wrappers that add the
 * audit entry (actor, action — no content) around src/store/backup.ts and src/store/rotate-keys.ts.
 */
import { writeBackup, restoreBackup } from './backup.ts';
import { rotateKeys } from './rotate-keys.ts';
import { audit, type StoreContext } from './context.ts';
import type { MaintenanceApi } from './types.ts';

export function maintenanceApi(ctx: StoreContext, keyFile: string | null): MaintenanceApi {
  return {
    async backup(file, opts = {}) {
      const r = await writeBackup(ctx.db, ctx.ring, file, opts.passphrase !== undefined ? { passphrase: opts.passphrase } : {});
      await audit(ctx.db, opts.actor ?? null, 'store.backup', 'database', null);
      ctx.log(`store: backup written (${r.bytes} bytes)`);
      return r;
    },
    async restore(file, opts = {}) {
      const r = await restoreBackup(ctx.db, ctx.ring, file, {
        force: Boolean(opts.force),
        ...(opts.passphrase !== undefined ? { passphrase: opts.passphrase } : {}),
      });
      await audit(ctx.db, opts.actor ?? null, 'store.restore', 'database', null);
      ctx.log('store: backup restored');
      return r;
    },
    async rotateKeys(opts = {}) {
      const r = await rotateKeys(ctx, keyFile, { keepOld: Boolean(opts.keepOld) });
      if (opts.actor) await audit(ctx.db, opts.actor, 'keys.rotate.request', 'key_ring', r.newKeyId);
      return r;
    },
    keyInfo() {
      return { keyFile, source: ctx.ring.source === 'env' ? 'env' : 'file', currentKeyId: ctx.ring.currentKeyId };
    },
  };
}
