/**
 * Who is calling: an API token (`Authorization: Bearer writ_pat_…`) or a session cookie. Also the cookie settings
 * and the CSRF gate for cookie-authenticated state-changing requests.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import { resolveApiToken } from '../auth/api-tokens.ts';
import { CSRF_HEADER, csrfTokenMatches, isSameOrigin } from '../auth/csrf.ts';
import { resolveSession, type StartedSession } from '../auth/sessions.ts';
import type { AppEnv, AuthState } from './deps.ts';
import { ApiError } from './errors.ts';

export const SESSION_COOKIE = 'writ_session';
/** With Secure cookies the `__Host-` prefix also pins the cookie to this host and path `/`. */
export const SECURE_SESSION_COOKIE = '__Host-writ_session';

/** True when the request came over TLS (directly, or via a trusted proxy) or Secure cookies are forced. */
export function isSecureRequest(c: Context<AppEnv>): boolean {
  const { config } = c.get('deps');
  if (config.secureCookies) return true;
  if (new URL(c.req.url).protocol === 'https:') return true;
  return config.trustProxy && c.req.header('x-forwarded-proto') === 'https';
}

export function clientAddress(c: Context<AppEnv>): string {
  if (c.get('deps').config.trustProxy) {
    // The last entry is the one our own proxy added; earlier ones are whatever the client claimed.
    const fwd = c.req.header('x-forwarded-for')?.split(',').pop()?.trim();
    if (fwd) return fwd;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // not served by @hono/node-server (tests calling app.request)
  }
}

export function setSessionCookie(c: Context<AppEnv>, session: StartedSession): void {
  const secure = isSecureRequest(c);
  setCookie(c, secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE, session.token, {
    httpOnly: true,
    secure,
    sameSite: 'Lax',
    path: '/',
    expires: session.expiresAt,
  });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  for (const name of [SESSION_COOKIE, SECURE_SESSION_COOKIE]) {
    if (getCookie(c, name) !== undefined) {
      deleteCookie(c, name, { path: '/', secure: name === SECURE_SESSION_COOKIE, httpOnly: true, sameSite: 'Lax' });
    }
  }
}

/**
 * Resolves the caller. A malformed, unknown or revoked bearer token answers 401 (never falls back to the cookie);
 * an unknown or expired cookie is simply no session.
 */
export async function authenticate(c: Context<AppEnv>): Promise<AuthState | null> {
  const { store, config } = c.get('deps');
  const authz = c.req.header('authorization');
  if (authz !== undefined) {
    const m = /^Bearer +(\S+)$/i.exec(authz.trim());
    const user = m ? await resolveApiToken(store, m[1]!) : null;
    if (!user) throw new ApiError('unauthenticated');
    return { user, via: 'token' };
  }
  const token = getCookie(c, SECURE_SESSION_COOKIE) ?? getCookie(c, SESSION_COOKIE);
  if (!token) return null;
  const found = await resolveSession(store, token, config.now());
  if (!found) return null;
  return { user: found.user, via: 'session', sessionId: found.session.id, csrfToken: found.session.csrfSecret };
}

/**
 * For state-changing requests: the Origin must be ours (any caller), and a cookie-authenticated caller must send the
 * session's CSRF token in `X-CSRF-Token`.
 */
export function checkCsrf(c: Context<AppEnv>, auth: AuthState | null): void {
  const own = new URL(c.req.url).origin;
  const forwardedOrigin = forwardedOwnOrigin(c);
  const allowedOrigins = [own, ...(forwardedOrigin ? [forwardedOrigin] : []), ...c.get('deps').config.publicOrigins];
  if (!isSameOrigin({ origin: c.req.header('origin'), secFetchSite: c.req.header('sec-fetch-site'), allowedOrigins })) {
    throw new ApiError('csrf_failed');
  }
  if (auth?.via === 'session' && !csrfTokenMatches(auth.csrfToken ?? '', c.req.header(CSRF_HEADER))) {
    throw new ApiError('csrf_failed');
  }
}

function forwardedOwnOrigin(c: Context<AppEnv>): string | null {
  if (!c.get('deps').config.trustProxy) return null;
  const proto = c.req.header('x-forwarded-proto');
  const host = c.req.header('x-forwarded-host') ?? c.req.header('host');
  return proto && host ? `${proto}://${host}` : null;
}
