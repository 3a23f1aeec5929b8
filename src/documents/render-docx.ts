/**
 * Renders a DocModel to an editable Word document (.docx), written directly as OOXML (WordprocessingML).
 *
 * A DOCX is a zip of a few XML parts. The parts that do not depend on the document ([Content_Types].xml, the
 * relationships, settings, and styles per font size) are built and compressed once per process; per document
 * only word/document.xml, word/footer1.xml and docProps/core.xml are written, deflated at level 1.
 * Text size and font come from the style defaults, so runs carry only bold/italic/underline/highlight.
 *
 * Pleading paper (model.pleading) uses Word's own line numbering (restarting on each page) with exact
 * 24 pt line spacing, so the numbers stay beside the lines while the user edits.
 */
import { deflateRawSync } from 'node:zlib';
import { FILL_CLOSE, FILL_OPEN, splitLines, type Align, type Block, type DocModel, type Inline } from './model.ts';

const FONT = 'Times New Roman';
const TWIP = 20; // twips per point
const PAGE_W = 12240;
const PAGE_H = 15840;

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const JC: Record<Align, string> = { left: 'left', center: 'center', right: 'right', justify: 'both' };

/** Escapes text for XML and drops characters XML 1.0 does not allow (a stray control character would break Word). */
function esc(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(s)) return s;
  return (
    s
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}

// --- runs and paragraphs ----------------------------------------------------------------------------------------

