/**
 * The key ring: the AES-256 keys that encrypt sensitive fields and files at rest.
 *
 * Keys come from a key file (`WRIT_KEY_FILE`, default `<data-dir>/keys.json`, created with mode 0600 on first run)
 * or from `WRIT_KEY` (base64 of 32 bytes). Keys are never stored in the database. Each ciphertext carries the id
 * of the key that made it, so old keys stay usable until `writ keys rotate` has re-encrypted everything.
 */
import { randomBytes, createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface KeyRing {
  /** Id of the key new ciphertexts are made with. */
  currentKeyId: string;
  /** Every usable key by id (32 bytes each). */
  keys: ReadonlyMap<string, Buffer>;
  /** Where the ring came from: a file path, or 'env' for WRIT_KEY (which cannot be rotated in place). */
  source: string;
}

/** A problem with the keys: the message says what is wrong and how to fix it. */
export class KeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyError';
  }
}

interface KeyFile {
  version: 1;
  current: string;
  keys: { id: string; key: string; createdAt: string }[];
}

function newKeyId(): string {
  return 'k' + new Date().toISOString().slice(0, 10).replace(/-/g, '') + '-' + randomBytes(4).toString('hex');
}

function decodeKey(b64: string, where: string): Buffer {
  const key = Buffer.from(b64.trim(), 'base64');
  if (key.length !== 32) {
    throw new KeyError(
      `${where} must be 32 random bytes in base64 (44 characters); it decodes to ${key.length} bytes. ` +
        'Create one with: node -e "console.log(require(\'crypto\').randomBytes(32).toString(\'base64\'))"',
    );
  }
  return key;
}

/** A ring made from `WRIT_KEY`. Its id is derived from the key itself so it is stable across runs. */
export function keyRingFromEnvKey(b64: string): KeyRing {
  const key = decodeKey(b64, 'WRIT_KEY');
  const id = 'env-' + createHash('sha256').update(key).digest('hex').slice(0, 12);
  return { currentKeyId: id, keys: new Map([[id, key]]), source: 'env' };
}

function parseKeyFile(text: string, path: string): KeyFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new KeyError(`The key file ${path} is not valid JSON. Restore it from your copy; without it encrypted data cannot be read.`);
  }
  const f = data as KeyFile;
  if (!f || f.version !== 1 || !Array.isArray(f.keys) || typeof f.current !== 'string') {
    throw new KeyError(`The key file ${path} is not a Writ key file (expected {"version":1,"current":...,"keys":[...]}).`);
  }
  if (!f.keys.some((k) => k.id === f.current)) {
    throw new KeyError(`The key file ${path} names current key "${f.current}" but does not contain it.`);
  }
  return f;
}

function ringFromFile(f: KeyFile, path: string): KeyRing {
  const keys = new Map<string, Buffer>();
  for (const k of f.keys) keys.set(k.id, decodeKey(k.key, `Key "${k.id}" in ${path}`));
  return { currentKeyId: f.current, keys, source: path };
}

function writeKeyFile(path: string, f: KeyFile): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify(f, null, 2) + '\n', { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
}

/** Reads a key file. When it does not exist and `create` is true, makes one with a fresh key (mode 0600). */
export function loadKeyFile(path: string, create: boolean): KeyRing {
  if (!existsSync(path)) {
    if (!create) {
      throw new KeyError(
        `No key file at ${path}. To read existing data or backups, copy the key file they were written with there ` +
          '(or set WRIT_KEY_FILE / WRIT_KEY); to start fresh, run `writ keys init`.',
      );
    }
    const id = newKeyId();
    writeKeyFile(path, {
      version: 1,
      current: id,
      keys: [{ id, key: randomBytes(32).toString('base64'), createdAt: new Date().toISOString() }],
    });
  }
  return ringFromFile(parseKeyFile(readFileSync(path, 'utf8'), path), path);
}

export interface KeySource {
  /** `WRIT_KEY`: base64 of 32 bytes. Takes precedence over the key file. */
  envKey?: string | undefined;
  /** Path of the key file (`WRIT_KEY_FILE` or `<data-dir>/keys.json`). */
  keyFile: string;
  /** Create the key file when it is missing (first run). Default true. */
  create?: boolean;
}

/** The key ring for this process: `WRIT_KEY` when set, else the key file. */
export function loadKeyRing(src: KeySource): KeyRing {
  if (src.envKey && src.envKey.trim() !== '') return keyRingFromEnvKey(src.envKey);
  return loadKeyFile(src.keyFile, src.create ?? true);
}

/** Adds a fresh key to the key file and makes it current; old keys are kept. Returns the new ring. */
export function addCurrentKey(path: string): KeyRing {
  const f = parseKeyFile(readFileSync(path, 'utf8'), path);
  const id = newKeyId();
  f.keys.push({ id, key: randomBytes(32).toString('base64'), createdAt: new Date().toISOString() });
  f.current = id;
  writeKeyFile(path, f);
  return ringFromFile(f, path);
}

/** Removes every key except the current one (after re-encryption has completed). */
export function retireOldKeys(path: string): KeyRing {
  const f = parseKeyFile(readFileSync(path, 'utf8'), path);
  f.keys = f.keys.filter((k) => k.id === f.current);
  writeKeyFile(path, f);
  return ringFromFile(f, path);
}
