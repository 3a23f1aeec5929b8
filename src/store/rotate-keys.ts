/**
 * `writ keys rotate`: a new current key, then every encrypted column of every row re-encrypted with it (same
 * associated data), page by page. Old keys stay in the key file until every ciphertext is under the new key;
 * then they are removed (unless `keepOld`). Stop Writ servers that use the same database first: they hold the old
 * key ring in memory.
 */
import { and, asc, eq, getTableColumns, gt, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { decryptBytes, encryptBytes, envelopeKeyId, recordAad } from '../crypto/cipher.ts';
import { addCurrentKey, retireOldKeys, type KeyRing } from '../crypto/key-ring.ts';
import type { StoreContext } from './context.ts';
import { audit } from './context.ts';
import { ALL_TABLES } from './all-tables.ts';
import { StoreError } from './types.ts';

interface EncryptedTable {
  name: string;
  table: PgTable;
  id: PgColumn;
  /** Encrypted columns: property name, and the field name used in the associated data. */
  columns: { prop: string; field: string; column: PgColumn }[];
}

function encryptedTables(): EncryptedTable[] {
  const out: EncryptedTable[] = [];
  for (const t of ALL_TABLES) {
    const cols = getTableColumns(t.table) as Record<string, PgColumn>;
    const enc = Object.entries(cols)
      .filter(([prop]) => prop.endsWith('Enc'))
      .map(([prop, column]) => ({ prop, field: prop.slice(0, -3), column }));
    if (enc.length) out.push({ name: t.name, table: t.table, id: cols.id!, columns: enc });
  }
  return out;
}

export interface ReencryptResult {
  /** Ciphertexts re-encrypted, per table. */
  reencrypted: Record<string, number>;
}

/** Re-encrypts every ciphertext not made with the ring's current key. Idempotent; safe to re-run after a crash. */
export async function reencryptAll(ctx: StoreContext, ring: KeyRing): Promise<ReencryptResult> {
  const reencrypted: Record<string, number> = {};
  for (const t of encryptedTables()) {
    reencrypted[t.name] = 0;
    const page = t.name === 'evidence' || t.name === 'documents' ? 4 : 200;
    let after = '';
    for (;;) {
      const select: Record<string, PgColumn> = { id: t.id };
      for (const c of t.columns) select[c.prop] = c.column;
      const rows = (await ctx.db
        .select(select)
        .from(t.table)
        .where(gt(t.id, after))
        .orderBy(asc(t.id))
        .limit(page)) as Record<string, unknown>[];
      if (rows.length === 0) break;
      after = rows.at(-1)!.id as string;
      await ctx.db.transaction(async (tx) => {
        for (const row of rows) {
          const id = row.id as string;
          const set: Record<string, Buffer> = {};
          const was: Record<string, Buffer> = {};
          for (const c of t.columns) {
            const v = row[c.prop] as Buffer | null;
            if (!v || envelopeKeyId(v) === ring.currentKeyId) continue;
            const aad = recordAad(t.name, id, c.field);
            set[c.prop] = encryptBytes(ring, decryptBytes(ring, v, aad), aad);
            was[c.prop] = v;
          }
          if (Object.keys(set).length === 0) continue;
          // Only if the row still holds what was read (a concurrent writer wins; the next run picks it up).
          const same = t.columns.filter((c) => was[c.prop]).map((c) => eq(c.column, was[c.prop]!));
          await tx.update(t.table).set(set as never).where(and(eq(t.id, id), ...same));
          reencrypted[t.name]! += Object.keys(set).length;
        }
      });
    }
  }
  return { reencrypted };
}

/** How many ciphertexts are not under the current key. */
export async function countStale(ctx: StoreContext, ring: KeyRing): Promise<number> {
  let n = 0;
  for (const t of encryptedTables()) {
    for (const c of t.columns) {
      // The key id sits in the envelope header: byte 1 is its length, then the id.
      const r = await ctx.db
        .select({ n: sql<number>`count(*)` })
        .from(t.table)
        .where(
          sql`${c.column} is not null and convert_from(substring(${c.column} from 3 for get_byte(${c.column}, 1)), 'UTF8') <> ${ring.currentKeyId}`,
        );
      n += Number(r[0]?.n ?? 0);
    }
  }
  return n;
}

export interface RotateResult extends ReencryptResult {
  newKeyId: string;
  oldKeysRemoved: boolean;
}

/** The whole rotation: new key in the key file, re-encrypt everything, then drop old keys (unless keepOld). */
export async function rotateKeys(ctx: StoreContext, keyFile: string | null, opts: { keepOld?: boolean } = {}): Promise<RotateResult> {
  if (!keyFile || ctx.ring.source === 'env') {
    throw new StoreError('key', 'The key comes from WRIT_KEY, which cannot be rotated in place. Move to a key file (WRIT_KEY_FILE) to rotate.');
  }
  const ring = addCurrentKey(keyFile);
  ctx.ring = ring;
  ctx.log(`keys: rotating to ${ring.currentKeyId}`);
  const result = await reencryptAll(ctx, ring);
  const stale = await countStale(ctx, ring);
  if (stale > 0) {
    throw new StoreError('key', `${stale} values are still under an old key (written while rotating). Run \`writ keys rotate\` again; old keys were kept.`);
  }
  await audit(ctx.db, null, 'keys.rotate', 'key_ring', ring.currentKeyId);
  let oldKeysRemoved = false;
  if (!opts.keepOld) {
    ctx.ring = retireOldKeys(keyFile);
    oldKeysRemoved = true;
  }
  ctx.log(`keys: rotation complete`);
  return { ...result, newKeyId: ring.currentKeyId, oldKeysRemoved };
}
