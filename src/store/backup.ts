/**
 * `writ backup` / `writ restore`: a consistent snapshot of every Writ table (one repeatable-read, read-only
 * transaction), compressed and encrypted with AES-256-GCM, restorable into an empty database on either driver.
 *
 * File: "WRITBAK1\n", a 4-byte header length, the header (JSON: format, schema, key derivation, nonce, key ids
 * the data needs), then ciphertext + 16-byte tag. The header is the associated data, so it cannot be altered.
 * The backup key is derived from the key ring's current key (HKDF) or from a passphrase (scrypt).
 *
 * Sensitive fields stay encrypted inside the backup with the field keys, so restoring also needs the key file
 * (or WRIT_KEY) those fields were written with; the header lists the key ids it needs.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, scryptSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { envelopeKeyId } from '../crypto/cipher.ts';
import type { KeyRing } from '../crypto/key-ring.ts';
import { MIGRATIONS_FOLDER, isEmpty, type Db } from './open-database.ts';
import { ALL_TABLES } from './all-tables.ts';
import { StoreError } from './types.ts';

const MAGIC = Buffer.from('WRITBAK1\n', 'ascii');
const SCRYPT = { N: 1 << 15, r: 8, p: 1 };
export const MIN_PASSPHRASE = 12;

type Kdf =
  | { type: 'keyring'; keyId: string; salt: string }
  | { type: 'scrypt'; salt: string; N: number; r: number; p: number };

interface Header {
  format: 1;
  createdAt: string;
  /** The last migration the backed-up database had. */
  schema: string;
  kdf: Kdf;
  nonce: string;
  /** Field-key ids the encrypted columns inside were made with. */
  keyIds: string[];
  counts: Record<string, number>;
}

/** Tag of the newest migration (restore needs the same schema). */
export function schemaVersion(): string {
  const journal = JSON.parse(readFileSync(MIGRATIONS_FOLDER + 'meta/_journal.json', 'utf8')) as { entries: { tag: string }[] };
  return journal.entries.at(-1)!.tag;
}

function deriveKey(kdf: Kdf, ring: KeyRing, passphrase: string | undefined): Buffer {
  if (kdf.type === 'scrypt') {
    if (!passphrase) throw new StoreError('bad_backup', 'This backup was made with a passphrase: give the same passphrase.');
    return scryptSync(passphrase.normalize('NFC'), Buffer.from(kdf.salt, 'base64'), 32, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * 1024 * 1024 });
  }
  const key = ring.keys.get(kdf.keyId);
  if (!key) {
    throw new StoreError('key', `This backup is encrypted with key "${kdf.keyId}", which is not in the key ring (${ring.source}). Use the key file the backup was made with.`);
  }
  return Buffer.from(hkdfSync('sha256', key, Buffer.from(kdf.salt, 'base64'), 'writ-backup-v1', 32));
}

// Values that JSON cannot carry are tagged: bytes and timestamps.
function replacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const original = this[key];
  if (Buffer.isBuffer(original) || original instanceof Uint8Array) return { $writ_b: Buffer.from(original).toString('base64') };
  if (original instanceof Date) return { $writ_d: original.toISOString() };
  return value;
}

function reviver(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const v = value as Record<string, unknown>;
    const keys = Object.keys(v);
    if (keys.length === 1 && typeof v.$writ_b === 'string') return Buffer.from(v.$writ_b, 'base64');
    if (keys.length === 1 && typeof v.$writ_d === 'string') return new Date(v.$writ_d);
  }
  return value;
}

function keyIdsIn(tables: Record<string, Record<string, unknown>[]>): string[] {
  const ids = new Set<string>();
  for (const rows of Object.values(tables)) {
    for (const row of rows) {
      for (const [k, v] of Object.entries(row)) {
        if (k.endsWith('Enc') && v && Buffer.isBuffer(v)) ids.add(envelopeKeyId(v));
      }
    }
  }
  return [...ids].sort();
}

export interface BackupResult {
  file: string;
  bytes: number;
  counts: Record<string, number>;
}

