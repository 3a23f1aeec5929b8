/**
 * Organizations, users, sessions, API tokens and login attempts: the accounts side of the store.
 * Passwords and tokens arrive already hashed (src/auth); the store never sees a password or a raw token.
 */
import { and, count, desc, eq, gt, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { apiTokens, loginAttempts, organizations, sessions, users } from './schema.ts';
import {
  isRole,
  StoreError,
  type ApiTokensApi,
  type LoginAttemptsApi,
  type OrgsApi,
  type Role,
  type SessionsApi,
  type User,
  type UsersApi,
} from './types.ts';
import { audit, isId, newId, notFound, requireText, type StoreContext } from './context.ts';

type UserRow = typeof users.$inferSelect;

function toUser(r: UserRow): User {
  return {
    id: r.id,
    orgId: r.orgId,
    email: r.email,
    displayName: r.displayName,
    role: r.role as Role,
    disabled: r.disabled,
    createdAt: r.createdAt,
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

function normalizeEmail(email: unknown): string {
  const e = requireText(email, 'email', 320).trim().toLowerCase();
  if (!EMAIL.test(e)) throw new StoreError('invalid', 'email must look like name@example.org.');
  return e;
}

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } };
  return err?.code === '23505' || err?.cause?.code === '23505';
}

export function orgsApi(ctx: StoreContext): OrgsApi {
  return {
    async create({ name }) {
      const row = { id: newId(), name: requireText(name, 'Organization name', 200), createdAt: new Date() };
      await ctx.db.insert(organizations).values(row);
      await audit(ctx.db, null, 'org.create', 'organization', row.id, row.id);
      return row;
    },
    async get(id) {
      if (!isId(id)) return null;
      const r = await ctx.db.select().from(organizations).where(eq(organizations.id, id)).limit(1);
      return r[0] ?? null;
    },
    async list() {
      return ctx.db.select().from(organizations).orderBy(organizations.createdAt);
    },
  };
}

export function usersApi(ctx: StoreContext): UsersApi {
  const byId = async (id: string) =>
    isId(id) ? (await ctx.db.select().from(users).where(eq(users.id, id)).limit(1))[0] : undefined;
  return {
    async create(input) {
      if (!isRole(input.role)) {
        throw new StoreError('invalid', 'role must be one of admin, attorney, paralegal, advocate.');
      }
      if (!isId(input.orgId) || !(await ctx.db.select().from(organizations).where(eq(organizations.id, input.orgId))).length) {
        throw new StoreError('not_found', 'No organization with that id.');
      }
      const row = {
        id: newId(),
        orgId: input.orgId,
        email: normalizeEmail(input.email),
        displayName: requireText(input.displayName, 'displayName', 200),
        role: input.role,
        passwordHash: input.passwordHash,
        disabled: false,
        createdAt: new Date(),
      };
      try {
        await ctx.db.insert(users).values(row);
      } catch (e) {
        if (isUniqueViolation(e)) throw new StoreError('conflict', 'A user with that email already exists.');
        throw e;
      }
      await audit(ctx.db, null, 'user.create', 'user', row.id, row.orgId);
      return toUser(row);
    },
    async get(id) {
      const r = await byId(id);
      return r ? toUser(r) : null;
    },
    async findForLogin(email) {
      if (typeof email !== 'string') return null;
      const r = await ctx.db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).limit(1);
      return r[0] ? { ...toUser(r[0]), passwordHash: r[0].passwordHash } : null;
    },
    async list(actor) {
      const rows = await ctx.db.select().from(users).where(eq(users.orgId, actor.orgId)).orderBy(users.createdAt);
      return rows.map(toUser);
    },
    async update(actor, id, patch) {
      const r = await byId(id);
      if (!r || r.orgId !== actor.orgId) throw notFound('user');
      const set: Partial<UserRow> = {};
      if (patch.displayName !== undefined) set.displayName = requireText(patch.displayName, 'displayName', 200);
      if (patch.role !== undefined) {
        if (!isRole(patch.role)) throw new StoreError('invalid', 'role must be one of admin, attorney, paralegal, advocate.');
        set.role = patch.role;
      }
      if (patch.disabled !== undefined) set.disabled = Boolean(patch.disabled);
      if (patch.passwordHash !== undefined) set.passwordHash = requireText(patch.passwordHash, 'passwordHash', 1000);
      if (Object.keys(set).length === 0) return toUser(r);
      const [u] = await ctx.db.update(users).set(set).where(eq(users.id, id)).returning();
      if (set.disabled === true || set.passwordHash !== undefined) {
        await ctx.db.delete(sessions).where(eq(sessions.userId, id));
      }
      await audit(ctx.db, actor, 'user.update', 'user', id);
      return toUser(u!);
    },
    async count() {
      const [r] = await ctx.db.select({ n: count() }).from(users);
      return Number(r?.n ?? 0);
    },
  };
}

