import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergePatternFacts } from './apply-pattern-facts.ts';
import type { PatternSummary } from './pattern-summary.ts';

const proposed: PatternSummary['facts'] = {
  patch: {
    version: 1,
    enforcement: { agency: { name: 'X', state: 'FL' }, eventCounty: 'Collier County', has287g: 'yes', models287g: ['JEM', 'TFM'], countyPolicyHonorsAllDetainers: 'yes' },
  },
  basis: [
    { path: 'enforcement.eventCounty', value: 'Collier County', message: { code: 'incidents:facts.eventCounty' }, reportIds: ['a'] },
    { path: 'enforcement.models287g', value: ['JEM', 'TFM'], message: { code: 'incidents:facts.models' }, reportIds: ['a'] },
    { path: 'enforcement.countyPolicyHonorsAllDetainers', value: 'yes', message: { code: 'incidents:facts.honorsAllDetainers' }, reportIds: ['a'] },
  ],
};

test('all proposed values fill an empty document; models bring has287g; the agency stays out', () => {
  const r = mergePatternFacts(undefined, proposed);
  assert.deepEqual(r.facts, {
    version: 1,
    enforcement: { eventCounty: 'Collier County', models287g: ['JEM', 'TFM'], has287g: 'yes', countyPolicyHonorsAllDetainers: 'yes' },
  });
  assert.deepEqual(r.skipped, []);
  assert.deepEqual(r.applied.map((a) => a.path), ['enforcement.eventCounty', 'enforcement.models287g', 'enforcement.has287g', 'enforcement.countyPolicyHonorsAllDetainers']);
});

test("'unknown' is filled; another answer is kept unless replace; the input is not changed", () => {
  const current = { version: 1, enforcement: { countyPolicyHonorsAllDetainers: 'unknown', has287g: 'no', eventCounty: 'Lee County' } };
  const copy = JSON.parse(JSON.stringify(current)) as typeof current;
  const r = mergePatternFacts(current, proposed);
  assert.deepEqual(r.applied, [{ path: 'enforcement.countyPolicyHonorsAllDetainers', value: 'yes', previous: 'unknown' }]);
  assert.deepEqual(r.skipped, [
    { path: 'enforcement.eventCounty', reason: 'answered', current: 'Lee County' },
    { path: 'enforcement.models287g', reason: 'answered', current: 'no' },
  ]);
  assert.deepEqual(current, copy);

  const replaced = mergePatternFacts(current, proposed, { paths: ['enforcement.models287g'], replace: true });
  assert.deepEqual(replaced.applied.map((a) => [a.path, a.previous]), [['enforcement.models287g', null], ['enforcement.has287g', 'no']]);
  assert.equal((replaced.facts.enforcement as Record<string, unknown>).eventCounty, 'Lee County', 'an unchosen value is untouched');
});

test('a value already there is same; an unknown path is notProposed', () => {
  const r = mergePatternFacts({ version: 1, enforcement: { countyPolicyHonorsAllDetainers: 'yes' } }, proposed, {
    paths: ['enforcement.countyPolicyHonorsAllDetainers', 'enforcement.patternEvidence'],
  });
  assert.deepEqual(r.applied, []);
  assert.deepEqual(r.skipped.map((s) => [s.path, s.reason]), [
    ['enforcement.countyPolicyHonorsAllDetainers', 'same'],
    ['enforcement.patternEvidence', 'notProposed'],
  ]);
});
