import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agencyStatusOnDate, agreementId, buildHistory } from './history-287g.ts';
import type { Row287g, Sheet287g } from './parse-287g-sheet.ts';

function row(agency: string, model: Row287g['model'], signed: string | null, moaUrl: string | null = null): Row287g {
  return { row: 2, state: 'TX', agency, agencyType: 'County', county: 'Smith County', model, signed, moaUrl, addendumUrl: null };
}
const sheet = (date: string, rows: Row287g[], kind: Sheet287g['kind'] = 'participating'): Sheet287g => ({ kind, date, edition: null, source: `${kind}-${date}`, blankRows: 0, rows });

// Three sheets: A is listed throughout; B is withdrawn after the first; C is new in the last; D is pending only.
const sheets = [
  sheet('2025-07-18', [row('Alpha County Sheriff’s Office', 'JEM', '2020-06-09', 'https://www.ice.gov/a2.pdf'), row('Gamma PD', 'TFM', '2025-06-01')]),
  sheet('2024-12-18', [row("Alpha County Sheriff's Office", 'JEM', '2020-06-09'), row('Beta PD', 'WSO', '2019-05-06')]),
  sheet('2025-05-16', [row("Alpha County Sheriff's Office", 'JEM', '2020-06-09', 'https://www.ice.gov/a.pdf')]),
  sheet('2025-07-18', [row('Delta PD', 'WSO', null)], 'pending'),
];
const h = buildHistory(sheets, () => '48423');
const get = (agency: string, model: string) => h.agreements.find((a) => a.id === agreementId('TX', agency, model))!;
const status = (agency: string, model: string, on: string) => agencyStatusOnDate({ agency, state: 'TX', countyFips: null }, [get(agency, model)], on, h);

test('ids ignore apostrophe style and case, so the same agreement is followed across sheets', () => {
  assert.equal(agreementId('TX', "Alpha County Sheriff's Office", 'JEM'), agreementId('TX', 'ALPHA COUNTY SHERIFF’S OFFICE', 'JEM'));
  assert.equal(h.agreements.length, 4);
  assert.deepEqual(h.participatingDates, ['2024-12-18', '2025-05-16', '2025-07-18']);
});

test('first and last seen, current, and changes between sheets', () => {
  const a = get("Alpha County Sheriff's Office", 'JEM');
  assert.deepEqual([a.firstSeen, a.lastSeen, a.current, a.status], ['2024-12-18', '2025-07-18', true, 'participating']);
  assert.deepEqual(a.listedOn, ['2024-12-18', '2025-05-16', '2025-07-18']);
  assert.equal(a.moaUrl, 'https://www.ice.gov/a2.pdf');
  assert.deepEqual(
    a.changes!.filter((c) => c.field === 'moaUrl').map((c) => [c.sheetDate, c.from, c.to]),
    [
      ['2025-05-16', null, 'https://www.ice.gov/a.pdf'],
      ['2025-07-18', 'https://www.ice.gov/a.pdf', 'https://www.ice.gov/a2.pdf'],
    ],
  );
  const b = get('Beta PD', 'WSO');
  assert.deepEqual([b.firstSeen, b.lastSeen, b.current], ['2024-12-18', '2024-12-18', false]);
  const d = get('Delta PD', 'WSO');
  assert.deepEqual([d.status, d.current, d.listedOn], ['pending', true, []]);
});

test('status on a date: listed on both sides → yes', () => {
  assert.equal(status("Alpha County Sheriff's Office", 'JEM', '2025-03-01').hadAgreement, 'yes');
});

test('status on a date: signed before the first sheet and listed on it → yes; before any sheet otherwise → unknown', () => {
  assert.equal(status("Alpha County Sheriff's Office", 'JEM', '2021-01-01').hadAgreement, 'yes');
  // Signed after the date, but an earlier agreement that ended before the first sheet would not show.
  const early = status("Alpha County Sheriff's Office", 'JEM', '2020-01-01');
  assert.equal(early.hadAgreement, 'unknown');
  assert.equal(early.explanationCode!.code, 'reference:agency.status.beforeFirst');
});

test('status on a date: withdrawn between two sheets → unknown, with the reason', () => {
  const s = status('Beta PD', 'WSO', '2025-02-01');
  assert.equal(s.hadAgreement, 'unknown');
  assert.equal(s.explanationCode!.code, 'reference:agency.reason.withdrawnBetween');
  assert.equal(status('Beta PD', 'WSO', '2024-12-18').hadAgreement, 'yes');
});

test('status on a date: a new agreement counts from its signed date', () => {
  assert.equal(status('Gamma PD', 'TFM', '2025-05-31').hadAgreement, 'no');
  assert.equal(status('Gamma PD', 'TFM', '2025-06-02').hadAgreement, 'yes');
});

test('after the newest sheet: listed → yes (with the staleness warning); not listed → unknown', () => {
  const yes = status("Alpha County Sheriff's Office", 'JEM', '2026-01-01');
  assert.equal(yes.hadAgreement, 'yes');
  assert.equal(yes.warnings![0]!.code, 'reference:warning.sheetsFastMoving');
  assert.equal(status('Beta PD', 'WSO', '2026-01-01').hadAgreement, 'unknown');
  const none = agencyStatusOnDate({ agency: 'Nobody', state: 'TX', countyFips: null }, [], '2026-01-01', h);
  assert.equal(none.hadAgreement, 'unknown');
  assert.equal(agencyStatusOnDate({ agency: 'Nobody', state: 'TX', countyFips: null }, [], '2025-06-01', h).hadAgreement, 'no');
});

test('a pending-only agency has no agreement, and the pending request is shown as a warning', () => {
  const s = agencyStatusOnDate({ agency: 'Delta PD', state: 'TX', countyFips: null }, [get('Delta PD', 'WSO')], '2025-07-18', h);
  assert.equal(s.hadAgreement, 'no');
  assert.ok(s.warnings!.some((w) => w.code === 'reference:warning.pending'));
});

test('a corrected spelling between sheets keeps one agreement, with the rename recorded', () => {
  const mi = (agency: string): Row287g => ({ ...row(agency, 'WSO', '2025-05-06'), state: 'MI', county: 'Berrien County' });
  const hist = buildHistory(
    [
      sheet('2025-05-16', [mi("Berrian County Sheriff's Offic")]),
      sheet('2025-07-18', [mi("Berrian County Sheriff's Office")]),
    ],
    () => null,
  );
  assert.equal(hist.agreements.length, 1);
  const a = hist.agreements[0]!;
  assert.deepEqual([a.agency, a.firstSeen, a.lastSeen, a.current], ["Berrian County Sheriff's Office", '2025-05-16', '2025-07-18', true]);
  assert.deepEqual(a.changes!.map((c) => [c.field, c.from, c.to]), [['agency', "Berrian County Sheriff's Offic", "Berrian County Sheriff's Office"]]);
});
