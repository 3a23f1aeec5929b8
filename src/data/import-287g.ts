/**
 * `writ data import-287g`: reads a newly downloaded ICE 287(g) sheet, reports every repaired value, compares it
 * with the newest sheet of the same kind Writ holds, and (unless a dry run) stores it in the user data
 * directory atomically (temporary file + rename), so the shipped data is never modified and nothing is
 * half-written.
 */
import { existsSync, mkdirSync, renameSync, writeFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { parse287gSheet, sheetDateFromFileName, sheetOrderKey, type SheetIssue, type Sheet287g } from '../core/reference/parse-287g-sheet.ts';
import { diff287gSheets, type SheetDiff } from '../core/reference/diff-287g-sheets.ts';
import { foldText } from '../core/reference/normalize-name.ts';
import type { ReferenceData } from '../core/reference/reference-data.ts';
import { readSheetFile } from './read-sheet-file.ts';
import { heldSheets, clearReferenceCache, DATA_DIR } from './load-reference.ts';
import { imported287gDir } from './user-data-dir.ts';
import { readFileSync } from 'node:fs';

export class ImportDateMissingError extends Error {
  constructor(readonly file: string) {
    super(`no sheet date in ${file}`);
    this.name = 'ImportDateMissingError';
  }
}

export interface ImportOptions {
  file: string;
  /** ISO date of the sheet when the file name carries none. */
  date?: string | null;
  dryRun?: boolean;
  /** User data directory (see user-data-dir.ts). */
  dataDir: string;
  /** Sheets to compare with; default: those Writ holds (shipped + imported in dataDir). */
  held?: Sheet287g[];
}

export interface ImportResult {
  sheet: Sheet287g;
  rows: number;
  blankRows: number;
  repairs: SheetIssue[];
  problems: SheetIssue[];
  diff: SheetDiff;
  written: string | null; // path of the stored sheet, null on a dry run
  replaced: boolean; // a sheet of the same kind, date and edition was already imported
}

let stateIndex: Map<string, string> | null = null;
function stateCode(text: string): string | null {
  if (!stateIndex) {
    const data = JSON.parse(readFileSync(join(DATA_DIR, 'reference.json'), 'utf8')) as Pick<ReferenceData, 'states'>;
    stateIndex = new Map();
    for (const s of data.states) {
      stateIndex.set(foldText(s.name), s.code);
      stateIndex.set(foldText(s.code), s.code);
    }
  }
  return stateIndex.get(foldText(text)) ?? null;
}

/** The held sheet to compare with: the newest of the same kind not newer than the import, else the oldest. */
export function sheetToCompare(held: Sheet287g[], sheet: Sheet287g): Sheet287g | null {
  const same = held.filter((s) => s.kind === sheet.kind).sort((a, b) => sheetOrderKey(a).localeCompare(sheetOrderKey(b)));
  const k = sheetOrderKey(sheet);
  const notNewer = same.filter((s) => sheetOrderKey(s) <= k);
  return notNewer.at(-1) ?? same[0] ?? null;
}

export async function import287g(opts: ImportOptions): Promise<ImportResult> {
  const cells = await readSheetFile(opts.file);
  const fromName = sheetDateFromFileName(opts.file);
  const date = opts.date ?? fromName?.date ?? null;
  if (!date) throw new ImportDateMissingError(opts.file);
  const { sheet, repairs, problems } = parse287gSheet(cells, {
    date,
    edition: opts.date ? null : fromName?.edition ?? null,
    source: basename(opts.file),
    kindHint: fromName?.kind ?? null,
    stateCode,
  });
  const held = opts.held ?? heldSheets(opts.dataDir).map((h) => h.sheet);
  const diff = diff287gSheets(sheetToCompare(held, sheet), sheet);
  let written: string | null = null;
  let replaced = false;
  if (!opts.dryRun) {
    const dir = imported287gDir(opts.dataDir);
    mkdirSync(dir, { recursive: true });
    const target = join(dir, `${sheet.kind}-${sheet.date}${sheet.edition ?? ''}.json`);
    replaced = existsSync(target);
    const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      writeFileSync(tmp, JSON.stringify({ ...sheet, repairs, problems }, null, 1) + '\n', { flag: 'wx' });
      renameSync(tmp, target);
    } catch (e) {
      rmSync(tmp, { force: true });
      throw e;
    }
    written = target;
    clearReferenceCache();
  }
  return { sheet, rows: sheet.rows.length, blankRows: sheet.blankRows, repairs, problems, diff, written, replaced };
}
