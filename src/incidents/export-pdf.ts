/**
 * The pattern report as a PDF a declaration can cite: scope, what the reports show (each finding with the authority
 * that explains why it matters), counts by every dimension, a methods section (what was counted, how duplicates were
 * handled, how rates are computed), what the data cannot show, warnings, authorities, and charts.
 *
 * The text pages are a DocModel rendered by the packet builder's renderer (src/documents/render-pdf.ts, DejaVu fonts,
 * searchable text); the chart pages are drawn onto the same file with pdf-lib from the same BarChart descriptions as
 * the SVG charts. No identifying field ever reaches this report: it is built from aggregates only.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { render, t, type Lang } from '../i18n/i18n.ts';
import { DIMENSIONS, type Dimension, type RateId } from '../core/incidents/aggregate-incidents.ts';
import type { PatternSummary } from '../core/incidents/pattern-summary.ts';
import { b, i, type Block, type DocModel, type Inline } from '../documents/model.ts';
import { renderPdf } from '../documents/render-pdf.ts';
import { countChart, rateChart, type BarChart } from './bar-chart.ts';
import { cellLabel, dimensionLabel, percent } from './labels.ts';
import { wrap } from './render-chart-svg.ts';

export interface PdfReportOptions {
  lang: Lang;
  /** Organization name (shown as the source). */
  org: string;
  /** Date printed as the preparation date (YYYY-MM-DD); also fixes the PDF metadata so output is reproducible. */
  date: string;
  /** Count charts to draw (default: agency, model, month, stop reason, outcome, time beyond release, ethnicity). */
  charts?: Dimension[];
  /** Rate charts to draw (default: asked about status by agency and by ethnicity). */
  rateCharts?: Array<{ dimension: Dimension; rate: RateId }>;
}

export const DEFAULT_CHARTS: Dimension[] = ['agency', 'model', 'month', 'stopReason', 'outcome', 'beyondRelease', 'ethnicity'];
export const DEFAULT_RATE_CHARTS: Array<{ dimension: Dimension; rate: RateId }> = [
  { dimension: 'agency', rate: 'askedAboutStatus' },
  { dimension: 'ethnicity', rate: 'askedAboutStatus' },
];

/** The text part of the report as a document model. */
export function patternReportModel(s: PatternSummary, opts: PdfReportOptions): DocModel {
  const { lang, org } = opts;
  const agg = s.aggregates;
  const tr = (code: string, params?: Record<string, string | number>) => t(lang, `incidents:${code}`, params);
  const title = s.scope.agency ? tr('report.titleAgency', { agency: s.scope.agency }) : tr('report.title');
  const blocks: Block[] = [{ kind: 'heading', text: [title] }];
  if (agg.syntheticEvents > 0) blocks.push({ kind: 'para', text: [b(tr('chart.syntheticBanner'))], align: 'center', single: true });
  blocks.push(
    { kind: 'para', text: [i(tr('report.notLegalAdvice'))], single: true },
    { kind: 'para', text: [tr('report.generated', { date: opts.date, org })], single: true },
    {
      kind: 'para',
      single: true,
      text: [
        tr('report.scope', {
          from: agg.firstDate ?? '—',
          to: agg.lastDate ?? '—',
          events: agg.events,
          reports: agg.reports,
          duplicates: agg.reports - agg.events,
          noConsent: agg.excluded.noConsent,
        }),
      ],
    },
    { kind: 'heading', text: [tr('report.findingsHeading')], align: 'left' },
  );
  if (s.findings.length) {
    blocks.push({
      kind: 'list',
      items: s.findings.map((f): Inline[] => [render(lang, f.message), ' ', i(`(${f.citations.map((c) => c.cite).join('; ')})`)]),
    });
  } else {
    blocks.push({ kind: 'para', text: [tr('chart.empty')], single: true });
  }

  blocks.push({ kind: 'heading', text: [tr('report.tablesHeading')], align: 'left' });
  const header: Inline[][] = [[tr('report.tableHeader.value')], [tr('report.tableHeader.events')], [tr('report.tableHeader.share')], [tr('report.tableHeader.reports')]];
  for (const d of DIMENSIONS) {
    const cells = agg.dimensions[d];
    if (cells.length === 0) continue;
    blocks.push({ kind: 'para', text: [b(dimensionLabel(lang, d))], single: true });
    blocks.push({
      kind: 'table',
      widths: [5, 1.3, 1.3, 1.3],
      header,
      rows: cells.map((c) => [[cellLabel(lang, d, c)], [String(c.count)], [percent(c.share)], [String(c.reportCount)]]),
    });
  }

  blocks.push({ kind: 'heading', text: [tr('report.methodsHeading')], align: 'left' });
  for (const k of ['counted', 'duplicates', 'rates', 'models', 'held', 'privacy']) {
    blocks.push({ kind: 'para', text: [tr(`report.methods.${k}`, { org })], single: true });
  }
  blocks.push({ kind: 'heading', text: [tr('report.limitsHeading')], align: 'left' }, { kind: 'list', items: s.limits.map((m) => [render(lang, m)]) });
  if (s.warnings.length) {
    blocks.push({ kind: 'heading', text: [tr('report.warningsHeading')], align: 'left' }, { kind: 'list', items: s.warnings.map((m) => [render(lang, m)]) });
  }
  blocks.push(
    { kind: 'heading', text: [tr('report.citationsHeading')], align: 'left' },
    { kind: 'list', items: s.citations.map((c): Inline[] => [i(c.cite), ` — ${c.title}. ${c.url ?? ''}`]) },
    { kind: 'para', text: [tr('report.reportIdsNote')], single: true },
  );
  return { id: 'incident-pattern-report', title, spacing: 'single', pleading: null, footer: title, blocks };
}

