/**
 * Reads a spreadsheet file (ICE's .xlsx, or a .csv) into rows of cells for the pure 287(g) parser.
 * xlsx hyperlinks are kept ({ text, hyperlink }), dates stay Dates. Only the first worksheet is read
 * (ICE's workbooks have one, `Sheet1`).
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import type { CellValue } from '../core/reference/parse-287g-sheet.ts';

export class UnreadableFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: 'notFound' | 'notSpreadsheet' | 'unsupportedType' | 'empty',
    detail?: string,
  ) {
    super(`${file}: ${reason}${detail ? ` (${detail})` : ''}`);
    this.name = 'UnreadableFileError';
  }
}

export async function readSheetFile(path: string): Promise<CellValue[][]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UnreadableFileError(path, 'notFound', code);
  }
  if (bytes.length === 0) throw new UnreadableFileError(path, 'empty');
  const lower = path.toLowerCase();
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b; // "PK": xlsx is a zip archive
  if (lower.endsWith('.xlsx') || isZip) {
    if (!isZip) throw new UnreadableFileError(path, 'notSpreadsheet', 'not an xlsx (zip) file');
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch (e) {
      throw new UnreadableFileError(path, 'notSpreadsheet', (e as Error).message.slice(0, 120));
    }
    const ws = wb.worksheets[0];
    if (!ws) throw new UnreadableFileError(path, 'empty');
    const rows: CellValue[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const values = ws.getRow(r).values as unknown[];
      // exceljs rows are 1-based: values[0] is empty.
      rows.push(Array.isArray(values) ? (values.slice(1) as CellValue[]) : []);
    }
    return rows;
  }
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) {
    const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
    try {
      return parseCsv(text, { relax_column_count: true, skip_empty_lines: false, trim: false }) as string[][];
    } catch (e) {
      throw new UnreadableFileError(path, 'notSpreadsheet', (e as Error).message.slice(0, 160));
    }
  }
  throw new UnreadableFileError(path, 'unsupportedType');
}