export function sessionsApi(ctx: StoreContext): SessionsApi {
  return {
    async create(input) {
      const now = input.now ?? new Date();
      const row = {
        id: newId(),
        tokenHash: requireText(input.tokenHash, 'tokenHash', 500),
        userId: input.userId,
        csrfSecret: requireText(input.csrfSecret, 'csrfSecret', 500),
        createdAt: now,
        expiresAt: input.expiresAt,
        lastSeenAt: now,
      };
      if (!isId(row.userId)) throw notFound('user');
      await ctx.db.insert(sessions).values(row);
      const { tokenHash: _omit, ...session } = row;
      return session;
    },
    async findByTokenHash(tokenHash, now = new Date()) {
      if (typeof tokenHash !== 'string' || tokenHash === '') return null;
      const r = await ctx.db
        .select({ s: sessions, u: users })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)))
        .limit(1);
      const hit = r[0];
      if (!hit || hit.u.disabled) return null;
      const { tokenHash: _omit, ...session } = hit.s;
      return { session, user: toUser(hit.u) };
    },
    async touch(id, at = new Date()) {
      if (!isId(id)) return;
      await ctx.db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
    },
    async delete(id) {
      if (!isId(id)) return;
      await ctx.db.delete(sessions).where(eq(sessions.id, id));
    },
    async deleteForUser(userId) {
      if (!isId(userId)) return 0;
      const r = await ctx.db.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
      return r.length;
    },
    async deleteExpired(now = new Date()) {
      const r = await ctx.db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ id: sessions.id });
      return r.length;
    },
  };
}

/** A token's lastUsedAt is written at most this often: every API request resolves its token, and writing on each one
 * made a hot path of the tokens table. Revocation is not cached: every request still reads the token row. */
export const TOKEN_USE_WRITE_INTERVAL_MS = 60_000;

/** True when a use at `now` should be written: never used, or the stored use is a full interval old (or in the future). */
export function isTokenUseStale(lastUsedAt: Date | null, now: Date): boolean {
  if (lastUsedAt === null) return true;
  const age = now.getTime() - lastUsedAt.getTime();
  return age >= TOKEN_USE_WRITE_INTERVAL_MS || age < 0;
}

export function apiTokensApi(ctx: StoreContext): ApiTokensApi {
  const toToken = (r: typeof apiTokens.$inferSelect) => ({
    id: r.id,
    userId: r.userId,
    label: r.label,
    createdAt: r.createdAt,
    revokedAt: r.revokedAt,
    lastUsedAt: r.lastUsedAt,
  });
  return {
    async create(input) {
      if (!isId(input.userId)) throw notFound('user');
      const row = {
        id: newId(),
        tokenHash: requireText(input.tokenHash, 'tokenHash', 500),
        userId: input.userId,
        label: requireText(input.label, 'label', 200),
        createdAt: new Date(),
        revokedAt: null,
        lastUsedAt: null,
      };
      await ctx.db.insert(apiTokens).values(row);
      const [u] = await ctx.db.select({ orgId: users.orgId }).from(users).where(eq(users.id, row.userId));
      await audit(ctx.db, null, 'api_token.create', 'api_token', row.id, u?.orgId ?? null);
      return toToken(row);
    },
    async findByHash(tokenHash) {
      if (typeof tokenHash !== 'string' || tokenHash === '') return null;
      const r = await ctx.db
        .select({ t: apiTokens, u: users })
        .from(apiTokens)
        .innerJoin(users, eq(users.id, apiTokens.userId))
        .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
        .limit(1);
      const hit = r[0];
      if (!hit || hit.u.disabled) return null;
      const now = new Date();
      const user = toUser(hit.u);
      if (!isTokenUseStale(hit.t.lastUsedAt, now)) return { token: toToken(hit.t), user };
      // Conditional, so that concurrent first requests of a minute write once between them.
      const cutoff = new Date(now.getTime() - TOKEN_USE_WRITE_INTERVAL_MS);
      const written = await ctx.db
        .update(apiTokens)
        .set({ lastUsedAt: now })
        .where(and(eq(apiTokens.id, hit.t.id), or(isNull(apiTokens.lastUsedAt), lte(apiTokens.lastUsedAt, cutoff), gt(apiTokens.lastUsedAt, now))))
        .returning({ id: apiTokens.id });
      return { token: { ...toToken(hit.t), lastUsedAt: written.length ? now : hit.t.lastUsedAt }, user };
    },
    async list(actor) {
      const r = await ctx.db
        .select({ t: apiTokens })
        .from(apiTokens)
        .innerJoin(users, eq(users.id, apiTokens.userId))
        .where(eq(users.orgId, actor.orgId))
        .orderBy(desc(apiTokens.createdAt));
      return r.map((x) => toToken(x.t));
    },
    async revoke(actor, id) {
      if (!isId(id)) throw notFound('API token');
      const r = await ctx.db
        .select({ t: apiTokens })
        .from(apiTokens)
        .innerJoin(users, eq(users.id, apiTokens.userId))
        .where(and(eq(apiTokens.id, id), eq(users.orgId, actor.orgId)));
      if (!r[0]) throw notFound('API token');
      await ctx.db
        .update(apiTokens)
        .set({ revokedAt: sql`coalesce(${apiTokens.revokedAt}, now())` })
        .where(eq(apiTokens.id, id));
      await audit(ctx.db, actor, 'api_token.revoke', 'api_token', id);
    },
  };
}

export function loginAttemptsApi(ctx: StoreContext): LoginAttemptsApi {
  return {
    async record({ key, success, at }) {
      await ctx.db
        .insert(loginAttempts)
        .values({ id: newId(), key: requireText(key, 'key', 500), success: Boolean(success), at: at ?? new Date() });
    },
    async countFailuresSince(key, since) {
      const [r] = await ctx.db
        .select({ n: count() })
        .from(loginAttempts)
        .where(and(eq(loginAttempts.key, key), eq(loginAttempts.success, false), gt(loginAttempts.at, since)));
      return Number(r?.n ?? 0);
    },
    async prune(before) {
      const r = await ctx.db.delete(loginAttempts).where(lt(loginAttempts.at, before)).returning({ id: loginAttempts.id });
      return r.length;
    },
  };
}
