/**
 * Loads Writ's reference data: data/reference.json (built by scripts/data/build-reference.ts), the shipped 287(g)
 * sheets in data/287g/sheets/, and imported sheets. Imports live in the database (table reference_sheets, written by
 * `writ data import-287g` and the server's import job); the caller reads them from the store and passes them as
 * `imported` (src/data/imported-sheets.ts does that for the server and `writ data`). Sheets an older Writ wrote to the
 * data directory (<data-dir>/287g/sheets/*.json) are still read, and are copied into the database by the server and
 * `writ data` (migrateLegacySheets). An imported sheet with the same kind, date and edition as a shipped or older
 * one replaces it. Writ never reads ../shared at run time.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Reference } from '../core/reference/reference.ts';
import type { ReferenceData } from '../core/reference/reference-data.ts';
import type { Sheet287g } from '../core/reference/parse-287g-sheet.ts';
import { createReference, type SheetWithOrigin } from '../core/reference/create-reference.ts';
import { render, type Message } from '../i18n/i18n.ts';
import { imported287gDir, userDataDir } from './user-data-dir.ts';

export const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));
export const SHIPPED_SHEETS_DIR = join(DATA_DIR, '287g', 'sheets');

export interface LoadOptions {
  /** User data directory with sheets an older Writ imported there; default: $WRIT_DATA_DIR or the platform's data dir (not under tests). */
  dataDir?: string | null;
  /** Sheets imported into the database (store.referenceSheets.list()); they replace shipped and data-directory ones. */
  imported?: Sheet287g[];
  /** Skip the data directory's sheets (with no `imported` sheets: the shipped data only). */
  shippedOnly?: boolean;
}

/** Files that could not be read as sheets (a damaged import); listed so `writ data status` can show them. */
export const skippedSheetFiles: string[] = [];

function isSheet(x: unknown): x is Sheet287g {
  const s = x as Sheet287g;
  return Boolean(s && (s.kind === 'participating' || s.kind === 'pending') && /^\d{4}-\d{2}-\d{2}$/.test(s.date) && Array.isArray(s.rows));
}

export function readSheetsIn(dir: string): Sheet287g[] {
  if (!existsSync(dir)) return [];
  const out: Sheet287g[] = [];
  for (const f of readdirSync(dir).sort()) {
    if (!f.endsWith('.json')) continue;
    try {
      const s = JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown;
      if (isSheet(s)) out.push({ kind: s.kind, date: s.date, edition: s.edition ?? null, source: s.source, blankRows: s.blankRows ?? 0, rows: s.rows });
      else skippedSheetFiles.push(join(dir, f));
    } catch {
      skippedSheetFiles.push(join(dir, f));
    }
  }
  return out;
}

let data: ReferenceData | null = null;
function referenceData(): ReferenceData {
  data ??= JSON.parse(readFileSync(join(DATA_DIR, 'reference.json'), 'utf8')) as ReferenceData;
  return data;
}

/** Which data directory to merge, or null for none (tests use the shipped data unless told otherwise). */
function resolveDataDir(opts: LoadOptions): string | null {
  if (opts.shippedOnly) return null;
  if (opts.dataDir) return opts.dataDir;
  if (process.env.WRIT_DATA_DIR) return process.env.WRIT_DATA_DIR;
  if (process.env.WRIT_TEST === '1') return null;
  return userDataDir();
}

/** What makes a sheet the same sheet (a later one with this key replaces an earlier): kind, date and edition. */
export function sheetKey(s: Pick<Sheet287g, 'kind' | 'date' | 'edition'>): string {
  return `${s.kind}|${s.date}|${s.edition ?? ''}`;
}

/** Shipped sheets plus imported ones: data-directory (older Writ) then database imports, each replacing the same kind, date and edition. */
export function heldSheets(dataDir: string | null, imported: Sheet287g[] = []): SheetWithOrigin[] {
  const byKey = new Map<string, SheetWithOrigin>();
  for (const sheet of readSheetsIn(SHIPPED_SHEETS_DIR)) byKey.set(sheetKey(sheet), { sheet, origin: 'shipped' });
  if (dataDir) for (const sheet of readSheetsIn(imported287gDir(dataDir))) byKey.set(sheetKey(sheet), { sheet, origin: 'imported' });
  for (const sheet of imported) byKey.set(sheetKey(sheet), { sheet, origin: 'imported' });
  return [...byKey.values()];
}

const cache = new Map<string, Reference>();

/** English renderings of lookup messages, remembered: the same notes recur, and rendering costs more than a lookup. */
const rendered = new Map<string, string>();
function renderEnglishCached(m: Message): string {
  const key = m.params ? `${m.code}|${JSON.stringify(m.params)}` : m.code;
  let text = rendered.get(key);
  if (text === undefined) {
    text = render('en', m);
    if (rendered.size > 10_000) rendered.clear();
    rendered.set(key, text);
  }
  return text;
}

/** The reference data. Without `imported` sheets it is loaded once per data directory and cached. */
export function loadReference(opts: LoadOptions = {}): Reference {
  const dir = resolveDataDir(opts);
  if (opts.imported?.length) return createReference(referenceData(), heldSheets(dir, opts.imported), renderEnglishCached);
  const cacheKey = dir ?? '';
  const hit = cache.get(cacheKey);
  if (hit) return hit;
  const ref = createReference(referenceData(), heldSheets(dir), renderEnglishCached);
  cache.set(cacheKey, ref);
  return ref;
}

/** Forgets cached references (tests that write sheets into a data directory). */
export function clearReferenceCache(): void {
  cache.clear();
}
