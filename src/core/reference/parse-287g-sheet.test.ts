import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanUrl, parse287gSheet, readSignedDate, SheetFormatError, sheetDateFromFileName, type CellValue } from './parse-287g-sheet.ts';

const states: Record<string, string> = { ALABAMA: 'AL', TEXAS: 'TX', FLORIDA: 'FL', AL: 'AL' };
const opts = { date: '2025-07-18', edition: 'pm', source: 'test.xlsx', stateCode: (s: string) => states[s.toUpperCase()] ?? null };
const HEADER: CellValue[] = ['STATE', 'LAW ENFORCEMENT AGENCY', 'TYPE', 'COUNTY', 'SUPPORT TYPE', 'SIGNED', 'MOA'];
const SAFE =
  'https://gcc02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.ice.gov%2Fdoclib%2F287gMOA%2FColbertCoSheriffsOfficeAL_WSO_MOA_05.08.25.pdf&data=05%7C02&reserved=0';

test('reads ICE defects and reports every repair with row and column', () => {
  const cells: CellValue[][] = [
    HEADER,
    ['ALABAMA', 'Colbert County Sheriff’s Office', 'County', 'Colbert County', 'Warrant Service Officer', new Date(Date.UTC(2025, 4, 8)), { text: 'link', hyperlink: SAFE }],
    [null, null, null, null, null, null, null],
    ['TEXAS', 'Smith County Sheriff\'s Office ', 'County', 'Smith County', 'Task Force Model', '7/72025', { text: 'link', hyperlink: 'http://www.ice.gov/doclib/287gMOA/x.pdf' }],
    ['FLORIDA', 'University of Florida Police Department', 'Municipality', { error: '#N/A' }, 'Jail Enforcement Model', '05/082025', 'link pending'],
  ];
  const { sheet, repairs, problems } = parse287gSheet(cells, opts);
  assert.equal(sheet.kind, 'participating');
  assert.equal(sheet.blankRows, 1);
  assert.equal(sheet.rows.length, 3);
  const [a, b, c] = sheet.rows;
  assert.deepEqual([a!.row, a!.state, a!.agency, a!.model, a!.signed], [2, 'AL', "Colbert County Sheriff's Office", 'WSO', '2025-05-08']);
  assert.equal(a!.moaUrl, 'https://www.ice.gov/doclib/287gMOA/ColbertCoSheriffsOfficeAL_WSO_MOA_05.08.25.pdf');
  assert.deepEqual([b!.row, b!.agency, b!.signed, b!.moaUrl], [4, "Smith County Sheriff's Office", '2025-07-07', 'https://www.ice.gov/doclib/287gMOA/x.pdf']);
  assert.deepEqual([c!.county, c!.signed, c!.moaUrl], [null, '2025-05-08', null]);
  const codes = repairs.map((r) => `${r.row}:${r.column}:${r.code}`);
  assert.deepEqual(codes.sort(), [
    '2:LAW ENFORCEMENT AGENCY:import.repair.apostrophe',
    '2:MOA:import.repair.safelink',
    '4:LAW ENFORCEMENT AGENCY:import.repair.whitespace',
    '4:MOA:import.repair.https',
    '4:SIGNED:import.repair.missingSlash',
    '5:COUNTY:import.repair.spreadsheetError',
    '5:SIGNED:import.repair.missingSlash',
  ]);
  const slash = repairs.find((r) => r.row === 4 && r.column === 'SIGNED')!;
  assert.deepEqual([slash.from, slash.to], ['7/72025', '2025-07-07']);
  assert.deepEqual(problems, []);
});

test('a pending sheet has no SIGNED column', () => {
  const { sheet } = parse287gSheet([['STATE', 'LAW ENFORCEMENT AGENCY', 'TYPE', 'COUNTY', 'SUPPORT TYPE'], ['ALABAMA', 'Madison County Sheriff\'s Office', 'County', 'Madison County', 'Task Force Model']], opts);
  assert.equal(sheet.kind, 'pending');
  assert.equal(sheet.rows[0]!.signed, null);
});

test('a date it cannot read is kept blank and reported, not guessed', () => {
  const { sheet, problems } = parse287gSheet([HEADER, ['TEXAS', 'X PD', 'Municipality', '', 'Task Force Model', '5025-07-07', '']], opts);
  assert.equal(sheet.rows[0]!.signed, null);
  assert.deepEqual(problems.map((p) => [p.row, p.column, p.code, p.from]), [[2, 'SIGNED', 'import.problem.unreadableDate', '5025-07-07']]);
});

