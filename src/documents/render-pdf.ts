/**
 * Renders a DocModel to a text-searchable PDF with pdfkit, in process. The DejaVu Serif fonts shipped in
 * ./fonts are embedded (subset, with a ToUnicode map, so the text can be searched and copied).
 *
 * Pleading paper (model.pleading): text sits on a fixed grid of numbered lines, 24 pt apart, 28 per page
 * (N.D. Cal. Civil L.R. 3-4), with the line numbers in the left margin and rules on both sides.
 */
import PDFDocument from 'pdfkit';
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import * as fontkit from 'fontkit';
import { fileURLToPath } from 'node:url';
import { FILL_CLOSE, FILL_OPEN, splitLines, type Align, type Block, type DocModel, type Inline } from './model.ts';

const fontDir = fileURLToPath(new URL('./fonts/', import.meta.url));
/** Parsed once per process and shared by every PDF (pdfkit accepts a fontkit font; each PDF keeps its own subset). */
const FONTS = {
  regular: fontkit.create(readFileSync(fontDir + 'DejaVuSerif.ttf')),
  bold: fontkit.create(readFileSync(fontDir + 'DejaVuSerif-Bold.ttf')),
  italic: fontkit.create(readFileSync(fontDir + 'DejaVuSerif-Italic.ttf')),
};

/**
 * fontkit re-decodes every glyph of every subset it writes. Our fonts never change, so the raw bytes and metrics of
 * each simple (non-composite) TrueType glyph are kept after the first PDF that uses it; composite glyphs and any
 * font fontkit treats differently go through fontkit's own code. Checked against fontkit 2.0.x's TTFSubset.
 */
interface SubsetLike {
  font: { loca: { offsets: number[] }; _getTableStream(tag: string): { pos: number; readBuffer(n: number): Uint8Array }; getGlyph(gid: number): { advanceWidth: number; _getMetrics(): { leftBearing: number } }; _variationProcessor?: unknown };
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
}
const GLYPHS = new WeakMap<object, Map<number, { buffer: Uint8Array; advance: number; bearing: number }>>();
(function cacheSimpleGlyphs() {
  const proto = Object.getPrototypeOf((FONTS.regular as unknown as { createSubset(): object }).createSubset()) as { _addGlyph?: (this: SubsetLike, gid: number) => number; encode?: unknown };
  const original = proto._addGlyph;
  if (typeof original !== 'function' || typeof proto.encode !== 'function') return; // not the fontkit we know: leave it alone
  proto._addGlyph = function (this: SubsetLike, gid: number): number {
    const font = this.font;
    if (!font?.loca?.offsets || font._variationProcessor) return original.call(this, gid);
    let cache = GLYPHS.get(font);
    if (!cache) GLYPHS.set(font, (cache = new Map()));
    let e = cache.get(gid);
    if (!e) {
      const start = font.loca.offsets[gid]!;
      const end = font.loca.offsets[gid + 1]!;
      const stream = font._getTableStream('glyf');
      stream.pos += start;
      const buffer = stream.readBuffer(end - start);
      const composite = buffer.length >= 2 && ((buffer[0]! << 8) | buffer[1]!) & 0x8000;
      if (composite) return original.call(this, gid);
      const glyph = font.getGlyph(gid);
      e = { buffer, advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing };
      cache.set(gid, e);
    }
    this.glyf.push(e.buffer);
    this.loca.offsets.push(this.offset);
    this.hmtx.metrics.push({ advance: e.advance, bearing: e.bearing });
    this.offset += e.buffer.length;
    return this.glyf.length - 1;
  };
  // fontkit encodes each subset through its generic table encoders, which re-encode the constant tables (cvt, prep,
  // fpgm …) value by value for every PDF. Here the subset is written directly: the constant tables are copied from the
  // font file, three counts are patched into head/hhea/maxp, and loca, glyf and hmtx come from the glyphs gathered.
  const originalEncode = proto.encode as (this: SubsetLike) => Uint8Array;
  proto.encode = function (this: SubsetLike & { glyphs: number[] }): Uint8Array {
    const font = this.font as SubsetLike['font'] & FontTables;
    if (!font?.directory?.tables?.head || !font.stream?.buffer || font._variationProcessor) return originalEncode.call(this);
    this.glyf = [];
    this.offset = 0;
    this.loca = { offsets: [], version: (font.loca as unknown as { version: number }).version } as SubsetLike['loca'];
    this.hmtx = { metrics: [], bearings: [] } as unknown as SubsetLike['hmtx'];
    for (let k = 0; k < this.glyphs.length; k++) proto._addGlyph!.call(this, this.glyphs[k]!);
    this.loca.offsets.push(this.offset);
    return encodeTrueType(font, this.glyf, this.loca.offsets, (this.loca as unknown as { version: number }).version, this.hmtx.metrics);
  };
})();

