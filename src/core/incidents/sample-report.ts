/**
 * A complete, valid incident report for tests and examples (a made-up event; no real person).
 * `sampleReport({ ... })` replaces top-level parts.
 */
import type { IncidentFacets } from './incident-facets.ts';
import type { IncidentReport } from './incident-schema.ts';

export function sampleReport(overrides: Partial<IncidentReport> = {}): IncidentReport {
  return {
    schemaVersion: 1,
    synthetic: true,
    reporter: { role: 'witness', name: 'Test Witness', contact: '555-0100' },
    consent: { countInStatistics: true, useAsEvidence: true, contactReporter: false, identifyAffectedPerson: true },
    affectedPerson: { name: 'Test Person' },
    when: { date: '2025-04-01', time: '14:30' },
    where: { state: 'FL', county: 'Collier County', city: 'Naples', placeType: 'road', address: '100 Test Rd' },
    agency: { name: "Collier County Sheriff's Office", state: 'FL' },
    officers: [{ name: 'Officer Example', badge: '1234', vehicle: 'Unit 56' }],
    contact: { kind: 'traffic_stop', statedReason: 'equipment_violation', statedReasonDetail: 'said a taillight was out', citationIssued: 'no' },
    askedAboutStatus: 'yes',
    search: { searched: 'yes', what: ['vehicle'], consentRequested: 'no' },
    arrested: 'yes',
    detainerLodged: 'yes',
    transferredToIce: 'yes',
    custody: {
      bookedAt: '2025-04-01T16:00',
      releaseEligibleAt: '2025-04-02T09:00',
      transferredToIceAt: '2025-04-03T21:00',
    },
    outcome: 'transferred_to_ice',
    witnesses: [{ name: 'Second Witness', statement: 'I saw it from the gas station.' }],
    media: [{ kind: 'video', sha256: 'a'.repeat(64), capturedAt: '2025-04-01T14:35', filename: 'stop.mp4' }],
    demographics: { source: 'self_reported', ethnicity: 'hispanic_latino', language: 'spanish', ageRange: '25_34', gender: 'man' },
    narrative: 'A made-up narrative for tests.',
    ...overrides,
  };
}

/** Facets of a made-up event (Collier County, FL, 2025-04-01) for aggregation tests. */
export function sampleFacets(id: string, o: Partial<IncidentFacets> = {}): IncidentFacets {
  return {
    id,
    duplicateOf: null,
    synthetic: false,
    countable: true,
    date: '2025-04-01',
    month: (o.date ?? '2025-04-01').slice(0, 7),
    state: 'FL',
    county: 'Collier County',
    agency: "Collier County Sheriff's Office",
    agencyKey: 'FL:collier-county-sheriff-office',
    models: ['JEM', 'TFM'],
    hadAgreement: 'yes',
    agreementIds: [],
    contactKind: 'traffic_stop',
    stopReason: 'equipment_violation',
    outcome: 'released',
    askedAboutStatus: 'unknown',
    arrested: 'no',
    detainerLodged: 'no',
    transferredToIce: 'no',
    heldMinutes: null,
    minutesBeyondRelease: null,
    reporterRole: 'witness',
    ethnicity: 'unknown',
    language: 'unknown',
    ageRange: 'unknown',
    gender: 'unknown',
    caseId: null,
    ...o,
  };
}
