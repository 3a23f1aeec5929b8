/**
 * Bar charts of incident aggregates, described once (`BarChart`) and drawn as SVG (render-chart-svg.ts) and in the
 * PDF report (export-pdf.ts). Made for print: black and grey only, text at least 10 pt, every bar labelled with its
 * number, the source and the period under the chart, and a banner when any event is synthetic.
 */
import type { Lang } from '../i18n/i18n.ts';
import { t } from '../i18n/i18n.ts';
import type { Aggregates, Dimension, RateId } from '../core/incidents/aggregate-incidents.ts';
import { cellLabel, dimensionLabel, percent, rateLabel } from './labels.ts';

export interface Bar {
  label: string;
  /** Length of the bar, as a fraction of the longest bar (0–1). */
  length: number;
  /** The number printed after the bar, e.g. "42 (12.5%)". */
  valueText: string;
  /** Every report behind the bar (for links in the web app; not drawn). */
  reportIds: string[];
}

export interface BarChart {
  title: string;
  bars: Bar[];
  /** Source and period line. */
  footnote: string;
  /** Banner text when the data includes synthetic events; null otherwise. */
  synthetic: string | null;
  empty: string;
}

export interface ChartOptions {
  /** Organization name for the source line. */
  org: string;
  /** At most this many bars (the largest; the rest are summed under "other"). Default 12. */
  maxBars?: number;
}

function footnote(agg: Aggregates, lang: Lang, org: string): string {
  return t(lang, 'incidents:chart.source', {
    org,
    from: agg.firstDate ?? '—',
    to: agg.lastDate ?? '—',
    events: agg.events,
    reports: agg.reports,
  });
}

function banner(agg: Aggregates, lang: Lang): string | null {
  return agg.syntheticEvents > 0 ? t(lang, 'incidents:chart.syntheticBanner') : null;
}

/** Events by one dimension: one bar per value, longest first (months and time buckets in their own order). */
export function countChart(agg: Aggregates, dimension: Dimension, lang: Lang, opts: ChartOptions): BarChart {
  const max = opts.maxBars ?? 12;
  const cells = agg.dimensions[dimension];
  const shown = cells.slice(0, max);
  const top = Math.max(1, ...shown.map((c) => c.count));
  const bars: Bar[] = shown.map((c) => ({
    label: cellLabel(lang, dimension, c),
    length: c.count / top,
    valueText: t(lang, 'incidents:chart.countLabel', { count: c.count, share: percent(c.share) }),
    reportIds: c.reportIds,
  }));
  return {
    title: t(lang, 'incidents:chart.title', { dimension: dimensionLabel(lang, dimension) }),
    bars,
    footnote: footnote(agg, lang, opts.org) + (cells.length > max ? ` (${max}/${cells.length})` : ''),
    synthetic: banner(agg, lang),
    empty: t(lang, 'incidents:chart.empty'),
  };
}

/** One rate (e.g. "asked about status") for each value of a dimension: "45% (9/20)". */
export function rateChart(agg: Aggregates, dimension: Dimension, rate: RateId, lang: Lang, opts: ChartOptions): BarChart {
  const max = opts.maxBars ?? 12;
  const cells = agg.dimensions[dimension].filter((c) => c.rates[rate].denominator > 0).slice(0, max);
  const bars: Bar[] = cells.map((c) => {
    const r = c.rates[rate];
    return {
      label: cellLabel(lang, dimension, c),
      length: r.rate ?? 0,
      valueText: `${percent(r.rate)} (${r.numerator}/${r.denominator})`,
      reportIds: c.reportIds,
    };
  });
  return {
    title: t(lang, 'incidents:chart.rateTitle', { rate: rateLabel(lang, rate), dimension: dimensionLabel(lang, dimension).toLowerCase() }),
    bars,
    footnote: footnote(agg, lang, opts.org),
    synthetic: banner(agg, lang),
    empty: t(lang, 'incidents:chart.empty'),
  };
}
