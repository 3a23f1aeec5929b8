/**
 * CSV exports of incident reports:
 * - `reportsCsv`: one row per report. Identifying fields (schema fields marked sensitive: names, contacts, addresses,
 *   officers, narratives, file names) are left out unless `includeIdentifying` is true — the caller (the store's
 *   export use case) decides that from the role policy and logs every export.
 * - `aggregatesCsv`: one row per aggregate cell (dimension × value) with counts, shares, rates and the ids of the
 *   reports behind the number.
 * Synthetic data is marked in a column of every row. Spreadsheet formula injection is neutralised (a cell starting
 * with = + - @ gets a leading apostrophe).
 */
import { stringify } from 'csv-stringify/sync';
import { DIMENSIONS, RATES, type Aggregates } from '../core/incidents/aggregate-incidents.ts';
import type { IncidentFacets } from '../core/incidents/incident-facets.ts';
import type { IncidentReport } from '../core/incidents/incident-schema.ts';
import { stripIdentifying } from '../core/incidents/identifying-fields.ts';
import type { Lang } from '../i18n/i18n.ts';
import { cellLabel, dimensionLabel } from './labels.ts';

export interface ExportRow {
  id: string;
  report: IncidentReport;
  facets: IncidentFacets;
}

const safe = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  const s = Array.isArray(v) ? v.join(' ') : String(v);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
};
const hours = (m: number | null) => (m === null ? '' : (m / 60).toFixed(1));

const BASE_COLUMNS = [
  'report_id',
  'duplicate_of',
  'synthetic',
  'date',
  'state',
  'county',
  'agency',
  'models_287g',
  'had_agreement',
  'agreement_ids',
  'contact_kind',
  'stop_reason',
  'asked_about_status',
  'arrested',
  'detainer_lodged',
  'transferred_to_ice',
  'outcome',
  'held_hours',
  'hours_beyond_release',
  'reporter_role',
  'consent_evidence',
  'ethnicity',
  'language',
  'age_range',
  'gender',
  'media_count',
  'media_sha256',
  'case_id',
] as const;

const IDENTIFYING_COLUMNS = [
  'reporter_name',
  'reporter_contact',
  'affected_name',
  'affected_contact',
  'address',
  'place_name',
  'officers',
  'stated_reason_detail',
  'witnesses',
  'media_filenames',
  'narrative',
] as const;

export function reportsCsv(rows: readonly ExportRow[], opts: { includeIdentifying: boolean }): string {
  const header = [...BASE_COLUMNS, ...(opts.includeIdentifying ? IDENTIFYING_COLUMNS : [])];
  const records = rows.map(({ id, report, facets: f }) => {
    const r = opts.includeIdentifying ? report : stripIdentifying(report);
    const base = [
      id,
      f.duplicateOf,
      f.synthetic ? 'SYNTHETIC' : '',
      f.date,
      f.state,
      f.county,
      f.agency,
      f.models,
      f.hadAgreement,
      f.agreementIds,
      f.contactKind,
      f.stopReason,
      f.askedAboutStatus,
      f.arrested,
      f.detainerLodged,
      f.transferredToIce,
      f.outcome,
      hours(f.heldMinutes),
      hours(f.minutesBeyondRelease),
      f.reporterRole,
      r.consent.useAsEvidence ? 'yes' : 'no',
      f.ethnicity,
      f.language,
      f.ageRange,
      f.gender,
      (r.media ?? []).length,
      (r.media ?? []).map((m) => m.sha256),
      f.caseId,
    ];
    if (!opts.includeIdentifying) return base.map(safe);
    const officers = (r.officers ?? []).map((o) => [o.name, o.badge && `#${o.badge}`, o.vehicle, o.notes].filter(Boolean).join(' / ')).join('; ');
    const witnesses = (r.witnesses ?? []).map((w) => [w.name, w.contact, w.statement].filter(Boolean).join(' / ')).join('; ');
    return [
      ...base,
      r.reporter.name,
      r.reporter.contact,
      r.affectedPerson?.name,
      r.affectedPerson?.contact,
      r.where.address,
      r.where.placeName,
      officers,
      r.contact.statedReasonDetail,
      witnesses,
      (r.media ?? []).map((m) => m.filename ?? '').filter(Boolean).join('; '),
      r.narrative,
    ].map(safe);
  });
  return stringify([header, ...records]);
}

/** One row per aggregate cell, with its rates and the reports behind it (ids separated by spaces). */
export function aggregatesCsv(agg: Aggregates, lang: Lang): string {
  const header = ['dimension', 'dimension_label', 'value', 'label', 'events', 'reports', 'share', 'synthetic_events'];
  for (const r of RATES) header.push(`${r}_yes`, `${r}_known`, `${r}_rate`, `${r}_unknown`);
  header.push('median_hours_beyond_release', 'report_ids');
  const rows: string[][] = [];
  const cells = [{ dimension: 'all' as const, cell: agg.overall }, ...DIMENSIONS.flatMap((d) => agg.dimensions[d].map((cell) => ({ dimension: d, cell })))];
  for (const { dimension, cell } of cells) {
    const row: unknown[] = [
      dimension,
      dimension === 'all' ? '' : dimensionLabel(lang, dimension),
      cell.key,
      dimension === 'all' ? '' : cellLabel(lang, dimension, cell),
      cell.count,
      cell.reportCount,
      cell.share.toFixed(4),
      cell.syntheticCount,
    ];
    for (const r of RATES) {
      const x = cell.rates[r];
      row.push(x.numerator, x.denominator, x.rate === null ? '' : x.rate.toFixed(4), x.unknown);
    }
    row.push(cell.medianHoursBeyondRelease ?? '', cell.reportIds);
    rows.push(row.map(safe));
  }
  return stringify([header, ...rows]);
}
