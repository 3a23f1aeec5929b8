/**
 * The HTTP API (hono). `createApp(deps)` builds it from the declared routes (./routes/*.ts, listed in ./routes/index.ts):
 * every request is logged as method, route pattern, status and milliseconds (no URL, no ids, no body); every error is
 * JSON `{ error: { code, message } }` in the caller's language; every route authenticates, checks CSRF, authorizes by
 * role (src/auth/policy.ts) and validates its input with zod before its handler runs.
 */
import { Hono, type Context, type Handler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { randomUUID } from 'node:crypto';
import { can } from '../auth/policy.ts';
import { isSafeMethod } from '../auth/csrf.ts';
import { render, t } from '../i18n/i18n.ts';
import { StoreError } from '../store/types.ts';
import { DeadlineInputError } from '../core/deadlines/index.ts';
import { authenticate, checkCsrf } from './authenticate.ts';
import type { AppEnv, AuthUser, ServerDeps } from './deps.ts';
import { ApiError, ERROR_STATUS, type ErrorCode } from './errors.ts';
import { formatBytes, parseWith, readJsonBody } from './http-body.ts';
import { requestLang } from './lang.ts';
import type { AnyRoute } from './route.ts';
import { apiRoutes } from './routes/index.ts';
import { securityHeaders } from './security-headers.ts';
import { mountWeb } from './static-web.ts';

export function createApp(deps: ServerDeps, routes: AnyRoute[] = apiRoutes()): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.use('*', async (c, next) => {
    const start = performance.now();
    c.set('deps', deps);
    c.set('lang', requestLang(c.req.query('lang'), c.req.header('accept-language')));
    c.set('requestId', randomUUID());
    c.set('routePattern', '-');
    c.set('auth', null);
    await next();
    // The same id is written to the audit log entries this request made: support can find them without any data.
    c.res.headers.set('X-Request-Id', c.get('requestId'));
    const ms = Math.round((performance.now() - start) * 10) / 10;
    deps.config.log(`${c.req.method} ${c.get('routePattern')} ${c.res.status} ${ms}ms`);
  });
  app.use('*', securityHeaders());

  for (const r of routes) app.on(r.method, r.path, wrap(r));

  const patterns = routes.map((r) => ({ method: r.method, re: pathRegex(r.path) }));
  mountWeb(app, deps.config.webDir);

  app.notFound((c) => {
    const path = c.req.path;
    if (patterns.some((p) => p.re.test(path))) {
      const allow = [...new Set(patterns.filter((p) => p.re.test(path)).map((p) => p.method))].join(', ');
      return errorResponse(c, new ApiError('method_not_allowed', {}, { headers: { Allow: allow } }));
    }
    return errorResponse(c, new ApiError('route_not_found'));
  });

  app.onError((err, c) => errorResponse(c, toApiError(err, c)));
  return app;
}

function wrap(r: AnyRoute): Handler<AppEnv> {
  return async (c) => {
    c.set('routePattern', r.path);
    const deps = c.get('deps');
    const auth = await authenticate(c);
    c.set('auth', auth);
    // Public routes (login) act without the session, so they need only the origin check.
    if (!isSafeMethod(c.req.method)) checkCsrf(c, r.access === 'public' ? null : auth);
    if (r.access !== 'public') {
      if (!auth) throw new ApiError('unauthenticated');
      if (r.access !== 'signed-in' && !can(auth.user.role, r.access)) throw new ApiError('forbidden');
    }
    const params = r.params ? parseWith(r.params, c.req.param()) : undefined;
    const query = r.query ? parseWith(r.query, c.req.query()) : undefined;
    const headers = r.headers ? parseWith(r.headers, c.req.header()) : undefined;
    const body = r.body ? parseWith(r.body, await readJsonBody(c, deps.config.maxJsonBytes)) : undefined;
    const input = {
      c,
      params,
      query,
      headers,
      body,
      deps,
      lang: c.get('lang'),
      get user(): AuthUser {
        if (!auth) throw new ApiError('unauthenticated');
        return auth.user;
      },
    };
    return r.handler(input);
  };
}

/** `/api/cases/:caseId/x` → a regex matching concrete paths (for 405 answers). */
function pathRegex(path: string): RegExp {
  const src = path
    .split('/')
    .map((seg) => (seg.startsWith(':') ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${src}/?$`);
}

/** The store's expected failures and hono's own exceptions as API errors; anything else is `internal`. */
function toApiError(err: unknown, c: Context<AppEnv>): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof StoreError) {
    const map: Record<StoreError['code'], ErrorCode> = {
      not_found: 'not_found',
      conflict: 'conflict',
      invalid: 'invalid_request',
      too_large: 'payload_too_large',
      forbidden_type: 'file_type_refused',
      locked: 'not_available',
      not_empty: 'conflict',
      bad_backup: 'invalid_request',
      key: 'not_available',
      unavailable: 'not_available',
    };
    const code = map[err.code];
    if (code === 'payload_too_large') {
      return new ApiError(code, { max: formatBytes(c.get('deps').config.maxEvidenceBytes) });
    }
    if (code === 'invalid_request') return new ApiError(code, { fields: '-' });
    return new ApiError(code);
  }
  if (err instanceof DeadlineInputError) return new ApiError('invalid_request', { fields: '-' }, { detail: err.problem });
  if (err instanceof HTTPException) {
    if (err.status === 413) return new ApiError('payload_too_large', { max: formatBytes(c.get('deps').config.maxJsonBytes) });
    if (err.status === 401) return new ApiError('unauthenticated');
    if (err.status === 403) return new ApiError('forbidden');
    if (err.status === 404) return new ApiError('not_found');
    if (err.status < 500) return new ApiError('invalid_request', { fields: '-' });
  }
  // Unexpected: log what kind of error and where, never its message (it may quote data).
  const e = err as { name?: string; code?: unknown };
  c.get('deps').config.log(
    `error ${c.req.method} ${c.get('routePattern')}: ${e?.name ?? typeof err}${typeof e?.code === 'string' ? ` (${e.code})` : ''}`,
  );
  return new ApiError('internal');
}

export function errorResponse(c: Context<AppEnv>, err: ApiError): Response {
  const lang = c.get('lang') ?? 'en';
  const message = err.detail ? render(lang, err.detail) : t(lang, `api:errors.${err.code}`, err.params);
  for (const [k, v] of Object.entries(err.headers)) c.header(k, v);
  return c.json(
    { error: { code: err.code, message, ...(err.issues ? { issues: err.issues } : {}) } },
    ERROR_STATUS[err.code],
  );
}
