/**
 * Browser journey for jobs (issue 5) on a 375 px screen, by keyboard where it matters: an admin opens the Jobs
 * screen, uploads a 2-row batch CSV, waits while the page checks on the job, and downloads the zip (checked: a zip
 * holding each row's packet folder and batch-errors.csv); then checks a 287(g) sheet without storing it (dry run)
 * and reads the import report. The screen in Spanish too. Axe on each state must report no WCAG 2.1 A/AA violation.
 * Same harness as journeys.test.ts (the real `writ serve`, which runs the job workers).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { checkA11y, errors, newPage, openWorld, SEED, shot, signIn, type World } from './harness.ts';
import { text } from './interview-driver.ts';

/** A jobs: message as the screen shows it (placeholders left out: callers match the fixed part). */
const jobs = (lang: 'en' | 'es', key: string): string => text(lang, 'jobs', key);
const fixedPart = (s: string) => s.split('{{')[0]!.trim();

let world: World;
before(async () => {
  world = await openWorld();
});
after(async () => {
  await world?.close();
});


const CSV =
  [
    'id,name,form,receipt_number,filed_date,office_name,interview_date,biometrics_done,rfe_all_answered,applicant_caused_delay,other_remedy_pending,inquiries,queue_order,agency_statement,last_agency_action_date,harm_work,residence_state,residence_county,city,adjudicate_within_days,analysis_date,filing_date',
    'e1,Ana Uno Webjob,I-485,MSC1990000001,2019-01-12,San Jose Field Office,2021-06-01,yes,yes,no,no,yes,none,pending_background_checks,2021-09-15,yes,CA,Santa Clara County,San Jose,30,2026-06-15,2026-06-15',
    'e2,Ben Dos Webjob,I-485,MSC1990000002,2018-02-13,San Jose Field Office,2020-06-01,yes,yes,no,no,yes,none,pending_background_checks,2020-09-15,yes,CA,Santa Clara County,San Jose,30,2026-06-15,2026-06-15',
  ].join('\n') + '\n';

// ICE's typing slip (8/202025: the slash before the year is missing) is repaired and reported.
const SHEET =
  'STATE,LAW ENFORCEMENT AGENCY,TYPE,COUNTY,SUPPORT TYPE,SIGNED,MOA\nTEXAS,Smith County Sheriff’s Office,County,Smith County,Warrant Service Officer,8/202025,link pending\n';

test('jobs at 375 px: a 2-row batch CSV becomes a zip of packets; a 287(g) sheet is checked and its report read', async () => {
  const page = await newPage(world, { width: 375, height: 812 });
  await signIn(world, page, SEED.admin);

  // The Jobs link, by keyboard.
  const link = page.getByRole('link', { name: jobs('en', 'nav'), exact: true });
  await link.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: jobs('en', 'title') }).waitFor();
  assert.ok(await page.getByText('filer_bar_number').isVisible(), 'the batch columns are listed');
  await checkA11y(page, 'jobs screen (375 px)');

  // Submitting without a file says what to do, tied to the field.
  await page.getByRole('button', { name: jobs('en', 'batch.submit') }).press('Enter');
  await page.getByText(jobs('en', 'batch.chooseFile')).waitFor();
  const fileInput = page.getByLabel(jobs('en', 'batch.file'));
  assert.equal(await fileInput.getAttribute('aria-invalid'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'jobs-batch-file', 'focus moved to the file field');

  await fileInput.setInputFiles({ name: 'clients.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await page.getByLabel(jobs('en', 'batch.formats')).selectOption('docx');
  await page.getByRole('button', { name: jobs('en', 'batch.submit') }).press('Enter');
  await page.getByText(jobs('en', 'batch.queued')).waitFor();

  // The page checks on the job by itself until the zip can be downloaded.
  const download = page.getByRole('button', { name: new RegExp(fixedPart(jobs('en', 'list.download')).replace(/[()]/g, '\\$&')) });
  await download.waitFor({ timeout: 180_000 });
  await page.getByText(/2 rows: 2 packets made, 0 rows not used/).waitFor();
  await checkA11y(page, 'jobs screen with a finished batch');
  await shot(page, 'jobs', 'batch-done-375');
  await download.focus();
  const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.match(file.suggestedFilename(), /^packets-.*\.zip$/);
  const bytes = await readFile((await file.path())!);
  assert.deepEqual([...bytes.subarray(0, 2)], [0x50, 0x4b], 'a zip file');
  const zip = await JSZip.loadAsync(bytes);
  for (const id of ['e1', 'e2']) {
    assert.ok(zip.file(`${id}/manifest.json`), `${id}/manifest.json in the zip`);
    assert.ok(zip.file(new RegExp(`^${id}/.*\\.docx$`)).length > 0, `${id} has its documents`);
  }
  assert.equal((await zip.file('batch-errors.csv')!.async('string')).trim(), 'row,id,message', 'no row failed');

  // An admin checks a 287(g) sheet without storing it; the report lists the repair by row.
  await page.getByLabel(jobs('en', 'import.file')).setInputFiles({ name: 'participatingAgencies09012025.csv', mimeType: 'text/csv', buffer: Buffer.from(SHEET) });
  await page.getByLabel(jobs('en', 'import.dryRun')).check();
  await page.getByRole('button', { name: jobs('en', 'import.submit') }).press('Enter');
  await page.getByText(jobs('en', 'import.queued')).waitFor();
  const show = page.getByRole('button', { name: new RegExp(fixedPart(jobs('en', 'list.showReport'))) });
  await show.waitFor({ timeout: 120_000 });
  await page.getByText(/Sheet of 2025-09-01: 1 agreements, \d+ repairs, 0 problems/).waitFor();
  await page.getByText(jobs('en', 'list.dryRun')).waitFor();
  await show.press('Enter');
  await page.getByRole('heading', { name: jobs('en', 'list.reportHeading') }).waitFor();
  await page.getByText(jobs('en', 'list.noProblems')).waitFor();
  await page.getByText(/row 2, SIGNED: .*"8\/202025" → "2025-08-20"/).waitFor();
  await checkA11y(page, 'jobs screen with an import report');
  await shot(page, 'jobs', 'import-report-375');

  // The same screen in Spanish.
  await page.getByRole('button', { name: 'Español' }).click();
  await page.getByRole('heading', { level: 1, name: jobs('es', 'title') }).waitFor();
  await page.getByText(/2 filas: 2 paquetes hechos/).waitFor();
  await checkA11y(page, 'pantalla de tareas (375 px)');
  await shot(page, 'jobs', 'jobs-es-375');

  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `no sideways scrolling at 375 px (page is ${width} px wide)`);
  assert.ok(!world.serverLog().includes('Webjob'), 'client names never reach the server log');
  assert.deepEqual(errors, []);
});
