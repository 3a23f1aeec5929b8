/**
 * Imported 287(g) sheets held in the database (store.referenceSheets) for the server and `writ data`:
 * - referenceFromStore: the reference data with the shipped sheets and every sheet imported into the database;
 * - migrateLegacySheets: copies the sheets an older Writ wrote to <data-dir>/287g/sheets/ into the database (once:
 *   a sheet of the same kind, date and edition already there is left alone), so every server sees them;
 * - referenceForCommand: the same for a command-line command (`writ lookup`, `writ analyze`, `writ packet`,
 *   `writ data status`), reading the database without writing to it, or the shipped data when there is no database,
 *   it is held by a running server, or the answer does not depend on 287(g) sheets (opening the embedded database
 *   takes seconds and hundreds of MB, so a command asks for it only when it needs the sheets);
 * - commandDataDir: the data directory a command reads (--data-dir, $WRIT_DATA_DIR, the platform's);
 * - watchReference: every few seconds, compares the database's import fingerprint (one aggregate query) with the
 *   one the reference was built from and rebuilds it when another server (or `writ data import-287g`) stored a sheet.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Reference } from '../core/reference/reference.ts';
import type { Sheet287g } from '../core/reference/parse-287g-sheet.ts';
import type { Store } from '../store/types.ts';
import { loadReference, readSheetsIn, sheetKey, type LoadOptions } from './load-reference.ts';
import { imported287gDir, userDataDir } from './user-data-dir.ts';

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
  const held = new Set((await store.referenceSheets.list()).map(sheetKey));
  let copied = 0;
  for (const sheet of files) {
    if (held.has(sheetKey(sheet))) continue;
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
 * The data directory a command reads: `--data-dir`, else $WRIT_DATA_DIR, else the platform's data directory; null
 * under tests (WRIT_TEST=1) without either, so a developer's own database never changes test results.
 */
export function commandDataDir(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string | null {
  if (option) return resolve(option);
  if (env.WRIT_DATA_DIR) return resolve(env.WRIT_DATA_DIR);
  return env.WRIT_TEST === '1' ? null : resolve(userDataDir());
}

export interface CommandReference {
  reference: Reference;
  /** The database could not be read ('locked': `writ serve` holds the data directory; 'unavailable': no key or no connection), so imported sheets are missing from the answer. */
  warning: 'locked' | 'unavailable' | null;
  /** How `reference` was loaded (plain data): a worker thread passes it to loadReference() to build the same reference. */
  load: LoadOptions;
}

/**
 * The reference data for a command: shipped sheets, an older Writ's data-directory sheets, and the database's imports
 * (the store opened without job workers, never creating a key or a database, closed again). `sheets: false` (the
 * command's answer does not depend on 287(g) sheets): the database is not opened. Without a database (no
 * DATABASE_URL, no <data-dir>/pgdata) nothing is opened or created either.
 */
export async function referenceForCommand(dataDir: string | null, opts: { sheets?: boolean } = {}): Promise<CommandReference> {
  const base: LoadOptions = dataDir ? { dataDir } : { shippedOnly: true };
  const without = (warning: CommandReference['warning']): CommandReference => ({ reference: loadReference(base), warning, load: base });
  if (opts.sheets === false || !dataDir || !storeExists(dataDir)) return without(null);
  const { openStore, StoreError } = await import('../store/index.ts');
  let store: Store | null = null;
  let imported: Sheet287g[];
  try {
    store = await openStore({ dataDir, jobs: false, createKeyFile: false });
    imported = await store.referenceSheets.list();
  } catch (e) {
    if (!(e instanceof StoreError)) throw e;
    return without(e.code === 'locked' ? 'locked' : 'unavailable');
  } finally {
    await store?.close();
  }
  const load: LoadOptions = { dataDir, imported };
  return { reference: loadReference(load), warning: null, load };
}
