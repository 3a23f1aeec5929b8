/**
 * The case as the templates see it: facts + analysis + reference data + packet details, reduced to what a court
 * paper needs (court, parties by office, dates, the chosen case types). Pure: no I/O.
 */
import type { Facts } from '../core/facts/index.ts';
import type { Analysis, RemedyId } from '../core/analysis/types.ts';
import type { Reference } from '../core/reference/reference.ts';
import type { Message } from '../i18n/i18n.ts';
import { filingRules, pleadingFor, type CaseTypeId } from './filing-rules.ts';
import type { OfficeKey, PacketInput } from './packet-input.ts';
import type { PleadingPaper } from './model.ts';

export interface Party {
  key: OfficeKey | 'uscis' | 'sheriff';
  /** The office, e.g. "Secretary of Homeland Security". */
  title: string;
  /** The officeholder's name, when given (null: designated by title under FRCP 17(d), or a blank for a warden). */
  name: string | null;
  asOf: string | null;
  /** An agency sued as such (USCIS), not an officer. */
  isAgency: boolean;
  /** A federal agency or officer (served under FRCP 4(i)). */
  federal: boolean;
  /** A name is required here (the immediate custodian in habeas): missing → a blank. */
  nameRequired: boolean;
}

export interface CourtInfo {
  courtId: string | null;
  /** "United States District Court for the Northern District of California" */
  fullName: string | null;
  districtName: string | null;
  division: string | null;
  circuit: string | null;
}

export interface PacketCase {
  caseType: CaseTypeId;
  /** The viable remedies of this case type, from the analysis. */
  remedies: RemedyId[];
  facts: Facts;
  analysis: Analysis;
  input: PacketInput;
  analysisDate: string;
  filingDate: string | null;
  court: CourtInfo;
  pleading: PleadingPaper | null;
  plaintiffName: string | null;
  plaintiffRole: 'Plaintiff' | 'Petitioner';
  defendantRole: 'Defendants' | 'Respondents';
  defendants: Party[];
  /** Warnings from the analysis and from the rules used ([VERIFY], fast-moving, circuit-dependent). */
  warnings: Message[];
}

/** Which case types the analysis calls for: a case type is chosen when one of its remedies is viable. */
export function chooseCaseTypes(analysis: Analysis): { caseType: CaseTypeId; remedies: RemedyId[] }[] {
  const rules = filingRules().caseTypes;
  const viable = new Set(analysis.remedies.filter((r) => r.viability === 'viable').map((r) => r.remedy));
  const out: { caseType: CaseTypeId; remedies: RemedyId[] }[] = [];
  for (const id of Object.keys(rules) as CaseTypeId[]) {
    const remedies = rules[id].remedies.filter((r) => viable.has(r as RemedyId)) as RemedyId[];
    if (remedies.length) out.push({ caseType: id, remedies });
  }
  return out;
}

function officer(key: OfficeKey, title: string, input: PacketInput, opts: { federal?: boolean; nameRequired?: boolean; fallbackName?: string | undefined } = {}): Party {
  const oh = input.officeholders?.[key];
  return {
    key,
    title,
    name: oh?.name ?? opts.fallbackName ?? null,
    asOf: oh?.asOf ?? null,
    isAgency: false,
    federal: opts.federal ?? true,
    nameRequired: opts.nameRequired ?? false,
  };
}

const USCIS: Party = {
  key: 'uscis',
  title: 'U.S. Citizenship and Immigration Services',
  name: null,
  asOf: null,
  isAgency: true,
  federal: true,
  nameRequired: false,
};

