/**
 * Bar evaluators (SPEC § 1.6 and the bar-like rules of § 1.1, § 1.5): each decides, for one remedy, whether the bar is
 * triggered (true | false | 'unknown'), why, and on which facts. The bars' labels and citations are in
 * rules/bars/*.json; the remedy files say which bars apply to them and with what effect.
 */
import type { RemedyId, BarId } from '../types.ts';
import type { BarEval, EvalContext } from '../eval-context.ts';
import { evalOnce, isYes, msg, pendingForDelay, question } from '../eval-context.ts';
import { noOtherRemedy } from './benefit-elements.ts';
import { isLocalHold } from './habeas-elements.ts';
import { adminClaim, federalOfficer } from './damages-elements.ts';

const NOT: BarEval = { triggered: false, reasons: [], facts: [] };

function b1252g(c: EvalContext, remedy: RemedyId): BarEval {
  const ch = c.facts.reliefSought?.challenge;
  const kinds = c.facts.reliefSought?.kinds ?? [];
  const facts = ['reliefSought.challenge', 'reliefSought.kinds'];
  const attacksThreeActs = ch === 'commencement_of_proceedings' || ch === 'execution_of_removal_order' || kinds.includes('stop_removal_proceedings');
  if (!attacksThreeActs) return { triggered: false, reasons: [msg('reason.b1252gNarrow')], facts };
  if (remedy === 'HABEAS_2241' && c.facts.person?.custody === 'detained') {
    return { triggered: 'unknown', reasons: [msg('reason.b1252gDetentionKhalil')], facts: [...facts, 'person.custody'] };
  }
  return { triggered: true, reasons: [msg('reason.b1252gTriggered')], facts };
}

function b1252a2bii(c: EvalContext, remedy: RemedyId): BarEval {
  const b = c.facts.benefitRequest;
  if (!b?.form) return NOT;
  if (remedy === 'APA_706_2') {
    // Discretionary outcome: (B)(i) lists § 1255 adjustment; Patel v. Garland.
    if (b.form === 'I-485' && b.status === 'denied') return { triggered: true, reasons: [msg('reason.discretionaryOutcome1255')], facts: ['benefitRequest.form', 'benefitRequest.status'] };
    return { triggered: false, reasons: [], facts: [] };
  }
  // Pace of a discretionary adjudication (§ 1.2): circuit-dependent; 11th Cir. Kanapuram on retrogression holds.
  if (b.form !== 'I-485') return NOT;
  const facts = ['benefitRequest.form', 'person.residence', 'benefitRequest.queue.priorityDateRetrogressed'];
  const warnings = [msg('flag.paceCircuitDependent', { circuit: c.circuit ?? '?' })];
  if (!c.circuit) return { triggered: 'unknown', reasons: [msg('reason.paceCircuitUnknown')], facts, warnings, questions: [question('person.residence.state')] };
  if (c.circuit === '11') {
    const r = b.queue?.priorityDateRetrogressed;
    if (r === 'yes') return { triggered: true, reasons: [msg('reason.kanapuram')], facts, warnings };
    if (r === 'no') return { triggered: false, reasons: [msg('reason.paceReviewable', { circuit: '11' })], facts, warnings };
    return { triggered: 'unknown', reasons: [msg('reason.kanapuramRetrogressionUnknown')], facts, warnings, questions: [question('benefitRequest.queue.priorityDateRetrogressed')] };
  }
  return { triggered: false, reasons: [msg('reason.paceReviewable', { circuit: c.circuit })], facts, warnings };
}

function b1252b9(_c: EvalContext, remedy: RemedyId): BarEval {
  return { triggered: false, reasons: [msg(remedy === 'HABEAS_2241' ? 'reason.b9NotDetentionBar' : 'reason.b9NotDelayBar')], facts: [] };
}

function b1252f1(c: EvalContext): BarEval {
  const scope = c.facts.reliefSought?.scope;
  if (scope !== 'class') return { triggered: false, reasons: scope === 'individual' ? [msg('reason.individualReliefOk')] : [], facts: ['reliefSought.scope'] };
  return {
    triggered: true,
    scope: 'relief',
    reasons: [msg('reason.classwideInjunctionBarred')],
    facts: ['reliefSought.scope', 'reliefSought.kinds'],
    reliefs: [
      { relief: 'classwide_injunction', viability: 'barred', reasons: [msg('reason.classwideInjunctionBarred')] },
      { relief: 'class_declaratory_or_vacatur', viability: 'unknown', reasons: [msg('reason.classDeclaratoryUndecided')] },
    ],
  };
}

function consular(c: EvalContext, remedy: RemedyId): BarEval {
  const b = c.facts.benefitRequest;
  const facts = ['benefitRequest.form', 'benefitRequest.status', 'reliefSought.challenge'];
  if (b?.form !== 'visa') return NOT;
  const refused = b.status === 'refused' || b.status === 'denied';
  const ch = c.facts.reliefSought?.challenge;
  const attacksRefusal = ch === 'visa_refusal' || (remedy === 'APA_706_2' && refused) || (refused && c.facts.reliefSought?.kinds?.includes('approve'));
  if (attacksRefusal) return { triggered: true, reasons: [msg('reason.consularRefusalBarred')], facts };
  if (refused) return { triggered: false, reasons: [msg('reason.consularDelayStillLitigated')], facts };
  return NOT;
}

