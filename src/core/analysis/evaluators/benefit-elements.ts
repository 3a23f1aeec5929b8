/**
 * Element evaluators for the benefit remedies: mandamus (§ 1361), APA § 706(1) and § 706(2), naturalization
 * § 1447(b) and § 1421(c). Each takes the EvalContext and returns a finding with reason codes and the facts used.
 * The elements, labels and citations are in rules/remedies/*.json; the legal source of each branch is the spec
 * section named in the comment.
 */
import { tryDeadline } from '../implied-deadlines.ts';
import { addCalendarMonths } from '../../deadlines/calendar-date.ts';
import type { ElementEval, EvalContext } from '../eval-context.ts';
import { isNo, isUnknown, isYes, msg, pendingForDelay, question, yearsBetween } from '../eval-context.ts';

const PATH = {
  form: 'benefitRequest.form',
  status: 'benefitRequest.status',
  filed: 'benefitRequest.filedDate',
  interview: 'benefitRequest.interviewDate',
  interviewHeld: 'benefitRequest.interviewHeld',
  decision: 'benefitRequest.decisionDate',
  order: 'benefitRequest.queue.order',
  outOfOrder: 'benefitRequest.queue.outOfOrder',
  applicantDelay: 'benefitRequest.applicantCausedDelay',
  rfeAnswered: 'benefitRequest.rfe.allAnswered',
  otherRemedy: 'benefitRequest.otherRemedyPending',
  removal: 'removal.proceedings',
} as const;

function unknown(path: string, reason: string, params?: Record<string, string | number>): ElementEval {
  return { finding: 'unknown', reasons: [msg(`reason.${reason}`, params)], facts: [path], questions: [question(path)] };
}

/** The § 1447(b) eligibility date (interview + 120 days), or null. */
export function eligible1447b(c: EvalContext): string | null {
  const i = c.facts.benefitRequest?.interviewDate;
  return i ? (tryDeadline('natz-1447b', i)?.dueDate ?? null) : null;
}

// ---- Mandamus M1 / shared: a pending, properly filed request (SPEC § 1.1 M1; applicant-caused delay → weak) ----
export function clearRight(c: EvalContext): ElementEval {
  const b = c.facts.benefitRequest;
  if (!b || !b.form) return unknown(PATH.form, 'noRequestIdentified');
  const pending = pendingForDelay(c.facts);
  if (pending === null) return unknown(PATH.status, 'statusUnknown', { form: b.form });
  if (!pending) return { finding: 'not_met', effect: 'barred', reasons: [msg('reason.requestNotPending', { form: b.form, status: b.status ?? '' })], facts: [PATH.status] };
  if (isYes(b.applicantCausedDelay)) return { finding: 'not_met', effect: 'weak', reasons: [msg('reason.applicantCausedDelay')], facts: [PATH.applicantDelay] };
  if (isYes(b.rfe?.issued) && isNo(b.rfe?.allAnswered)) return { finding: 'not_met', effect: 'weak', reasons: [msg('reason.rfeUnanswered')], facts: [PATH.rfeAnswered] };
  if (isUnknown(b.applicantCausedDelay)) return unknown(PATH.applicantDelay, 'applicantStepsUnknown', { form: b.form });
  return { finding: 'met', reasons: [msg('reason.pendingRequest', { form: b.form })], facts: [PATH.form, PATH.status, PATH.applicantDelay] };
}

// ---- M2 / A1_REQUIRED: a clear duty to decide (5 U.S.C. § 555(b) "reasonable time"; SPEC § 1.1, § 1.2) ----
export function dutyToDecide(c: EvalContext): ElementEval {
  const b = c.facts.benefitRequest;
  if (!b || !b.form) return unknown(PATH.form, 'noRequestIdentified');
  const agency = b.form === 'visa' ? 'state_department' : 'uscis';
  return { finding: 'met', reasons: [msg('reason.dutyToDecide', { form: b.form, agency })], facts: [PATH.form] };
}

