/**
 * AES-256-GCM encryption of fields and files at rest (node:crypto).
 *
 * Every ciphertext is an envelope: [1: format version][1: key id length][key id][12: nonce][16: tag][ciphertext].
 * A fresh random nonce per record; the associated data binds the ciphertext to its record (table, record id,
 * field), so a ciphertext copied onto another record does not decrypt.
 */
import { createCipheriv, createDecipheriv, randomBytes, type CipherGCM } from 'node:crypto';
import { KeyError, type KeyRing } from './key-ring.ts';

const VERSION = 1;
const NONCE = 12;
const TAG = 16;

/** The associated data for one encrypted field of one record. */
export function recordAad(table: string, id: string, field: string): string {
  return `writ:${table}:${id}:${field}`;
}

function header(keyId: string, nonce: Buffer, tag: Buffer): Buffer {
  const id = Buffer.from(keyId, 'utf8');
  if (id.length > 255) throw new KeyError('Key id too long.');
  return Buffer.concat([Buffer.from([VERSION, id.length]), id, nonce, tag]);
}

/** Encrypts bytes with the ring's current key. */
export function encryptBytes(ring: KeyRing, plaintext: Uint8Array, aad: string): Buffer {
  const s = startEncryption(ring, aad);
  const body = Buffer.concat([s.update(plaintext), s.final()]);
  return s.seal(body);
}

export interface StreamingEncryption {
  update(chunk: Uint8Array): Buffer;
  final(): Buffer;
  /** After final(): the envelope around the concatenated ciphertext. */
  seal(ciphertext: Buffer): Buffer;
}

/** Encrypts chunk by chunk (for streamed uploads). */
export function startEncryption(ring: KeyRing, aad: string): StreamingEncryption {
  const key = ring.keys.get(ring.currentKeyId);
  if (!key) throw new KeyError(`The current key "${ring.currentKeyId}" is missing from the key ring.`);
  const nonce = randomBytes(NONCE);
  const c: CipherGCM = createCipheriv('aes-256-gcm', key, nonce);
  c.setAAD(Buffer.from(aad, 'utf8'));
  return {
    update: (chunk) => c.update(chunk),
    final: () => c.final(),
    seal: (ciphertext) => Buffer.concat([header(ring.currentKeyId, nonce, c.getAuthTag()), ciphertext]),
  };
}

/** The id of the key an envelope was made with. */
export function envelopeKeyId(envelope: Uint8Array): string {
  const b = Buffer.from(envelope.buffer, envelope.byteOffset, envelope.byteLength);
  if (b.length < 2 || b[0] !== VERSION) throw new KeyError('Not a Writ ciphertext (unknown format).');
  return b.subarray(2, 2 + b[1]!).toString('utf8');
}

/** Decrypts an envelope; fails clearly when the key is missing or the data or its record binding was altered. */
export function decryptBytes(ring: KeyRing, envelope: Uint8Array, aad: string): Buffer {
  const b = Buffer.from(envelope.buffer, envelope.byteOffset, envelope.byteLength);
  const keyId = envelopeKeyId(b);
  const start = 2 + b[1]!;
  const key = ring.keys.get(keyId);
  if (!key) {
    throw new KeyError(
      `Data is encrypted with key "${keyId}", which is not in the key ring (${ring.source}). ` +
        'Use the key file this data was written with.',
    );
  }
  const nonce = b.subarray(start, start + NONCE);
  const tag = b.subarray(start + NONCE, start + NONCE + TAG);
  const body = b.subarray(start + NONCE + TAG);
  const d = createDecipheriv('aes-256-gcm', key, nonce);
  d.setAAD(Buffer.from(aad, 'utf8'));
  d.setAuthTag(tag);
  try {
    return Buffer.concat([d.update(body), d.final()]);
  } catch {
    throw new KeyError('Encrypted data failed its integrity check (altered, or stored on another record).');
  }
}

export function encryptText(ring: KeyRing, text: string, aad: string): Buffer {
  return encryptBytes(ring, Buffer.from(text, 'utf8'), aad);
}

export function decryptText(ring: KeyRing, envelope: Uint8Array, aad: string): string {
  return decryptBytes(ring, envelope, aad).toString('utf8');
}

export function encryptJson(ring: KeyRing, value: unknown, aad: string): Buffer {
  return encryptText(ring, JSON.stringify(value), aad);
}

export function decryptJson<T = unknown>(ring: KeyRing, envelope: Uint8Array, aad: string): T {
  return JSON.parse(decryptText(ring, envelope, aad)) as T;
}