function moot(c: EvalContext, remedy: RemedyId): BarEval {
  if (remedy === 'HABEAS_2241') {
    const custody = c.facts.person?.custody;
    if (custody === 'released') return { triggered: true, reasons: [msg('reason.releasedMoot')], facts: ['person.custody'] };
    if (isLocalHold(c)) {
      const took = c.facts.detention?.iceTookCustody;
      if (took === 'yes') return { triggered: true, reasons: [msg('reason.iceTookCustodyRefile')], facts: ['detention.iceTookCustody'] };
      if (took === 'no') return { triggered: false, reasons: [msg('reason.mootIfIceTakesCustody')], facts: ['detention.iceTookCustody'] };
      return { triggered: 'unknown', reasons: [msg('reason.mootIfIceTakesCustody')], facts: ['detention.iceTookCustody'], questions: [question('detention.iceTookCustody')] };
    }
    return { triggered: false, reasons: [], facts: ['person.custody'] };
  }
  const b = c.facts.benefitRequest;
  if (!b?.form) return NOT;
  const pending = pendingForDelay(c.facts);
  if (pending === null) return { triggered: 'unknown', reasons: [], facts: ['benefitRequest.status'], questions: [question('benefitRequest.status')] };
  if (pending) return { triggered: false, reasons: [], facts: ['benefitRequest.status'] };
  return { triggered: true, reasons: [msg('reason.agencyActedMoot', { status: b.status ?? '' })], facts: ['benefitRequest.status'] };
}

function adequateAlt(c: EvalContext): BarEval {
  if (!c.facts.benefitRequest?.form) return NOT;
  const e = evalOnce(c, noOtherRemedy);
  const triggered = e.finding === 'met' ? false : e.finding === 'not_met' ? true : 'unknown';
  return { triggered, reasons: e.finding === 'met' ? [] : e.reasons, facts: e.facts, questions: e.questions, warnings: e.warnings };
}

function noDiscreteDuty(c: EvalContext): BarEval {
  const r = c.facts.reliefSought;
  const facts = ['reliefSought.kinds', 'reliefSought.challenge'];
  if (r?.challenge === 'policy') return { triggered: true, reasons: [msg('reason.programmaticChallenge')], facts };
  const kinds = r?.kinds;
  if (!kinds || kinds.length === 0) return { triggered: 'unknown', reasons: [msg('reason.reliefUnknown')], facts, questions: [question('reliefSought.kinds')] };
  if (!kinds.includes('approve')) return { triggered: false, reasons: [], facts };
  if (kinds.includes('adjudicate')) {
    return {
      triggered: true,
      scope: 'relief',
      reasons: [msg('reason.approveNotAvailable')],
      facts,
      reliefs: [{ relief: 'approve', viability: 'barred', reasons: [msg('reason.approveNotAvailable')] }],
    };
  }
  return { triggered: true, reasons: [msg('reason.approveNotAvailable')], facts };
}

/** Triggered whenever there is a federal defendant: immigration enforcement is a new Bivens context after Egbert. */
function bivensNewContext(c: EvalContext): BarEval {
  const officer = evalOnce(c, federalOfficer);
  if (officer.finding === 'not_met') return { triggered: false, reasons: [], facts: officer.facts };
  const reasons = [msg('reason.egbertNewContext')];
  if (c.has287g === 'yes') reasons.push(msg('reason.benderoffTaskForce'));
  return { triggered: officer.finding === 'met' ? true : 'unknown', reasons, facts: officer.facts };
}

function ftcaNoAdminClaim(c: EvalContext): BarEval {
  const e = evalOnce(c, adminClaim);
  if (e.finding === 'not_met') return { triggered: true, reasons: e.reasons, facts: e.facts };
  if (e.finding === 'unknown') return { triggered: 'unknown', reasons: e.reasons, facts: e.facts, questions: e.questions };
  const filed = isYes(c.facts.priorRequests?.sf95?.filed) || Boolean(c.facts.priorRequests?.sf95?.filedDate);
  return { triggered: false, reasons: filed ? [] : [msg('reason.sueOnlyAfterClaim')], facts: e.facts };
}

export const BAR_EVALUATORS: Record<BarId, (c: EvalContext, remedy: RemedyId) => BarEval> = {
  B1252G: b1252g,
  B1252A2Bii: b1252a2bii,
  B1252B9: b1252b9,
  B1252F1: b1252f1,
  CONSULAR_NONREVIEWABILITY: consular,
  MOOT: moot,
  ADEQUATE_ALT_REMEDY: adequateAlt,
  NO_DISCRETE_DUTY: noDiscreteDuty,
  BIVENS_NEW_CONTEXT: bivensNewContext,
  FTCA_NO_ADMIN_CLAIM: ftcaNoAdminClaim,
};
