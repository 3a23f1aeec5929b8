import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IDENTIFYING_FIELDS, stripIdentifying } from './identifying-fields.ts';
import { sampleReport } from './sample-report.ts';

test('the identifying fields are read from the schema: names, contacts, addresses, officers, narratives, file names', () => {
  for (const f of [
    'reporter.name',
    'reporter.contact',
    'affectedPerson.name',
    'affectedPerson.contact',
    'where.address',
    'where.placeName',
    'officers[].name',
    'officers[].badge',
    'officers[].vehicle',
    'officers[].notes',
    'contact.statedReasonDetail',
    'witnesses[].name',
    'witnesses[].statement',
    'media[].filename',
    'narrative',
  ]) {
    assert.ok(IDENTIFYING_FIELDS.includes(f), `${f} is identifying`);
  }
  for (const f of ['where.county', 'agency.name', 'outcome', 'contact.statedReason', 'demographics.ethnicity', 'media[].sha256']) {
    assert.ok(!IDENTIFYING_FIELDS.includes(f), `${f} is a statistic, not identifying`);
  }
});

test('stripping removes every identifying value and keeps the facts statistics need', () => {
  const r = sampleReport();
  const s = stripIdentifying(r);
  const text = JSON.stringify(s);
  for (const secret of ['Test Witness', '555-0100', 'Test Person', '100 Test Rd', 'Officer Example', '1234', 'Unit 56', 'taillight', 'Second Witness', 'gas station', 'stop.mp4', 'made-up narrative']) {
    assert.ok(!text.includes(secret), `${secret} was stripped`);
  }
  assert.equal(s.where.county, 'Collier County');
  assert.equal(s.outcome, 'transferred_to_ice');
  assert.equal(s.media?.[0]?.sha256, 'a'.repeat(64));
  assert.equal(s.affectedPerson, undefined, 'an empty affectedPerson is dropped');
  assert.equal(r.narrative, 'A made-up narrative for tests.', 'the input is not changed');
});