/** Defendants by office for each case type (legal spec § 4). */
export function defendantsFor(caseType: CaseTypeId, facts: Facts, input: PacketInput): Party[] {
  const br = facts.benefitRequest;
  const officeTitle = input.offices?.uscisOfficeTitle ?? (br?.office?.name ? `Director, ${br.office.name}` : 'Director of the USCIS office handling the application');
  switch (caseType) {
    case 'delay': {
      if (br?.agency === 'state_department' || br?.form === 'visa') {
        return [
          officer('secretaryOfState', 'Secretary of State', input),
          officer('consularOfficer', br?.office?.name ? `Consular Section Chief, ${br.office.name}` : 'Chief of the Consular Section at the post handling the visa', input),
        ];
      }
      const officeDirector = br?.form === 'I-589' ? (br?.office?.name ? `Director, ${br.office.name}` : 'Director of the Asylum Office handling the application') : officeTitle;
      return [
        officer('dhsSecretary', 'Secretary of Homeland Security', input),
        officer('uscisDirector', 'Director of U.S. Citizenship and Immigration Services', input),
        officer('uscisOfficeDirector', officeDirector, input),
        USCIS,
      ];
    }
    case 'natz1447b':
      return [
        USCIS,
        officer('uscisDirector', 'Director of U.S. Citizenship and Immigration Services', input),
        officer('uscisOfficeDirector', officeTitle, input),
        officer('dhsSecretary', 'Secretary of Homeland Security', input),
      ];
    case 'natz1421c':
      return [USCIS, officer('uscisDirector', 'Director of U.S. Citizenship and Immigration Services', input), officer('uscisOfficeDirector', officeTitle, input)];
    case 'habeas': {
      const d = facts.detention;
      const facilityName = d?.facility?.name;
      const countyHold = d?.custodianType === 'county_jail_ice_hold' || d?.custodianType === 'county_jail_criminal' || d?.custodianType === 'county_jail_287g';
      const custodianTitle = countyHold
        ? `Sheriff or Jail Administrator${facilityName ? `, ${facilityName}` : ''}`
        : `Warden or Facility Administrator${facilityName ? `, ${facilityName}` : ''}`;
      const custodian = officer('warden', custodianTitle, input, { federal: !countyHold, nameRequired: true, fallbackName: d?.wardenName });
      const fod = officer('fieldOfficeDirector', 'Field Office Director, U.S. Immigration and Customs Enforcement, Enforcement and Removal Operations', input, {
        fallbackName: d?.fieldOfficeDirector,
      });
      if (countyHold && d?.iceTookCustody !== 'yes') return [custodian, fod];
      return [
        custodian,
        fod,
        officer('iceDirector', 'Director of U.S. Immigration and Customs Enforcement', input),
        officer('dhsSecretary', 'Secretary of Homeland Security', input),
        officer('attorneyGeneral', 'Attorney General of the United States', input),
      ];
    }
  }
}

export function courtInfo(analysis: Analysis, caseType: CaseTypeId, facts: Facts, reference?: Reference, remedies: RemedyId[] = []): CourtInfo {
  // The remedy's own venue (SPEC § 3.1) when the analysis names its court; else the case-level venue.
  const own = analysis.remedies.find((r) => remedies.includes(r.remedy) && r.venue?.court?.courtId)?.venue?.court;
  const v = own ?? (caseType === 'habeas' && analysis.confinementVenue?.courtId ? analysis.confinementVenue : analysis.venue);
  const courtId = v.courtId ?? facts.venue?.courtId ?? null;
  const court = courtId && reference ? reference.court(courtId) : null;
  let division: string | null = null;
  if (reference) {
    const place = caseType === 'habeas' ? facts.detention?.facility : facts.person?.residence;
    if (place?.state && place.county) {
      const cv = reference.countyVenue({ state: place.state, county: place.county });
      if (cv.status === 'found' && cv.value.courtId === courtId) division = cv.value.division;
    }
  }
  const districtName = court?.districtName ?? v.districtName ?? null;
  return {
    courtId,
    fullName: court?.name ?? (districtName ? `United States District Court for the ${districtName}` : null),
    districtName,
    division,
    circuit: court?.circuit ?? v.circuit ?? analysis.circuit ?? null,
  };
}

export function pleadingPaper(courtId: string | null): PleadingPaper | null {
  const p = courtId ? pleadingFor(courtId) : null;
  return p ? { linesPerPage: p.linesPerPage, fontSizePt: p.fontSizePt, cite: p.cite } : null;
}

export function buildPacketCase(args: {
  caseType: CaseTypeId;
  remedies: RemedyId[];
  facts: Facts;
  analysis: Analysis;
  input: PacketInput;
  reference?: Reference;
}): PacketCase {
  const { caseType, remedies, facts, analysis, input, reference } = args;
  const court = courtInfo(analysis, caseType, facts, reference, remedies);
  const warnings: Message[] = [];
  for (const r of analysis.remedies) if (remedies.includes(r.remedy)) warnings.push(...r.warnings);
  warnings.push(...analysis.warnings);
  const p = court.courtId ? filingRules().pleading.districts[court.courtId] : undefined;
  if (p?.verify) warnings.push({ code: 'documents:warnings.pleadingVerify', params: { rule: p.cite, note: p.verifyNote ?? '' } });
  return {
    caseType,
    remedies,
    facts,
    analysis,
    input,
    analysisDate: analysis.analysisDate,
    filingDate: input.filingDate ?? null,
    court,
    pleading: pleadingPaper(court.courtId),
    plaintiffName: facts.person?.name ?? null,
    plaintiffRole: caseType === 'habeas' || caseType === 'natz1421c' ? 'Petitioner' : 'Plaintiff',
    defendantRole: caseType === 'habeas' || caseType === 'natz1421c' ? 'Respondents' : 'Defendants',
    defendants: defendantsFor(caseType, facts, input),
    warnings,
  };
}