interface FontTables {
  directory: { tables: Record<string, { offset: number; length: number } | undefined> };
  stream: { buffer: Uint8Array };
}

/** A TrueType font file (sfnt) holding the subset's glyphs; the tables PDF needs for an embedded TrueType font. */
function encodeTrueType(font: FontTables, glyf: Uint8Array[], offsets: number[], locaVersion: number, metrics: { advance: number; bearing: number }[]): Uint8Array {
  const raw = (tag: string) => {
    const t = font.directory.tables[tag];
    return t ? font.stream.buffer.subarray(t.offset, t.offset + t.length) : undefined;
  };
  const head = Buffer.from(raw('head')!);
  head.writeUInt32BE(0, 8); // checkSumAdjustment: not needed inside a PDF
  head.writeInt16BE(locaVersion, 50); // indexToLocFormat
  const hhea = Buffer.from(raw('hhea')!);
  hhea.writeUInt16BE(metrics.length, 34); // numberOfHMetrics
  const maxp = Buffer.from(raw('maxp')!);
  maxp.writeUInt16BE(glyf.length, 4); // numGlyphs
  const loca = Buffer.allocUnsafe(offsets.length * (locaVersion === 0 ? 2 : 4));
  offsets.forEach((o, k) => (locaVersion === 0 ? loca.writeUInt16BE(o >>> 1, k * 2) : loca.writeUInt32BE(o, k * 4)));
  const hmtx = Buffer.allocUnsafe(metrics.length * 4);
  metrics.forEach((m, k) => {
    hmtx.writeUInt16BE(m.advance, k * 4);
    hmtx.writeInt16BE(m.bearing, k * 4 + 2);
  });
  const tables: [string, Uint8Array][] = [
    ['cvt ', raw('cvt ')],
    ['fpgm', raw('fpgm')],
    ['glyf', Buffer.concat(glyf)],
    ['head', head],
    ['hhea', hhea],
    ['hmtx', hmtx],
    ['loca', loca],
    ['maxp', maxp],
    ['prep', raw('prep')],
  ].filter((t): t is [string, Uint8Array] => t[1] !== undefined);
  const pad = (n: number) => (n + 3) & ~3;
  const dirSize = 12 + 16 * tables.length;
  const out = Buffer.alloc(dirSize + tables.reduce((a, [, d]) => a + pad(d.length), 0));
  const pow2 = 2 ** Math.floor(Math.log2(tables.length));
  out.writeUInt32BE(0x00010000, 0);
  out.writeUInt16BE(tables.length, 4);
  out.writeUInt16BE(pow2 * 16, 6);
  out.writeUInt16BE(Math.log2(pow2), 8);
  out.writeUInt16BE(tables.length * 16 - pow2 * 16, 10);
  let at = dirSize;
  tables.forEach(([tag, data], k) => {
    out.set(data, at);
    let sum = 0;
    for (let p = at; p < at + pad(data.length); p += 4) sum = (sum + out.readUInt32BE(p)) >>> 0;
    const e = 12 + 16 * k;
    out.write(tag, e, 'latin1');
    out.writeUInt32BE(sum, e + 4);
    out.writeUInt32BE(at, e + 8);
    out.writeUInt32BE(data.length, e + 12);
    at += pad(data.length);
  });
  return out;
}

/**
 * pdfkit deflates every stream (page content, font files, ToUnicode maps) at zlib's default level 6. Level 1 costs
 * about a third of the time for files a few percent larger, so streams are deflated here at level 1 before pdfkit's
 * own finalize runs (which then finds nothing left to compress). Streams pdfkit would not compress are left alone.
 */
