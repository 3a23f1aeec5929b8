/**
 * Reads ICE's 287(g) "participating" or "pending" agencies sheet (already split into cells by src/data/) into
 * Writ's sheet format. ICE republishes the sheet often, by hand, and it carries real defects: blank rows,
 * dates typed as `7/72025` or `05/082025`, two apostrophe styles, links wrapped in Outlook "safelinks",
 * http and https mixed. Every value this parser repairs is reported (row, column, before, after, why);
 * nothing is changed silently. A file that is not such a sheet, or a row it cannot read, is an error naming
 * the row and column.
 *
 * Pure: no I/O. Source of the sheets: ICE, https://www.ice.gov/identify-and-arrest/287g (data/SOURCES.md).
 */
import type { Model287g, StateCode } from './reference.ts';
import { foldText } from './normalize-name.ts';

/** A cell as the spreadsheet reader gives it. */
export type CellValue =
  | string
  | number
  | boolean
  | Date
  | null
  | undefined
  | { text?: string; hyperlink?: string; richText?: Array<{ text: string }>; error?: string; result?: unknown; formula?: string };

export interface Row287g {
  row: number; // row number in the file (1-based, header included)
  state: StateCode;
  agency: string;
  agencyType: string | null;
  county: string | null;
  model: Model287g;
  signed: string | null; // ISO date
  moaUrl: string | null;
  addendumUrl: string | null;
}

export interface Sheet287g {
  kind: 'participating' | 'pending';
  date: string; // ISO date of ICE's sheet
  edition: string | null; // 'am' | 'pm'
  source: string; // file name
  blankRows: number;
  rows: Row287g[];
}

/** One reported repair or problem: where, what it was, what Writ holds now, and why (a message code). */
export interface SheetIssue {
  row: number | null;
  column: string | null;
  from?: string | null;
  to?: string | null;
  code: string; // i18n code in the `reference` namespace
  params?: Record<string, string | number>;
}

export class SheetFormatError extends Error {
  constructor(readonly issues: SheetIssue[]) {
    super(
      issues
        .slice(0, 5)
        .map((i) => `${i.code}${i.row ? ` row ${i.row}` : ''}${i.column ? ` column ${i.column}` : ''}${i.from ? ` (${i.from})` : ''}`)
        .join('; '),
    );
    this.name = 'SheetFormatError';
  }
}

export const MODEL_NAMES: Record<Model287g, string> = {
  JEM: 'Jail Enforcement Model',
  TFM: 'Task Force Model',
  WSO: 'Warrant Service Officer',
};

const MODEL_BY_TEXT: Record<string, Model287g> = {
  'jail enforcement model': 'JEM',
  'jail enforcement': 'JEM',
  jem: 'JEM',
  'task force model': 'TFM',
  'task force': 'TFM',
  tfm: 'TFM',
  'warrant service officer': 'WSO',
  'warrant service officer model': 'WSO',
  'warrant service officers': 'WSO',
  wso: 'WSO',
};

type Field = 'state' | 'agency' | 'type' | 'county' | 'model' | 'signed' | 'moa' | 'moaUrl' | 'addendum' | 'addendumUrl';

const HEADER_NAMES: Record<string, Field> = {
  state: 'state',
  'law enforcement agency': 'agency',
  agency: 'agency',
  type: 'type',
  'agency type': 'type',
  county: 'county',
  'support type': 'model',
  support: 'model',
  model: 'model',
  signed: 'signed',
  'date signed': 'signed',
  'signed date': 'signed',
  moa: 'moa',
  link: 'moa',
  'moa link': 'moa',
  'moa url': 'moaUrl',
  addendum: 'addendum',
  'addendum url': 'addendumUrl',
};

export interface ParseOptions {
  date: string;
  edition?: string | null;
  source: string;
  /** Resolves a state as ICE spells it ("ALABAMA", "Alabama", "AL") to its USPS code. */
  stateCode: (text: string) => StateCode | null;
  /** The kind the file name suggests, if any; a mismatch with the columns is an error. */
  kindHint?: 'participating' | 'pending' | null;
}

