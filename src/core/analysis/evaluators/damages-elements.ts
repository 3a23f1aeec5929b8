/**
 * Element evaluators for the damages and civil-rights remedies: § 1983, Bivens, FTCA (SPEC § 1.5, § 2.1–2.6) and
 * equal protection (SPEC § 1.7).
 */
import { tryDeadline } from '../implied-deadlines.ts';
import type { ElementEval, EvalContext, Model287g } from '../eval-context.ts';
import { dateOnly, isNo, isUnknown, isYes, msg, question } from '../eval-context.ts';

function unknown(path: string, reason: string, params?: Record<string, string | number>): ElementEval {
  return { finding: 'unknown', reasons: [msg(`reason.${reason}`, params)], facts: [path], questions: [question(path)] };
}

type Action = NonNullable<NonNullable<EvalContext['facts']['enforcement']>['actions']>[number];

/** What each 287(g) model lets local officers do (SPEC § 2.2). The traffic stop itself is never a delegated function. */
export const MODEL_FUNCTIONS: Record<Model287g, readonly Action[]> = {
  JEM: ['jail_screening', 'status_questioning', 'detainer_hold', 'warrant_service', 'transfer_to_ice'],
  WSO: ['warrant_service', 'detainer_hold', 'transfer_to_ice'],
  TFM: ['street_arrest', 'immigration_arrest', 'status_questioning', 'warrant_service'],
};
const IMMIGRATION_ACTS = new Set<Action>(['street_arrest', 'immigration_arrest', 'status_questioning', 'home_entry', 'jail_screening', 'detainer_hold', 'warrant_service', 'transfer_to_ice']);

function actions(c: EvalContext): Action[] {
  const a = [...(c.facts.enforcement?.actions ?? [])];
  if (isYes(c.facts.detention?.heldSolelyOnDetainer) && !a.includes('detainer_hold')) a.push('detainer_hold');
  return a;
}

const FEDERAL = new Set(['ice', 'cbp']);
const LOCAL = new Set(['sheriff', 'local_police', 'state_police', 'state_agency']);

function agencyType(c: EvalContext): string | undefined {
  const t = c.facts.enforcement?.agency?.type;
  if (t) return t;
  if (c.facts.detention?.custodianType?.startsWith('county_jail')) return 'sheriff';
  return undefined;
}

/** Acts beyond the agency's 287(g) models, or null when the 287(g) facts are not known. */
export function actsBeyond287g(c: EvalContext): { within: Action[]; beyond: Action[] } | null {
  if (c.has287g !== 'yes' || c.models287g.length === 0) return null;
  const allowed = new Set(c.models287g.flatMap((m) => MODEL_FUNCTIONS[m]));
  const acts = actions(c).filter((a) => IMMIGRATION_ACTS.has(a));
  return { within: acts.filter((a) => allowed.has(a)), beyond: acts.filter((a) => !allowed.has(a)) };
}

