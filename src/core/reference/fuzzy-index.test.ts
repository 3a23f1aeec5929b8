import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FuzzyIndex } from './fuzzy-index.ts';

const names = [
  "Smith County Sheriff's Office",
  "Harris County Sheriff's Office",
  "Polk County Sheriff's Office",
  "Lake County Sheriff's Office",
  'Georgia Department of Public Safety',
  'Iowa Department of Public Safety',
  'Miami Police Department',
  'Boca Raton Police Department',
];
const index = new FuzzyIndex(names, (n) => [[n, 1]], { genericWords: ['of'], genericShare: 0.3 });
const top = (q: string) => index.search(q)[0]?.item;

test('abbreviations, case, apostrophes and typos', () => {
  assert.equal(top('smith co so'), "Smith County Sheriff's Office");
  assert.equal(top('HARRIS COUNTY SHERIFF’S OFFICE'), "Harris County Sheriff's Office");
  assert.equal(top('Harriss Cnty sheriff'), "Harris County Sheriff's Office");
  assert.equal(top('boca raton pd'), 'Boca Raton Police Department');
  assert.equal(top('bocaa'), 'Boca Raton Police Department'); // typo of a prefix-free word
});

test('a distinctive word the index knows must be found: Texas DPS is not Georgia DPS', () => {
  const hits = index.search('Texas Department of Public Safety');
  // "texas" is not in the index, so it cannot disqualify; both departments tie and neither is certain.
  assert.ok(hits.length >= 2 && hits[0]!.score === hits[1]!.score);
  const iowa = index.search('Iowa Department of Public Safety');
  assert.equal(iowa[0]!.item, 'Iowa Department of Public Safety');
  assert.ok(iowa[1]!.score < 0.5 * iowa[0]!.score, 'Georgia loses for lacking "iowa"');
});

test('generic words alone do not pick an entry', () => {
  const hits = index.search('county sheriff office');
  assert.ok(hits.length >= 4);
  assert.equal(hits[0]!.score, hits[3]!.score);
  assert.deepEqual(index.search(''), []);
});
