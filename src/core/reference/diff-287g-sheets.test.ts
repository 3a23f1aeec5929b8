import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diff287gSheets } from './diff-287g-sheets.ts';
import type { Row287g, Sheet287g } from './parse-287g-sheet.ts';

let n = 1;
function row(agency: string, model: Row287g['model'], signed: string | null, moaUrl: string | null = null, state = 'FL'): Row287g {
  return { row: ++n, state, agency, agencyType: null, county: null, model, signed, moaUrl, addendumUrl: null };
}
const sheet = (date: string, rows: Row287g[]): Sheet287g => ({ kind: 'participating', date, edition: null, source: date, blankRows: 0, rows });

test('added, removed, changed (signed date, MOA link, model, spelling) and unchanged', () => {
  const before = sheet('2025-05-16', [
    row('Same PD', 'TFM', '2025-01-01', 'https://www.ice.gov/s.pdf'),
    row('Link PD', 'TFM', '2025-01-01'),
    row('Date PD', 'WSO', '2025-02-26'),
    row('Model County Sheriff’s Office', 'WSO', '2025-03-01'),
    row('Gone PD', 'TFM', '2025-03-07'),
    row("Berrian County Sheriff's Offic", 'WSO', '2025-05-06', null, 'MI'),
  ]);
  const after = sheet('2025-07-18', [
    row("Same PD", 'TFM', '2025-01-01', 'https://www.ice.gov/s.pdf'),
    row('Link PD', 'TFM', '2025-01-01', 'https://www.ice.gov/l.pdf'),
    row('Date PD', 'WSO', '2025-02-25'),
    row("Model County Sheriff's Office", 'TFM', '2025-03-01'),
    row('New PD', 'JEM', '2025-06-25'),
    row("Berrian County Sheriff's Office", 'WSO', '2025-05-06', null, 'MI'),
  ]);
  const d = diff287gSheets(before, after);
  assert.deepEqual(d.counts, { before: 6, after: 6, added: 1, removed: 1, changed: 4, unchanged: 1 });
  assert.deepEqual(d.added.map((e) => e.agency), ['New PD']);
  assert.deepEqual(d.removed.map((e) => e.agency), ['Gone PD']);
  const byAgency = Object.fromEntries(d.changed.map((c) => [c.agency, c.changes]));
  assert.deepEqual(byAgency['Link PD'], [{ field: 'moaUrl', from: null, to: 'https://www.ice.gov/l.pdf' }]);
  assert.deepEqual(byAgency['Date PD'], [{ field: 'signed', from: '2025-02-26', to: '2025-02-25' }]);
  assert.deepEqual(byAgency["Model County Sheriff's Office"], [{ field: 'model', from: 'WSO', to: 'TFM' }]);
  assert.deepEqual(byAgency["Berrian County Sheriff's Office"], [{ field: 'agency', from: "Berrian County Sheriff's Offic", to: "Berrian County Sheriff's Office" }]);
});

test('against nothing, every agreement is added', () => {
  const d = diff287gSheets(null, sheet('2025-07-18', [row('A PD', 'TFM', null), row('B PD', 'WSO', null)]));
  assert.equal(d.from, null);
  assert.deepEqual([d.counts.added, d.counts.removed, d.counts.changed], [2, 0, 0]);
});
