/**
 * People-readable labels for aggregate cells, per locale: agency, place and month cells carry their own label;
 * categories (outcome, stop reason, model, …) are message codes in the `incidents` namespace.
 */
import { t, type Lang } from '../i18n/i18n.ts';
import type { AggregateCell, Dimension, RateId } from '../core/incidents/aggregate-incidents.ts';

const OWN_LABEL: readonly Dimension[] = ['agency', 'place', 'month'];

export function cellLabel(lang: Lang, dimension: Dimension, cell: Pick<AggregateCell, 'key' | 'label'>): string {
  if (OWN_LABEL.includes(dimension)) return cell.label;
  return t(lang, `incidents:value.${dimension}.${cell.key}`);
}

export function dimensionLabel(lang: Lang, dimension: Dimension): string {
  return t(lang, `incidents:dimension.${dimension}`);
}

export function rateLabel(lang: Lang, rate: RateId): string {
  return t(lang, `incidents:rate.${rate}`);
}

/** 0.4567 → "45.7%" */
export function percent(x: number | null): string {
  return x === null ? '—' : `${Math.round(x * 1000) / 10}%`;
}
