/**
 * Every element evaluator, keyed by the element id used in rules/remedies/*.json. A test checks that each element in
 * the data has an evaluator here and each evaluator has an element in the data.
 */
import type { ElementEval, EvalContext } from '../eval-context.ts';
import * as benefit from './benefit-elements.ts';
import * as habeas from './habeas-elements.ts';
import * as damages from './damages-elements.ts';

export { BAR_EVALUATORS } from './bars.ts';

export const ELEMENT_EVALUATORS: Record<string, (c: EvalContext) => ElementEval> = {
  // MANDAMUS_1361 (SPEC § 1.1)
  M1: benefit.clearRight,
  M2: benefit.dutyToDecide,
  M3: benefit.noOtherRemedy,
  M4: benefit.unreasonableDelay,
  // APA_706_1 (SPEC § 1.2)
  A1_DISCRETE: benefit.discreteAction,
  A1_REQUIRED: benefit.dutyToDecide,
  A1_DELAY: benefit.unreasonableDelay,
  // APA_706_2
  A2_FINAL: benefit.finalAgencyAction,
  A2_TIMELY: benefit.withinSixYears,
  // NATZ_1447B (SPEC § 1.3)
  N1_PENDING: benefit.n400Pending,
  N2_INTERVIEW: benefit.interviewHeld,
  N3_120_DAYS: benefit.passed120Days,
  N4_SEC1429: benefit.noRemovalBar1429,
  // NATZ_1421C
  C1_DENIED: benefit.n400Denied,
  C2_N336_FILED: benefit.n336Filed,
  C3_N336_DECIDED: benefit.n336Decided,
  C4_120_DAYS: benefit.within120DaysOfN336,
  // HABEAS_2241 (SPEC § 1.4)
  H1: habeas.inCustody,
  H2: habeas.immediateCustodian,
  H3: habeas.districtOfConfinement,
  H4: habeas.exhaustion,
  H5: habeas.unlawfulCustody,
  // SEC1983 (SPEC § 1.5, § 2.6)
  S1_RIGHT: damages.rightViolated,
  S2_STATE_COLOR: damages.stateColor,
  S3_LIABLE_DEFENDANT: damages.liableDefendant,
  S4_STATE_LAW: damages.stateLawOverlay,
  // BIVENS
  BV1_FEDERAL_OFFICER: damages.federalOfficer,
  BV2_RIGHT: damages.rightViolated,
  // FTCA
  FT1_FEDERAL_EMPLOYEE: damages.federalEmployeeAct,
  FT2_FALSE_ARREST: damages.falseArrestTort,
  FT3_ADMIN_CLAIM: damages.adminClaim,
  // EQUAL_PROTECTION (SPEC § 1.7)
  EP1_EFFECT: damages.discriminatoryEffect,
  EP2_PURPOSE: damages.discriminatoryPurpose,
  EP3_PRACTICE: damages.enforcementPractice,
};
