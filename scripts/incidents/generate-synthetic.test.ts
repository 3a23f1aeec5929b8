import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadReference } from '../../src/data/load-reference.ts';
import { checkIncident } from '../../src/core/incidents/check-incident.ts';
import { findDuplicates } from '../../src/core/incidents/find-duplicates.ts';
import { aggregateIncidents } from '../../src/core/incidents/aggregate-incidents.ts';
import { generateSyntheticReports, syntheticFacets, SYNTHETIC_AGENCIES } from './generate-synthetic.ts';

const reference = loadReference({ shippedOnly: true });
const reports = generateSyntheticReports(reference, { count: 500, seed: 20251 });

test('500 reports, deterministic for a seed, different for another seed', () => {
  assert.equal(reports.length, 500);
  assert.deepEqual(generateSyntheticReports(reference, { count: 500, seed: 20251 }), reports);
  assert.notDeepEqual(generateSyntheticReports(reference, { count: 20, seed: 7 }), reports.slice(0, 20));
});

test('every report is clearly marked synthetic and every one passes the submission checks', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  for (const { report } of reports) {
    assert.equal(report.synthetic, true);
    assert.match(report.narrative ?? '', /^\[SYNTHETIC\]/);
    assert.match(report.reporter.name ?? 'SYNTHETIC', /^SYNTHETIC/);
    const r = checkIncident(report, { now, reference });
    assert.equal(r.ok, true, JSON.stringify(!r.ok && r.problems));
  }
});

test('the agencies are real 287(g) agencies of the reference data, several states and models', () => {
  const facets = syntheticFacets(reference, reports);
  const agg = aggregateIncidents(facets);
  assert.equal(agg.dimensions.agency.length, SYNTHETIC_AGENCIES.length);
  assert.deepEqual(new Set(facets.map((f) => f.state)), new Set(['FL', 'TX', 'MD', 'SC']));
  const models = new Set(agg.dimensions.model.map((c) => c.key));
  for (const m of ['JEM', 'TFM', 'WSO']) assert.ok(models.has(m), `model ${m} appears`);
  assert.ok(facets.every((f) => f.hadAgreement !== 'yes' || f.agreementIds.length > 0));
  assert.equal(agg.dimensions.month.length, 7, 'January to July 2025');
});

test('planted duplicates are found by duplicate detection', () => {
  const planted = reports.filter((r) => r.duplicateOfPlanted);
  assert.ok(planted.length >= 10, `${planted.length} planted`);
  const { groups } = findDuplicates(reports);
  const together = new Set(groups.map((g) => g.ids.join('|')));
  const found = planted.filter((p) => groups.some((g) => g.ids.includes(p.id) && g.ids.includes(p.duplicateOfPlanted!)));
  assert.equal(found.length, planted.length, 'every planted duplicate is in a group with its original');
  assert.ok(together.size <= planted.length + 5, 'few false groups');
});
