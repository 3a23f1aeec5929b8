/**
 * `writ backup` / `writ restore`: a consistent snapshot of every Writ table (one repeatable-read, read-only
 * transaction), compressed and encrypted, restorable into an empty database on either driver.
 *
 * Streamed both ways, so the size of the database (evidence files) is bounded by the disk, not by memory.
 *
 * File layout:
 *   "WRITBAK1\n" · 4-byte header length · header (JSON) · frames
 *   frame = 4-byte ciphertext length · ciphertext (AES-256-GCM, 16-byte tag included)
 * The plaintext is gzip of NDJSON: one line per row `{"t": table, "r": row}`. It is cut into frames of at most
 * 1 MiB; frame i uses nonce = 8 random bytes (header) + 4-byte counter, and associated data = header + a final-frame
 * flag, so frames cannot be reordered, dropped, truncated or moved to another backup, and each is checked before
 * its bytes are used. The backup key is derived from the key ring's current key (HKDF-SHA256) or from a
 * passphrase (scrypt).
 *
 * Sensitive fields stay encrypted inside the backup with the field keys, so restoring also needs the key file
 * (or WRIT_KEY) they were written with; the header lists the key ids the data needs.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, scryptSync } from 'node:crypto';
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { asc, getTableColumns, gt, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { KeyRing } from '../crypto/key-ring.ts';
import { MIGRATIONS_FOLDER, isEmpty, type Db } from './open-database.ts';
import { ALL_TABLES } from './all-tables.ts';
import { StoreError } from './types.ts';

const MAGIC = Buffer.from('WRITBAK1\n', 'ascii');
const SCRYPT = { N: 1 << 15, r: 8, p: 1 };
const FRAME = 1 << 20;
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
  /** 8 random bytes, base64: the frames' nonce prefix. */
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

function frameNonce(prefix: Buffer, i: number): Buffer {
  const n = Buffer.alloc(12);
  prefix.copy(n, 0, 0, 8);
  n.writeUInt32BE(i, 8);
  return n;
}

function frameAad(header: Buffer, final: boolean): Buffer {
  return Buffer.concat([header, Buffer.from([final ? 1 : 0])]);
}

