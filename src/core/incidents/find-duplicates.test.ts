import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DUPLICATE_THRESHOLD, findDuplicates, scorePair } from './find-duplicates.ts';
import { mergeIncidents } from './merge-incidents.ts';
import { sampleReport } from './sample-report.ts';
import type { IncidentReport } from './incident-schema.ts';

const base = sampleReport();
const witnessB: IncidentReport = {
  ...sampleReport(),
  reporter: { role: 'witness', name: 'Other Witness' },
  when: { date: '2025-04-01', time: '14:50' },
  officers: [{ badge: '1234' }, { badge: '7788' }],
  media: [{ kind: 'photo', sha256: 'b'.repeat(64) }],
  custody: undefined,
  demographics: { ethnicity: 'hispanic_latino' },
  narrative: 'Second account.',
};
const otherEvent: IncidentReport = { ...sampleReport(), when: { date: '2025-04-01', time: '22:10' }, media: [], where: { ...base.where, address: '9 Elsewhere Ave' } };
const otherCounty: IncidentReport = { ...sampleReport(), where: { ...base.where, county: 'Lee County' } };

test('two witnesses of the same stop are a candidate pair, with reasons', () => {
  const s = scorePair(base, witnessB);
  assert.ok(s && s.score >= DUPLICATE_THRESHOLD, JSON.stringify(s));
  assert.ok(s!.reasons.some((r) => r.code === 'incidents:duplicate.closeTimes'));
});

test('the same stop hours apart, or in another county, is not a duplicate', () => {
  assert.equal(scorePair(base, otherEvent), null);
  assert.equal(scorePair(base, otherCounty), null);
});

test('the same video proves the same event even without times', () => {
  const a = { ...sampleReport(), when: { date: '2025-04-01' } };
  const b = { ...sampleReport(), when: { date: '2025-04-02', approximate: true }, contact: { kind: 'other' as const, statedReason: 'unknown' as const } };
  const s = scorePair(a, b);
  assert.ok(s && s.score >= 5);
});

test('groups connect pairs; a chain of three witnesses is one group, earliest first', () => {
  const c: IncidentReport = { ...witnessB, when: { date: '2025-04-01', time: '15:20' }, media: [{ kind: 'photo', sha256: 'b'.repeat(64) }] };
  const res = findDuplicates([
    { id: 'r3', report: c },
    { id: 'r1', report: base },
    { id: 'r2', report: witnessB },
    { id: 'r9', report: otherEvent },
  ]);
  assert.equal(res.groups.length, 1);
  assert.deepEqual(res.groups[0]!.ids, ['r1', 'r2', 'r3']);
});

test('a merge loses no report: every member is listed, lists are unioned, disagreements are recorded', () => {
  const conflicting: IncidentReport = { ...witnessB, outcome: 'released', transferredToIce: 'unknown' };
  const m = mergeIncidents([
    { id: 'r1', report: base },
    { id: 'r2', report: conflicting },
  ]);
  assert.equal(m.primaryId, 'r1');
  assert.deepEqual(m.memberIds, ['r1', 'r2']);
  assert.equal(m.report.outcome, 'transferred_to_ice', "the primary's value is kept");
  const outcome = m.conflicts.find((c) => c.path === 'outcome');
  assert.deepEqual(outcome?.values, [
    { id: 'r1', value: 'transferred_to_ice' },
    { id: 'r2', value: 'released' },
  ]);
  assert.deepEqual(m.report.media?.map((x) => x.sha256), ['a'.repeat(64), 'b'.repeat(64)]);
  assert.equal(m.report.officers?.length, 3, 'officers from both reports');
  assert.equal(m.report.custody?.bookedAt, '2025-04-01T16:00', 'custody times from the report that has them');
  assert.equal(m.report.narrative, base.narrative);
  assert.equal(base.officers?.length, 1, 'members are not changed');
});

test('consent: strictest answer wins for evidence and identification; statistics-only leaves out non-consenting reports', () => {
  const noStats: IncidentReport = { ...witnessB, consent: { countInStatistics: false, useAsEvidence: false, identifyAffectedPerson: false }, affectedPerson: undefined };
  const m = mergeIncidents([
    { id: 'r1', report: base },
    { id: 'r2', report: noStats },
  ]);
  assert.equal(m.report.consent.useAsEvidence, false);
  assert.equal(m.report.affectedPerson, undefined, 'one reporter asked not to identify the person');
  const s = mergeIncidents(
    [
      { id: 'r2', report: noStats },
      { id: 'r1', report: base },
    ],
    { statisticsOnly: true },
  );
  assert.equal(s.primaryId, 'r1');
  assert.deepEqual(s.memberIds, ['r1']);
  assert.throws(() => mergeIncidents([{ id: 'r2', report: noStats }], { statisticsOnly: true }), RangeError);
});

test('group facets: the primary carries the combined view, the others point to it, and aggregation counts the event once', async () => {
  const { groupFacets } = await import('./merge-incidents.ts');
  const { aggregateIncidents } = await import('./aggregate-incidents.ts');
  const noStats: IncidentReport = { ...witnessB, consent: { countInStatistics: false, useAsEvidence: true, identifyAffectedPerson: true } };
  const fs = groupFacets([
    { id: 'r2', report: noStats, link: null },
    { id: 'r1', report: base, link: null },
  ]);
  const byId = Object.fromEntries(fs.map((f) => [f.id, f]));
  assert.equal(byId.r1?.duplicateOf, null, 'the consenting report becomes the primary');
  assert.equal(byId.r2?.duplicateOf, 'r1');
  const agg = aggregateIncidents(fs);
  assert.equal(agg.events, 1);
  assert.deepEqual(agg.overall.reportIds, ['r1', 'r2']);
});
