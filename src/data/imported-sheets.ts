/**
 * Imported 287(g) sheets held in the database (store.referenceSheets) for the server and `writ data`:
 * - referenceFromStore: the reference data with the shipped sheets and every sheet imported into the database;
 * - migrateLegacySheets: copies the sheets an older Writ wrote to <data-dir>/287g/sheets/ into the database (once:
 *   a sheet of the same kind, date and edition already there is left alone), so every server sees them;
 * - referenceForCommand: the same for a command-line command (`writ lookup`, ...), reading the database without
 *   writing to it, or the shipped data when there is no database or it is held by a running server;
 * - watchReference: every few seconds, compares the database's import fingerprint (one aggregate query) with the
 *   one the reference was built from and rebuilds it when another server (or `writ data import-287g`) stored a sheet.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Reference } from '../core/reference/reference.ts';
import type { Store } from '../store/types.ts';
import { loadReference, readSheetsIn } from './load-reference.ts';
import { imported287gDir } from './user-data-dir.ts';

/** How often a server checks for sheets imported elsewhere (the longest a new import takes to reach every server). */
export const REFERENCE_CHECK_MS = 15_000;

type SheetsStore = Pick<Store, 'referenceSheets'>;

/** Reference data from the shipped sheets and the database's imports, with the fingerprint it was built from. */
export async function referenceFromStore(store: SheetsStore): Promise<{ reference: Reference; version: string }> {
  const version = await store.referenceSheets.version();
  const imported = await store.referenceSheets.list();
  return { reference: loadReference({ shippedOnly: true, imported }), version };
}

/** Copies sheets an older Writ imported into the data directory into the database; returns how many. */
export async function migrateLegacySheets(store: SheetsStore, dataDir: string | null): Promise<number> {
  if (!dataDir) return 0;
  const files = readSheetsIn(imported287gDir(dataDir));
  if (!files.length) return 0;
  const key = (s: { kind: string; date: string; edition: string | null }) => `${s.kind}|${s.date}|${s.edition ?? ''}`;
  const held = new Set((await store.referenceSheets.list()).map(key));
  let copied = 0;
  for (const sheet of files) {
    if (held.has(key(sheet))) continue;
    await store.referenceSheets.save(null, { sheet });
    copied++;
  }
  return copied;
}

export interface ReferenceWatch {
  /** Checks now; true when the reference was rebuilt. */
  check(): Promise<boolean>;
  stop(): void;
}

/** Rebuilds the reference when the database's imports change (checked every `intervalMs`, and on `check()`). */
export function watchReference(
  store: SheetsStore,
  opts: { version: string; intervalMs?: number; onReload: (reference: Reference) => void; log: (line: string) => void },
): ReferenceWatch {
  let version = opts.version;
  let running: Promise<boolean> | null = null;
  const check = () =>
    (running ??= (async () => {
      try {
        const now = await store.referenceSheets.version();
        if (now === version) return false;
        const r = await referenceFromStore(store);
        version = r.version;
        opts.onReload(r.reference);
        opts.log('reference: 287(g) sheets reloaded (an import was stored)');
        return true;
      } catch {
        return false; // the database is unreachable for now: keep the reference held, try again later
      } finally {
        running = null;
      }
    })());
  const timer = setInterval(() => void check(), opts.intervalMs ?? REFERENCE_CHECK_MS);
  timer.unref();
  return { check, stop: () => clearInterval(timer) };
}

/** Whether there is a Writ database to read: DATABASE_URL, or an embedded database in the data directory. */
export function storeExists(dataDir: string, env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.DATABASE_URL) || existsSync(join(dataDir, 'pgdata'));
}

/**
 * The reference data for a command: shipped sheets, an older Writ's data-directory sheets, and the database's imports
 * (the store opened without job workers, never creating a key or a database, closed again). `warning`: the database
 * could not be read ('locked': `writ serve` holds the data directory; 'unavailable': no key or no connection), so
 * imported sheets are missing from the answer.
 */
export async function referenceForCommand(dataDir: string): Promise<{ reference: Reference; warning: 'locked' | 'unavailable' | null }> {
  if (!storeExists(dataDir)) return { reference: loadReference({ dataDir }), warning: null };
  const { openStore, StoreError } = await import('../store/index.ts');
  let store: Store | null = null;
  try {
    store = await openStore({ dataDir, jobs: false, createKeyFile: false });
    const imported = await store.referenceSheets.list();
    return { reference: loadReference({ dataDir, imported }), warning: null };
  } catch (e) {
    if (!(e instanceof StoreError)) throw e;
    return { reference: loadReference({ dataDir }), warning: e.code === 'locked' ? 'locked' : 'unavailable' };
  } finally {
    await store?.close();
  }
}