interface RefLike {
  compress: boolean;
  buffer: Uint8Array[];
  finalize(): void;
}
(function fastDeflate() {
  // A throwaway document (never ended) hands us pdfkit's reference class.
  const scratch = new PDFDocument({ autoFirstPage: false, font: null } as unknown as PDFKit.PDFDocumentOptions);
  const proto = Object.getPrototypeOf((scratch as unknown as { ref(): object }).ref()) as RefLike;
  const original = proto.finalize;
  if (typeof original !== 'function') return; // not the pdfkit we know: leave it alone
  proto.finalize = function (this: RefLike) {
    if (this.compress && Array.isArray(this.buffer) && this.buffer.length) {
      this.buffer = [deflateSync(Buffer.concat(this.buffer), { level: 1 })];
      this.compress = false;
    }
    original.call(this);
  };
})();

/**
 * Word layouts (glyphs and advances) shared by every PDF of the process: pdfkit caches them per document, but they
 * depend only on the font and the word; each PDF still builds its own font subset from them.
 */
const LAYOUT_CACHE: Record<'R' | 'B' | 'I', Record<string, unknown>> = { R: Object.create(null), B: Object.create(null), I: Object.create(null) };
let layoutEntries = 0;
let renders = 0;

const PAGE_W = 612;
const PAGE_H = 792;
const TOP = 72;
const GRID = 24; // one numbered line on pleading paper

interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
  underline: boolean;
}

/** Punctuation that closes what comes before it (must not start a line), with the spaces after it. */
const TRAILING_PUNCTUATION = /^[.,;:!?…)\]}»”’]+\s*/;

function runs(xs: Inline[]): Run[] {
  const out: Run[] = [];
  for (const x of xs) {
    if (typeof x === 'string') out.push({ text: x, bold: false, italic: false, underline: false });
    else if ('fill' in x) out.push({ text: `${FILL_OPEN}${x.fill}${FILL_CLOSE}`, bold: true, italic: false, underline: false });
    else out.push({ text: x.text, bold: Boolean(x.bold), italic: Boolean(x.italic), underline: Boolean(x.underline) });
  }
  const nonEmpty = out.filter((r) => r.text.length > 0);
  // pdfkit wraps each run on its own, so a run boundary is a break opportunity: "Smith v. Jones" in italics ending
  // at the margin sent the "." that follows it onto a line by itself. Punctuation right after a run (no space
  // between) joins that run, and takes its style, so the two wrap together; the spaces after it go along, so that
  // the rest never starts a line with a space.
  const joined: Run[] = [];
  for (const r of nonEmpty) {
    const prev = joined[joined.length - 1];
    const punct = prev && !/\s$/.test(prev.text) ? TRAILING_PUNCTUATION.exec(r.text)?.[0] : undefined;
    if (prev && punct) {
      prev.text += punct;
      if (r.text.length > punct.length) joined.push({ ...r, text: r.text.slice(punct.length) });
    } else {
      joined.push({ ...r });
    }
  }
  return joined.length ? joined : [{ text: ' ', bold: false, italic: false, underline: false }];
}

export interface PdfOptions {
  /** Fixed date written in the PDF's metadata (so the same input gives the same bytes). */
  creationDate?: Date;
}