// ---- S1 / BV2: a federal right was violated (Fourth Amendment seizure) ----
export function rightViolated(c: EvalContext): ElementEval {
  const f = c.facts;
  const acts = actions(c);
  const reasons = [];
  if (acts.includes('traffic_stop') && isYes(f.enforcement?.stopBasisValid)) reasons.push(msg('reason.whrenStopValid'));
  if (isYes(f.detention?.heldSolelyOnDetainer)) {
    if (f.detainer?.warrant === 'judicial') return { finding: 'not_met', effect: 'weak', reasons: [msg('reason.judicialWarrant')], facts: ['detainer.warrant'] };
    const r = [msg('reason.detainerHoldSeizure'), ...reasons];
    if (f.detainer?.basis === 'database_match_only') r.push(msg('reason.databaseOnlyDetainer'));
    if (f.person?.citizenship === 'us_citizen') r.push(msg('reason.citizenHeld'));
    return { finding: 'met', reasons: r, facts: ['detention.heldSolelyOnDetainer', 'detainer.basis', 'detainer.warrant', 'person.citizenship'] };
  }
  if (acts.includes('home_entry')) {
    // SPEC § 2.5: an administrative warrant (I-200/I-205) traditionally does not authorize entering a home without consent [VERIFY].
    if (f.detainer?.warrant === 'judicial') return { finding: 'unknown', reasons: [msg('reason.homeEntryJudicialWarrant'), ...reasons], facts: ['enforcement.actions', 'detainer.warrant'] };
    return { finding: 'met', reasons: [msg('reason.homeEntryAdministrativeWarrant'), ...reasons], facts: ['enforcement.actions', 'detainer.warrant'], warnings: [msg('flag.adminWarrantHomeEntry')] };
  }
  if (acts.includes('immigration_arrest') || acts.includes('street_arrest')) {
    const cz = f.person?.citizenship;
    if (cz === 'us_citizen' || cz === 'lpr') return { finding: 'met', reasons: [msg('reason.arrestOfLawfulResident', { status: cz }), ...reasons], facts: ['enforcement.actions', 'person.citizenship'] };
    return { finding: 'unknown', reasons: [msg('reason.arrestProbableCauseUnknown'), ...reasons], facts: ['enforcement.actions', 'person.citizenship'], questions: [question('person.citizenship')] };
  }
  if (acts.includes('traffic_stop')) {
    if (isYes(f.enforcement?.stopBasisValid)) return { finding: 'not_met', effect: 'weak', reasons, facts: ['enforcement.stopBasisValid'] };
    if (isNo(f.enforcement?.stopBasisValid)) return { finding: 'met', reasons: [msg('reason.stopWithoutBasis')], facts: ['enforcement.stopBasisValid'] };
  }
  if (acts.length === 0 && !f.detention) return unknown('enforcement.actions', 'actsUnknown');
  return unknown('detention.heldSolelyOnDetainer', 'seizureUnknown');
}

// ---- S2: under color of state law; § 1357(g)(8) makes 287(g) officers federal actors for acts within the agreement ----
export function stateColor(c: EvalContext): ElementEval {
  const t = agencyType(c);
  const facts = ['enforcement.agency.type', 'enforcement.has287g', 'enforcement.models287g', 'enforcement.actions'];
  if (t === undefined || t === 'unknown' || t === 'other') return unknown('enforcement.agency.type', 'agencyUnknown');
  if (FEDERAL.has(t)) return { finding: 'not_met', effect: 'barred', reasons: [msg('reason.federalActorNo1983')], facts };
  if (!LOCAL.has(t)) return unknown('enforcement.agency.type', 'agencyUnknown');
  const src = c.has287gSource === 'reference' ? [msg('reason.agency287gFromReference', { status: c.has287g, models: c.models287g.join(', ') || '—' })] : [];
  // California (SB 54) and Illinois (Keep Illinois Families Together Act) bar 287(g) functions / agreements (SPEC § 2.6).
  const banned = c.has287g === 'yes' && (c.enforcementState === 'CA' || c.enforcementState === 'IL') ? [msg('flag.state287gBan', { state: c.enforcementState })] : [];
  if (c.has287g === 'no') return { finding: 'met', reasons: [...src, msg('reason.localNo287g')], facts };
  if (c.has287g === 'unknown') return { ...unknown('enforcement.has287g', 'has287gUnknown'), reasons: [...src, msg('reason.has287gUnknown')] };
  const split = actsBeyond287g(c);
  if (!split) return unknown('enforcement.models287g', 'models287gUnknown');
  const models = c.models287g.join(', ');
  if (split.beyond.length > 0) {
    return {
      finding: 'met',
      reasons: [...src, msg('reason.actsBeyondModel', { acts: split.beyond.join(', '), models })],
      facts,
      warnings: [msg('flag.beyondModel'), ...banned],
    };
  }
  const reasons = [...src, msg('reason.within287gFederalColor', { models })];
  if (actions(c).includes('traffic_stop')) reasons.push(msg('reason.stopItselfMayBeStateAction'));
  return { finding: 'not_met', effect: 'barred', reasons, facts, warnings: [msg('flag.beyondModel'), ...banned] };
}

// ---- S3: a defendant who can be liable (Monell for the county; officers individually, qualified immunity) ----
export function liableDefendant(c: EvalContext): ElementEval {
  const p = c.facts.enforcement?.countyPolicyHonorsAllDetainers;
  const holdCase = actions(c).includes('detainer_hold');
  if (!holdCase) return { finding: 'met', reasons: [msg('reason.officersIndividually')], facts: ['enforcement.actions'] };
  if (isYes(p)) return { finding: 'met', reasons: [msg('reason.monellPolicy')], facts: ['enforcement.countyPolicyHonorsAllDetainers'] };
  if (isNo(p)) return { finding: 'not_met', effect: 'weak', reasons: [msg('reason.noMonellPolicy')], facts: ['enforcement.countyPolicyHonorsAllDetainers'] };
  return unknown('enforcement.countyPolicyHonorsAllDetainers', 'monellUnknown');
}