const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** The standard PDF fonts encode WinAnsi only: other characters become "?". */
function winAnsi(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    out += (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || WIN_ANSI_EXTRA.has(ch) ? ch : '?';
  }
  return out;
}

function fit(font: PDFFont, text: string, size: number, width: number): string {
  let s = winAnsi(text);
  if (font.widthOfTextAtSize(s, size) <= width) return s;
  while (s.length > 1 && font.widthOfTextAtSize(s + '…', size) > width) s = s.slice(0, -1);
  return s.trimEnd() + '…';
}

/** Draws one chart from the top of the page at `top`; returns the y below it. */
function drawChart(page: PDFPage, chart: BarChart, top: number, fonts: { r: PDFFont; b: PDFFont }): number {
  const left = 54;
  const labelW = 190;
  const barW = 220;
  const row = 17;
  const size = 10;
  let y = top;
  if (chart.synthetic) {
    page.drawRectangle({ x: left, y: y - 18, width: 504, height: 18, borderColor: rgb(0, 0, 0), borderWidth: 1.5, borderDashArray: [5, 3] });
    page.drawText(winAnsi(chart.synthetic), { x: left + 8, y: y - 13, size, font: fonts.b });
    y -= 26;
  }
  page.drawText(fit(fonts.b, chart.title, 12, 504), { x: left, y: y - 12, size: 12, font: fonts.b });
  y -= 22;
  if (chart.bars.length === 0) {
    page.drawText(winAnsi(chart.empty), { x: left, y: y - 12, size, font: fonts.r });
    y -= row;
  }
  const x0 = left + labelW;
  const yTop = y;
  for (const bar of chart.bars) {
    const label = fit(fonts.r, bar.label, size, labelW - 8);
    page.drawText(label, { x: x0 - 6 - fonts.r.widthOfTextAtSize(label, size), y: y - 12, size, font: fonts.r });
    const w = Math.max(0.5, bar.length * barW);
    page.drawRectangle({ x: x0, y: y - 14, width: w, height: 12, color: rgb(0.35, 0.35, 0.35), borderColor: rgb(0, 0, 0), borderWidth: 0.5 });
    page.drawText(winAnsi(bar.valueText), { x: x0 + w + 4, y: y - 12, size, font: fonts.r });
    y -= row;
  }
  if (chart.bars.length) page.drawLine({ start: { x: x0, y: yTop }, end: { x: x0, y }, thickness: 0.75, color: rgb(0, 0, 0) });
  y -= 4;
  for (const line of wrap(chart.footnote, 110)) {
    page.drawText(winAnsi(line), { x: left, y: y - 9, size: 8, font: fonts.r, color: rgb(0.15, 0.15, 0.15) });
    y -= 11;
  }
  return y - 18;
}

/** The full PDF: text pages, then chart pages. */
export async function patternReportPdf(s: PatternSummary, opts: PdfReportOptions): Promise<Uint8Array> {
  const created = new Date(`${opts.date}T00:00:00Z`);
  const text = await renderPdf(patternReportModel(s, opts), { creationDate: created });
  const pdf = await PDFDocument.load(text, { updateMetadata: false });
  const fonts = { r: await pdf.embedFont(StandardFonts.Helvetica), b: await pdf.embedFont(StandardFonts.HelveticaBold) };
  const chartOpts = { org: opts.org };
  const charts = [
    ...(opts.charts ?? DEFAULT_CHARTS).map((d) => countChart(s.aggregates, d, opts.lang, chartOpts)),
    ...(opts.rateCharts ?? DEFAULT_RATE_CHARTS).map((r) => rateChart(s.aggregates, r.dimension, r.rate, opts.lang, chartOpts)),
  ];
  const heading = t(opts.lang, 'incidents:report.chartsHeading');
  let page: PDFPage | null = null;
  let y = 0;
  for (const chart of charts) {
    const need = 60 + chart.bars.length * 17 + (chart.synthetic ? 26 : 0);
    if (!page || y - need < 60) {
      page = pdf.addPage([612, 792]);
      page.drawText(winAnsi(heading), { x: 54, y: 740, size: 14, font: fonts.b });
      y = 720;
    }
    y = drawChart(page, chart, y, fonts);
  }
  pdf.setCreationDate(created);
  pdf.setModificationDate(created);
  return pdf.save();
}
