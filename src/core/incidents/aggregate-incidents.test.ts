import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aggregateIncidents } from './aggregate-incidents.ts';
import type { IncidentFacets } from './incident-facets.ts';
import { sampleFacets as facet } from './sample-report.ts';

// Five events (one reported twice), one report without consent, one synthetic.
const facets: IncidentFacets[] = [
  facet('a', { askedAboutStatus: 'yes', outcome: 'transferred_to_ice', arrested: 'yes', detainerLodged: 'yes', transferredToIce: 'yes', minutesBeyondRelease: 36 * 60, ethnicity: 'hispanic_latino' }),
  facet('a2', { duplicateOf: 'a', askedAboutStatus: 'yes' }),
  facet('b', { askedAboutStatus: 'no', stopReason: 'none_given', date: '2025-05-02', month: '2025-05', minutesBeyondRelease: 0, ethnicity: 'hispanic_latino' }),
  facet('c', { askedAboutStatus: 'yes', outcome: 'held_on_detainer', arrested: 'yes', detainerLodged: 'yes', minutesBeyondRelease: 60 * 60, date: '2025-05-20', month: '2025-05', ethnicity: 'white' }),
  facet('d', { agency: 'Smith County Sheriff’s Office', agencyKey: 'TX:smith-county-sheriff-office', state: 'TX', county: 'Smith County', models: ['JEM'], stopReason: 'unknown' }),
  facet('e', { synthetic: true, agencyKey: 'FL:collier-county-sheriff-office' }),
  facet('x', { countable: false, askedAboutStatus: 'yes' }),
];

test('events count once; their duplicates are listed behind the number; reports without consent are left out', () => {
  const a = aggregateIncidents(facets);
  assert.equal(a.events, 5);
  assert.equal(a.reports, 6);
  assert.deepEqual(a.excluded, { noConsent: 1, outsideFilter: 0 });
  assert.equal(a.syntheticEvents, 1);
  assert.deepEqual(a.overall.reportIds.sort(), ['a', 'a2', 'b', 'c', 'd', 'e']);
  assert.ok(!a.overall.reportIds.includes('x'));
});

test('rates leave unknown answers out of the denominator and say how many there were', () => {
  const a = aggregateIncidents(facets);
  // askedAboutStatus: a yes, b no, c yes; d and e unknown.
  assert.deepEqual(a.overall.rates.askedAboutStatus, { numerator: 2, denominator: 3, rate: 2 / 3, unknown: 2 });
  // noReasonGiven: b is 'none_given'; d is unknown; a, c, e gave a reason.
  assert.deepEqual(a.overall.rates.noReasonGiven, { numerator: 1, denominator: 4, rate: 0.25, unknown: 1 });
  // heldBeyondRelease: a 36 h, c 60 h, b 0 → 2 of 3; median of 0, 36, 60 hours = 36.
  assert.equal(a.overall.rates.heldBeyondRelease.numerator, 2);
  assert.equal(a.overall.rates.heldBeyondRelease.denominator, 3);
  assert.equal(a.overall.medianHoursBeyondRelease, 36);
});

test('by agency, month, model, outcome, time beyond release and ethnicity, with the reports behind each cell', () => {
  const a = aggregateIncidents(facets);
  const agency = Object.fromEntries(a.dimensions.agency.map((c) => [c.key, c]));
  assert.equal(agency['FL:collier-county-sheriff-office']?.count, 4);
  assert.deepEqual(agency['TX:smith-county-sheriff-office']?.reportIds, ['d']);
  assert.equal(agency['FL:collier-county-sheriff-office']?.share, 0.8);
  assert.deepEqual(a.dimensions.month.map((c) => [c.key, c.count]), [['2025-04', 3], ['2025-05', 2]]);
  const model = Object.fromEntries(a.dimensions.model.map((c) => [c.key, c.count]));
  assert.deepEqual(model, { JEM: 5, TFM: 4 }, 'an event counts under every model in force');
  const outcome = Object.fromEntries(a.dimensions.outcome.map((c) => [c.key, c.reportIds]));
  assert.deepEqual(outcome['transferred_to_ice'], ['a', 'a2']);
  assert.deepEqual(a.dimensions.beyondRelease.map((c) => [c.key, c.count]), [['none', 1], ['12_to_48h', 1], ['over_48h', 1], ['unknown', 2]]);
  const eth = Object.fromEntries(a.dimensions.ethnicity.map((c) => [c.key, c.count]));
  assert.deepEqual(eth, { hispanic_latino: 2, white: 1, unknown: 2 });
  const place = a.dimensions.place.map((c) => c.key);
  assert.ok(place.includes('Smith County, TX'));
});

test('filters: dates, agencies and synthetic data', () => {
  assert.equal(aggregateIncidents(facets, { from: '2025-05-01' }).events, 2);
  assert.equal(aggregateIncidents(facets, { agencyKeys: ['TX:smith-county-sheriff-office'] }).events, 1);
  const real = aggregateIncidents(facets, { includeSynthetic: false });
  assert.equal(real.events, 4);
  assert.equal(real.excluded.outsideFilter, 1);
});

test('no reports: zero counts and null rates, never a division by zero', () => {
  const a = aggregateIncidents([]);
  assert.equal(a.events, 0);
  assert.equal(a.overall.rates.arrested.rate, null);
  assert.equal(a.overall.medianHoursBeyondRelease, null);
  assert.deepEqual(a.dimensions.agency, []);
});

test('the median of hours beyond release equals the sorted-list median for any minutes (property test)', async () => {
  const fc = (await import('fast-check')).default;
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 6000 }), { minLength: 1, maxLength: 60 }), (minutes) => {
      const fs = minutes.map((m, i) => facet(`m${i}`, { minutesBeyondRelease: m }));
      const sorted = [...minutes].sort((x, y) => x - y);
      const mid = sorted.length >> 1;
      const expected = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
      assert.equal(aggregateIncidents(fs).overall.medianHoursBeyondRelease, Math.round((expected / 60) * 10) / 10);
    }),
    { numRuns: 300 },
  );
});