// ---- A1_DISCRETE: one discrete act (Norton v. SUWA) ----
export function discreteAction(c: EvalContext): ElementEval {
  const b = c.facts.benefitRequest;
  if (!b || !b.form) return unknown(PATH.form, 'noRequestIdentified');
  if (c.facts.reliefSought?.challenge === 'policy') {
    return { finding: 'not_met', effect: 'barred', reasons: [msg('reason.programmaticChallenge')], facts: ['reliefSought.challenge'] };
  }
  return { finding: 'met', reasons: [msg('reason.discreteAct', { form: b.form })], facts: [PATH.form] };
}

/**
 * M3 / ADEQUATE_ALT_REMEDY: no other adequate remedy (SPEC § 1.1 M3; 5 U.S.C. § 704): § 1447(b) after an N-400
 * interview, § 1421(c) after a denial, a pending administrative appeal; removal proceedings may give the IJ
 * jurisdiction over an I-485 [VERIFY].
 */
export function noOtherRemedy(c: EvalContext): ElementEval {
  const b = c.facts.benefitRequest;
  if (!b || !b.form) return unknown(PATH.form, 'noRequestIdentified');
  if (b.form === 'N-400') {
    if (b.status === 'denied') return { finding: 'not_met', effect: 'weak', reasons: [msg('reason.alt1421c')], facts: [PATH.status] };
    if (b.interviewDate || isYes(b.interviewHeld)) {
      const when = eligible1447b(c);
      return {
        finding: 'not_met',
        effect: 'weak',
        reasons: [when ? msg('reason.alt1447b', { date: when }) : msg('reason.alt1447bNoDate')],
        facts: [PATH.interview],
      };
    }
  }
  if (isYes(b.otherRemedyPending)) return { finding: 'not_met', effect: 'weak', reasons: [msg('reason.adminAppealPending')], facts: [PATH.otherRemedy] };
  const removal = c.facts.removal?.proceedings;
  if (b.form === 'I-485' && (removal === 'pending' || removal === 'final_order')) {
    return { finding: 'unknown', reasons: [msg('reason.ijMayHaveJurisdiction')], facts: [PATH.removal], warnings: [msg('flag.ijJurisdictionBenefit')] };
  }
  if (isUnknown(b.otherRemedyPending)) return unknown(PATH.otherRemedy, 'otherRemedyUnknown');
  return { finding: 'met', reasons: [msg('reason.noOtherRemedy')], facts: [PATH.otherRemedy, PATH.removal] };
}

const PUBLISHED_QUEUES = new Set(['fifo', 'lifo', 'priority_date', 'visa_bulletin']);

/**
 * M4 / A1_DELAY: the delay is unreasonable (TRAC; SPEC § 1.2 screening heuristic, fastMoving + [VERIFY]):
 * under ~2 years → weak; a published queue (LIFO, FIFO, priority dates) → weak unless the case is out of order;
 * outside any queue (a hold): ≥ 4 years → stronger (met), 2–4 years → mixed (unknown).
 */
