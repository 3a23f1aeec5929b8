/**
 * Element evaluators for habeas corpus, 28 U.S.C. § 2241 (SPEC § 1.4): custody, custodian, district of confinement,
 * exhaustion, and the detention theory (local detainer hold, Zadvydas post-order detention, § 1225(b)(2) bond
 * cases by circuit, prolonged § 1226(c) detention, retaliation).
 */
import { addCalendarMonths } from '../../deadlines/calendar-date.ts';
import type { ElementEval, EvalContext } from '../eval-context.ts';
import { isNo, isUnknown, isYes, monthsBetween, msg, question } from '../eval-context.ts';

function unknown(path: string, reason: string, params?: Record<string, string | number>): ElementEval {
  return { finding: 'unknown', reasons: [msg(`reason.${reason}`, params)], facts: [path], questions: [question(path)] };
}

export function inCustody(c: EvalContext): ElementEval {
  const custody = c.facts.person?.custody;
  if (custody === 'detained') return { finding: 'met', reasons: [msg('reason.inCustody')], facts: ['person.custody'] };
  if (custody === 'not_detained' || custody === 'released') {
    return { finding: 'not_met', effect: 'barred', reasons: [msg('reason.notInCustody')], facts: ['person.custody'] };
  }
  return unknown('person.custody', 'custodyUnknown');
}

export function isLocalHold(c: EvalContext): boolean {
  const d = c.facts.detention;
  return d?.custodianType === 'county_jail_ice_hold' || (d?.releaseEligibleAt !== undefined && isYes(d?.heldSolelyOnDetainer));
}

export function immediateCustodian(c: EvalContext): ElementEval {
  const d = c.facts.detention;
  const t = d?.custodianType;
  if (t === undefined || t === 'unknown') return unknown('detention.custodianType', 'custodianUnknown');
  const warnings = c.habeasCircuit === '9' ? [msg('flag.doeVGarland')] : [];
  const questions = d?.wardenName ? [] : [question('detention.wardenName')];
  const code = t.startsWith('county_jail') ? 'reason.custodianSheriff' : 'reason.custodianWarden';
  return { finding: 'met', reasons: [msg(code, { facility: d?.facility?.name ?? '—' })], facts: ['detention.custodianType', 'detention.facility.name', 'detention.wardenName'], warnings, questions };
}

export function districtOfConfinement(c: EvalContext): ElementEval {
  const v = c.confinement;
  const facts = ['detention.facility'];
  if (v?.courtId) return { finding: 'met', reasons: [msg('reason.districtOfConfinement', { district: v.districtName ?? v.courtId })], facts };
  const state = c.facts.detention?.facility?.state;
  if (state) {
    return {
      finding: 'met',
      reasons: [msg('reason.confinementStateOnly', { state })],
      facts: ['detention.facility.state'],
      questions: [question('detention.facility.county')],
    };
  }
  return unknown('detention.facility.state', 'facilityUnknown');
}

type Theory = 'local_hold' | 'post_order' | 'bond_1225b' | 'prolonged_1226c' | 'retaliation' | 'unknown';

export function detentionTheory(c: EvalContext): Theory {
  const f = c.facts;
  const d = f.detention;
  if (isLocalHold(c)) return 'local_hold';
  if (f.reliefSought?.theory === 'retaliation') return 'retaliation';
  if (d?.statuteCited === '1231a' || (f.removal?.proceedings === 'final_order' || f.removal?.proceedings === 'reinstated_order')) return 'post_order';
  if (d?.statuteCited === '1225b' || (f.person?.entry === 'without_inspection' && d?.bond?.result === 'no_jurisdiction')) return 'bond_1225b';
  if (d?.statuteCited === '1226c') return 'prolonged_1226c';
  return 'unknown';
}

/** H4: exhaustion is prudential (BIA bond appeal), excusable as futile [VERIFY futility after Yajure Hurtado]. */
export function exhaustion(c: EvalContext): ElementEval {
  const theory = detentionTheory(c);
  const bond = c.facts.detention?.bond;
  if (theory === 'local_hold' || theory === 'post_order') {
    return { finding: 'met', reasons: [msg('reason.noBondAppealPath')], facts: ['detention.statuteCited'] };
  }
  if (bond?.biaAppeal === 'pending' || bond?.biaAppeal === 'decided') {
    return { finding: 'met', reasons: [msg('reason.biaAppealTaken')], facts: ['detention.bond.biaAppeal'] };
  }
  if (bond?.result === 'no_jurisdiction') {
    return { finding: 'met', reasons: [msg('reason.exhaustionFutile')], facts: ['detention.bond.result'], warnings: [msg('flag.futilityYajure')] };
  }
  if (bond?.result === 'denied' && bond.biaAppeal === 'none') {
    return { finding: 'not_met', effect: 'weak', reasons: [msg('reason.biaAppealAvailable')], facts: ['detention.bond.result', 'detention.bond.biaAppeal'] };
  }
  return unknown('detention.bond.result', 'bondHistoryUnknown');
}

