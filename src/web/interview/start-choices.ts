/**
 * The interview's first question, "what happened?", as data: each answer records only what the person has just told
 * us (as facts) and names the first few facts to ask about next (those where a lookup helps: the facility, the
 * agency, the county — each after the state and date the lookup needs). Everything after that is asked because the analysis engine's `questions` say it is missing.
 * No legal conclusion is drawn here.
 */
import type { FactsObject } from './facts-paths.ts';

export const START_CHOICE_IDS = ['detainedNow', 'iceHold', 'stuckApplication', 'stopped287g', 'somethingElse'] as const;
export type StartChoiceId = (typeof START_CHOICE_IDS)[number];

export interface StartChoice {
  id: StartChoiceId;
  /** Facts the choice itself states. */
  facts: FactsObject;
  /** Facts to ask first, in this order, before the engine's questions. */
  askFirst: string[];
  /** Someone is held now: the analysis shows "get a lawyer now" first. */
  urgent: boolean;
}

export const START_CHOICES: readonly StartChoice[] = [
  {
    id: 'detainedNow',
    facts: { person: { custody: 'detained' }, reliefSought: { challenge: 'detention' } },
    askFirst: ['detention.custodianType', 'detention.facility.state', 'detention.facility.name', 'detention.facility.county', 'detention.startDate'],
    urgent: true,
  },
  {
    id: 'iceHold',
    facts: {
      person: { custody: 'detained' },
      detention: { custodianType: 'county_jail_ice_hold' },
      detainer: { issued: 'yes' },
      reliefSought: { challenge: 'detainer_hold' },
    },
    askFirst: ['detention.facility.state', 'detention.facility.name', 'detention.facility.county', 'detention.releaseEligibleAt', 'detention.heldSolelyOnDetainer', 'detainer.warrant'],
    urgent: true,
  },
  {
    id: 'stuckApplication',
    facts: { benefitRequest: { status: 'pending' }, reliefSought: { challenge: 'delay' } },
    askFirst: ['benefitRequest.form', 'benefitRequest.agency', 'benefitRequest.office.name', 'benefitRequest.filedDate', 'person.residence.state', 'person.residence.county'],
    urgent: false,
  },
  {
    id: 'stopped287g',
    facts: { reliefSought: { challenge: 'stop_or_arrest' } },
    askFirst: ['enforcement.agency.state', 'enforcement.eventDate', 'enforcement.agency.name', 'enforcement.has287g', 'enforcement.actions', 'person.custody'],
    urgent: false,
  },
  {
    id: 'somethingElse',
    facts: {},
    askFirst: ['person.custody', 'person.residence.state', 'person.residence.county'],
    urgent: false,
  },
];

export function startChoice(id: string): StartChoice | undefined {
  return START_CHOICES.find((c) => c.id === id);
}
