import { test } from 'node:test';
import assert from 'node:assert/strict';
import { editDistance, foldText, nameKey, nameTokens } from './normalize-name.ts';

test('folds accents, case, both apostrophe styles and punctuation', () => {
  assert.equal(foldText('Doña Ana'), 'dona ana');
  assert.equal(foldText("Harris County Sheriff’s Office"), foldText("Harris County Sheriff's Office"));
  assert.equal(foldText('Mayagüez  Municipio!'), 'mayaguez municipio');
});

test('expands the abbreviations people type for agencies and places', () => {
  assert.deepEqual(nameTokens('Harris Co. SO'), ['harris', 'county', 'sheriff', 'office']);
  assert.deepEqual(nameTokens('Miami PD'), ['miami', 'police', 'department']);
  assert.equal(nameKey('St. Louis'), nameKey('Saint Louis'));
  assert.equal(nameKey('Ste. Genevieve'), nameKey('Saint Genevieve'));
  assert.equal(nameKey('De Kalb'), nameKey('DeKalb'));
});

test('edit distance counts typos, transpositions and stops early past the limit', () => {
  assert.equal(editDistance('sherif', 'sheriff'), 1);
  assert.equal(editDistance('stweart', 'stewart'), 1);
  assert.equal(editDistance('alamda', 'alameda'), 1);
  assert.equal(editDistance('krome', 'tacoma', 1), 2);
});