export interface ParseResult {
  sheet: Sheet287g;
  repairs: SheetIssue[];
  problems: SheetIssue[];
}

function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (v.richText) return v.richText.map((r) => r.text).join('');
  if (typeof v.text === 'string') return v.text;
  if (v.error) return v.error;
  if (v.result !== undefined && v.result !== null) return String(v.result);
  return '';
}

function isBlank(v: CellValue): boolean {
  return cellText(v).trim() === '';
}

const pad = (n: number) => String(n).padStart(2, '0');
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function validIso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1990 || y > 2100) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Reads a SIGNED cell. Returns the ISO date and, when the cell's text had to be repaired, the reason code. */
export function readSignedDate(v: CellValue): { iso: string | null; repair: string | null } {
  if (v === null || v === undefined || isBlank(v)) return { iso: null, repair: null };
  if (v instanceof Date) {
    return { iso: validIso(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate()), repair: null };
  }
  if (typeof v === 'number') {
    // Excel serial date (days since 1899-12-30) in a cell not formatted as a date.
    const ms = Math.round((v - 25569) * 86400000);
    const dt = new Date(ms);
    return { iso: validIso(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate()), repair: 'import.repair.excelSerialDate' };
  }
  const text = cellText(v).trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(text);
  if (m) return { iso: validIso(+m[1]!, +m[2]!, +m[3]!), repair: null };
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (m) return { iso: validIso(+m[3]!, +m[1]!, +m[2]!), repair: 'import.repair.textDate' };
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2})$/.exec(text);
  if (m) return { iso: validIso(2000 + +m[3]!, +m[1]!, +m[2]!), repair: 'import.repair.twoDigitYear' };
  // Month names: "July 7, 2025", "Jul 7 2025".
  m = /^([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/i.exec(text);
  if (m) {
    const month = MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase()) + 1;
    if (month > 0) return { iso: validIso(+m[3]!, month, +m[2]!), repair: 'import.repair.textDate' };
  }
  // ICE's typing slips: "7/72025", "05/082025" (the slash between day and year missing).
  m = /^(\d{1,2})\/(\d{1,2})(\d{4})$/.exec(text);
  if (m) return { iso: validIso(+m[3]!, +m[1]!, +m[2]!), repair: 'import.repair.missingSlash' };
  return { iso: null, repair: null };
}

