/**
 * `writ data import-287g` and the server's import job: reads a newly downloaded ICE 287(g) sheet, reports every
 * repaired value, compares it with the newest sheet of the same kind Writ holds, and (unless a dry run) stores it in
 * the database (store.referenceSheets, one transaction), so every server sharing the database sees it and the shipped
 * data is never modified.
 */
import { basename, join } from 'node:path';
import { parse287gSheet, sheetDateFromFileName, sheetOrderKey, type SheetIssue, type Sheet287g } from '../core/reference/parse-287g-sheet.ts';
import { diff287gSheets, type SheetDiff } from '../core/reference/diff-287g-sheets.ts';
import { foldText } from '../core/reference/normalize-name.ts';
import type { ReferenceData } from '../core/reference/reference-data.ts';
import { readSheetFile } from './read-sheet-file.ts';
import { heldSheets, DATA_DIR } from './load-reference.ts';
import type { Actor, ReferenceSheetsApi } from '../store/types.ts';
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
  /** Where imported sheets are stored (store.referenceSheets); may be null for a dry run (compared with the shipped sheets). */
  sheets: Pick<ReferenceSheetsApi, 'save' | 'list'> | null;
  /** Who imports (audited); null: the command line. */
  actor?: Actor | null;
  /** Sheets to compare with; default: those Writ holds (shipped + imported into the database). */
  held?: Sheet287g[];
}

export interface ImportResult {
  sheet: Sheet287g;
  rows: number;
  blankRows: number;
  repairs: SheetIssue[];
  problems: SheetIssue[];
  diff: SheetDiff;
  stored: boolean; // false on a dry run
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
  const held = opts.held ?? heldSheets(null, opts.sheets ? await opts.sheets.list() : []).map((h) => h.sheet);
  const diff = diff287gSheets(sheetToCompare(held, sheet), sheet);
  let replaced = false;
  if (!opts.dryRun) {
    if (!opts.sheets) throw new Error('import287g: a store is needed to store the sheet');
    replaced = (await opts.sheets.save(opts.actor ?? null, { sheet, repairs, problems })).replaced;
  }
  return { sheet, rows: sheet.rows.length, blankRows: sheet.blankRows, repairs, problems, diff, stored: !opts.dryRun, replaced };
}