function run(text: string, o: { bold?: boolean; italic?: boolean; underline?: boolean; highlight?: boolean }): string {
  let pr = '';
  if (o.bold) pr += '<w:b/><w:bCs/>';
  if (o.italic) pr += '<w:i/><w:iCs/>';
  if (o.highlight) pr += '<w:highlight w:val="yellow"/>';
  if (o.underline) pr += '<w:u w:val="single"/>';
  return `<w:r>${pr ? `<w:rPr>${pr}</w:rPr>` : ''}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
}

function runs(xs: Inline[], forceBold: boolean): string {
  let out = '';
  const lines = splitLines(xs);
  for (let k = 0; k < lines.length; k++) {
    if (k > 0) out += '<w:r><w:br/></w:r>';
    for (const x of lines[k]!) {
      if (typeof x === 'string') out += run(x, { bold: forceBold });
      else if ('fill' in x) out += run(`${FILL_OPEN}${x.fill}${FILL_CLOSE}`, { bold: true, highlight: true });
      else out += run(x.text, { bold: forceBold || x.bold, italic: x.italic, underline: x.underline });
    }
  }
  return out;
}

interface ParaOpts {
  lh: number;
  after: number;
  align?: Align;
  bold?: boolean;
  indentFirst?: boolean;
  indentLeft?: number;
}

function para(xs: Inline[], o: ParaOpts): string {
  const ind =
    o.indentFirst || o.indentLeft
      ? `<w:ind${o.indentLeft ? ` w:left="${o.indentLeft}"` : ''}${o.indentFirst ? ' w:firstLine="720"' : ''}/>`
      : '';
  return (
    `<w:p><w:pPr><w:spacing w:before="0" w:after="${o.after * TWIP}" w:line="${o.lh * TWIP}" w:lineRule="exact"/>${ind}` +
    `<w:jc w:val="${JC[o.align ?? 'left']}"/></w:pPr>${runs(xs, o.bold ?? false)}</w:p>`
  );
}

const NONE = 'w:val="nil"';
const LINE = 'w:val="single" w:sz="6" w:space="0" w:color="000000"';
const borders = (tag: string, top: string, left: string, bottom: string, right: string, inside = '') =>
  `<${tag}><w:top ${top}/><w:left ${left}/><w:bottom ${bottom}/><w:right ${right}/>${inside}</${tag}>`;

function cell(pct: number, textWidth: number, bordersXml: string, content: string, marginLeft?: number): string {
  const mar = marginLeft ? `<w:tcMar><w:left w:w="${marginLeft}" w:type="dxa"/></w:tcMar>` : '';
  return `<w:tc><w:tcPr><w:tcW w:w="${Math.round((pct / 100) * textWidth)}" w:type="dxa"/>${bordersXml}${mar}</w:tcPr>${content}</w:tc>`;
}

function table(pcts: number[], textWidth: number, tblBorders: string, rows: string[]): string {
  const grid = pcts.map((p) => `<w:gridCol w:w="${Math.round((p / 100) * textWidth)}"/>`).join('');
  return (
    `<w:tbl><w:tblPr><w:tblW w:w="${textWidth}" w:type="dxa"/>${tblBorders}<w:tblLayout w:type="fixed"/></w:tblPr>` +
    `<w:tblGrid>${grid}</w:tblGrid>${rows.join('')}</w:tbl>`
  );
}

// --- the document body ------------------------------------------------------------------------------------------

function documentXml(model: DocModel): string {
  const pleading = model.pleading;
  const bodyLine = model.spacing === 'double' ? 24 : pleading ? 12 : 14;
  const singleLine = pleading ? 12 : 14;
  const afterGap = (lh: number) => (model.spacing === 'double' && lh === 24 ? 0 : pleading ? 12 : 6);
  const marginLeft = pleading ? 2160 : 1440;
  const textWidth = PAGE_W - marginLeft - 1440;
  const empty = para([], { lh: singleLine, after: 0 });
  const cellParas = (lines: Inline[][], bold = false) =>
    lines.length ? lines.map((l) => para(l, { lh: singleLine, bold, after: 0 })).join('') : empty;

  const parts: string[] = [];
  for (const bl of model.blocks) parts.push(block(bl));

  function block(bl: Block): string {
    switch (bl.kind) {
      case 'pageBreak':
        return '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';
      case 'heading':
        return para(bl.text, { lh: bodyLine, after: afterGap(bodyLine), align: bl.align ?? 'center', bold: true });
      case 'para': {
        const xs: Inline[] = bl.number !== undefined ? [`${bl.number}.  `, ...bl.text] : bl.text;
        const lh = bl.single ? singleLine : bodyLine;
        return para(xs, { lh, after: afterGap(lh), align: bl.align, indentFirst: bl.number !== undefined || bl.indentFirst });
      }
      case 'list':
        return bl.items
          .map((it, k) => para([bl.ordered ? `${k + 1}.\t` : '•\t', ...it], { lh: singleLine, after: afterGap(singleLine), indentLeft: 720 }))
          .join('');
      case 'contact':
        return bl.lines.map((l, k) => para(l, { lh: singleLine, after: k === bl.lines.length - 1 ? afterGap(singleLine) : 0 })).join('');
      case 'signature':
        return bl.lines
          .map((l, k) => para(l, { lh: singleLine, indentLeft: 4300, after: k === bl.lines.length - 1 ? afterGap(singleLine) : 0 }))
          .join('');
      case 'caption': {
        const left = cell(52, textWidth, borders('w:tcBorders', NONE, NONE, LINE, LINE), cellParas(bl.left));
        const right = cell(48, textWidth, borders('w:tcBorders', NONE, LINE, NONE, NONE), cellParas(bl.right), 200);
        const tblBorders = borders('w:tblBorders', NONE, NONE, NONE, NONE, `<w:insideH ${NONE}/><w:insideV ${NONE}/>`);
        return (
          para(bl.court, { lh: singleLine, after: afterGap(singleLine), align: 'center', bold: true }) +
          table([52, 48], textWidth, tblBorders, [`<w:tr>${left}${right}</w:tr>`]) +
          empty
        );
      }
      case 'table': {
        const ws = bl.widths ?? bl.rows[0]?.map(() => 1) ?? [1];
        const total = ws.reduce((a, c) => a + c, 0);
        const pcts = ws.map((w) => Math.round((w / total) * 100));
        const cellBorders = borders('w:tcBorders', LINE, LINE, LINE, LINE);
        const row = (cells: Inline[][], bold: boolean) =>
          `<w:tr>${bold ? '<w:trPr><w:tblHeader/></w:trPr>' : ''}${cells
            .map((c, k) => cell(pcts[k] ?? Math.round(100 / cells.length), textWidth, cellBorders, cellParas([c], bold)))
            .join('')}</w:tr>`;
        const rows = [...(bl.header ? [row(bl.header, true)] : []), ...bl.rows.map((r) => row(r, false))];
        return table(pcts, textWidth, '', rows) + empty;
      }
    }
  }

  const lnNum = pleading ? '<w:lnNumType w:countBy="1" w:distance="360" w:restart="newPage"/>' : '';
  const sect =
    `<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter1"/><w:pgSz w:w="${PAGE_W}" w:h="${PAGE_H}"/>` +
    `<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="${marginLeft}" w:header="708" w:footer="708" w:gutter="0"/>` +
    `${lnNum}<w:docGrid w:linePitch="360"/></w:sectPr>`;
  return `${XML_HEAD}<w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:body>${parts.join('')}${sect}</w:body></w:document>`;
}

