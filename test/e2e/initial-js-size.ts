/**
 * The initial JavaScript of the built web app: the entry script of dist/web/index.html, its modulepreloads, and every
 * chunk they import statically (dynamic imports — the lazily loaded screens and catalogues — are not initial).
 * Sizes are gzip level 9, as a server would send them.
 */
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

export const INITIAL_JS_BUDGET_BYTES = 250 * 1024;

export interface InitialJs {
  files: Array<{ file: string; bytes: number; gzip: number }>;
  gzipTotal: number;
}

export function initialJs(webDir: string): InitialJs {
  const html = readFileSync(join(webDir, 'index.html'), 'utf8');
  const start = [
    ...[...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g)].map((m) => m[1]!),
    ...[...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1]!),
  ].map((p) => p.replace(/^\//, ''));
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(webDir, file), 'utf8');
    // Static imports only: `import ... from "./x.js"` / `import "./x.js"` (not `import("./x.js")`).
    for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[^"'();]*?from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g)) {
      queue.push(posix.normalize(posix.join(posix.dirname(file), m[1]!)));
    }
  }
  const files = [...seen].map((file) => {
    const buf = readFileSync(join(webDir, file));
    return { file, bytes: buf.byteLength, gzip: gzipSync(buf, { level: 9 }).byteLength };
  });
  return { files, gzipTotal: files.reduce((a, f) => a + f.gzip, 0) };
}
