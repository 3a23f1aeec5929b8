/**
 * What every store module shares: the database, the key ring, the log, and small helpers for
 * organization scoping and audit entries.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { KeyRing } from '../crypto/key-ring.ts';
import { isIsoDate } from '../core/deadlines/index.ts';
import { auditLog, cases } from './schema.ts';
import { StoreError, type Actor } from './types.ts';
import type { Db } from './open-database.ts';

export interface StoreContext {
  db: Db;
  /** Replaced by key rotation. */
  ring: KeyRing;
  /** Log lines: ids and counts only, never personal data. */
  log: (line: string) => void;
  evidenceMaxBytes: number;
}

export const newId = (): string => randomUUID();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else cannot exist. */
export function isId(id: unknown): id is string {
  return typeof id === 'string' && UUID.test(id);
}

export function notFound(what: string): StoreError {
  return new StoreError('not_found', `No ${what} with that id in your organization.`);
}

/** Appends an audit entry (actor, action, ids — never content). */
export async function audit(
  db: Db,
  actor: Actor | null,
  action: string,
  entity: string,
  entityId: string | null,
  orgId?: string | null,
): Promise<void> {
  await db.insert(auditLog).values({
    id: newId(),
    at: new Date(),
    actorId: actor?.userId ?? null,
    orgId: orgId ?? actor?.orgId ?? null,
    action,
    entity,
    entityId,
    requestId: actor?.requestId ?? null,
  });
}

/** The case row when it belongs to the actor's organization; StoreError 'not_found' otherwise. */
export async function requireCase(db: Db, actor: Actor, caseId: string) {
  if (!isId(caseId)) throw notFound('case');
  const rows = await db
    .select()
    .from(cases)
    .where(and(eq(cases.id, caseId), eq(cases.orgId, actor.orgId)))
    .limit(1);
  const row = rows[0];
  if (!row) throw notFound('case');
  return row;
}

/** Checks a required non-empty string field. */
export function requireText(value: unknown, field: string, max = 2000): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new StoreError('invalid', `${field} is required (a non-empty text).`);
  }
  if (value.length > max) throw new StoreError('invalid', `${field} is too long (at most ${max} characters).`);
  return value;
}

export function optionalText(value: unknown, field: string, max = 20000): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new StoreError('invalid', `${field} must be text.`);
  if (value.length > max) throw new StoreError('invalid', `${field} is too long (at most ${max} characters).`);
  return value;
}

/** A real calendar date YYYY-MM-DD (the deadline engine's check). */
export function requireDate(value: unknown, field: string): string {
  if (!isIsoDate(value)) {
    throw new StoreError('invalid', `${field} must be a real calendar date written YYYY-MM-DD (e.g. 2026-03-02).`);
  }
  return value;
}