/** H5: the detention is unlawful on a theory the spec recognizes. */
export function unlawfulCustody(c: EvalContext): ElementEval {
  const f = c.facts;
  const d = f.detention;
  const theory = detentionTheory(c);
  switch (theory) {
    case 'local_hold': {
      // SPEC § 1.4 item 4, § 1.5: a hold past release solely on a detainer is a new seizure.
      if (isYes(d?.heldSolelyOnDetainer)) {
        if (f.detainer?.warrant === 'judicial') return { finding: 'not_met', effect: 'weak', reasons: [msg('reason.judicialWarrant')], facts: ['detainer.warrant'] };
        return { finding: 'met', reasons: [msg('reason.detainerHoldNewSeizure')], facts: ['detention.heldSolelyOnDetainer', 'detention.releaseEligibleAt', 'detainer.warrant'] };
      }
      if (isNo(d?.heldSolelyOnDetainer)) return { finding: 'not_met', effect: 'barred', reasons: [msg('reason.heldOnCriminalCharges')], facts: ['detention.heldSolelyOnDetainer'] };
      return unknown('detention.heldSolelyOnDetainer', 'heldSolelyUnknown');
    }
    case 'post_order': {
      // Zadvydas: six months from the start of the removal period (order final, or a court stay lifted — Hendricks).
      const start = f.removal?.stayLiftedDate ?? f.removal?.finalOrderDate;
      if (!start) return unknown('removal.finalOrderDate', 'finalOrderDateUnknown');
      const months = monthsBetween(start, c.date);
      const six = addCalendarMonths(start, 6);
      const facts = ['removal.finalOrderDate', 'removal.stayLiftedDate', 'detention.travelDocuments'];
      if (c.date < six) return { finding: 'not_met', effect: 'weak', reasons: [msg('reason.zadvydasWithinSix', { months, date: six })], facts };
      if (isYes(d?.travelDocuments?.issued)) return { finding: 'not_met', effect: 'weak', reasons: [msg('reason.travelDocsIssued', { months })], facts };
      if (isNo(d?.travelDocuments?.detaineeCooperating)) return { finding: 'not_met', effect: 'weak', reasons: [msg('reason.notCooperating', { months })], facts };
      if (isUnknown(d?.travelDocuments?.issued)) return unknown('detention.travelDocuments.issued', 'travelDocsUnknown', { months });
      if (isUnknown(d?.travelDocuments?.detaineeCooperating)) return unknown('detention.travelDocuments.detaineeCooperating', 'cooperationUnknown', { months });
      return { finding: 'met', reasons: [msg('reason.zadvydasPastSix', { months, date: six }), msg('reason.noStatutoryBondArteaga')], facts };
    }
    case 'bond_1225b': {
      // SPEC § 1.4 item 3 (fastMoving): 2d Cir. Cunha v. Freden rejects; 5th (Buenrostro-Mendez) and 8th uphold.
      const facts = ['detention.facility.state', 'detention.statuteCited', 'person.entry'];
      const warnings = [msg('flag.bondSplit1225b')];
      const circuit = c.habeasCircuit;
      if (circuit === '2') return { finding: 'met', reasons: [msg('reason.cunhaBondHearing')], facts, warnings };
      if (circuit === '5' || circuit === '8') {
        return { finding: 'not_met', effect: 'barred', reasons: [msg('reason.statutoryTheoryBarred', { circuit }), msg('reason.constitutionalClaimUnknown')], facts, warnings };
      }
      if (!circuit) return { ...unknown('detention.facility.state', 'circuitUnknownForBond'), warnings };
      return { finding: 'unknown', reasons: [msg('reason.bondSplitUnsettled', { circuit })], facts, warnings };
    }
    case 'prolonged_1226c':
      return { finding: 'unknown', reasons: [msg('reason.prolonged1226c')], facts: ['detention.statuteCited', 'detention.startDate'], warnings: [msg('flag.prolongedDetention')] };
    case 'retaliation':
      return { finding: 'unknown', reasons: [msg('reason.retaliationDetentionKhalil')], facts: ['reliefSought.theory'] };
    default:
      return unknown('detention.statuteCited', 'detentionBasisUnknown');
  }
}
