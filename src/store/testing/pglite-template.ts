/**
 * For tests: a migrated, empty PGlite database as a tarball, cached in the temporary directory and keyed by the
 * PGlite version and the migrations, so each test file loads it (about 2 s) instead of creating a database
 * (several seconds more on a busy machine). Pass it as `openStore({ pgliteTemplate: await pgliteTemplate() })`.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIGRATIONS_FOLDER, openPglite } from '../open-database.ts';

function templateKey(): string {
  const h = createHash('sha256');
  // The installed PGlite build (its entry file's path and size change with its version).
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  h.update(entry).update(String(statSync(entry).size));
  for (const f of readdirSync(MIGRATIONS_FOLDER, { recursive: true }).map(String).sort()) {
    const p = join(MIGRATIONS_FOLDER, f);
    if (f.endsWith('.sql') || f.endsWith('.json')) h.update(f).update(readFileSync(p));
  }
  return h.digest('hex').slice(0, 16);
}

let cached: Promise<Blob> | null = null;

export function pgliteTemplate(): Promise<Blob> {
  cached ??= (async () => {
    const uid = typeof process.getuid === 'function' ? process.getuid() : 0;
    const path = join(tmpdir(), `writ-pglite-template-${uid}-${templateKey()}.tar`);
    if (existsSync(path)) return new Blob([readFileSync(path)]);
    const db = await openPglite(null);
    try {
      const blob = await db.dumpDataDir!();
      const tmp = `${path}.${process.pid}.tmp`;
      writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()), { mode: 0o600 });
      renameSync(tmp, path);
      return blob;
    } finally {
      await db.close();
    }
  })();
  return cached;
}
