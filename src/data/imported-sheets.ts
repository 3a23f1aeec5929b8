/**
 * Imported 287(g) sheets held in the database (store.referenceSheets) for the server and `writ data`:
 * - referenceFromStore: the reference data with the shipped sheets and every sheet imported into the database;
 * - migrateLegacySheets: copies the sheets an older Writ wrote to <data-dir>/287g/sheets/ into the database (once:
 *   a sheet of the same kind, date and edition already there is left alone), so every server sees them;
 * - watchReference: every few seconds, compares the database's import fingerprint (one aggregate query) with the
 *   one the reference was built from and rebuilds it when another server (or `writ data import-287g`) stored a sheet.
 */
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