export function unreasonableDelay(c: EvalContext): ElementEval {
  const b = c.facts.benefitRequest;
  if (!b || !b.form) return unknown(PATH.form, 'noRequestIdentified');
  const pending = pendingForDelay(c.facts);
  if (pending === null) return unknown(PATH.status, 'statusUnknown', { form: b.form });
  if (!pending) return { finding: 'not_met', effect: 'barred', reasons: [msg('reason.nothingPending')], facts: [PATH.status] };
  // A § 221(g) refusal "pending administrative processing": the delay runs from the refusal (SPEC F5, § 1.2 table).
  const adminProcessing = b.status === 'refused' && b.decisionDate !== undefined;
  const start = adminProcessing ? b.decisionDate : b.filedDate;
  const startPath = adminProcessing ? PATH.decision : PATH.filed;
  if (!start) return unknown(PATH.filed, 'filedDateUnknown');
  const years = yearsBetween(start, c.date);
  const facts = [startPath, PATH.order];
  const expedite = isYes(c.facts.priorRequests?.expedite?.requested) ? [] : [msg('reason.suggestExpedite')];
  if (isYes(b.applicantCausedDelay)) return { finding: 'not_met', effect: 'weak', reasons: [msg('reason.applicantCausedDelay')], facts: [PATH.applicantDelay] };
  // Consular delay: file in the plaintiff's home district; D.D.C. has many adverse consular-delay rulings (SPEC § 3.1).
  const venueWarnings = b.form === 'visa' ? [msg('flag.ddcConsularAdverse')] : [];
  if (years < 2) {
    const r = [msg(adminProcessing ? 'reason.adminProcessingUnder2Years' : 'reason.delayUnder2Years', { years }), ...expedite];
    return { finding: 'not_met', effect: 'weak', reasons: r, facts: [startPath], warnings: venueWarnings };
  }
  const order = b.queue?.order;
  if (order === undefined || order === 'unknown') return unknown(PATH.order, 'queueUnknown', { years });
  if (PUBLISHED_QUEUES.has(order)) {
    if (isYes(b.queue?.outOfOrder)) return { finding: 'unknown', reasons: [msg('reason.queueOutOfOrder', { years, order })], facts: [...facts, PATH.outOfOrder] };
    if (isUnknown(b.queue?.outOfOrder)) return unknown(PATH.outOfOrder, 'outOfOrderUnknown', { years, order });
    return { finding: 'not_met', effect: 'weak', reasons: [msg('reason.queueRuleOfReason', { years, order }), ...expedite], facts: [...facts, PATH.outOfOrder], warnings: venueWarnings };
  }
  // order === 'none': parked outside any queue
  if (years >= 4) {
    const reasons = [msg('reason.holdOutsideQueue', { years })];
    if (b.securityChecks?.agencyStatement === 'pending_background_checks' || b.securityChecks?.agencyStatement === 'terrorism_related_hold') {
      reasons.push(msg('reason.securityCheckHold'));
    }
    return { finding: 'met', reasons, facts: [...facts, 'benefitRequest.securityChecks.agencyStatement'] };
  }
  return { finding: 'unknown', reasons: [msg('reason.delayMixed', { years })], facts };
}

// ---- APA § 706(2): final agency action (5 U.S.C. § 704) ----
export function finalAgencyAction(c: EvalContext): ElementEval {
  const b = c.facts.benefitRequest;
  const ch = c.facts.reliefSought?.challenge;
  if (b && (b.status === 'denied' || b.status === 'refused')) {
    return { finding: 'met', reasons: [msg('reason.finalDecision', { form: b.form ?? 'other', status: b.status })], facts: [PATH.status, PATH.decision] };
  }
  if (ch === 'policy') return { finding: 'unknown', reasons: [msg('reason.policyFinality')], facts: ['reliefSought.challenge'] };
  if (b && b.status === 'pending' && (ch === undefined || ch === 'delay')) {
    return { finding: 'not_met', effect: 'barred', reasons: [msg('reason.noFinalActionUse7061')], facts: [PATH.status] };
  }
  return unknown(PATH.status, 'finalActionUnknown');
}

// ---- APA § 706(2): within six years (28 U.S.C. § 2401(a); accrual per Corner Post) ----
export function withinSixYears(c: EvalContext): ElementEval {
  const d = c.facts.benefitRequest?.decisionDate;
  if (!d) return unknown(PATH.decision, 'decisionDateUnknown');
  const last = addCalendarMonths(d, 72);
  if (c.date <= last) return { finding: 'met', reasons: [msg('reason.withinSixYears', { date: last })], facts: [PATH.decision] };
  return { finding: 'not_met', effect: 'barred', reasons: [msg('reason.pastSixYears', { date: last })], facts: [PATH.decision] };
}

