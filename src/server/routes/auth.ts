/** Sign in and out, who am I, the CSRF token, and API tokens for the CLI. */
import { z } from 'zod';
import { issueApiToken } from '../../auth/api-tokens.ts';
import { login } from '../../auth/login.ts';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../auth/password.ts';
import { changePassword } from '../../auth/change-password.ts';
import { endSession } from '../../auth/sessions.ts';
import { clearSessionCookie, clientAddress, setSessionCookie } from '../authenticate.ts';
import { ApiError } from '../errors.ts';
import { defineRoute, type AnyRoute } from '../route.ts';
import { Id, Timestamp, UserOut } from '../schemas.ts';
import { actorOf } from './actor.ts';

const LoginBody = z.object({
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1).max(PASSWORD_MAX),
});

const Me = z.object({ user: UserOut, via: z.enum(['session', 'token']) });
const Csrf = z.object({ csrfToken: z.string().nullable(), header: z.literal('X-CSRF-Token') });

const TokenOut = z.object({
  id: Id,
  label: z.string(),
  createdAt: Timestamp,
  revokedAt: Timestamp.nullable(),
  lastUsedAt: Timestamp.nullable(),
});

export function authRoutes(): AnyRoute[] {
  return [
    defineRoute({
      method: 'POST',
      path: '/api/auth/login',
      tag: 'auth',
      summary: 'Sign in with email and password; sets the session cookie and returns the CSRF token.',
      access: 'public',
      body: LoginBody,
      responses: [
        { status: 200, description: 'Signed in', schema: z.object({ user: UserOut, csrfToken: z.string() }) },
      ],
      handler: async ({ c, body, deps }) => {
        const r = await login(deps.store, { ...body, address: clientAddress(c) }, deps.config.now());
        if (!r.ok && r.reason === 'too_many_attempts') {
          const minutes = Math.ceil(r.retryAfterSeconds / 60);
          throw new ApiError('too_many_attempts', { minutes }, { headers: { 'Retry-After': String(r.retryAfterSeconds) } });
        }
        if (!r.ok) throw new ApiError('invalid_credentials');
        setSessionCookie(c, r.session);
        return c.json({ user: r.user, csrfToken: r.session.csrfToken });
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/auth/logout',
      tag: 'auth',
      summary: 'Sign out: ends this session and clears the cookie.',
      access: 'signed-in',
      responses: [{ status: 204, description: 'Signed out' }],
      handler: async ({ c, deps }) => {
        const auth = c.get('auth');
        if (auth?.sessionId) await endSession(deps.store, auth.sessionId);
        clearSessionCookie(c);
        return c.body(null, 204);
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/auth/password',
      tag: 'auth',
      summary: 'Change my password (the current one is required). Ends all my sessions and starts a new one.',
      access: 'signed-in',
      body: z.object({
        currentPassword: z.string().min(1).max(PASSWORD_MAX),
        newPassword: z.string().min(PASSWORD_MIN).max(PASSWORD_MAX),
      }),
      responses: [{ status: 200, description: 'Changed; a new session cookie is set', schema: z.object({ csrfToken: z.string() }) }],
      handler: async ({ c, deps, user, body }) => {
        const r = await changePassword(deps.store, user, { ...body, address: clientAddress(c) }, deps.config.now());
        if (!r.ok && r.reason === 'too_many_attempts') {
          throw new ApiError('too_many_attempts', { minutes: Math.ceil(r.retryAfterSeconds / 60) }, { headers: { 'Retry-After': String(r.retryAfterSeconds) } });
        }
        if (!r.ok) throw new ApiError('invalid_credentials');
        setSessionCookie(c, r.session);
        return c.json({ csrfToken: r.session.csrfToken });
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/auth/me',
      tag: 'auth',
      summary: 'The signed-in user.',
      access: 'signed-in',
      responses: [{ status: 200, description: 'The user', schema: Me }],
      handler: async ({ c, user }) => c.json({ user, via: c.get('auth')!.via }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/auth/csrf',
      tag: 'auth',
      summary: "The session's CSRF token, to send as X-CSRF-Token on state-changing requests (null for API tokens).",
      access: 'signed-in',
      responses: [{ status: 200, description: 'The token', schema: Csrf }],
      handler: async ({ c }) => c.json({ csrfToken: c.get('auth')!.csrfToken ?? null, header: 'X-CSRF-Token' as const }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/auth/tokens',
      tag: 'auth',
      summary: 'My API tokens (never their secret).',
      access: 'token.manage',
      responses: [{ status: 200, description: 'Tokens', schema: z.object({ tokens: z.array(TokenOut) }) }],
      handler: async ({ c, deps, user }) => {
        const tokens = await deps.store.apiTokens.list(actorOf(c, user));
        return c.json({ tokens: tokens.filter((t) => t.userId === user.id).map(tokenOut) });
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/auth/tokens',
      tag: 'auth',
      summary: 'Issue an API token for the CLI. The secret is shown once, in this answer.',
      access: 'token.manage',
      body: z.object({ label: z.string().trim().min(1).max(100) }),
      responses: [{ status: 201, description: 'Issued', schema: z.object({ token: z.string(), record: TokenOut }) }],
      handler: async ({ c, deps, user, body }) => {
        const { token, record } = await issueApiToken(deps.store, user, body.label);
        return c.json({ token, record: tokenOut(record) }, 201);
      },
    }),
    defineRoute({
      method: 'DELETE',
      path: '/api/auth/tokens/:tokenId',
      tag: 'auth',
      summary: 'Revoke one of my API tokens.',
      access: 'token.manage',
      params: z.object({ tokenId: Id }),
      responses: [{ status: 204, description: 'Revoked' }],
      handler: async ({ c, deps, user, params }) => {
        const mine = await deps.store.apiTokens.list(actorOf(c, user));
        if (!mine.some((t) => t.id === params.tokenId && t.userId === user.id)) throw new ApiError('not_found');
        await deps.store.apiTokens.revoke(actorOf(c, user), params.tokenId);
        return c.body(null, 204);
      },
    }),
  ];
}

function tokenOut(t: { id: string; label: string; createdAt: Date; revokedAt: Date | null; lastUsedAt: Date | null }) {
  return { id: t.id, label: t.label, createdAt: t.createdAt, revokedAt: t.revokedAt, lastUsedAt: t.lastUsedAt };
}
