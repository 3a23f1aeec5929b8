/**
 * The document model: one description of a court paper, rendered to DOCX (render-docx.ts) and PDF (render-pdf.ts).
 * Templates (src/documents/templates/) build these; nothing in a template knows about DOCX or PDF.
 *
 * A blank the user must fill is an inline `{ fill: label }`; it renders as `[[FILL: label]]` and is listed by
 * `collectBlanks` so the user gets a list of what to fill.
 */

/** A sensitive value, tagged where a template inserts it so the FRCP 5.2 check knows what it is. */
export type SensitiveKind = 'ssn' | 'tin' | 'dob' | 'minorName' | 'account' | 'aNumber' | 'passport' | 'driverLicense' | 'homeAddress';

export type Inline =
  | string
  | { text: string; bold?: boolean; italic?: boolean; underline?: boolean; sensitive?: SensitiveKind }
  | { fill: string };

export type Align = 'left' | 'center' | 'right' | 'justify';

export type Block =
  | { kind: 'heading'; text: Inline[]; align?: Align }
  /** A body paragraph; `number` prints "N." before it (pleading paragraphs are numbered). */
  | { kind: 'para'; text: Inline[]; number?: number; indentFirst?: boolean; align?: Align; single?: boolean }
  | { kind: 'list'; items: Inline[][]; ordered?: boolean }
  /** The federal caption: court title on top, parties at left, case number and document title at right. */
  | { kind: 'caption'; court: Inline[]; left: Inline[][]; right: Inline[][] }
  /** Lines printed above the caption (pleading-paper contact block, N.D. Cal. L.R. 3-4). */
  | { kind: 'contact'; lines: Inline[][] }
  | { kind: 'table'; header?: Inline[][]; rows: Inline[][][]; widths?: number[] }
  | { kind: 'signature'; lines: Inline[][] }
  | { kind: 'pageBreak' };

export interface PleadingPaper {
  /** Lines per page on the numbered grid (N.D. Cal. L.R. 3-4: at most 28). */
  linesPerPage: number;
  fontSizePt: number;
  /** The rule that asks for it, shown in the manifest. */
  cite: string;
}

export interface DocModel {
  id: string;
  title: string;
  /** Court papers are double-spaced; forms, letters and sheets single. */
  spacing: 'double' | 'single';
  /** Numbered-line pleading paper where the district requires it; null otherwise. */
  pleading: PleadingPaper | null;
  /** Short title printed in the footer of each page. */
  footer?: string;
  /** Words for "Page N of M" in the footer (default English). */
  pageWords?: { page: string; of: string };
  blocks: Block[];
}

export const FILL_OPEN = '[[FILL: ';
export const FILL_CLOSE = ']]';

export function fill(label: string): Inline {
  return { fill: label };
}

export function b(text: string): Inline {
  return { text, bold: true };
}

export function i(text: string): Inline {
  return { text, italic: true };
}

/** A value that may be missing: the value itself, or a marked blank with the given label. */
export function val(v: string | number | null | undefined, label: string): Inline {
  if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return fill(label);
  return String(v);
}

/** The plain text of an inline (blanks as their `[[FILL: …]]` marker). */
export function inlineText(x: Inline): string {
  if (typeof x === 'string') return x;
  if ('fill' in x) return `${FILL_OPEN}${x.fill}${FILL_CLOSE}`;
  return x.text;
}

export function inlinesText(xs: Inline[]): string {
  return xs.map(inlineText).join('');
}

/** Every inline run of a block, in reading order. */
export function blockInlines(bl: Block): Inline[][] {
  switch (bl.kind) {
    case 'heading':
    case 'para':
      return [bl.text];
    case 'list':
      return bl.items;
    case 'caption':
      return [bl.court, ...bl.left, ...bl.right];
    case 'contact':
    case 'signature':
      return bl.lines;
    case 'table':
      return [...(bl.header ?? []), ...bl.rows.flat()];
    case 'pageBreak':
      return [];
  }
}

/** Maps every inline of a document (used by the privacy check); returns a new model. */
export function mapInlines(doc: DocModel, f: (x: Inline) => Inline): DocModel {
  const m = (xs: Inline[]) => xs.map(f);
  const blocks = doc.blocks.map((bl): Block => {
    switch (bl.kind) {
      case 'heading':
      case 'para':
        return { ...bl, text: m(bl.text) };
      case 'list':
        return { ...bl, items: bl.items.map(m) };
      case 'caption':
        return { ...bl, court: m(bl.court), left: bl.left.map(m), right: bl.right.map(m) };
      case 'contact':
      case 'signature':
        return { ...bl, lines: bl.lines.map(m) };
      case 'table':
        return { ...bl, header: bl.header?.map(m), rows: bl.rows.map((r) => r.map(m)) };
      case 'pageBreak':
        return bl;
    }
  });
  return { ...doc, blocks };
}

/** The labels of every blank in a document, in order of first appearance, without repeats. */
export function collectBlanks(doc: DocModel): string[] {
  const seen = new Set<string>();
  for (const bl of doc.blocks)
    for (const xs of blockInlines(bl))
      for (const x of xs) if (typeof x !== 'string' && 'fill' in x) seen.add(x.fill);
  return [...seen];
}

/** The document as plain text, one block per paragraph (for search, tests and the API's `text`). */
export function documentText(doc: DocModel): string {
  const out: string[] = [];
  for (const bl of doc.blocks) {
    if (bl.kind === 'pageBreak') continue;
    if (bl.kind === 'para') out.push((bl.number ? `${bl.number}. ` : '') + inlinesText(bl.text));
    else if (bl.kind === 'list') bl.items.forEach((it, k) => out.push((bl.ordered ? `${k + 1}. ` : '• ') + inlinesText(it)));
    else if (bl.kind === 'table') {
      for (const row of [...(bl.header ? [bl.header] : []), ...bl.rows]) out.push(row.map(inlinesText).join(' | '));
    } else for (const xs of blockInlines(bl)) out.push(inlinesText(xs));
  }
  return out.join('\n') + '\n';
}

/** Splits inline runs at newlines into lines (renderers write each line separately). */
export function splitLines(xs: Inline[]): Inline[][] {
  const lines: Inline[][] = [[]];
  for (const x of xs) {
    if (typeof x !== 'string' && 'fill' in x) {
      lines[lines.length - 1]!.push(x);
      continue;
    }
    const text = typeof x === 'string' ? x : x.text;
    const parts = text.split('\n');
    parts.forEach((part, k) => {
      if (k > 0) lines.push([]);
      if (part) lines[lines.length - 1]!.push(typeof x === 'string' ? part : { ...x, text: part });
    });
  }
  return lines;
}

/** Numbers paragraphs in order: `const n = counter(); n()` → 1, 2, 3 … */
export function counter(start = 1): () => number {
  let k = start - 1;
  return () => ++k;
}
