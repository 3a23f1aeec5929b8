/**
 * Draws a BarChart as a standalone SVG: no script, no external fonts or images, black and grey only, 14 px text
 * (10.5 pt when printed at 100 %), a <title> and <desc> carrying the data for screen readers. The same input gives
 * the same bytes.
 */
import type { BarChart } from './bar-chart.ts';

export const SVG_LAYOUT = {
  width: 760,
  margin: 16,
  labelWidth: 250,
  barArea: 330,
  rowHeight: 28,
  barHeight: 18,
  fontSize: 14,
  titleSize: 18,
} as const;

export function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** Shortens a label to fit the label column (the full text stays in a <title> on the row). */
export function fitLabel(label: string, max = 34): string {
  return label.length <= max ? label : label.slice(0, max - 1).trimEnd() + '…';
}

/** Splits a long line into lines of at most `width` characters at spaces. */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}

export function renderChartSvg(chart: BarChart): string {
  const L = SVG_LAYOUT;
  const parts: string[] = [];
  let y = L.margin;
  if (chart.synthetic) {
    parts.push(
      `<rect x="${L.margin}" y="${y}" width="${L.width - 2 * L.margin}" height="26" fill="#fff" stroke="#000" stroke-width="2" stroke-dasharray="6 3"/>`,
      `<text x="${L.width / 2}" y="${y + 18}" text-anchor="middle" font-size="${L.fontSize}" font-weight="bold">${escapeXml(chart.synthetic)}</text>`,
    );
    y += 36;
  }
  y += L.titleSize;
  parts.push(`<text x="${L.margin}" y="${y}" font-size="${L.titleSize}" font-weight="bold">${escapeXml(chart.title)}</text>`);
  y += 14;
  const x0 = L.margin + L.labelWidth;
  if (chart.bars.length === 0) {
    y += L.rowHeight;
    parts.push(`<text x="${L.margin}" y="${y}" font-size="${L.fontSize}">${escapeXml(chart.empty)}</text>`);
  }
  const top = y;
  for (const bar of chart.bars) {
    const w = Math.round(bar.length * L.barArea * 10) / 10;
    const mid = y + L.rowHeight / 2;
    parts.push(
      `<g><title>${escapeXml(`${bar.label}: ${bar.valueText}`)}</title>` +
        `<text x="${x0 - 8}" y="${mid + 5}" text-anchor="end" font-size="${L.fontSize}">${escapeXml(fitLabel(bar.label))}</text>` +
        `<rect x="${x0}" y="${mid - L.barHeight / 2}" width="${w}" height="${L.barHeight}" fill="#555" stroke="#000" stroke-width="1"/>` +
        `<text x="${x0 + w + 6}" y="${mid + 5}" font-size="${L.fontSize}">${escapeXml(bar.valueText)}</text></g>`,
    );
    y += L.rowHeight;
  }
  if (chart.bars.length) parts.push(`<line x1="${x0}" y1="${top}" x2="${x0}" y2="${y}" stroke="#000" stroke-width="1"/>`);
  y += 10;
  for (const line of wrap(chart.footnote, 100)) {
    y += 16;
    parts.push(`<text x="${L.margin}" y="${y}" font-size="12" fill="#222">${escapeXml(line)}</text>`);
  }
  const height = y + L.margin;
  const desc = [chart.synthetic, ...chart.bars.map((b) => `${b.label}: ${b.valueText}`), chart.footnote].filter(Boolean).join('; ');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${L.width}" height="${height}" viewBox="0 0 ${L.width} ${height}" role="img" aria-labelledby="t d" font-family="DejaVu Sans, Arial, Helvetica, sans-serif">` +
    `<title id="t">${escapeXml(chart.title)}</title><desc id="d">${escapeXml(desc)}</desc>` +
    `<rect width="100%" height="100%" fill="#fff"/>` +
    parts.join('') +
    `</svg>\n`
  );
}