// ---- § 1447(b) (SPEC § 1.3) ----
export function n400Pending(c: EvalContext): ElementEval {
  const b = c.facts.benefitRequest;
  if (!b || !b.form) return unknown(PATH.form, 'noRequestIdentified');
  if (b.form !== 'N-400') return { finding: 'not_met', effect: 'barred', reasons: [msg('reason.notN400', { form: b.form })], facts: [PATH.form] };
  if (b.status === 'pending') {
    // § 1447(b) exclusive jurisdiction: 9th (Hovsepian), 4th (Etape), 2d (Bustamante); elsewhere circuit-dependent [VERIFY].
    const exclusive = c.circuit === '9' || c.circuit === '4' || c.circuit === '2';
    const warning = exclusive ? msg('flag.exclusiveJurisdiction', { circuit: c.circuit! }) : msg('flag.exclusiveJurisdictionUnsettled', { circuit: c.circuit ?? '?' });
    return { finding: 'met', reasons: [msg('reason.n400Pending')], facts: [PATH.status], warnings: [warning] };
  }
  if (b.status === undefined || b.status === 'unknown') return unknown(PATH.status, 'statusUnknown', { form: 'N-400' });
  return { finding: 'not_met', effect: 'barred', reasons: [msg('reason.n400DecidedBeforeSuit', { status: b.status })], facts: [PATH.status] };
}

export function interviewHeld(c: EvalContext): ElementEval {
  const b = c.facts.benefitRequest;
  if (b?.interviewDate) return { finding: 'met', reasons: [msg('reason.interviewOn', { date: b.interviewDate })], facts: [PATH.interview] };
  if (isYes(b?.interviewHeld)) return { finding: 'met', reasons: [msg('reason.interviewHeldNoDate')], facts: [PATH.interviewHeld], questions: [question(PATH.interview)] };
  if (isNo(b?.interviewHeld)) return { finding: 'not_met', effect: 'barred', reasons: [msg('reason.noInterviewUseMandamus')], facts: [PATH.interviewHeld] };
  return unknown(PATH.interview, 'interviewUnknown');
}

export function passed120Days(c: EvalContext): ElementEval {
  const b = c.facts.benefitRequest;
  const when = eligible1447b(c);
  if (!when) return unknown(PATH.interview, 'interviewDateUnknown');
  if (isYes(b?.n14Issued)) {
    return { finding: 'unknown', reasons: [msg('reason.n14Issued', { date: when })], facts: ['benefitRequest.n14Issued'] };
  }
  const facts = [PATH.interview, 'benefitRequest.n14Issued'];
  if (c.date >= when) return { finding: 'met', reasons: [msg('reason.passed120', { date: when })], facts };
  return { finding: 'not_met', effect: 'barred', reasons: [msg('reason.notYet120', { date: when })], facts };
}

/** § 1429 and pending removal proceedings: 9th Cir. Yith vs. 2d Cir. Ajlani; elsewhere circuit-dependent. */
export function noRemovalBar1429(c: EvalContext): ElementEval {
  const form = c.facts.benefitRequest?.form;
  if (!form) return unknown(PATH.form, 'noRequestIdentified');
  if (form !== 'N-400') return { finding: 'not_met', effect: 'barred', reasons: [msg('reason.notN400', { form })], facts: [PATH.form] };
  const r = c.facts.removal;
  const p = r?.proceedings;
  if (p === undefined || p === 'unknown') return unknown(PATH.removal, 'removalUnknown');
  if (p === 'none') return { finding: 'met', reasons: [msg('reason.noRemovalProceedings')], facts: [PATH.removal] };
  const facts = [PATH.removal, 'removal.onWarrantOfArrest'];
  if (c.circuit === '9') {
    if (isYes(r?.onWarrantOfArrest)) return { finding: 'unknown', reasons: [msg('reason.sec1429WarrantOfArrest')], facts, warnings: [msg('flag.sec1429Split', { circuit: '9' })] };
    if (isNo(r?.onWarrantOfArrest)) return { finding: 'met', reasons: [msg('reason.yith')], facts };
    return unknown('removal.onWarrantOfArrest', 'warrantOfArrestUnknown');
  }
  if (c.circuit === '2') return { finding: 'not_met', effect: 'barred', reasons: [msg('reason.ajlani')], facts };
  return { finding: 'unknown', reasons: [msg('reason.sec1429CircuitDependent', { circuit: c.circuit ?? '?' })], facts, warnings: [msg('flag.sec1429Split', { circuit: c.circuit ?? '?' })] };
}