const LIMITING_STATES: Record<string, string> = { CA: 'sb54', IL: 'trustAct' };
const REQUIRING_STATES = new Set(['TX', 'FL']);

// ---- S4: state cooperation law (SPEC § 2.6): CA/IL strengthen; TX/FL → unknown pending probable cause [VERIFY] ----
export function stateLawOverlay(c: EvalContext): ElementEval {
  if (!actions(c).includes('detainer_hold')) return { finding: 'met', reasons: [msg('reason.noStateOverlay')], facts: [] };
  const s = c.enforcementState;
  if (!s) return unknown('enforcement.agency.state', 'enforcementStateUnknown');
  const law = LIMITING_STATES[s];
  if (law) return { finding: 'met', reasons: [msg(`reason.stateLimits.${law}`)], facts: ['enforcement.agency.state'] };
  if (REQUIRING_STATES.has(s)) {
    return { finding: 'unknown', reasons: [msg(`reason.stateRequires.${s}`)], facts: ['enforcement.agency.state'], warnings: [msg('flag.requiringStateProbableCause')] };
  }
  return { finding: 'met', reasons: [msg('reason.stateNeutral', { state: s })], facts: ['enforcement.agency.state'] };
}

// ---- Bivens BV1: a federal officer (or a local officer under federal color) ----
export function federalOfficer(c: EvalContext): ElementEval {
  const t = agencyType(c);
  const facts = ['enforcement.agency.type', 'detainer.issued', 'enforcement.has287g'];
  if (t && FEDERAL.has(t)) return { finding: 'met', reasons: [msg('reason.federalOfficer', { agency: t.toUpperCase() })], facts };
  if (isYes(c.facts.detainer?.issued)) return { finding: 'met', reasons: [msg('reason.iceOfficerIssuedDetainer')], facts };
  const split = actsBeyond287g(c);
  if (split && split.within.length > 0) return { finding: 'met', reasons: [msg('reason.federalColor287g', { models: c.models287g.join(', ') })], facts };
  if (t && LOCAL.has(t) && c.has287g === 'no') return { finding: 'not_met', effect: 'barred', reasons: [msg('reason.localOfficerUse1983')], facts };
  return unknown('enforcement.agency.type', 'agencyUnknown');
}

// ---- FTCA FT1: an act of a federal employee (ICE; a 287(g) officer under § 1357(g)(7)) ----
export function federalEmployeeAct(c: EvalContext): ElementEval {
  const t = agencyType(c);
  const facts = ['enforcement.agency.type', 'detainer.issued', 'enforcement.has287g'];
  if (t && FEDERAL.has(t)) return { finding: 'met', reasons: [msg('reason.federalEmployee', { agency: t.toUpperCase() })], facts };
  const split = actsBeyond287g(c);
  if (split && split.within.length > 0) {
    return { finding: 'met', reasons: [msg('reason.sec1357g7FederalEmployee', { models: c.models287g.join(', ') })], facts, warnings: [msg('flag.westfall287g')] };
  }
  if (isYes(c.facts.detainer?.issued)) return { finding: 'met', reasons: [msg('reason.iceDetainerTort')], facts };
  if (t && LOCAL.has(t) && c.has287g === 'no') return { finding: 'not_met', effect: 'barred', reasons: [msg('reason.noFederalEmployee')], facts };
  return unknown('detainer.issued', 'federalRoleUnknown');
}

// ---- FTCA FT2: false arrest / false imprisonment by law-enforcement officers (§ 2680(h) proviso) ----
export function falseArrestTort(c: EvalContext): ElementEval {
  const acts = actions(c);
  const held = c.facts.detention !== undefined || acts.some((a) => a === 'detainer_hold' || a === 'immigration_arrest' || a === 'street_arrest');
  if (held) return { finding: 'met', reasons: [msg('reason.falseArrestImprisonment')], facts: ['enforcement.actions', 'detention'] };
  return unknown('enforcement.actions', 'tortUnknown');
}

