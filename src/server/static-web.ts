/**
 * The hook for the web app: when the built app exists (`dist/web/index.html`), serve its files, and answer any other
 * non-API GET with index.html so client-side routes work (SPA fallback). `/api/*` is never served from here.
 */
import type { Hono } from 'hono';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { AppEnv } from './deps.ts';

/** The default location of the built web app (relative to the repository root). */
export function defaultWebDir(): string {
  return resolve(new URL('../../dist/web', import.meta.url).pathname);
}

export function mountWeb(app: Hono<AppEnv>, webDir: string | null): boolean {
  if (!webDir || !existsSync(join(webDir, 'index.html'))) return false;
  const isApi = (path: string) => path === '/api' || path.startsWith('/api/');
  const files = serveStatic<AppEnv>({ root: webDir });
  app.get('*', async (c, next) => {
    if (isApi(c.req.path)) return next();
    c.set('routePattern', '(web)');
    const res = await files(c, next);
    // Built assets have content hashes in their names: cache them for good. Everything else is revalidated.
    if (c.res.status === 200) {
      c.res.headers.set('Cache-Control', c.req.path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    }
    return res;
  });
  app.get('*', (c, next) => {
    // A missing built file is a 404, never index.html (which would then be cached as that file).
    if (isApi(c.req.path) || c.req.path.startsWith('/assets/')) return next();
    c.set('routePattern', '(web index)');
    c.header('Cache-Control', 'no-cache');
    return c.html(readFileSync(join(webDir, 'index.html'), 'utf8'));
  });
  return true;
}
