import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { loadReference } from '../data/load-reference.ts';
import { patternSummary } from '../core/incidents/pattern-summary.ts';
import { generateSyntheticReports, syntheticFacets } from '../../scripts/incidents/generate-synthetic.ts';
import { aggregatesCsv, reportsCsv, type ExportRow } from './export-csv.ts';
import { countChart, rateChart } from './bar-chart.ts';
import { renderChartSvg, SVG_LAYOUT } from './render-chart-svg.ts';
import { patternReportModel, patternReportPdf } from './export-pdf.ts';
import { blockInlines, inlinesText } from '../documents/model.ts';
import { sampleReport } from '../core/incidents/sample-report.ts';
import { incidentFacets } from '../core/incidents/incident-facets.ts';

const reference = loadReference({ shippedOnly: true });
const generated = generateSyntheticReports(reference, { count: 500, seed: 20251 });
const facets = syntheticFacets(reference, generated, { mergeDuplicates: true });
const rows: ExportRow[] = generated.map((g, k) => ({ id: g.id, report: g.report, facets: facets[k]! }));
const summary = patternSummary(facets);
const IDENTIFYING = [/SYNTHETIC Reporter/, /SYNTHETIC Person/, /SYNTHETIC Officer/, /SYN-\d{4}/, /SYNTHETIC St\b/, /synthetic-\d+@example/, /\[SYNTHETIC\] Generated/, /SYNTHETIC-\d+-\d\.bin/];

test('report CSV: identifying fields are stripped by default; every row marked synthetic', () => {
  const csv = reportsCsv(rows, { includeIdentifying: false });
  for (const re of IDENTIFYING) assert.doesNotMatch(csv, re);
  const records = parse(csv, { columns: true }) as Array<Record<string, string>>;
  assert.equal(records.length, 500);
  assert.ok(records.every((r) => r.synthetic === 'SYNTHETIC'));
  assert.ok(records.filter((r) => r.duplicate_of).length >= 10, 'merged duplicates are exported, marked');
  assert.ok(!('narrative' in records[0]!));
  assert.match(records[0]!.agency!, /Sheriff/);
});

test('report CSV with identifying fields (only when the caller allows it) carries names, officers and narratives', () => {
  const csv = reportsCsv(rows.slice(0, 20), { includeIdentifying: true });
  const records = parse(csv, { columns: true }) as Array<Record<string, string>>;
  assert.ok(records.some((r) => /SYNTHETIC Officer/.test(r.officers ?? '')));
  assert.ok(records.every((r) => /^\[SYNTHETIC\]/.test(r.narrative ?? '')));
});

test('CSV cells that a spreadsheet would run as formulas are neutralised', () => {
  const report = sampleReport({ narrative: '=HYPERLINK("http://x")' });
  const csv = reportsCsv([{ id: 'r1', report, facets: incidentFacets('r1', report, null) }], { includeIdentifying: true });
  const rec = (parse(csv, { columns: true }) as Array<Record<string, string>>)[0]!;
  assert.equal(rec.narrative, `'=HYPERLINK("http://x")`);
});

test('aggregate CSV: one row per cell, the reports behind every number, synthetic events counted', () => {
  const csv = aggregatesCsv(summary.aggregates, 'es');
  const records = parse(csv, { columns: true }) as Array<Record<string, string>>;
  const cells = Object.values(summary.aggregates.dimensions).reduce((n, c) => n + c.length, 0);
  assert.equal(records.length, 1 + cells);
  const all = records[0]!;
  assert.equal(all.dimension, 'all');
  assert.equal(Number(all.events), summary.aggregates.events);
  assert.equal(all.report_ids!.split(' ').length, summary.aggregates.reports);
  assert.equal(Number(all.synthetic_events), summary.aggregates.events);
  const outcome = records.find((r) => r.dimension === 'outcome' && r.value === 'transferred_to_ice')!;
  assert.equal(outcome.label, 'Entregada a ICE');
  const cell = summary.aggregates.dimensions.outcome.find((c) => c.key === 'transferred_to_ice')!;
  assert.deepEqual(outcome.report_ids!.split(' '), cell.reportIds);
});

test('SVG chart: print-readable, labelled bars proportional to counts, escaped text, synthetic banner', () => {
  const chart = countChart(summary.aggregates, 'agency', 'en', { org: 'Test Network' });
  const svg = renderChartSvg(chart);
  assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.match(svg, /SYNTHETIC TEST DATA/);
  assert.match(svg, /Collier County Sheriff&apos;s Office/);
  assert.doesNotMatch(svg, /<script|href=|url\(/);
  const widths = [...svg.matchAll(/<rect x="\d+" y="[\d.]+" width="([\d.]+)" height="18"/g)].map((m) => Number(m[1]));
  assert.equal(widths.length, chart.bars.length);
  assert.equal(Math.max(...widths), SVG_LAYOUT.barArea);
  const counts = summary.aggregates.dimensions.agency.map((c) => c.count);
  assert.ok(Math.abs(widths[1]! / widths[0]! - counts[1]! / counts[0]!) < 0.01);
  const fonts = [...svg.matchAll(/font-size="(\d+)"/g)].map((m) => Number(m[1]));
  assert.ok(Math.min(...fonts) >= 12, 'no text smaller than 12 px (9 pt)');
  assert.equal(renderChartSvg(chart), svg, 'same input, same bytes');
});

test('rate chart in Spanish: rates with their numerators and denominators', () => {
  const chart = rateChart(summary.aggregates, 'ethnicity', 'askedAboutStatus', 'es', { org: 'Red' });
  assert.match(chart.title, /Preguntaron por el estatus por etnia/);
  assert.ok(chart.bars.every((b) => /^\d+(\.\d)?% \(\d+\/\d+\)$/.test(b.valueText)));
  assert.match(renderChartSvg(chart), /Hispana o latina/);
});

test('PDF report: methods, limits, findings and charts as searchable text; no identifying data', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'writ-incidents-'));
  try {
    const bytes = await patternReportPdf(summary, { lang: 'en', org: 'Test Network', date: '2026-11-23' });
    assert.equal(Buffer.from(bytes.subarray(0, 5)).toString(), '%PDF-');
    const file = join(dir, 'en.pdf');
    writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const re of IDENTIFYING) assert.doesNotMatch(text, re);
    for (const s of ['Methods', 'How duplicates were handled', 'What the data cannot show', 'SYNTHETIC TEST DATA', 'United States v. Armstrong', 'Charts', 'Agency: events', 'not legal advice']) {
      assert.ok(text.includes(s), `PDF has "${s}"`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the Spanish report model has the same sections in Spanish', () => {
  const model = patternReportModel(summary, { lang: 'es', org: 'Red de prueba', date: '2026-11-23' });
  const text = model.blocks.flatMap(blockInlines).map(inlinesText).join('\n');
  for (const s of ['Métodos', 'Cómo se trataron los duplicados', 'Lo que los datos no pueden mostrar', 'DATOS SINTÉTICOS', 'no es asesoría legal', 'Retenida por detainer de ICE']) {
    assert.ok(text.includes(s), `model has "${s}"`);
  }
  for (const re of IDENTIFYING) assert.doesNotMatch(text, re);
});