function footerXml(model: DocModel): string {
  const field = (instr: string) =>
    `<w:r>${FOOTER_RPR}<w:fldChar w:fldCharType="begin"/></w:r><w:r>${FOOTER_RPR}<w:instrText xml:space="preserve"> ${instr} </w:instrText></w:r>` +
    `<w:r>${FOOTER_RPR}<w:fldChar w:fldCharType="separate"/></w:r><w:r>${FOOTER_RPR}<w:t>1</w:t></w:r><w:r>${FOOTER_RPR}<w:fldChar w:fldCharType="end"/></w:r>`;
  const text = (s: string) => `<w:r>${FOOTER_RPR}<w:t xml:space="preserve">${esc(s)}</w:t></w:r>`;
  return (
    `${XML_HEAD}<w:ftr xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:p><w:pPr><w:suppressLineNumbers/><w:jc w:val="center"/></w:pPr>` +
    text(`${model.footer ?? model.title} — ${model.pageWords?.page ?? 'Page'} `) +
    field('PAGE') +
    text(` ${model.pageWords?.of ?? 'of'} `) +
    field('NUMPAGES') +
    '</w:p></w:ftr>'
  );
}
const FOOTER_RPR = '<w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>';

function coreXml(model: DocModel): string {
  return (
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${esc(model.title)}</dc:title><dc:creator>Writ</dc:creator>` +
    '<dc:description>Prepared with Writ. Writ explains and prepares; it is not legal advice.</dc:description></cp:coreProperties>'
  );
}

// --- the fixed parts, built once --------------------------------------------------------------------------------

const CONTENT_TYPES =
  `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
  '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>' +
  '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  '</Types>';

const ROOT_RELS =
  `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/>` +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  '</Relationships>';

const DOCUMENT_RELS =
  `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rIdStyles" Type="${REL}/styles" Target="styles.xml"/>` +
  `<Relationship Id="rIdSettings" Type="${REL}/settings" Target="settings.xml"/>` +
  `<Relationship Id="rIdFooter1" Type="${REL}/footer" Target="footer1.xml"/>` +
  '</Relationships>';

const SETTINGS =
  `${XML_HEAD}<w:settings xmlns:w="${W_NS}"><w:defaultTabStop w:val="720"/>` +
  '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>';

const stylesXml = (halfPoints: number) =>
  `${XML_HEAD}<w:styles xmlns:w="${W_NS}"><w:docDefaults><w:rPrDefault><w:rPr>` +
  `<w:rFonts w:ascii="${FONT}" w:hAnsi="${FONT}" w:eastAsia="${FONT}" w:cs="${FONT}"/><w:sz w:val="${halfPoints}"/><w:szCs w:val="${halfPoints}"/>` +
  '<w:lang w:val="en-US"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>' +
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
  '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>' +
  '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>' +
  '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>';

// --- the zip container ------------------------------------------------------------------------------------------

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = -1;
  for (let k = 0; k < bytes.length; k++) c = CRC_TABLE[(c ^ bytes[k]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** One zip entry, compressed once: name, CRC, sizes and the deflated bytes. */
interface Entry {
  name: Buffer;
  crc: number;
  size: number;
  data: Uint8Array;
}

function entry(name: string, text: string): Entry {
  const raw = Buffer.from(text, 'utf8');
  return { name: Buffer.from(name, 'utf8'), crc: crc32(raw), size: raw.length, data: deflateRawSync(raw, { level: 1 }) };
}

// DOS date 1980-01-01 00:00 (zip's epoch), so the same document gives the same bytes.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

function zip(entries: Entry[]): Uint8Array {
  let size = 22;
  for (const e of entries) size += 30 + 46 + 2 * e.name.length + e.data.length;
  const out = Buffer.allocUnsafe(size);
  const offsets: number[] = [];
  let p = 0;
  for (const e of entries) {
    offsets.push(p);
    out.writeUInt32LE(0x04034b50, p);
    out.writeUInt16LE(20, p + 4); // version needed
    out.writeUInt16LE(0x0800, p + 6); // UTF-8 names
    out.writeUInt16LE(8, p + 8); // deflate
    out.writeUInt16LE(DOS_TIME, p + 10);
    out.writeUInt16LE(DOS_DATE, p + 12);
    out.writeUInt32LE(e.crc, p + 14);
    out.writeUInt32LE(e.data.length, p + 18);
    out.writeUInt32LE(e.size, p + 22);
    out.writeUInt16LE(e.name.length, p + 26);
    out.writeUInt16LE(0, p + 28);
    p += 30;
    p += e.name.copy(out, p);
    out.set(e.data, p);
    p += e.data.length;
  }
  const cdStart = p;
  entries.forEach((e, k) => {
    out.writeUInt32LE(0x02014b50, p);
    out.writeUInt16LE(20, p + 4); // version made by
    out.writeUInt16LE(20, p + 6);
    out.writeUInt16LE(0x0800, p + 8);
    out.writeUInt16LE(8, p + 10);
    out.writeUInt16LE(DOS_TIME, p + 12);
    out.writeUInt16LE(DOS_DATE, p + 14);
    out.writeUInt32LE(e.crc, p + 16);
    out.writeUInt32LE(e.data.length, p + 20);
    out.writeUInt32LE(e.size, p + 24);
    out.writeUInt16LE(e.name.length, p + 28);
    out.fill(0, p + 30, p + 42); // extra, comment, disk, internal and external attributes
    out.writeUInt32LE(offsets[k]!, p + 42);
    p += 46;
    p += e.name.copy(out, p);
  });
  const cdSize = p - cdStart;
  out.writeUInt32LE(0x06054b50, p);
  out.writeUInt16LE(0, p + 4);
  out.writeUInt16LE(0, p + 6);
  out.writeUInt16LE(entries.length, p + 8);
  out.writeUInt16LE(entries.length, p + 10);
  out.writeUInt32LE(cdSize, p + 12);
  out.writeUInt32LE(cdStart, p + 16);
  out.writeUInt16LE(0, p + 20);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

let fixed: { contentTypes: Entry; rootRels: Entry; documentRels: Entry; settings: Entry } | undefined;
const stylesBySize = new Map<number, Entry>();

export async function renderDocx(model: DocModel): Promise<Uint8Array> {
  fixed ??= {
    contentTypes: entry('[Content_Types].xml', CONTENT_TYPES),
    rootRels: entry('_rels/.rels', ROOT_RELS),
    documentRels: entry('word/_rels/document.xml.rels', DOCUMENT_RELS),
    settings: entry('word/settings.xml', SETTINGS),
  };
  const half = (model.pleading?.fontSizePt ?? 12) * 2;
  let styles = stylesBySize.get(half);
  if (!styles) stylesBySize.set(half, (styles = entry('word/styles.xml', stylesXml(half))));
  return zip([
    fixed.contentTypes,
    fixed.rootRels,
    entry('word/document.xml', documentXml(model)),
    fixed.documentRels,
    styles,
    fixed.settings,
    entry('word/footer1.xml', footerXml(model)),
    entry('docProps/core.xml', coreXml(model)),
  ]);
}
