import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { agreementsCsv, countByYear, filterAgreements, NO_FILTERS, type Agreement } from './agreements.ts';

const a = (over: Partial<Agreement>): Agreement => ({
  id: 'x',
  state: 'TX',
  agency: 'Harris County Sheriff',
  agencyType: 'County',
  county: 'Harris County',
  model: 'JEM',
  status: 'participating',
  signed: '2020-01-01',
  moaUrl: null,
  firstSeen: '2025-01-01',
  lastSeen: '2025-07-01',
  current: true,
  ...over,
});

const list = [
  a({ id: '1' }),
  a({ id: '2', state: 'FL', agency: 'Doña Ana Police', model: 'TFM', signed: '2025-03-01' }),
  a({ id: '3', state: 'FL', agency: 'Pinellas County Sheriff', model: 'WSO', signed: '2019-05-06', current: false }),
  a({ id: '4', state: 'GA', agency: 'Cobb County', model: 'TFM', signed: null }),
];

test('filters by state, model, signed dates, current, and words (accents ignored)', () => {
  assert.deepEqual(filterAgreements(list, { ...NO_FILTERS, state: 'FL' }).map((x) => x.id), ['2', '3']);
  assert.deepEqual(filterAgreements(list, { ...NO_FILTERS, model: 'TFM' }).map((x) => x.id), ['2', '4']);
  assert.deepEqual(filterAgreements(list, { ...NO_FILTERS, signedFrom: '2020-01-01', signedTo: '2024-12-31' }).map((x) => x.id), ['1']);
  assert.deepEqual(filterAgreements(list, { ...NO_FILTERS, currentOnly: true }).map((x) => x.id), ['1', '2', '4']);
  assert.deepEqual(filterAgreements(list, { ...NO_FILTERS, text: 'dona police' }).map((x) => x.id), ['2']);
  assert.equal(filterAgreements(list, NO_FILTERS).length, 4);
});

test('counts by year signed and model, zero for years between, leaving out agreements without a date', () => {
  assert.deepEqual(countByYear(list), [
    { year: 2019, JEM: 0, TFM: 0, WSO: 1, total: 1 },
    { year: 2020, JEM: 1, TFM: 0, WSO: 0, total: 1 },
    { year: 2021, JEM: 0, TFM: 0, WSO: 0, total: 0 },
    { year: 2022, JEM: 0, TFM: 0, WSO: 0, total: 0 },
    { year: 2023, JEM: 0, TFM: 0, WSO: 0, total: 0 },
    { year: 2024, JEM: 0, TFM: 0, WSO: 0, total: 0 },
    { year: 2025, JEM: 0, TFM: 1, WSO: 0, total: 1 },
  ]);
});

test('CSV has a header and one row per agreement, quoting what needs it', () => {
  const rows = parse(agreementsCsv([a({ agency: 'Smith, "Big" County' })])) as string[][];
  assert.deepEqual(rows[0], ['state', 'agency', 'agencyType', 'county', 'model', 'status', 'signed', 'current', 'firstSeen', 'lastSeen', 'moaUrl']);
  assert.equal(rows[1]![1], 'Smith, "Big" County');
  assert.equal(rows[1]![7], 'yes');
  assert.equal(rows.length, 2);
});

test('CSV survives line breaks and quotes inside a cell', () => {
  const rows = parse(agreementsCsv([a({ agency: 'Line\nBreak "Q"', county: null })])) as string[][];
  assert.equal(rows[1]![1], 'Line\nBreak "Q"');
  assert.equal(rows[1]![3], '');
});
