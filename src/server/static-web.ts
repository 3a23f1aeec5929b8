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
    return files(c, next);
  });
  app.get('*', (c, next) => {
    if (isApi(c.req.path)) return next();
    c.set('routePattern', '(web index)');
    return c.html(readFileSync(join(webDir, 'index.html'), 'utf8'));
  });
  return true;
}