test('bad rows are errors naming the row and column; nothing is returned', () => {
  const cells: CellValue[][] = [
    HEADER,
    ['ALABAMA', 'A PD', 'Municipality', '', 'Task Force Model', '2025-01-01', ''],
    ['NARNIA', 'B PD', 'Municipality', '', 'Task Force Model', '2025-01-01', ''],
    ['TEXAS', 'C PD', 'Municipality', '', 'Street Sweeping Model', '2025-01-01', ''],
  ];
  assert.throws(
    () => parse287gSheet(cells, opts),
    (e: unknown) => {
      assert.ok(e instanceof SheetFormatError);
      assert.deepEqual(e.issues.map((i) => [i.row, i.column, i.code, i.from]), [
        [3, 'STATE', 'import.error.unknownState', 'NARNIA'],
        [4, 'SUPPORT TYPE', 'import.error.unknownModel', 'Street Sweeping Model'],
      ]);
      return true;
    },
  );
});

test('a foreign file (no 287(g) header) is refused', () => {
  assert.throws(() => parse287gSheet([['name', 'email'], ['Ann', 'a@b.c']], opts), (e: unknown) => e instanceof SheetFormatError && e.issues[0]!.code === 'import.error.noHeader');
  assert.throws(() => parse287gSheet([], opts), SheetFormatError);
});

test('a participating file name with a pending sheet inside is refused', () => {
  const pending = [['STATE', 'LAW ENFORCEMENT AGENCY', 'SUPPORT TYPE'], ['ALABAMA', 'X', 'Task Force Model']];
  assert.throws(() => parse287gSheet(pending, { ...opts, kindHint: 'participating' }), (e: unknown) => e instanceof SheetFormatError && e.issues[0]!.code === 'import.error.kindMismatchNoSigned');
});

test('signed dates: ISO, text, Excel serial, two-digit years, impossible dates', () => {
  assert.deepEqual(readSignedDate('2025-05-08'), { iso: '2025-05-08', repair: null });
  assert.deepEqual(readSignedDate('5/8/2025'), { iso: '2025-05-08', repair: 'import.repair.textDate' });
  assert.deepEqual(readSignedDate('5/8/25'), { iso: '2025-05-08', repair: 'import.repair.twoDigitYear' });
  assert.deepEqual(readSignedDate(45785), { iso: '2025-05-08', repair: 'import.repair.excelSerialDate' });
  assert.deepEqual(readSignedDate('July 7, 2025'), { iso: '2025-07-07', repair: 'import.repair.textDate' });
  assert.deepEqual(readSignedDate('Sept. 3 2025').iso, '2025-09-03');
  assert.equal(readSignedDate('2/30/2025').iso, null);
  assert.equal(readSignedDate('soon').iso, null);
});

test('links: safelinks unwrapped, http→https for ice.gov only, non-links refused', () => {
  assert.equal(cleanUrl(SAFE).url, 'https://www.ice.gov/doclib/287gMOA/ColbertCoSheriffsOfficeAL_WSO_MOA_05.08.25.pdf');
  assert.deepEqual(cleanUrl('http://www.ice.gov/a.pdf'), { url: 'https://www.ice.gov/a.pdf', repairs: ['import.repair.https'] });
  assert.deepEqual(cleanUrl('http://example.org/a.pdf'), { url: 'http://example.org/a.pdf', repairs: [] });
  assert.equal(cleanUrl('link').url, null);
});

test('sheet dates from ICE file names', () => {
  assert.deepEqual(sheetDateFromFileName('participatingAgencies07182025pm.xlsx'), { date: '2025-07-18', edition: 'pm', kind: 'participating' });
  assert.deepEqual(sheetDateFromFileName('/x/pendingAgencies05152025am.xlsx'), { date: '2025-05-15', edition: 'am', kind: 'pending' });
  assert.deepEqual(sheetDateFromFileName('participatingAgencies10092026.xlsx'), { date: '2026-10-09', edition: null, kind: 'participating' });
  assert.deepEqual(sheetDateFromFileName('ice_287g_participating_2024-12-18_wayback.csv'), { date: '2024-12-18', edition: null, kind: 'participating' });
  assert.equal(sheetDateFromFileName('agencies.xlsx'), null);
  assert.equal(sheetDateFromFileName('participatingAgencies13452025.xlsx'), null);
});