/** Cuts plaintext into frames and encrypts each. */
class Sealer extends Transform {
  private pending: Buffer[] = [];
  private size = 0;
  private i = 0;
  constructor(private key: Buffer, private prefix: Buffer, private header: Buffer) {
    super();
  }
  private seal(data: Buffer, final: boolean): void {
    const c = createCipheriv('aes-256-gcm', this.key, frameNonce(this.prefix, this.i++));
    c.setAAD(frameAad(this.header, final));
    const body = Buffer.concat([c.update(data), c.final(), c.getAuthTag()]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(body.length);
    this.push(len);
    this.push(body);
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.pending.push(chunk);
    this.size += chunk.length;
    if (this.size > FRAME) {
      let all = Buffer.concat(this.pending);
      // Keep at least one byte back so the last frame (sealed in flush) is never empty-and-missing.
      while (all.length > FRAME) {
        this.seal(all.subarray(0, FRAME), false);
        all = all.subarray(FRAME);
      }
      this.pending = [all];
      this.size = all.length;
    }
    cb();
  }
  override _flush(cb: TransformCallback): void {
    this.seal(Buffer.concat(this.pending), true);
    cb();
  }
}

/** Checks and decrypts frames; fails on any altered, missing, reordered or truncated frame. */
class Opener extends Transform {
  private buf: Buffer = Buffer.alloc(0);
  private i = 0;
  private sawFinal = false;
  constructor(private key: Buffer, private prefix: Buffer, private header: Buffer, private wrongSecret: string) {
    super();
  }
  private open(body: Buffer, final: boolean): Buffer | null {
    try {
      const d = createDecipheriv('aes-256-gcm', this.key, frameNonce(this.prefix, this.i));
      d.setAAD(frameAad(this.header, final));
      d.setAuthTag(body.subarray(body.length - 16));
      return Buffer.concat([d.update(body.subarray(0, body.length - 16)), d.final()]);
    } catch {
      return null;
    }
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    while (this.buf.length >= 4) {
      const len = this.buf.readUInt32BE(0);
      if (len < 16 || len > FRAME + 16) return cb(new StoreError('bad_backup', 'The backup file is damaged (bad frame).'));
      if (this.buf.length < 4 + len) break;
      const body = this.buf.subarray(4, 4 + len);
      this.buf = this.buf.subarray(4 + len);
      if (this.sawFinal) return cb(new StoreError('bad_backup', 'The backup file has data after its end (altered).'));
      const atEnd = this.buf.length === 0;
      // The final frame is the last one in the file; try it as final first when nothing follows.
      let plain = atEnd ? this.open(body, true) : null;
      if (plain) this.sawFinal = true;
      else plain = this.open(body, false);
      if (!plain) return cb(new StoreError('bad_backup', this.i === 0 ? this.wrongSecret : 'The backup file was altered or damaged.'));
      this.i++;
      this.push(plain);
    }
    cb();
  }
  override _flush(cb: TransformCallback): void {
    if (this.buf.length > 0 || !this.sawFinal) return cb(new StoreError('bad_backup', 'The backup file is incomplete (cut short).'));
    cb();
  }
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

function encColumns(table: (typeof ALL_TABLES)[number]['table']): PgColumn[] {
  return Object.entries(getTableColumns(table) as Record<string, PgColumn>)
    .filter(([prop]) => prop.endsWith('Enc'))
    .map(([, c]) => c);
}

/** Rows per page while reading and per INSERT while restoring: tables with file bytes go in small pages. */
function pageSize(name: string): number {
  return name === 'evidence' || name === 'documents' ? 4 : 500;
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
  const salt = randomBytes(16).toString('base64');
  const kdf: Kdf = opts.passphrase ? { type: 'scrypt', salt, ...SCRYPT } : { type: 'keyring', keyId: ring.currentKeyId, salt };
  const key = deriveKey(kdf, ring, opts.passphrase);
  const prefix = randomBytes(8);
  const tmp = `${file}.tmp-${process.pid}`;
  let bytes = 0;
  let counts: Record<string, number> = {};
  try {
    await db.transaction(
      async (tx) => {
        // What the header needs, read inside the same snapshot as the rows.
        counts = {};
        const keyIds = new Set<string>();
        for (const t of ALL_TABLES) {
          const [c] = await tx.select({ n: sql<number>`count(*)` }).from(t.table);
          counts[t.name] = Number(c?.n ?? 0);
          for (const col of encColumns(t.table)) {
            const ids = (await tx
              .selectDistinct({ id: sql<string>`convert_from(substring(${col} from 3 for get_byte(${col}, 1)), 'UTF8')` })
              .from(t.table)
              .where(sql`${col} is not null`)) as { id: string }[];
            for (const r of ids) keyIds.add(r.id);
          }
        }
        const header: Header = {
          format: 1,
          createdAt: new Date().toISOString(),
          schema: schemaVersion(),
          kdf,
          nonce: prefix.toString('base64'),
          keyIds: [...keyIds].sort(),
          counts,
        };
        const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
        const len = Buffer.alloc(4);
        len.writeUInt32BE(headerBytes.length);

        async function* lines() {
          for (const t of ALL_TABLES) {
            const cols = getTableColumns(t.table) as Record<string, PgColumn>;
            let after = '';
            for (;;) {
              const rows = (await tx
                .select()
                .from(t.table)
                .where(gt(cols.id!, after))
                .orderBy(asc(cols.id!))
                .limit(pageSize(t.name))) as Record<string, unknown>[];
              if (rows.length === 0) break;
              after = rows.at(-1)!.id as string;
              for (const r of rows) yield JSON.stringify({ t: t.name, r }, replacer) + '\n';
            }
          }
        }
        const out = createWriteStream(tmp, { mode: 0o600 });
        out.write(Buffer.concat([MAGIC, len, headerBytes]));
        await pipeline(Readable.from(lines()), createGzip(), new Sealer(key, prefix, headerBytes), out);
        bytes = out.bytesWritten;
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    const fh = await open(tmp, 'r+');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => {});
    throw e;
  }
  return { file, bytes, counts };
}

/** Reads and checks a backup's header. */
async function readHeader(file: string): Promise<{ header: Header; headerBytes: Buffer; bodyStart: number }> {
  let fh;
  try {
    fh = await open(file, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new StoreError('invalid', code === 'ENOENT' ? `No backup file at ${file}.` : `Cannot read ${file} (${code}).`);
  }
  try {
    const start = Buffer.alloc(MAGIC.length + 4);
    const { bytesRead } = await fh.read(start, 0, start.length, 0);
    if (bytesRead < start.length || !start.subarray(0, MAGIC.length).equals(MAGIC)) {
      throw new StoreError('bad_backup', `${file} is not a Writ backup.`);
    }
    const hlen = start.readUInt32BE(MAGIC.length);
    if (hlen > 1_000_000) throw new StoreError('bad_backup', `${file} is damaged (bad header).`);
    const headerBytes = Buffer.alloc(hlen);
    const r = await fh.read(headerBytes, 0, hlen, start.length);
    if (r.bytesRead < hlen) throw new StoreError('bad_backup', `${file} is damaged (bad header).`);
    let header: Header;
    try {
      header = JSON.parse(headerBytes.toString('utf8')) as Header;
    } catch {
      throw new StoreError('bad_backup', `${file} is damaged (bad header).`);
    }
    if (header.format !== 1) throw new StoreError('bad_backup', `${file} has backup format ${header.format}; this Writ reads format 1.`);
    return { header, headerBytes, bodyStart: start.length + hlen };
  } finally {
    await fh.close();
  }
}

/** Streams the rows of a backup, each checked before it is returned. */
export async function* backupRows(
  file: string,
  ring: KeyRing,
  passphrase?: string,
): AsyncGenerator<{ header: Header } | { table: string; row: Record<string, unknown> }> {
  const { header, headerBytes, bodyStart } = await readHeader(file);
  yield { header };
  const key = deriveKey(header.kdf, ring, passphrase);
  const wrong = header.kdf.type === 'scrypt' ? 'The passphrase is wrong, or the backup file was altered.' : 'The backup file was altered or damaged.';
  const opener = new Opener(key, Buffer.from(header.nonce, 'base64'), headerBytes, wrong);
  const gunzip = createGunzip();
  const source = createReadStream(file, { start: bodyStart });
  let failure: StoreError | null = null;
  const done = pipeline(source, opener, gunzip).catch((e) => {
    failure = e instanceof StoreError ? e : new StoreError('bad_backup', 'The backup file is damaged (cannot be decompressed).');
  });
  const rl = createInterface({ input: gunzip, crlfDelay: Infinity });
  try {
    for await (const line of rl) {
      if (line === '') continue;
      let rec: { t: string; r: Record<string, unknown> };
      try {
        rec = JSON.parse(line, reviver) as typeof rec;
      } catch {
        throw new StoreError('bad_backup', 'The backup file is damaged (bad record).');
      }
      yield { table: rec.t, row: rec.r };
    }
  } catch (e) {
    await done;
    if (failure) throw failure;
    if (e instanceof StoreError) throw e;
    throw new StoreError('bad_backup', 'The backup file is damaged (cannot be decompressed).');
  } finally {
    rl.close();
    source.destroy();
  }
  await done;
  if (failure) throw failure;
}

/** Reads a whole backup into memory (for tests and small inspections). */
export async function readBackup(
  file: string,
  ring: KeyRing,
  passphrase?: string,
): Promise<{ header: Header; tables: Record<string, Record<string, unknown>[]> }> {
  let header: Header | undefined;
  const tables: Record<string, Record<string, unknown>[]> = {};
  for await (const x of backupRows(file, ring, passphrase)) {
    if ('header' in x) header = x.header;
    else (tables[x.table] ??= []).push(x.row);
  }
  return { header: header!, tables };
}

export interface RestoreResult {
  counts: Record<string, number>;
}

/**
 * Restores a backup in ONE transaction (all or nothing). Refuses a database that holds data unless `force`, which
 * first empties the Writ tables (the audit log's append-only triggers are disabled only inside that transaction).
 * Every frame is checked before its rows are inserted; a bad frame anywhere rolls everything back.
 */
export async function restoreBackup(
  db: Db,
  ring: KeyRing,
  file: string,
  opts: { passphrase?: string; force?: boolean } = {},
): Promise<RestoreResult> {
  const { header } = await readHeader(file);
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
  deriveKey(header.kdf, ring, opts.passphrase); // fail early on a missing passphrase or key
  const byName = new Map<string, (typeof ALL_TABLES)[number]>(ALL_TABLES.map((t) => [t.name, t]));
  const order = new Map<string, number>(ALL_TABLES.map((t, i) => [t.name, i]));
  const counts: Record<string, number> = Object.fromEntries(ALL_TABLES.map((t) => [t.name, 0]));
  await db.transaction(async (tx) => {
    if (!(await isEmpty(tx, ALL_TABLES))) {
      if (!opts.force) {
        throw new StoreError('not_empty', 'The database already holds data. Restore into an empty database, or add --force to replace everything in it.');
      }
      await tx.execute(sql.raw('alter table audit_log disable trigger user'));
      for (const t of [...ALL_TABLES].reverse()) await tx.execute(sql.raw(`delete from "${t.name}"`));
      await tx.execute(sql.raw('alter table audit_log enable trigger user'));
    }
    let batch: Record<string, unknown>[] = [];
    let batchTable = '';
    let batchBytes = 0;
    let last = -1;
    const flush = async () => {
      if (batch.length === 0) return;
      await tx.insert(byName.get(batchTable)!.table).values(batch as never);
      counts[batchTable]! += batch.length;
      batch = [];
      batchBytes = 0;
    };
    for await (const x of backupRows(file, ring, opts.passphrase)) {
      if ('header' in x) continue;
      const pos = order.get(x.table);
      if (pos === undefined || pos < last) throw new StoreError('bad_backup', `The backup holds an unknown or out-of-order table "${x.table}".`);
      if (x.table !== batchTable) {
        await flush();
        batchTable = x.table;
        last = pos;
      }
      batch.push(x.row);
      for (const v of Object.values(x.row)) if (Buffer.isBuffer(v)) batchBytes += v.length;
      if (batch.length >= pageSize(x.table) || batchBytes > 16 * 1024 * 1024) await flush();
    }
    await flush();
    for (const [name, n] of Object.entries(header.counts)) {
      if ((counts[name] ?? 0) !== n) throw new StoreError('bad_backup', `The backup is incomplete: ${name} has ${counts[name] ?? 0} rows, the header says ${n}.`);
    }
  });
  return { counts };
}
