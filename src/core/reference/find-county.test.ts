import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CountyFinder, splitCensusName, splitQuery } from './find-county.ts';

const finder = new CountyFinder(
  [
    { fips: '51067', state: 'VA', name: 'Franklin County', courtId: 'vawd' },
    { fips: '51620', state: 'VA', name: 'Franklin city', courtId: 'vaed' },
    { fips: '51059', state: 'VA', name: 'Fairfax County', courtId: 'vaed' },
    { fips: '51600', state: 'VA', name: 'Fairfax city', courtId: 'vaed' },
    { fips: '51095', state: 'VA', name: 'James City County', courtId: 'vaed' },
    { fips: '22071', state: 'LA', name: 'Orleans Parish', courtId: 'laed' },
    { fips: '12086', state: 'FL', name: 'Miami-Dade County', courtId: 'flsd' },
  ],
  [['12086', 'Dade']],
);

test('Census names split into base and kind', () => {
  assert.deepEqual(splitCensusName('Fairfax city'), { base: 'fairfax', kind: 'city' });
  assert.deepEqual(splitCensusName('Juneau City and Borough'), { base: 'juneau', kind: 'city and borough' });
  assert.deepEqual(splitCensusName('Doña Ana County'), { base: 'donaana', kind: 'county' });
  assert.deepEqual(splitQuery('City of Fairfax'), { base: 'fairfax', kind: 'city' });
  assert.deepEqual(splitQuery('Alameda Co.'), { base: 'alameda', kind: 'county' });
});

test('kind words choose between a county and an independent city', () => {
  const city = finder.find('VA', 'Franklin city', '51');
  assert.equal(city.status === 'found' && city.entry.fips, '51620');
  const county = finder.find('VA', 'Franklin Co', '51');
  assert.equal(county.status === 'found' && county.entry.fips, '51067');
  // Same district: the county is chosen and the choice is said.
  const fairfax = finder.find('VA', 'Fairfax', '51');
  assert.equal(fairfax.status, 'found');
  assert.equal(fairfax.status === 'found' && fairfax.note?.code, 'reference:county.choseCounty');
  // Different districts: ambiguous.
  const franklin = finder.find('VA', 'Franklin', '51');
  assert.equal(franklin.status, 'ambiguous');
  assert.equal(franklin.status === 'ambiguous' && franklin.message.code, 'reference:county.ambiguousDistricts');
});

test('names containing a kind word, parishes by "county", aliases, typos, FIPS', () => {
  assert.equal((finder.find('VA', 'James City', '51') as { entry: { fips: string } }).entry.fips, '51095');
  assert.equal((finder.find('LA', 'Orleans County', '22') as { entry: { fips: string } }).entry.fips, '22071');
  const dade = finder.find('FL', 'Dade', '12');
  assert.equal(dade.status === 'found' && dade.note?.code, 'reference:county.matchedAlias');
  const typo = finder.find('LA', 'Orleens', '22');
  assert.equal(typo.status === 'found' && typo.note?.code, 'reference:county.matchedTypo');
  assert.equal(finder.find('VA', '620', '51').status, 'found');
  assert.equal(finder.find('LA', '51620', '22').status, 'not_found');
  assert.equal(finder.find('VA', 'Atlantis', '51').status, 'not_found');
  assert.equal(finder.find('VA', '  ', '51').status, 'not_found');
});