/** When the FTCA claim accrued: release (or the event) — the caller shows the accrual it used. */
export function ftcaAccrual(c: EvalContext): string | null {
  const d = c.facts.detention;
  if (d?.releasedAt) return dateOnly(d.releasedAt);
  // False imprisonment accrues when the detention ends (Wallace v. Kato): not yet while the person is held.
  if (c.facts.person?.custody === 'detained') return null;
  return c.facts.enforcement?.eventDate ?? (d?.startDate ?? null);
}

// ---- FTCA FT3: the administrative claim (SF-95) was presented, or still can be (2 years, § 2401(b)) ----
export function adminClaim(c: EvalContext): ElementEval {
  const s = c.facts.priorRequests?.sf95;
  if (isYes(s?.filed) || s?.filedDate) return { finding: 'met', reasons: [msg('reason.claimPresented')], facts: ['priorRequests.sf95.filed'] };
  const accrual = ftcaAccrual(c);
  if (!accrual && c.facts.person?.custody === 'detained') {
    return { finding: 'met', reasons: [msg('reason.accrualAfterRelease')], facts: ['person.custody', 'detention.releasedAt'] };
  }
  if (!accrual) return unknown('enforcement.eventDate', 'accrualUnknown');
  const due = tryDeadline('ftca-presentment', accrual)?.dueDate;
  if (!due) return unknown('enforcement.eventDate', 'accrualUnknown');
  if (isUnknown(s?.filed)) {
    if (c.date <= due) return { finding: 'met', reasons: [msg('reason.presentClaimFirst', { date: due })], facts: ['priorRequests.sf95.filed', 'enforcement.eventDate'], questions: [question('priorRequests.sf95.filed')] };
    return unknown('priorRequests.sf95.filed', 'claimUnknownPast2Years', { date: due });
  }
  if (c.date <= due) return { finding: 'met', reasons: [msg('reason.presentClaimFirst', { date: due })], facts: ['priorRequests.sf95.filed', 'enforcement.eventDate'] };
  return { finding: 'not_met', effect: 'barred', reasons: [msg('reason.presentmentPassed', { date: due })], facts: ['priorRequests.sf95.filed', 'enforcement.eventDate'] };
}

// ---- Equal protection (SPEC § 1.7) ----
export function discriminatoryEffect(c: EvalContext): ElementEval {
  const p = c.facts.enforcement?.patternEvidence;
  if (isYes(p)) return { finding: 'met', reasons: [msg('reason.patternEvidence')], facts: ['enforcement.patternEvidence'] };
  if (isNo(p)) return { finding: 'not_met', effect: 'weak', reasons: [msg('reason.noPatternEvidence')], facts: ['enforcement.patternEvidence'] };
  return unknown('enforcement.patternEvidence', 'patternUnknown');
}

export function discriminatoryPurpose(c: EvalContext): ElementEval {
  const p = c.facts.enforcement?.purposeEvidence;
  if (isYes(p)) return { finding: 'met', reasons: [msg('reason.purposeEvidence')], facts: ['enforcement.purposeEvidence'] };
  if (isNo(p)) return { finding: 'not_met', effect: 'weak', reasons: [msg('reason.noPurposeEvidence')], facts: ['enforcement.purposeEvidence'] };
  return unknown('enforcement.purposeEvidence', 'purposeUnknown');
}

export function enforcementPractice(c: EvalContext): ElementEval {
  const f = c.facts;
  const ch = f.reliefSought?.challenge;
  if (ch === 'commencement_of_proceedings' || ch === 'execution_of_removal_order') {
    return { finding: 'not_met', effect: 'barred', reasons: [msg('reason.aadcNoSelectiveEnforcementDefense')], facts: ['reliefSought.challenge'] };
  }
  const t = agencyType(c);
  if (f.reliefSought?.kinds?.includes('injunction') && t && FEDERAL.has(t)) {
    return { finding: 'not_met', effect: 'weak', reasons: [msg('reason.patrolInjunctionStanding')], facts: ['reliefSought.kinds', 'enforcement.agency.type'] };
  }
  const acts = actions(c);
  if (acts.length > 0 || ch === 'stop_or_arrest' || ch === 'detention' || ch === 'detainer_hold') {
    return { finding: 'met', reasons: [msg('reason.enforcementPractice')], facts: ['enforcement.actions', 'reliefSought.challenge'] };
  }
  return unknown('enforcement.actions', 'actsUnknown');
}