// ---- § 1421(c) (SPEC § 1.3) ----
export function n400Denied(c: EvalContext): ElementEval {
  const b = c.facts.benefitRequest;
  if (!b || !b.form) return unknown(PATH.form, 'noRequestIdentified');
  if (b.form !== 'N-400') return { finding: 'not_met', effect: 'barred', reasons: [msg('reason.notN400', { form: b.form })], facts: [PATH.form] };
  if (b.status === 'denied') return { finding: 'met', reasons: b.decisionDate ? [msg('reason.deniedOn', { date: b.decisionDate })] : [msg('reason.denied')], facts: [PATH.status, PATH.decision] };
  if (b.status === undefined || b.status === 'unknown') return unknown(PATH.status, 'statusUnknown', { form: 'N-400' });
  return { finding: 'not_met', effect: 'barred', reasons: [msg('reason.n400NotDenied', { status: b.status })], facts: [PATH.status] };
}

export function n336Filed(c: EvalContext): ElementEval {
  const n = c.facts.benefitRequest?.n336;
  if (isYes(n?.filed) || n?.filedDate) return { finding: 'met', reasons: [msg('reason.n336Filed')], facts: ['benefitRequest.n336.filed'] };
  if (isNo(n?.filed)) return { finding: 'not_met', effect: 'barred', reasons: [msg('reason.n336NotFiled')], facts: ['benefitRequest.n336.filed'] };
  return unknown('benefitRequest.n336.filed', 'n336Unknown');
}

export function n336Decided(c: EvalContext): ElementEval {
  const n = c.facts.benefitRequest?.n336;
  const facts = ['benefitRequest.n336.outcome'];
  if (n?.outcome === 'upheld_denial') return { finding: 'met', reasons: [msg('reason.n336Upheld')], facts };
  if (n?.outcome === 'pending') return { finding: 'not_met', effect: 'barred', reasons: [msg('reason.n336Pending')], facts };
  if (n?.outcome === 'granted') return { finding: 'not_met', effect: 'barred', reasons: [msg('reason.n336Granted')], facts };
  if (isNo(n?.filed)) return { finding: 'not_met', effect: 'barred', reasons: [msg('reason.n336NotFiled')], facts: ['benefitRequest.n336.filed'] };
  return unknown('benefitRequest.n336.outcome', 'n336OutcomeUnknown');
}

export function within120DaysOfN336(c: EvalContext): ElementEval {
  const n = c.facts.benefitRequest?.n336;
  if (!n?.decisionDate) {
    if (isNo(n?.filed) || n?.outcome === 'pending') return { finding: 'not_met', effect: 'barred', reasons: [msg('reason.noN336Decision')], facts: ['benefitRequest.n336.decisionDate'] };
    return unknown('benefitRequest.n336.decisionDate', 'n336DecisionDateUnknown');
  }
  const due = tryDeadline('natz-1421c', n.decisionDate)?.dueDate;
  if (!due) return unknown('benefitRequest.n336.decisionDate', 'n336DecisionDateUnknown');
  if (c.date <= due) return { finding: 'met', reasons: [msg('reason.fileBy1421c', { date: due })], facts: ['benefitRequest.n336.decisionDate'] };
  const reasons = [msg('reason.past1421c', { date: due })];
  if (c.circuit === '10') reasons.push(msg('reason.nagahi'));
  return { finding: 'not_met', effect: 'weak', reasons, facts: ['benefitRequest.n336.decisionDate'] };
}
