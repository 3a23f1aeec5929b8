/** The F4 answers shared by the journeys and the keyboard test. */
import type { Answer } from './interview-driver.ts';

// F4 (SPEC §8): I-485 filed 2019, interviewed 2021, all RFEs answered, "pending background checks", lives in N.D. Cal.
export const F4: Record<string, Answer> = {
  'benefitRequest.form': 'I-485',
  'benefitRequest.agency': 'uscis',
  'benefitRequest.category': 'family-based',
  'benefitRequest.office.type': 'field_office',
  'benefitRequest.office.name': 'San Francisco Field Office',
  'benefitRequest.filedDate': '2019-03-15',
  'benefitRequest.biometricsDone': 'yes',
  'benefitRequest.interviewHeld': 'yes',
  'benefitRequest.interviewDate': '2021-05-10',
  'benefitRequest.rfe.issued': 'yes',
  'benefitRequest.rfe.allAnswered': 'yes',
  'benefitRequest.securityChecks.agencyStatement': 'pending_background_checks',
  'benefitRequest.queue.order': 'none',
  'benefitRequest.queue.priorityDateCurrent': 'yes',
  'benefitRequest.applicantCausedDelay': 'no',
  'benefitRequest.inquiries': 'yes',
  'benefitRequest.otherRemedyPending': 'no',
  'person.residence.state': 'CA',
  'person.residence.county': 'Alameda County',
  'person.custody': 'not_detained',
  'removal.proceedings': 'none',
  'reliefSought.kinds': ['adjudicate'],
  'reliefSought.adjudicateWithinDays': '60',
};
