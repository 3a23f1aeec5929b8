/**
 * The non-identifying facets of a report that pattern statistics count: agency, 287(g) models in force, month,
 * place (county), stated stop reason, outcome, custody durations, demographic categories. These are what the store
 * keeps in clear columns (everything else stays in the encrypted report) and what aggregate-incidents.ts reads.
 */
import { nameTokens } from '../reference/normalize-name.ts';
import type { Model287g } from '../reference/reference.ts';
import type { AgreementLink } from './check-incident.ts';
import { custodyDurations } from './custody-durations.ts';
import type { IncidentReport } from './incident-schema.ts';

type Ynu = 'yes' | 'no' | 'unknown';

export interface IncidentFacets {
  /** The report id. */
  id: string;
  /** Set on a report merged into another (the primary report's id); null for a report counted on its own. */
  duplicateOf: string | null;
  synthetic: boolean;
  /** consent.countInStatistics: reports without it are never counted. */
  countable: boolean;
  date: string; // YYYY-MM-DD
  month: string; // YYYY-MM
  state: string;
  /** County as reported, trimmed. */
  county: string;
  /** The agency as ICE spells it when linked, else as reported. */
  agency: string;
  /** 'TX:smith-county-sheriff-office' (case, punctuation and "Co."/"County" do not matter). */
  agencyKey: string;
  /** 287(g) models in force on the date; empty when none or unknown. */
  models: Model287g[];
  hadAgreement: 'yes' | 'no' | 'unknown';
  agreementIds: string[];
  contactKind: string;
  stopReason: string;
  outcome: string;
  askedAboutStatus: Ynu;
  arrested: Ynu;
  detainerLodged: Ynu;
  transferredToIce: Ynu;
  heldMinutes: number | null;
  minutesBeyondRelease: number | null;
  reporterRole: string;
  ethnicity: string;
  language: string;
  ageRange: string;
  gender: string;
  caseId: string | null;
}

export function agencyKeyOf(state: string, agency: string): string {
  return `${state}:${nameTokens(agency).join('-')}`;
}

/** Facets of one checked report. `link` comes from checkIncident (null when the agency was not looked up). */
export function incidentFacets(id: string, r: IncidentReport, link: AgreementLink | null, duplicateOf: string | null = null): IncidentFacets {
  const d = custodyDurations(r);
  const agency = link?.agency ?? r.agency.name.trim();
  return {
    id,
    duplicateOf,
    synthetic: r.synthetic === true,
    countable: r.consent.countInStatistics,
    date: r.when.date,
    month: r.when.date.slice(0, 7),
    state: r.where.state,
    county: r.where.county.trim(),
    agency,
    agencyKey: agencyKeyOf(r.agency.state, agency),
    models: link?.models ?? [],
    hadAgreement: link?.hadAgreement ?? 'unknown',
    agreementIds: link?.agreementIds ?? [],
    contactKind: r.contact.kind,
    stopReason: r.contact.statedReason,
    outcome: r.outcome,
    askedAboutStatus: r.askedAboutStatus ?? 'unknown',
    arrested: r.arrested ?? 'unknown',
    detainerLodged: r.detainerLodged ?? 'unknown',
    transferredToIce: r.transferredToIce ?? 'unknown',
    heldMinutes: d.heldMinutes,
    minutesBeyondRelease: d.minutesBeyondRelease,
    reporterRole: r.reporter.role,
    ethnicity: r.demographics?.ethnicity ?? 'unknown',
    language: r.demographics?.language ?? 'unknown',
    ageRange: r.demographics?.ageRange ?? 'unknown',
    gender: r.demographics?.gender ?? 'unknown',
    caseId: r.caseId ?? null,
  };
}
