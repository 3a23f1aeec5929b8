/**
 * One incident report as an exhibit: a PDF of the report as submitted — every field, identifying ones included,
 * because an exhibit goes to the case's legal team and, when filed, the court (redact under FRCP 5.2 before filing) —
 * with the 287(g) agreements in force that day and the SHA-256 of every media file. The store puts it into the case's
 * evidence locker, which records its own SHA-256 and chain of custody (store.incidents.addAsExhibit).
 */
import { t, type Lang } from '../i18n/i18n.ts';
import type { IncidentReport } from '../core/incidents/incident-schema.ts';
import type { IncidentFacets } from '../core/incidents/incident-facets.ts';
import { custodyDurations } from '../core/incidents/custody-durations.ts';
import { b, type Block, type DocModel, type Inline } from '../documents/model.ts';
import { renderPdf } from '../documents/render-pdf.ts';

export interface ExhibitOptions {
  lang: Lang;
  org: string;
  /** Export date, YYYY-MM-DD (also fixes the PDF metadata). */
  date: string;
}

export function incidentExhibitModel(id: string, r: IncidentReport, facets: IncidentFacets | null, opts: ExhibitOptions): DocModel {
  const tr = (code: string, params?: Record<string, string | number>) => t(opts.lang, `incidents:exhibit.${code}`, params);
  const ynu = (v: string | undefined) => tr(v === 'yes' || v === 'no' ? v : 'unknown');
  const yn = (v: boolean | undefined) => tr(v ? 'yes' : 'no');
  const value = (dimension: string, v: string | undefined) => (v ? t(opts.lang, `incidents:value.${dimension}.${v}`) : tr('unknown'));
  const rows: Inline[][][] = [];
  const row = (label: string, v: string | undefined | null) => {
    if (v !== undefined && v !== null && v !== '') rows.push([[b(tr(`field.${label}`))], [v]]);
  };
  const d = custodyDurations(r);

  row('reporterRole', value('reporterRole', r.reporter.role));
  row('reporterName', r.reporter.name);
  row('reporterContact', r.reporter.contact);
  row('consent', tr('consentText', { stats: yn(r.consent.countInStatistics), evidence: yn(r.consent.useAsEvidence), identify: yn(r.consent.identifyAffectedPerson) }));
  row('affectedName', r.affectedPerson?.name);
  row('affectedContact', r.affectedPerson?.contact);
  row('date', r.when.date);
  row('time', r.when.time);
  if (r.when.approximate) row('approximate', tr('yes'));
  row('place', [r.where.city, r.where.county, r.where.state].filter(Boolean).join(', '));
  row('address', r.where.address);
  row('placeName', r.where.placeName);
  row('agency', `${facets?.agency ?? r.agency.name} (${r.agency.state})`);
  row('agreements', facets ? (facets.agreementIds.length ? facets.agreementIds.join('; ') : tr('none')) : tr('unknown'));
  row('iceOnScene', r.agency.iceOnScene && ynu(r.agency.iceOnScene));
  row('contact', value('contactKind', r.contact.kind));
  row('statedReason', value('stopReason', r.contact.statedReason));
  row('statedReasonDetail', r.contact.statedReasonDetail);
  row('citationIssued', r.contact.citationIssued && ynu(r.contact.citationIssued));
  row('askedAboutStatus', ynu(r.askedAboutStatus));
  if (r.search) {
    row('searched', ynu(r.search.searched));
    row('searchedWhat', r.search.what?.join(', '));
    row('consentRequested', r.search.consentRequested && ynu(r.search.consentRequested));
    row('warrantShown', r.search.warrantShown && ynu(r.search.warrantShown));
  }
  row('arrested', ynu(r.arrested));
  row('detainerLodged', ynu(r.detainerLodged));
  row('transferredToIce', ynu(r.transferredToIce));
  row('outcome', value('outcome', r.outcome));
  row('bookedAt', r.custody?.bookedAt);
  row('releaseEligibleAt', r.custody?.releaseEligibleAt);
  row('releasedAt', r.custody?.releasedAt);
  row('transferredToIceAt', r.custody?.transferredToIceAt);
  row('heldHours', d.heldMinutes === null ? null : (d.heldMinutes / 60).toFixed(1));
  row('hoursBeyondRelease', d.minutesBeyondRelease === null ? null : (d.minutesBeyondRelease / 60).toFixed(1));
  (r.officers ?? []).forEach((o) => row('officer', [o.name, o.badge && `#${o.badge}`, o.vehicle, o.notes].filter(Boolean).join(' — ')));
  (r.witnesses ?? []).forEach((w) => row('witness', [w.name, w.contact, w.statement].filter(Boolean).join(' — ')));
  if (r.demographics) {
    const dm = r.demographics;
    row('demographics', [dm.ethnicity && value('ethnicity', dm.ethnicity), dm.language && value('language', dm.language), dm.ageRange && value('ageRange', dm.ageRange), dm.gender && value('gender', dm.gender)].filter(Boolean).join(', '));
  }
  row('caseId', r.caseId);

  const title = tr('title', { id });
  const blocks: Block[] = [{ kind: 'heading', text: [title] }];
  if (r.synthetic) blocks.push({ kind: 'para', text: [b(t(opts.lang, 'incidents:chart.syntheticBanner'))], align: 'center', single: true });
  blocks.push({ kind: 'para', text: [tr('intro', { org: opts.org, date: opts.date })], single: true }, { kind: 'table', widths: [2, 5], rows });
  if (r.media?.length) {
    blocks.push(
      { kind: 'heading', text: [tr('section.media')], align: 'left' },
      {
        kind: 'list',
        items: r.media.map((m) => [
          tr('mediaLine', { kind: m.kind, sha256: m.sha256, captured: m.capturedAt ?? tr('unknown'), received: m.receivedAt ?? tr('unknown') }) + (m.filename ? ` (${m.filename})` : ''),
        ]),
      },
    );
  }
  if (r.narrative) blocks.push({ kind: 'heading', text: [tr('section.narrative')], align: 'left' }, { kind: 'para', text: [r.narrative], single: true });
  return { id: `incident-exhibit-${id}`, title, spacing: 'single', pleading: null, footer: title, blocks };
}

export async function incidentExhibitPdf(id: string, r: IncidentReport, facets: IncidentFacets | null, opts: ExhibitOptions): Promise<Uint8Array> {
  return renderPdf(incidentExhibitModel(id, r, facets, opts), { creationDate: new Date(`${opts.date}T00:00:00Z`) });
}
