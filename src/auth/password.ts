/**
 * Password hashing: argon2id (OWASP parameters: 19 MiB, 2 passes, 1 lane), PHC strings stored, never the password.
 */
import { hash, verify, type Algorithm } from '@node-rs/argon2';

const ARGON2ID = 2 as Algorithm; // Algorithm.Argon2id (a const enum, not importable under isolatedModules)
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256; // bounds the hashing work an attacker can ask for

export async function hashPassword(password: string): Promise<string> {
  if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) {
    throw new RangeError(`A password has ${PASSWORD_MIN} to ${PASSWORD_MAX} characters.`);
  }
  return hash(password, OPTIONS);
}

// A real hash of a random string: verifying against it when the account does not exist takes as long as a real
// check, so response time does not reveal which emails have accounts.
let dummy: Promise<string> | null = null;

/** True when `password` matches `phc`. With `phc` null (no such account) it still spends the same work, then says no. */
export async function verifyPassword(phc: string | null, password: string): Promise<boolean> {
  if (password.length > PASSWORD_MAX) return false;
  if (phc === null) {
    dummy ??= hash(crypto.randomUUID() + crypto.randomUUID(), OPTIONS);
    await verify(await dummy, password).catch(() => false);
    return false;
  }
  try {
    return await verify(phc, password);
  } catch {
    return false; // a malformed stored hash never logs anyone in
  }
}

/** True for an argon2id PHC string (what hashPassword produces). */
export function isArgon2idHash(phc: string): boolean {
  return phc.startsWith('$argon2id$');
}