/** Outlook "safelinks" wrap the real address in a `url=` parameter; http links to ice.gov are served over https. */
export function cleanUrl(raw: string): { url: string | null; repairs: string[] } {
  const repairs: string[] = [];
  let url = raw.trim();
  if (!url) return { url: null, repairs };
  if (url !== raw) repairs.push('import.repair.whitespace');
  if (/safelinks\.protection\.outlook\.com/i.test(url)) {
    try {
      const inner = new URL(url).searchParams.get('url');
      if (inner) {
        url = inner;
        repairs.push('import.repair.safelink');
      }
    } catch {
      /* left as is; reported by the caller as not a link */
    }
  }
  if (/^http:\/\/(www\.)?ice\.gov\//i.test(url)) {
    url = url.replace(/^http:/i, 'https:');
    repairs.push('import.repair.https');
  }
  if (!/^https?:\/\//i.test(url)) return { url: null, repairs };
  return { url, repairs };
}

function linkOf(v: CellValue): { raw: string | null; text: string } {
  const text = cellText(v).trim();
  if (v && typeof v === 'object' && !(v instanceof Date) && typeof v.hyperlink === 'string') return { raw: v.hyperlink, text };
  if (/^https?:\/\//i.test(text)) return { raw: text, text };
  return { raw: null, text };
}

/** Parses a sheet's cells. Throws SheetFormatError (with every error found) when it cannot be read as a 287(g) sheet. */
export function parse287gSheet(cells: CellValue[][], opts: ParseOptions): ParseResult {
  const repairs: SheetIssue[] = [];
  const problems: SheetIssue[] = [];
  const errors: SheetIssue[] = [];

  // 1. Header row: the first of the first ten rows that names STATE, an agency column and a model column.
  let headerIndex = -1;
  let columns = new Map<Field, number>();
  const headerLabels = new Map<Field, string>();
  for (let r = 0; r < Math.min(cells.length, 10); r++) {
    const row = cells[r] ?? [];
    const found = new Map<Field, number>();
    const labels = new Map<Field, string>();
    row.forEach((c, i) => {
      const f = HEADER_NAMES[foldText(cellText(c))];
      if (f && !found.has(f)) {
        found.set(f, i);
        labels.set(f, cellText(c).trim());
      }
    });
    if (found.has('state') && found.has('agency')) {
      headerIndex = r;
      columns = found;
      for (const [k, v] of labels) headerLabels.set(k, v);
      break;
    }
  }
  if (headerIndex < 0) {
    throw new SheetFormatError([{ row: null, column: null, code: 'import.error.noHeader' }]);
  }
  const headerRow = headerIndex + 1;
  for (const f of ['model'] as const) {
    if (!columns.has(f)) {
      throw new SheetFormatError([{ row: headerRow, column: 'SUPPORT TYPE', code: 'import.error.missingColumn', params: { column: 'SUPPORT TYPE' } }]);
    }
  }
  const kind: Sheet287g['kind'] = columns.has('signed') ? 'participating' : 'pending';
  if (opts.kindHint && opts.kindHint !== kind) {
    throw new SheetFormatError([
      { row: headerRow, column: 'SIGNED', code: kind === 'pending' ? 'import.error.kindMismatchNoSigned' : 'import.error.kindMismatchSigned', params: { hint: opts.kindHint } },
    ]);
  }
  const label = (f: Field) => headerLabels.get(f) ?? f.toUpperCase();
  const get = (row: CellValue[], f: Field): CellValue => {
    const i = columns.get(f);
    return i === undefined ? null : row[i];
  };

  const rows: Row287g[] = [];
  let blankRows = 0;
  const seen = new Map<string, number>();
  for (let r = headerIndex + 1; r < cells.length; r++) {
    const row = cells[r] ?? [];
    const rowNo = r + 1;
    if (row.every(isBlank)) {
      blankRows++;
      continue;
    }
    // State
    const stateText = cellText(get(row, 'state')).trim();
    const state = stateText ? opts.stateCode(stateText) : null;
    if (!state) {
      errors.push({ row: rowNo, column: label('state'), from: stateText, code: stateText ? 'import.error.unknownState' : 'import.error.emptyCell' });
    }
    // Agency
    const agencyRaw = cellText(get(row, 'agency'));
    let agency = agencyRaw.replace(/\s+/g, ' ').trim();
    if (!agency) errors.push({ row: rowNo, column: label('agency'), from: agencyRaw, code: 'import.error.emptyCell' });
    if (agency !== agencyRaw && agency) repairs.push({ row: rowNo, column: label('agency'), from: agencyRaw, to: agency, code: 'import.repair.whitespace' });
    if (/[\u2018\u2019\u02bc`]/.test(agency)) {
      const fixed = agency.replace(/[\u2018\u2019\u02bc`]/g, "'");
      repairs.push({ row: rowNo, column: label('agency'), from: agency, to: fixed, code: 'import.repair.apostrophe' });
      agency = fixed;
    }
    // Model
    const modelText = cellText(get(row, 'model')).replace(/\s+/g, ' ').trim();
    const model = MODEL_BY_TEXT[foldText(modelText)];
    if (!model) errors.push({ row: rowNo, column: label('model'), from: modelText, code: modelText ? 'import.error.unknownModel' : 'import.error.emptyCell' });
    // Type, county
    const typeText = cellText(get(row, 'type')).trim() || null;
    const countyCell = get(row, 'county');
    let county: string | null = cellText(countyCell).replace(/\s+/g, ' ').trim() || null;
    if (county && /^(#N\/?A|N\/A|#REF!|#VALUE!|#NAME\?)$/i.test(county)) {
      repairs.push({ row: rowNo, column: label('county'), from: county, to: null, code: 'import.repair.spreadsheetError' });
      county = null;
    }
    // Signed
    let signed: string | null = null;
    if (kind === 'participating') {
      const cell = get(row, 'signed');
      const text = cellText(cell).trim();
      const { iso, repair } = readSignedDate(cell);
      signed = iso;
      if (iso && repair) repairs.push({ row: rowNo, column: label('signed'), from: text, to: iso, code: `${repair}` });
      if (!iso && text) problems.push({ row: rowNo, column: label('signed'), from: text, to: null, code: 'import.problem.unreadableDate' });
      if (!iso && !text) problems.push({ row: rowNo, column: label('signed'), from: '', to: null, code: 'import.problem.noSignedDate' });
      if (iso && iso > opts.date) problems.push({ row: rowNo, column: label('signed'), from: iso, to: iso, code: 'import.problem.signedAfterSheet', params: { date: opts.date } });
    }
    // MOA and addendum links
    const links: Record<'moa' | 'addendum', string | null> = { moa: null, addendum: null };
    for (const f of ['moa', 'addendum'] as const) {
      const urlField = f === 'moa' ? 'moaUrl' : 'addendumUrl';
      const explicit = columns.has(urlField) ? cellText(get(row, urlField)).trim() : '';
      const { raw, text } = explicit ? { raw: explicit, text: explicit } : linkOf(get(row, f));
      if (!raw) {
        if (text && !/^(link pending|pending|n\/?a|)$/i.test(text)) {
          problems.push({ row: rowNo, column: label(f), from: text, to: null, code: 'import.problem.linkWithoutTarget' });
        }
        continue;
      }
      const { url, repairs: why } = cleanUrl(raw);
      if (!url) {
        problems.push({ row: rowNo, column: label(f), from: raw.slice(0, 200), to: null, code: 'import.problem.notALink' });
        continue;
      }
      for (const code of why) repairs.push({ row: rowNo, column: label(f), from: raw, to: url, code });
      links[f] = url;
    }
    if (!state || !agency || !model) continue;
    const key = `${state}|${foldText(agency)}|${model}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({ row: rowNo, column: label('agency'), from: agency, code: 'import.problem.duplicateRow', params: { earlier } });
    } else {
      seen.set(key, rowNo);
    }
    rows.push({ row: rowNo, state, agency, agencyType: typeText, county, model, signed, moaUrl: links.moa, addendumUrl: links.addendum });
  }
  if (errors.length) throw new SheetFormatError(errors);
  if (rows.length === 0) throw new SheetFormatError([{ row: headerRow, column: null, code: 'import.error.noRows' }]);
  return {
    sheet: { kind, date: opts.date, edition: opts.edition ?? null, source: opts.source, blankRows, rows },
    repairs,
    problems,
  };
}

/**
 * The sheet date in ICE's file names: `participatingAgencies07182025pm.xlsx` → 2025-07-18 pm;
 * also ISO dates (`…_2024-12-18_…`). Null when the name carries no date.
 */
export function sheetDateFromFileName(fileName: string): { date: string; edition: string | null; kind: 'participating' | 'pending' | null } | null {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const lower = base.toLowerCase();
  const kind = lower.includes('pending') ? 'pending' : lower.includes('participating') ? 'participating' : null;
  const edition = /\d(am|pm)(?![a-z])/.exec(lower)?.[1] ?? null;
  let m = /(\d{4})-(\d{2})-(\d{2})/.exec(lower);
  if (m) {
    const iso = validIso(+m[1]!, +m[2]!, +m[3]!);
    if (iso) return { date: iso, edition, kind };
  }
  m = /(?:^|[^\d])(\d{2})(\d{2})(\d{4})(?:[^\d]|$)/.exec(lower);
  if (m) {
    const iso = validIso(+m[3]!, +m[1]!, +m[2]!);
    if (iso) return { date: iso, edition, kind };
  }
  return null;
}

/** Orders sheets: by date, then am before pm. */
export function sheetOrderKey(s: { date: string; edition: string | null }): string {
  return `${s.date}${s.edition === 'am' ? '0' : s.edition === 'pm' ? '2' : '1'}`;
}
