/**
 * Renders a DocModel to an editable Word document (.docx) with the `docx` library, in process.
 *
 * Pleading paper (model.pleading) uses Word's own line numbering (restarting on each page) with exact
 * 24 pt line spacing, so the numbers stay beside the lines while the user edits.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineNumberRestartFormat,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IBorderOptions,
} from 'docx';
import { FILL_CLOSE, FILL_OPEN, splitLines, type Align, type Block, type DocModel, type Inline } from './model.ts';

const FONT = 'Times New Roman';
const TWIP = 20; // twips per point

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

function textRuns(xs: Inline[], size: number, forceBold = false): TextRun[] {
  return splitLines(xs).flatMap((line, k) => {
    const rs = lineRuns(line, size, forceBold);
    if (k > 0) rs.unshift(new TextRun({ text: '', break: 1 }));
    return rs;
  });
}

function lineRuns(xs: Inline[], size: number, forceBold: boolean): TextRun[] {
  const half = size * 2;
  return xs
    .map((x) => {
      if (typeof x === 'string') return new TextRun({ text: x, font: FONT, size: half, bold: forceBold || undefined });
      if ('fill' in x)
        return new TextRun({ text: `${FILL_OPEN}${x.fill}${FILL_CLOSE}`, font: FONT, size: half, bold: true, highlight: 'yellow' });
      return new TextRun({
        text: x.text,
        font: FONT,
        size: half,
        bold: forceBold || x.bold || undefined,
        italics: x.italic || undefined,
        underline: x.underline ? {} : undefined,
      });
    });
}

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: '000000' };

export async function renderDocx(model: DocModel): Promise<Uint8Array> {
  const pleading = model.pleading;
  const size = pleading?.fontSizePt ?? 12;
  const bodyLine = model.spacing === 'double' ? 24 : pleading ? 12 : 14;
  const singleLine = pleading ? 12 : 14;
  const spacing = (lh: number, after = 0) => ({
    line: lh * TWIP,
    lineRule: LineRuleType.EXACT,
    before: 0,
    after: after * TWIP,
  });
  const afterGap = (lh: number) => (model.spacing === 'double' && lh === 24 ? 0 : pleading ? 12 : 6);

  const para = (xs: Inline[], o: { lh: number; align?: Align; bold?: boolean; indentFirst?: boolean; indentLeft?: number; after?: number }) =>
    new Paragraph({
      children: textRuns(xs, size, o.bold),
      alignment: ALIGN[o.align ?? 'left'],
      spacing: spacing(o.lh, o.after ?? afterGap(o.lh)),
      indent: { firstLine: o.indentFirst ? 720 : undefined, left: o.indentLeft },
    });

  const cellParas = (lines: Inline[][], bold = false) =>
    lines.length ? lines.map((l) => para(l, { lh: singleLine, bold, after: 0 })) : [para([''], { lh: singleLine, after: 0 })];

  const children: (Paragraph | Table)[] = [];
  for (const bl of model.blocks) children.push(...block(bl));

  function block(bl: Block): (Paragraph | Table)[] {
    switch (bl.kind) {
      case 'pageBreak':
        return [new Paragraph({ children: [new PageBreak()] })];
      case 'heading':
        return [para(bl.text, { lh: bodyLine, align: bl.align ?? 'center', bold: true })];
      case 'para': {
        const xs: Inline[] = bl.number !== undefined ? [`${bl.number}.  `, ...bl.text] : bl.text;
        return [para(xs, { lh: bl.single ? singleLine : bodyLine, align: bl.align, indentFirst: bl.number !== undefined || bl.indentFirst })];
      }
      case 'list':
        return bl.items.map((it, k) => para([bl.ordered ? `${k + 1}.\t` : '•\t', ...it], { lh: singleLine, indentLeft: 720 }));
      case 'contact':
        return bl.lines.map((l, k) => para(l, { lh: singleLine, after: k === bl.lines.length - 1 ? afterGap(singleLine) : 0 }));
      case 'signature':
        return bl.lines.map((l, k) => para(l, { lh: singleLine, indentLeft: 4300, after: k === bl.lines.length - 1 ? afterGap(singleLine) : 0 }));
      case 'caption': {
        const table = new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
          rows: [
            new TableRow({
              children: [
                new TableCell({
                  width: { size: 52, type: WidthType.PERCENTAGE },
                  borders: { top: NONE, left: NONE, right: LINE, bottom: LINE },
                  children: cellParas(bl.left),
                }),
                new TableCell({
                  width: { size: 48, type: WidthType.PERCENTAGE },
                  borders: { top: NONE, left: LINE, right: NONE, bottom: NONE },
                  margins: { left: 200 },
                  children: cellParas(bl.right),
                }),
              ],
            }),
          ],
        });
        return [para(bl.court, { lh: singleLine, align: 'center', bold: true }), table, para([''], { lh: singleLine, after: 0 })];
      }
      case 'table': {
        const ws = bl.widths ?? bl.rows[0]?.map(() => 1) ?? [1];
        const total = ws.reduce((a, c) => a + c, 0);
        const row = (cells: Inline[][], bold: boolean) =>
          new TableRow({
            tableHeader: bold || undefined,
            children: cells.map(
              (c, k) =>
                new TableCell({
                  width: { size: Math.round(((ws[k] ?? 1) / total) * 100), type: WidthType.PERCENTAGE },
                  borders: { top: LINE, bottom: LINE, left: LINE, right: LINE },
                  children: cellParas([c], bold),
                }),
            ),
          });
        const rows = [...(bl.header ? [row(bl.header, true)] : []), ...bl.rows.map((r) => row(r, false))];
        return [new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }), para([''], { lh: singleLine, after: 0 })];
      }
    }
  }

  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        suppressLineNumbers: true,
        children: [
          new TextRun({
            font: FONT,
            size: 18,
            children: [`${model.footer ?? model.title} — ${model.pageWords?.page ?? 'Page'} `, PageNumber.CURRENT, ` ${model.pageWords?.of ?? 'of'} `, PageNumber.TOTAL_PAGES],
          }),
        ],
      }),
    ],
  });

  const document = new Document({
    creator: 'Writ',
    title: model.title,
    description: 'Prepared with Writ. Writ explains and prepares; it is not legal advice.',
    styles: { default: { document: { run: { font: FONT, size: size * 2 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 12240, height: 15840 },
            margin: { top: 1440, bottom: 1440, left: pleading ? 2160 : 1440, right: 1440 },
          },
          lineNumbers: pleading ? { countBy: 1, restart: LineNumberRestartFormat.NEW_PAGE, distance: 360 } : undefined,
        },
        footers: { default: footer },
        children,
      },
    ],
  });
  const buf = await Packer.toBuffer(document);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