/** Writes an encrypted snapshot of every table to `file` (mode 0600; written to a temporary name, then renamed). */
export async function writeBackup(db: Db, ring: KeyRing, file: string, opts: { passphrase?: string } = {}): Promise<BackupResult> {
  if (opts.passphrase !== undefined && opts.passphrase.length < MIN_PASSPHRASE) {
    throw new StoreError('invalid', `The backup passphrase must be at least ${MIN_PASSPHRASE} characters.`);
  }
  const tables = await db.transaction(
    async (tx) => {
      const out: Record<string, Record<string, unknown>[]> = {};
      for (const t of ALL_TABLES) out[t.name] = (await tx.select().from(t.table)) as Record<string, unknown>[];
      return out;
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  const counts = Object.fromEntries(Object.entries(tables).map(([k, v]) => [k, v.length]));
  const salt = randomBytes(16).toString('base64');
  const kdf: Kdf = opts.passphrase ? { type: 'scrypt', salt, ...SCRYPT } : { type: 'keyring', keyId: ring.currentKeyId, salt };
  const nonce = randomBytes(12);
  const header: Header = {
    format: 1,
    createdAt: new Date().toISOString(),
    schema: schemaVersion(),
    kdf,
    nonce: nonce.toString('base64'),
    keyIds: keyIdsIn(tables),
    counts,
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const key = deriveKey(kdf, ring, opts.passphrase);
  const c = createCipheriv('aes-256-gcm', key, nonce);
  c.setAAD(headerBytes);
  const plain = gzipSync(Buffer.from(JSON.stringify({ tables }, replacer), 'utf8'));
  const body = Buffer.concat([c.update(plain), c.final(), c.getAuthTag()]);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(headerBytes.length);
  const all = Buffer.concat([MAGIC, len, headerBytes, body]);
  const tmp = `${file}.tmp-${process.pid}`;
  const fh = await open(tmp, 'w', 0o600);
  try {
    await fh.writeFile(all);
    await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    await rename(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => {});
    throw e;
  }
  return { file, bytes: all.length, counts };
}

/** Reads and decrypts a backup file; StoreError 'bad_backup' when it is not one, altered, or the secret is wrong. */
export async function readBackup(
  file: string,
  ring: KeyRing,
  passphrase?: string,
): Promise<{ header: Header; tables: Record<string, Record<string, unknown>[]> }> {
  let buf: Buffer;
  try {
    buf = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new StoreError('invalid', code === 'ENOENT' ? `No backup file at ${file}.` : `Cannot read ${file} (${code}).`);
  }
  if (buf.length < MAGIC.length + 4 || !buf.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new StoreError('bad_backup', `${file} is not a Writ backup.`);
  }
  const hlen = buf.readUInt32BE(MAGIC.length);
  const hstart = MAGIC.length + 4;
  if (hlen > 1_000_000 || hstart + hlen + 16 > buf.length) throw new StoreError('bad_backup', `${file} is damaged (bad header).`);
  const headerBytes = buf.subarray(hstart, hstart + hlen);
  let header: Header;
  try {
    header = JSON.parse(headerBytes.toString('utf8')) as Header;
  } catch {
    throw new StoreError('bad_backup', `${file} is damaged (bad header).`);
  }
  if (header.format !== 1) throw new StoreError('bad_backup', `${file} has backup format ${header.format}; this Writ reads format 1.`);
  const body = buf.subarray(hstart + hlen);
  const key = deriveKey(header.kdf, ring, passphrase);
  const d = createDecipheriv('aes-256-gcm', key, Buffer.from(header.nonce, 'base64'));
  d.setAAD(headerBytes);
  d.setAuthTag(body.subarray(body.length - 16));
  let plain: Buffer;
  try {
    plain = Buffer.concat([d.update(body.subarray(0, body.length - 16)), d.final()]);
  } catch {
    throw new StoreError(
      'bad_backup',
      header.kdf.type === 'scrypt' ? 'The passphrase is wrong, or the backup file was altered.' : 'The backup file was altered or damaged.',
    );
  }
  const payload = JSON.parse(gunzipSync(plain).toString('utf8'), reviver) as { tables: Record<string, Record<string, unknown>[]> };
  return { header, tables: payload.tables };
}

/** Rows per INSERT: tables with file bytes go in small batches. */
function batchSize(name: string): number {
  return name === 'evidence' || name === 'documents' ? 4 : 200;
}

export interface RestoreResult {
  counts: Record<string, number>;
}

/**
 * Restores a backup in ONE transaction (all or nothing). Refuses a database that holds data unless `force`, which
 * first empties the Writ tables (the audit log's append-only triggers are disabled only inside that transaction).
 */
export async function restoreBackup(
  db: Db,
  ring: KeyRing,
  file: string,
  opts: { passphrase?: string; force?: boolean } = {},
): Promise<RestoreResult> {
  const { header, tables } = await readBackup(file, ring, opts.passphrase);
  if (header.schema !== schemaVersion()) {
    throw new StoreError(
      'bad_backup',
      `The backup has database schema "${header.schema}" but this Writ has "${schemaVersion()}". Restore with the Writ version that made the backup.`,
    );
  }
  const missing = header.keyIds.filter((id) => !ring.keys.has(id));
  if (missing.length) {
    throw new StoreError(
      'key',
      `The backup's data is encrypted with key(s) ${missing.join(', ')}, which are not in the key ring (${ring.source}). Use the key file the data was written with.`,
    );
  }
  await db.transaction(async (tx) => {
    if (!(await isEmpty(tx, ALL_TABLES))) {
      if (!opts.force) {
        throw new StoreError('not_empty', 'The database already holds data. Restore into an empty database, or add --force to replace everything in it.');
      }
      await tx.execute(sql.raw('alter table audit_log disable trigger user'));
      for (const t of [...ALL_TABLES].reverse()) await tx.execute(sql.raw(`delete from "${t.name}"`));
      await tx.execute(sql.raw('alter table audit_log enable trigger user'));
    }
    for (const t of ALL_TABLES) {
      const rows = tables[t.name] ?? [];
      const size = batchSize(t.name);
      for (let i = 0; i < rows.length; i += size) {
        await tx.insert(t.table).values(rows.slice(i, i + size) as never);
      }
    }
  });
  return { counts: Object.fromEntries(ALL_TABLES.map((t) => [t.name, (tables[t.name] ?? []).length])) };
}
