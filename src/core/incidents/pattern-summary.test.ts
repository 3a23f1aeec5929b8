import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFacts } from '../facts/parse-facts.ts';
import { render } from '../../i18n/i18n.ts';
import { patternSummary, MIN_EVENTS_FOR_FACTS } from './pattern-summary.ts';
import { sampleFacets as facet } from './sample-report.ts';
import type { IncidentFacets } from './incident-facets.ts';

const KEY = 'FL:collier-county-sheriff-office';

/** 12 detainer events, all held or transferred; 8 Hispanic of 10 with ethnicity recorded; one field stop by a WSO-only agency. */
function dataset(): IncidentFacets[] {
  const out: IncidentFacets[] = [];
  for (let i = 0; i < 12; i++) {
    out.push(
      facet(`d${i}`, {
        detainerLodged: 'yes',
        arrested: 'yes',
        askedAboutStatus: i < 9 ? 'yes' : 'no',
        outcome: i % 2 ? 'held_on_detainer' : 'transferred_to_ice',
        minutesBeyondRelease: i < 4 ? 50 * 60 : 0,
        ethnicity: i < 8 ? 'hispanic_latino' : i < 10 ? 'white' : 'unknown',
      }),
    );
  }
  out.push(facet('d0-dup', { duplicateOf: 'd0' }));
  out.push(facet('w1', { agency: 'Polk County Sheriff’s Office', agencyKey: 'FL:polk-county-sheriff-office', models: ['WSO'], askedAboutStatus: 'yes', contactKind: 'traffic_stop' }));
  return out;
}

test('findings state counts with the reports behind them, and cite the spec authorities', () => {
  const s = patternSummary(dataset(), { agencyKey: KEY });
  assert.equal(s.scope.events, 12);
  assert.equal(s.scope.reports, 13);
  assert.equal(s.scope.agency, "Collier County Sheriff's Office");
  const byId = Object.fromEntries(s.findings.map((f) => [f.id, f]));
  assert.deepEqual(byId.statusQuestioning?.message.params, { n: 9, of: 12, rate: '75%', unknown: 0 });
  assert.ok(byId.statusQuestioning?.reportIds.includes('d0-dup'), 'duplicates are behind the number too');
  assert.deepEqual(byId.detainerHolds?.message.params, { n: 12, of: 12, rate: '100%' });
  assert.equal(byId.heldBeyondRelease?.message.params?.over48, 4);
  assert.ok(byId.detainerHolds?.citations.some((c) => c.cite.startsWith('Monell')));
  assert.ok(s.citations.some((c) => c.cite.startsWith('United States v. Armstrong')));
  assert.match(render('en', byId.statusQuestioning!.message), /9 of 12 events/);
  assert.match(render('es', byId.statusQuestioning!.message), /9 de 12 eventos/);
});

test('the limits of the data are always stated, and [VERIFY] authorities become warnings', () => {
  const s = patternSummary(dataset(), { agencyKey: KEY });
  assert.ok(s.limits.some((m) => m.code === 'incidents:limit.noComparison'));
  assert.ok(s.limits.some((m) => m.code === 'incidents:limit.notRandom'));
  assert.ok(s.warnings.some((m) => m.code === 'incidents:warning.verify' && String(m.params?.cite).includes('1357(g)(8)')));
});

test('facts for a case: a custom of honoring every detainer is proposed only with enough events; the patch is valid facts', () => {
  const s = patternSummary(dataset(), { agencyKey: KEY });
  assert.equal(s.facts.patch.enforcement.countyPolicyHonorsAllDetainers, 'yes');
  assert.deepEqual(s.facts.patch.enforcement.models287g, ['JEM', 'TFM']);
  assert.equal(s.facts.patch.enforcement.eventCounty, 'Collier County', 'one county: the venue of the events');
  assert.equal(s.facts.patch.enforcement.patternEvidence, undefined, 'no comparison, no pattern evidence');
  assert.ok(s.warnings.some((m) => m.code === 'incidents:warning.confirmFacts'));
  const parsed = parseFacts(s.facts.patch);
  assert.equal(parsed.ok, true, JSON.stringify(!parsed.ok && parsed.problems));

  const few = dataset().slice(0, MIN_EVENTS_FOR_FACTS - 1);
  assert.equal(patternSummary(few, { agencyKey: KEY }).facts.patch.enforcement.countyPolicyHonorsAllDetainers, undefined);
});

test('a disparity is computed only against a benchmark the user supplies, with the Armstrong caveat', () => {
  const s = patternSummary(dataset(), { agencyKey: KEY, benchmark: { ethnicity: 'hispanic_latino', share: 0.28, source: 'test benchmark' } });
  const d = s.findings.find((f) => f.id === 'disparity')!;
  // 8 of the 10 events that record ethnicity: 80% vs 28% → 2.86.
  assert.equal(d.message.params?.ratio, '2.86');
  assert.equal(s.facts.patch.enforcement.patternEvidence, 'yes');
  assert.ok(s.warnings.some((m) => m.code === 'incidents:warning.benchmarkSimilarlySituated'));
  const weak = patternSummary(dataset(), { agencyKey: KEY, benchmark: { ethnicity: 'hispanic_latino', share: 0.6, source: 'x' } });
  assert.equal(weak.facts.patch.enforcement.patternEvidence, undefined);
});

test('field stops by an agency with only a jail model are flagged as beyond the model', () => {
  const s = patternSummary(dataset());
  const f = s.findings.find((x) => x.id === 'beyondModel');
  assert.deepEqual(f?.reportIds, ['w1']);
  assert.equal(f?.message.params?.models, 'WSO');
  assert.equal(s.scope.agency, null);
});

test('synthetic data is announced first among the warnings', () => {
  const s = patternSummary(dataset().map((f) => ({ ...f, synthetic: true })));
  assert.equal(s.warnings[0]?.code, 'incidents:warning.synthetic');
});