export async function renderPdf(model: DocModel, opts: PdfOptions = {}): Promise<Uint8Array> {
  const pleading = model.pleading;
  const size = pleading?.fontSizePt ?? 12;
  const left = pleading ? 108 : 72;
  const right = pleading ? 72 : 72;
  const width = PAGE_W - left - right;
  const linesPerPage = pleading?.linesPerPage ?? 28;
  const bottomMargin = pleading ? PAGE_H - TOP - linesPerPage * GRID : 72;
  const doc = new PDFDocument({
    size: 'LETTER',
    margins: { top: TOP, bottom: bottomMargin, left, right },
    bufferPages: true,
    autoFirstPage: true,
    compress: true,
    info: {
      Title: model.title,
      Creator: 'Writ',
      Producer: 'Writ (pdfkit)',
      CreationDate: opts.creationDate ?? new Date(0),
      ModDate: opts.creationDate ?? new Date(0),
    },
    lang: 'en-US',
    // No default font: pdfkit would otherwise parse the Helvetica metrics for every document (we set ours below).
    font: null,
  } as unknown as PDFKit.PDFDocumentOptions);
  doc.registerFont('R', FONTS.regular as unknown as Buffer);
  doc.registerFont('B', FONTS.bold as unknown as Buffer);
  doc.registerFont('I', FONTS.italic as unknown as Buffer);
  doc.font('R').fontSize(size);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((res) => doc.on('end', () => res()));

  // pdfkit advances each line by the font's line height (with its own gap) plus options.lineGap.
  const natural = { R: 0, B: 0, I: 0 };
  if (layoutEntries > 200_000) {
    for (const f of ['R', 'B', 'I'] as const) LAYOUT_CACHE[f] = Object.create(null);
    layoutEntries = 0;
  }
  for (const f of ['R', 'B', 'I'] as const) {
    natural[f] = doc.font(f).fontSize(size).currentLineHeight(true);
    const font = (doc as unknown as { _font: { layoutCache?: Record<string, unknown> } })._font;
    if (font.layoutCache) font.layoutCache = LAYOUT_CACHE[f];
  }
  doc.font('R');
  const bodyLh = model.spacing === 'double' ? GRID : pleading ? GRID / 2 : 14;
  const singleLh = pleading ? GRID / 2 : 14;
  const gapFor = (lh: number, f: 'R' | 'B' | 'I' = 'R') => lh - natural[f];
  const maxY = () => PAGE_H - bottomMargin;
  /** Keeps y on the 12 pt half-grid of pleading paper. */
  const snap = (y: number) => (pleading ? TOP + Math.ceil((y - TOP - 3) / (GRID / 2)) * (GRID / 2) : y);
  const ensure = (h: number) => {
    if (doc.y + h > maxY()) doc.addPage();
  };
  const fontOf = (r: Run) => (r.bold ? 'B' : r.italic ? 'I' : 'R');

  function write(xs: Inline[], o: { x: number; w: number; lh: number; align?: Align; indent?: number; bold?: boolean }) {
    const lines = splitLines(xs);
    lines.forEach((line, k) => writeLine(line, k === 0 ? o : { ...o, indent: 0 }));
  }

  function writeLine(xs: Inline[], o: { x: number; w: number; lh: number; align?: Align; indent?: number; bold?: boolean }) {
    const rs = runs(xs);
    doc.y = snap(doc.y);
    ensure(o.lh);
    const lineFont = o.bold ? 'B' : fontOf(rs[0]!);
    rs.forEach((r, k) => {
      doc.font(o.bold ? 'B' : fontOf(r)).fontSize(size);
      const options = {
        width: o.w,
        align: o.align ?? 'left',
        lineGap: gapFor(o.lh, lineFont),
        indent: o.indent ?? 0,
        underline: r.underline,
        continued: k < rs.length - 1,
      };
      if (k === 0) doc.text(r.text, o.x, doc.y, options);
      else doc.text(r.text, options);
    });
    doc.font('R');
  }

  const gapAfter = (lh: number) => {
    doc.y = snap(doc.y) + (model.spacing === 'double' && lh === GRID ? 0 : pleading ? GRID / 2 : 6);
  };

  function heightOf(xs: Inline[], w: number, lh: number): number {
    const text = runs(xs).map((r) => r.text).join('');
    doc.font('R').fontSize(size);
    return doc.heightOfString(text, { width: w, lineGap: gapFor(lh) });
  }

  function block(bl: Block) {
    switch (bl.kind) {
      case 'pageBreak':
        doc.addPage();
        return;
      case 'heading':
        write(bl.text, { x: left, w: width, lh: bodyLh, align: bl.align ?? 'center', bold: true });
        gapAfter(bodyLh);
        return;
      case 'para': {
        const lh = bl.single ? singleLh : bodyLh;
        const xs: Inline[] = bl.number !== undefined ? [`${bl.number}.  `, ...bl.text] : bl.text;
        write(xs, { x: left, w: width, lh, align: bl.align, indent: bl.number !== undefined || bl.indentFirst ? 36 : 0 });
        gapAfter(lh);
        return;
      }
      case 'list':
        bl.items.forEach((it, k) => {
          const mark = bl.ordered ? `${k + 1}.` : '•';
          doc.y = snap(doc.y);
          ensure(singleLh);
          const y = doc.y;
          doc.font('R').fontSize(size).text(mark, left + 12, y, { width: 24, lineBreak: false });
          doc.y = y;
          write(it, { x: left + 36, w: width - 36, lh: singleLh });
          gapAfter(singleLh);
        });
        return;
      case 'contact':
        for (const line of bl.lines) write(line, { x: left, w: width * 0.6, lh: singleLh });
        gapAfter(singleLh);
        return;
      case 'signature': {
        const x = left + width * 0.45;
        ensure(singleLh * Math.min(bl.lines.length, 6));
        for (const line of bl.lines) write(line, { x, w: width * 0.55, lh: singleLh });
        gapAfter(singleLh);
        return;
      }
      case 'caption': {
        write(bl.court, { x: left, w: width, lh: singleLh, align: 'center', bold: true });
        gapAfter(singleLh);
        const wl = width * 0.52;
        const xr = left + wl + 18;
        const wr = width - wl - 18;
        const y0 = snap(doc.y);
        doc.y = y0;
        for (const line of bl.left) write(line, { x: left, w: wl - 6, lh: singleLh });
        const yl = doc.y;
        doc.y = y0;
        for (const line of bl.right) write(line, { x: xr, w: wr, lh: singleLh });
        const yr = doc.y;
        const y1 = snap(Math.max(yl, yr));
        doc.save().lineWidth(0.75);
        doc.moveTo(left + wl + 4, y0).lineTo(left + wl + 4, y1 + 3).stroke();
        doc.moveTo(left, y1 + 3).lineTo(left + wl + 4, y1 + 3).stroke();
        doc.restore();
        doc.y = y1;
        gapAfter(singleLh);
        return;
      }
      case 'table': {
        const ws = bl.widths ?? bl.rows[0]?.map(() => 1) ?? [1];
        const total = ws.reduce((a, c) => a + c, 0);
        const cols = ws.map((w) => (w / total) * width);
        const pad = 3;
        const drawRow = (cells: Inline[][], bold: boolean) => {
          doc.y = snap(doc.y);
          const h = Math.max(...cells.map((c, k) => heightOf(c, (cols[k] ?? 0) - 2 * pad, singleLh))) + 2 * pad;
          const hh = pleading ? Math.ceil(h / (GRID / 2)) * (GRID / 2) : h;
          ensure(hh);
          const y = doc.y;
          let x = left;
          cells.forEach((c, k) => {
            const w = cols[k] ?? 0;
            doc.save().lineWidth(0.5).rect(x, y, w, hh).stroke().restore();
            doc.y = y + pad;
            write(c, { x: x + pad, w: w - 2 * pad, lh: singleLh, bold });
            x += w;
          });
          doc.y = y + hh;
        };
        if (bl.header) drawRow(bl.header, true);
        for (const row of bl.rows) drawRow(row, false);
        gapAfter(singleLh);
        return;
      }
    }
  }

  for (const bl of model.blocks) block(bl);

  // Page furniture: footer with title and page numbers; pleading line numbers and rules.
  const range = doc.bufferedPageRange();
  const pages = range.count;
  for (let p = 0; p < pages; p++) {
    doc.switchToPage(range.start + p);
    const savedBottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('R').fontSize(9);
    const w = model.pageWords ?? { page: 'Page', of: 'of' };
    const footer = `${model.footer ?? model.title} — ${w.page} ${p + 1} ${w.of} ${pages}`;
    doc.text(footer, left, PAGE_H - 36, { width, align: 'center', lineBreak: false });
    if (pleading) {
      doc.fontSize(size);
      for (let k = 1; k <= linesPerPage; k++) {
        doc.text(String(k), left - 44, TOP + (k - 1) * GRID, { width: 24, align: 'right', lineBreak: false });
      }
      doc.save().lineWidth(0.5);
      doc.moveTo(left - 10, 0).lineTo(left - 10, PAGE_H).stroke();
      doc.moveTo(left - 13, 0).lineTo(left - 13, PAGE_H).stroke();
      doc.moveTo(PAGE_W - right + 8, 0).lineTo(PAGE_W - right + 8, PAGE_H).stroke();
      doc.restore();
    }
    doc.page.margins.bottom = savedBottom;
  }
  if (++renders % 100 === 0) layoutEntries = Object.keys(LAYOUT_CACHE.R).length;
  doc.end();
  await done;
  const buf = Buffer.concat(chunks);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
