/**
 * What the single-report page (screens/incident-detail.tsx) lists: one [label, value] row per part of the report
 * that is there, in plain words from the catalogs. Identifying fields appear only if the API sent them (it leaves
 * them out for roles that may not see them). Pure, so it is tested without a browser.
 */
import { heldHours, fromReport } from './report-form.ts';

export interface IncidentView {
  id: string;
  status: 'draft' | 'submitted';
  body: Record<string, unknown>;
  facets: Record<string, unknown> | null;
  submittedAt: string | null;
  identifyingHidden: boolean;
  duplicateOf: string | null;
  mergedIds: string[];
}

type T = (key: string, opts?: Record<string, unknown>) => string;

export function detailRows(r: IncidentView, t: T): Array<[string, string]> {
  const f = fromReport(r.body);
  const rows: Array<[string, string]> = [];
  const label = (k: string) => t(`incidents.detail.field.${k}`);
  const add = (k: string, ...parts: Array<string | false | null | undefined>) => {
    const v = parts.filter((p): p is string => Boolean(p)).join(' — ');
    if (v) rows.push([label(k), v]);
  };
  const ynu = (v: string) => (v && v !== 'unknown' ? t(`incidents.form.ynu.${v}`) : '');
  const val = (dim: string, v: string) => (v ? t(`incidents:value.${dim}.${v}`, { defaultValue: v }) : '');
  const yn = (b: boolean) => t(`incidents.form.ynu.${b ? 'yes' : 'no'}`);

  add('role', val('reporterRole', f.role));
  add('reporterName', f.reporterName);
  add('reporterContact', f.reporterContact);
  add('consent', t('incidents.detail.consentText', { stats: yn(f.countInStatistics), evidence: yn(f.useAsEvidence), identify: yn(f.identifyAffectedPerson) }));
  add('affected', f.identifyAffectedPerson ? [f.affectedName, f.affectedContact].filter(Boolean).join(', ') : t('incidents.detail.anonymous'));
  add('when', [f.date, f.time].filter(Boolean).join(' ') + (f.approximate ? ` (${t('incidents.form.approximate')})` : ''));
  add('where', [f.city, f.county, f.state].filter(Boolean).join(', '), f.placeType && t(`incidents.form.placeTypes.${f.placeType}`, { defaultValue: f.placeType }));
  add('address', f.address, f.placeName);
  add('agency', f.agencyName, f.iceOnScene === 'yes' && t('incidents.form.iceOnScene') + ' ' + ynu(f.iceOnScene));
  for (const o of f.officers) add('officers', [o.name, o.badge && `#${o.badge}`, o.vehicle].filter(Boolean).join(', '), o.notes);
  add('contact', val('contactKind', f.contactKind), val('stopReason', f.statedReason), f.citationIssued !== 'unknown' && `${t('incidents.form.citationIssued')} ${ynu(f.citationIssued)}`);
  add('reasonDetail', f.statedReasonDetail);
  add('askedAboutStatus', ynu(f.askedAboutStatus));
  add(
    'search',
    ynu(f.searched),
    f.searchWhat.map((w) => t(`incidents.form.searchTargets.${w}`, { defaultValue: w })).join(', '),
    f.consentRequested !== 'unknown' && `${t('incidents.form.consentRequested')} ${ynu(f.consentRequested)}`,
    f.warrantShown !== 'unknown' && `${t('incidents.form.warrantShown')} ${ynu(f.warrantShown)}`,
  );
  add('arrested', ynu(f.arrested));
  add('detainerLodged', ynu(f.detainerLodged));
  add('transferredToIce', ynu(f.transferredToIce));
  add(
    'custody',
    f.bookedAt && `${t('incidents.form.bookedAt')}: ${f.bookedAt.replace('T', ' ')}`,
    f.releaseEligibleAt && `${t('incidents.form.releaseEligibleAt')}: ${f.releaseEligibleAt.replace('T', ' ')}`,
    f.releasedAt && `${t('incidents.form.releasedAt')}: ${f.releasedAt.replace('T', ' ')}`,
    f.transferredToIceAt && `${t('incidents.form.transferredToIceAt')}: ${f.transferredToIceAt.replace('T', ' ')}`,
  );
  const held = heldHours(f);
  add(
    'held',
    held.held !== null && t('incidents.form.heldHours', { hours: held.held }),
    held.beyondRelease !== null && held.beyondRelease > 0 && t('incidents.form.beyondHours', { hours: held.beyondRelease }),
  );
  add('outcome', val('outcome', f.outcome));
  for (const w of f.witnesses) add('witnesses', [w.name, w.contact].filter(Boolean).join(', '), w.statement);
  for (const m of f.media) add('media', m.kind && t(`incidents.form.mediaKinds.${m.kind}`, { defaultValue: m.kind }), m.capturedAt.replace('T', ' '), m.sha256 && `SHA-256 ${m.sha256}`, m.filename);
  add(
    'demographics',
    [val('ethnicity', f.ethnicity), val('language', f.language), val('ageRange', f.ageRange), val('gender', f.gender)].filter(Boolean).join(', '),
    f.demographicsSource && t(`incidents.form.demographicsSources.${f.demographicsSource}`, { defaultValue: f.demographicsSource }),
  );
  add('narrative', f.narrative);
  return rows;
}
