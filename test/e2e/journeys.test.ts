/**
 * Browser journeys, as a person would use Writ: one real server on the embedded database and one Chromium for all
 * of them (see harness.ts). Axe runs on every screen the journeys visit and must report no WCAG 2.1 A/AA violation;
 * screenshots of each journey's key screens are saved under test-artifacts/e2e/.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, axe, checkA11y, errors, newPage, openWorld, ROOT, SEED, shot, signIn, type World } from './harness.ts';
import { initialJs, INITIAL_JS_BUDGET_BYTES } from './initial-js-size.ts';
import { answerInterview, text, ui, type Answer } from './interview-driver.ts';
import { F4 } from './facts-f4.ts';

let world: World;
before(async () => {
  world = await openWorld();
});
after(async () => {
  await world?.close();
});


async function startCase(page: Page, lang: 'en' | 'es', choice: string, title: string): Promise<string> {
  await page.getByRole('link', { name: ui(lang, 'dashboard.newCase') }).click();
  await page.getByRole('heading', { level: 1, name: ui(lang, 'newCase.title') }).waitFor();
  await page.getByRole('radio', { name: new RegExp(escapeRe(ui(lang, `newCase.choices.${choice}.label`))) }).check();
  await page.getByLabel(ui(lang, 'newCase.caseTitle')).fill(title);
  await page.getByRole('button', { name: ui(lang, 'newCase.start') }).click();
  await page.getByRole('heading', { level: 1, name: ui(lang, 'interview.title') }).waitFor();
  await page.locator('form.question-form').waitFor();
  const m = /\/cases\/([^/]+)\/interview/.exec(page.url());
  assert.ok(m, 'the interview has the case id in its address');
  return m[1]!;
}

/** A Spanish message from another namespace than web (e.g. uscis). */
const es = (ns: string, key: string): string => text('es', ns, key);

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** YYYY-MM-DDTHH:MM, local time, `days` from now. */
function localDateTime(days: number, hour: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(hour)}:00`;
}

async function openAnalysis(page: Page, lang: 'en' | 'es'): Promise<void> {
  await page.getByRole('link', { name: ui(lang, 'caseNav.analysis') }).first().click();
  await page.getByRole('heading', { level: 1, name: ui(lang, 'analysis.title') }).waitFor();
  await page.getByRole('heading', { level: 2, name: ui(lang, 'analysis.remediesTitle') }).waitFor();
}

/** Builds the packet, checks the privacy step comes first, and downloads one document and the zip. */
async function downloadPacket(page: Page, lang: 'en' | 'es', journey: string, docTitle: RegExp): Promise<void> {
  await page.getByRole('link', { name: ui(lang, 'caseNav.packet') }).first().click();
  await page.getByRole('heading', { level: 1, name: ui(lang, 'packet.title') }).waitFor();
  await checkA11y(page, 'packet');
  await page.getByRole('button', { name: ui(lang, 'packet.build') }).click();
  await page.getByRole('heading', { level: 2, name: ui(lang, 'packet.privacyTitle') }).waitFor({ timeout: 120_000 });
  // Downloads stay disabled until the privacy check has been read.
  const pdf = page.getByRole('button', { name: new RegExp(`^${escapeRe(ui(lang, 'packet.download').split('{{')[0]!)}PDF: .*(?:${docTitle.source})`, 'i') }).first();
  assert.equal(await pdf.isDisabled(), true);
  await checkA11y(page, 'packet built');
  await shot(page, journey, 'packet-privacy');
  await page.getByRole('checkbox', { name: ui(lang, 'packet.reviewed') }).check();
  const [file] = await Promise.all([page.waitForEvent('download'), pdf.click()]);
  const saved = join(ARTIFACTS, journey, file.suggestedFilename());
  await file.saveAs(saved);
  assert.match(file.suggestedFilename(), /\.pdf$/);
  assert.equal(readFileSync(saved).subarray(0, 5).toString('latin1'), '%PDF-');
  const [zip] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: ui(lang, 'packet.zip') }).click()]);
  const zipPath = join(ARTIFACTS, journey, zip.suggestedFilename());
  await zip.saveAs(zipPath);
  assert.equal(readFileSync(zipPath).subarray(0, 2).toString('latin1'), 'PK');
  await page.getByText(ui(lang, 'packet.zipped')).waitFor();
  await shot(page, journey, 'packet-downloaded');
}

function remedyCard(page: Page, titleRe: RegExp) {
  return page.locator('section.remedy').filter({ has: page.getByRole('heading', { level: 3, name: titleRe }) });
}

let f6CaseId = '';

// F6 (SPEC §8): county hold on a detainer, no 287(g); the person should have gone free yesterday at 5 p.m.
const F6: Record<string, Answer> = {
  'detention.facility.name': 'Lehigh County Jail',
  'detention.facility.state': 'PA',
  'detention.facility.county': 'Lehigh County',
  'detention.releaseEligibleAt': localDateTime(-1, 17),
  'detention.heldSolelyOnDetainer': 'yes',
  'detainer.warrant': 'I-200',
  'detainer.form': 'I-247A',
  'detainer.basis': 'database_match_only',
  'enforcement.has287g': 'no',
  'detention.iceTookCustody': 'no',
  'enforcement.countyPolicyHonorsAllDetainers': 'yes',
  'person.citizenship': 'lpr',
};

test('journey 1: F6 detainer-hold emergency, from "what happened?" to a downloaded habeas packet', async () => {
  const page = await newPage(world);
  await signIn(world, page, SEED.admin);
  await checkA11y(page, 'dashboard');
  await shot(page, 'f6', '01-dashboard');
  await page.getByRole('link', { name: ui('en', 'dashboard.newCase') }).click();
  await page.getByRole('heading', { level: 1, name: ui('en', 'newCase.title') }).waitFor();
  await checkA11y(page, 'start a case');
  // Submitting empty: errors announced and tied to their fields.
  await page.getByRole('button', { name: ui('en', 'newCase.start') }).click();
  await page.getByRole('alert').filter({ hasText: ui('en', 'newCase.fixErrors') }).waitFor();
  const group = page.getByRole('group', { name: ui('en', 'newCase.whatHappened') });
  assert.equal(await group.getAttribute('aria-invalid'), 'true');
  await checkA11y(page, 'start a case with errors');
  await shot(page, 'f6', '02-what-happened-errors');
  await page.goto(world.baseUrl + '/');
  const caseId = await startCase(page, 'en', 'iceHold', 'F6 hold');
  f6CaseId = caseId;
  await page.getByRole('heading', { level: 2, name: ui('en', 'analysis.getLawyerTitle') }).waitFor();
  await checkA11y(page, 'interview');
  await shot(page, 'f6', '03-interview');
  // The county question has a lookup: type the county, see its federal court, use the reference spelling.
  await answerInterview(page, 'en', F6, { stopAfter: 'detention.facility.name' });
  const form = page.locator('form.question-form');
  await form.getByLabel(ui('en', 'fields.detention.facility.county.label'), { exact: true }).fill('Lehigh');
  await form.getByRole('button', { name: ui('en', 'lookup.county.button') }).click();
  await form.getByText(/Eastern District of Pennsylvania/).waitFor();
  await form.getByRole('button', { name: ui('en', 'lookup.useName') }).first().click();
  assert.equal(await form.getByLabel(ui('en', 'fields.detention.facility.county.label'), { exact: true }).inputValue(), 'Lehigh County');
  await checkA11y(page, 'interview county lookup');
  await shot(page, 'f6', '03b-county-lookup');
  await answerInterview(page, 'en', F6);
  await checkA11y(page, 'interview done');
  await shot(page, 'f6', '04-interview-done');
  await openAnalysis(page, 'en');
  // For anyone detained, "get a lawyer now" comes before anything else.
  const first = page.locator('main h2').first();
  assert.equal((await first.innerText()).trim(), ui('en', 'analysis.getLawyerTitle'));
  const habeas = remedyCard(page, /habeas/i);
  await habeas.waitFor();
  assert.match(await habeas.locator('.badge').innerText(), new RegExp(ui('en', 'viability.viable')));
  await checkA11y(page, 'analysis');
  await shot(page, 'f6', '05-analysis');
  await downloadPacket(page, 'en', 'f6', /habeas/);
  assert.deepEqual(errors, []);
});

test('journey 2: F4 stuck adjustment to a downloaded mandamus/APA packet', async () => {
  const page = await newPage(world);
  await signIn(world, page, SEED.admin);
  await startCase(page, 'en', 'stuckApplication', 'F4 adjustment');
  await checkA11y(page, 'interview (stuck application)');
  await shot(page, 'f4', '01-interview');
  await answerInterview(page, 'en', F4);
  await openAnalysis(page, 'en');
  const apa = remedyCard(page, /706\(1\)|APA/);
  await apa.first().waitFor();
  assert.match(await apa.first().locator('.badge').innerText(), new RegExp(ui('en', 'viability.viable')));
  // The TRAC factors are a table.
  assert.ok((await page.locator('table.trac').count()) > 0, 'a TRAC table is shown');
  await checkA11y(page, 'analysis (F4)');
  await shot(page, 'f4', '02-analysis');
  await downloadPacket(page, 'en', 'f4', /mandamus|complaint/);
  assert.deepEqual(errors, []);
});

// F1 (SPEC §8): LPR in Alameda County, N-400 interview Sept. 10, 2025, no decision, no N-14, no removal proceedings.
const F1: Record<string, Answer> = {
  'benefitRequest.form': 'N-400',
  'benefitRequest.agency': 'uscis',
  'benefitRequest.office.type': 'field_office',
  'benefitRequest.office.name': 'San Francisco Field Office',
  'benefitRequest.filedDate': '2025-03-03',
  'benefitRequest.interviewHeld': 'yes',
  'benefitRequest.interviewDate': '2025-09-10',
  'benefitRequest.n14Issued': 'no',
  'benefitRequest.applicantCausedDelay': 'no',
  'person.citizenship': 'lpr',
  'person.custody': 'not_detained',
  'person.residence.state': 'CA',
  'person.residence.county': 'Alameda County',
  'removal.proceedings': 'none',
};

test('journey 3: F1 in Spanish, switching language mid-answer without losing it', async () => {
  const page = await newPage(world, { width: 375, height: 812 });
  await signIn(world, page, SEED.admin, 'es');
  assert.equal(await page.locator('html').getAttribute('lang'), 'es');
  await startCase(page, 'es', 'stuckApplication', 'F1 naturalización');
  await checkA11y(page, 'entrevista (375 px)');
  await shot(page, 'f1-es', '01-entrevista-375');
  // The form question has the USCIS lookup: what Writ knows about the N-400, in Spanish.
  const q1 = page.locator('form.question-form');
  await q1.getByRole('radio', { name: ui('es', 'fields.benefitRequest.form.options.N-400'), exact: true }).check();
  await q1.getByRole('button', { name: es('uscis', 'ui.button') }).click();
  const card = q1.locator('.lookup-card');
  await card.getByText(es('uscis', 'forms.N-400.name'), { exact: false }).first().waitFor();
  await card.getByText(/1447\(b\)/).first().waitFor();
  await card.getByRole('link', { name: new RegExp(escapeRe(es('uscis', 'ui.processingTimesLink'))) }).waitFor();
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(wide <= 0, `the USCIS lookup scrolls sideways by ${wide}px at 375 px`);
  await checkA11y(page, 'búsqueda USCIS (375 px)');
  await shot(page, 'f1-es', '01b-busqueda-uscis-375');
  // Type an answer, switch to English and back: the typed answer stays.
  await answerInterview(page, 'es', F1, { stopAfter: 'benefitRequest.form' });
  const text = page.locator('form.question-form input[type="text"], form.question-form input[type="date"]').first();
  if ((await text.count()) > 0 && (await text.getAttribute('type')) === 'text') {
    await text.fill('Oficina de prueba');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: ui('en', 'interview.saveAndContinue') }).waitFor();
    assert.equal(await text.inputValue(), 'Oficina de prueba');
    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('button', { name: ui('es', 'interview.saveAndContinue') }).waitFor();
    assert.equal(await text.inputValue(), 'Oficina de prueba');
    await text.fill('');
  }
  await answerInterview(page, 'es', F1);
  await openAnalysis(page, 'es');
  const natz = remedyCard(page, /1447/);
  await natz.waitFor();
  assert.match(await natz.locator('.badge').innerText(), new RegExp(ui('es', 'viability.viable')));
  // No horizontal scrolling at 375 px.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the analysis scrolls sideways by ${overflow}px at 375 px`);
  await checkA11y(page, 'análisis (375 px)');
  await shot(page, 'f1-es', '02-analisis-375');
  assert.deepEqual(errors, []);
});

test('journey 4: leave an interview and resume it where it stopped; go back and change an answer, by keyboard', async () => {
  const page = await newPage(world);
  await signIn(world, page, SEED.admin);
  const title = `Resume me ${Date.now()}`;
  const caseId = await startCase(page, 'en', 'stuckApplication', title);
  const asked = await answerInterview(page, 'en', { 'benefitRequest.form': 'I-130', 'benefitRequest.agency': 'uscis' }, { max: 2 });
  assert.deepEqual(asked.slice(0, 2), ['benefitRequest.form', 'benefitRequest.agency']);
  const nextLabel = (await page.locator('form.question-form .question-label').first().innerText()).trim();

  // Leave: sign out, sign in again, open the case from the dashboard.
  await page.getByRole('button', { name: ui('en', 'nav.signOut') }).click();
  await page.getByRole('heading', { level: 1, name: ui('en', 'signIn.title') }).waitFor();
  await signIn(world, page, SEED.admin);
  await page.getByRole('link', { name: title }).click();
  await page.getByRole('heading', { level: 1, name: ui('en', 'interview.title') }).waitFor();
  await page.locator('form.question-form').waitFor();
  assert.equal((await page.locator('form.question-form .question-label').first().innerText()).trim(), nextLabel, 'resumes at the first unanswered question');
  assert.ok(page.url().includes(caseId));
  await shot(page, 'resume', '01-resumed');

  // Back, by keyboard only: Tab to "Back", press Enter; the previous answer is shown, change it, save with Enter.
  const focusOn = async (name: string) => {
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const label = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText?.trim() ?? '');
      if (label === name) return;
    }
    throw new Error(`could not reach "${name}" with Tab`);
  };
  await focusOn(ui('en', 'interview.back'));
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 2, name: ui('en', 'interview.changeAnswer') }).waitFor();
  const agency = page.getByRole('radio', { name: ui('en', 'fields.benefitRequest.agency.options.uscis'), exact: true });
  await page.waitForFunction(() => document.querySelectorAll('form.question-form input[type=radio]:checked').length === 1);
  assert.equal(await agency.isChecked(), true, 'the saved answer is shown');
  // Arrow keys move within the radio group.
  await agency.focus();
  await page.keyboard.press('ArrowDown');
  const chosen = page.getByRole('radio', { name: ui('en', 'fields.benefitRequest.agency.options.state_department'), exact: true });
  assert.equal(await chosen.isChecked(), true);
  await focusOn(ui('en', 'interview.saveAndContinue'));
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: ui('en', 'fields.benefitRequest.agency.label') }).waitFor();
  const answers = page.locator('section.answers');
  await answers.getByText(ui('en', 'fields.benefitRequest.agency.options.state_department')).waitFor();

  // A wrong date is announced and tied to its field.
  await page.getByRole('button', { name: `${ui('en', 'interview.change')}: ${ui('en', 'fields.benefitRequest.form.label')}` }).waitFor();
  await checkA11y(page, 'interview after a change');
  await shot(page, 'resume', '02-changed');

  // The history shows each revision.
  await page.getByRole('link', { name: ui('en', 'caseNav.history') }).click();
  await page.getByRole('heading', { level: 1, name: ui('en', 'history.title') }).waitFor();
  await page.locator('ol.history > li').first().waitFor();
  assert.equal(await page.locator('ol.history > li').count(), 4, 'one revision per saved answer: start, form, agency, agency changed');
  await checkA11y(page, 'history');
  await shot(page, 'resume', '03-history');
  assert.deepEqual(errors, []);
});

test('journey 5: a user of another organization cannot see the case', async () => {
  const page = await newPage(world);
  await signIn(world, page, SEED.admin);
  const title = `Org A only ${Date.now()}`;
  const caseId = await startCase(page, 'en', 'somethingElse', title);
  await page.getByRole('button', { name: ui('en', 'nav.signOut') }).click();
  await page.getByRole('heading', { level: 1, name: ui('en', 'signIn.title') }).waitFor();
  await signIn(world, page, SEED.otherOrg);
  await checkA11y(page, 'dashboard of the other organization');
  assert.equal(await page.getByRole('link', { name: title }).count(), 0, 'the case is not listed');
  await page.goto(`${world.baseUrl}/cases/${caseId}/analysis`);
  await page.getByRole('alert').filter({ hasText: ui('en', 'errors.notFound') }).waitFor();
  await checkA11y(page, 'someone else’s case');
  await shot(page, 'other-org', '01-not-found');
  const status = await page.evaluate(async (id) => (await fetch(`/api/cases/${id}`)).status, caseId);
  assert.equal(status, 404);
  assert.deepEqual(errors, []);
});

test('journey 7: an agency\'s 287(g) status on the date of the events, looked up inside the interview', async () => {
  const page = await newPage(world);
  await signIn(world, page, SEED.admin);
  await startCase(page, 'en', 'stopped287g', `287(g) stop ${Date.now()}`);
  await answerInterview(page, 'en', { 'enforcement.agency.state': 'GA', 'enforcement.eventDate': '2025-08-01' }, { stopAfter: 'enforcement.eventDate' });
  const form = page.locator('form.question-form');
  const name = form.getByLabel(ui('en', 'fields.enforcement.agency.name.label'), { exact: true });
  await name.fill('Harris County Sheriff');
  await form.getByRole('button', { name: ui('en', 'lookup.agency.button') }).click();
  // GA's Harris County Sheriff's Office signed a WSO agreement on May 22, 2025 (ICE sheet of July 18, 2025).
  await form.getByText(ui('en', 'lookup.agency.had.yes').split('{{')[0]!.trim()).waitFor();
  await form.getByText(/WSO/).first().waitFor();
  await form.getByRole('button', { name: ui('en', 'lookup.useName') }).click();
  assert.equal(await name.inputValue(), "Harris County Sheriff's Office");
  await checkA11y(page, 'interview agency lookup');
  await shot(page, 'lookups', '01-agency-287g');
  assert.deepEqual(errors, []);
});

test('journey 6: sign-in errors, deadlines with .ics, evidence by drag and drop and file picker, and the 287(g) page', async () => {
  assert.ok(f6CaseId, 'journey 1 made the F6 case');
  const page = await newPage(world);
  await page.goto(world.baseUrl + '/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByRole('heading', { level: 1, name: ui('en', 'signIn.title') }).waitFor();
  await checkA11y(page, 'sign in');
  // A wrong password: the error is announced; an empty email is tied to its field.
  await page.getByRole('button', { name: ui('en', 'signIn.submit') }).click();
  const email = page.getByLabel(ui('en', 'signIn.email'));
  assert.equal(await email.getAttribute('aria-invalid'), 'true');
  const described = (await email.getAttribute('aria-describedby')) ?? '';
  assert.equal((await page.locator(`[id="${described}"]`).innerText()).trim(), ui('en', 'signIn.emailInvalid'));
  await email.fill(SEED.admin.email);
  await page.getByLabel(ui('en', 'signIn.password')).fill('not the password');
  await page.getByRole('button', { name: ui('en', 'signIn.submit') }).click();
  await page.getByRole('alert').waitFor();
  await checkA11y(page, 'sign in with errors');
  await shot(page, 'more', '01-sign-in-error');
  await signIn(world, page, SEED.admin);
  // 21 newer open cases (through the API, as the app does), so the F6 case is not among the 20 most recently changed:
  // its deadline (the hold limit, from the analysis only) must still put it first.
  const made = await page.evaluate(async () => {
    const { csrfToken } = await (await fetch('/api/auth/csrf')).json();
    let n = 0;
    for (let i = 0; i < 21; i++) {
      const r = await fetch('/api/cases', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken },
        body: JSON.stringify({ title: `Newer case ${i + 1}`, facts: { version: 1 } }),
      });
      if (r.status === 201) n++;
    }
    return n;
  });
  assert.equal(made, 21);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: ui('en', 'dashboard.title') }).waitFor();
  // The dashboard lists the case with the nearest deadline (the F6 detainer hold limit) first.
  const firstRow = page.locator('table.cases tbody tr').first();
  await firstRow.waitFor();
  assert.equal((await firstRow.locator('th a').first().innerText()).trim(), 'F6 hold');
  assert.notEqual((await firstRow.locator('td').first().innerText()).trim(), ui('en', 'dashboard.noDeadline'));
  await shot(page, 'more', '01b-dashboard-deadlines-first');

  // Deadlines: the F6 hold limit from the analysis, in a list and in the month view; the calendar as .ics.
  await page.goto(`${world.baseUrl}/cases/${f6CaseId}/deadlines`);
  await page.getByRole('heading', { level: 1, name: ui('en', 'deadlines.title') }).waitFor();
  await page.locator('ul.deadline-list li').first().waitFor();
  assert.ok((await page.locator('table.calendar td.has-deadline').count()) > 0, 'the month view marks the deadline');
  await checkA11y(page, 'deadlines');
  await shot(page, 'more', '02-deadlines');
  const [ics] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: ui('en', 'deadlines.ics') }).click()]);
  const icsPath = join(ARTIFACTS, 'more', ics.suggestedFilename());
  await ics.saveAs(icsPath);
  assert.match(readFileSync(icsPath, 'utf8'), /BEGIN:VCALENDAR/);
  // Recording that the petition was filed adds the deadlines it starts; a missing date is tied to its field.
  const rowsBefore = await page.locator('ul.deadline-list > li').count();
  await page.getByLabel(ui('en', 'deadlines.record.kind')).selectOption('complaint-filed');
  await page.getByRole('button', { name: ui('en', 'deadlines.record.submit') }).click();
  assert.equal(await page.getByLabel(ui('en', 'deadlines.record.date')).getAttribute('aria-invalid'), 'true');
  await page.getByLabel(ui('en', 'deadlines.record.date')).fill(new Date().toISOString().slice(0, 10));
  await page.getByRole('button', { name: ui('en', 'deadlines.record.submit') }).click();
  await page.getByRole('status').filter({ hasText: ui('en', 'deadlines.record.saved') }).waitFor();
  await page.waitForFunction((n) => document.querySelectorAll('ul.deadline-list > li').length > n, rowsBefore);
  await checkA11y(page, 'deadlines after recording an event');

  // Evidence: one file by the file picker, one by drag and drop; the SHA-256 matches; the chain of custody shows "added".
  await page.goto(`${world.baseUrl}/cases/${f6CaseId}/evidence`);
  await page.getByRole('heading', { level: 1, name: ui('en', 'evidence.title') }).waitFor();
  await checkA11y(page, 'evidence (empty)');
  const content = 'Detainer I-247A received by the jail.\n';
  await page.locator('#evidence-file').setInputFiles({ name: 'detainer-note.txt', mimeType: 'text/plain', buffer: Buffer.from(content) });
  await page.getByRole('status').filter({ hasText: 'detainer-note.txt' }).waitFor();
  const item = page.locator('li.evidence-item').filter({ hasText: 'detainer-note.txt' });
  await item.waitFor();
  const sha = createHash('sha256').update(content).digest('hex');
  assert.equal((await item.locator('code.hash').innerText()).trim(), sha);
  await item.getByText(ui('en', 'evidence.hashMatches')).waitFor();
  const dropped = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['Release order: charges dismissed.\n'], 'release-order.txt', { type: 'text/plain' }));
    return dt;
  });
  await page.locator('.dropzone').dispatchEvent('drop', { dataTransfer: dropped });
  await page.locator('li.evidence-item').filter({ hasText: 'release-order.txt' }).waitFor();
  await item.getByRole('button', { name: /detainer-note\.txt/ }).click();
  await item.locator('table.custody td', { hasText: ui('en', 'evidence.actions.added') }).waitFor();
  await checkA11y(page, 'evidence');
  await shot(page, 'more', '03-evidence');

  // The 287(g) page: filter, chart, CSV of what is shown.
  await page.getByRole('link', { name: ui('en', 'nav.program287g') }).click();
  await page.getByRole('heading', { level: 1, name: ui('en', 'p287g.title') }).waitFor();
  await page.locator('svg.chart').waitFor();
  await checkA11y(page, '287(g) agreements');
  const countText = async () => (await page.getByRole('status').filter({ hasText: /\d+/ }).first().innerText()).trim();
  const before = await countText();
  await page.getByLabel(ui('en', 'p287g.state')).selectOption('TX');
  await page.getByLabel(ui('en', 'p287g.model')).selectOption('JEM');
  const after = await countText();
  assert.notEqual(after, before, 'filters narrow the list');
  assert.ok((await page.locator('table.agreements tbody tr').count()) > 0, 'Texas has JEM agreements in the shipped sheets');
  for (const cell of await page.locator('table.agreements tbody tr td:nth-child(2)').allInnerTexts()) assert.equal(cell, 'TX');
  await shot(page, 'more', '04-287g');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: ui('en', 'p287g.csv') }).click()]);
  const csvPath = join(ARTIFACTS, 'more', csv.suggestedFilename());
  await csv.saveAs(csvPath);
  const lines = readFileSync(csvPath, 'utf8').trim().split(/\r?\n/);
  assert.equal(lines[0], 'state,agency,agencyType,county,model,status,signed,current,firstSeen,lastSeen,moaUrl');
  assert.ok(lines.slice(1).every((l) => l.startsWith('TX,')));
  // Spanish on the same screen, filters kept.
  await page.getByRole('button', { name: 'Español' }).click();
  await page.getByRole('heading', { level: 1, name: ui('es', 'p287g.title') }).waitFor();
  assert.equal(await page.getByLabel(ui('es', 'p287g.state')).inputValue(), 'TX');
  await checkA11y(page, 'acuerdos 287(g)');
  await page.getByRole('button', { name: 'English' }).click();
  assert.deepEqual(errors, []);
});

test('journey 8: every screen on a phone-sized screen (375 px): no sideways scrolling, no axe violation', async () => {
  assert.ok(f6CaseId, 'journey 1 made the F6 case');
  const page = await newPage(world, { width: 375, height: 812 });
  await signIn(world, page, SEED.admin);
  const screens: Array<[string, string, string]> = [
    ['dashboard', '/', 'dashboard.title'],
    ['interview', `/cases/${f6CaseId}/interview`, 'interview.title'],
    ['analysis', `/cases/${f6CaseId}/analysis`, 'analysis.title'],
    ['packet', `/cases/${f6CaseId}/packet`, 'packet.title'],
    ['deadlines', `/cases/${f6CaseId}/deadlines`, 'deadlines.title'],
    ['evidence', `/cases/${f6CaseId}/evidence`, 'evidence.title'],
    ['history', `/cases/${f6CaseId}/history`, 'history.title'],
    ['287g', '/287g', 'p287g.title'],
    ['start', '/cases/new', 'newCase.title'],
  ];
  const problems: string[] = [];
  for (const [name, path, title] of screens) {
    await page.goto(world.baseUrl + path);
    await page.getByRole('heading', { level: 1, name: ui('en', title) }).waitFor();
    await page.waitForLoadState('networkidle');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) problems.push(`${name} scrolls sideways by ${overflow}px`);
    problems.push(...(await axe(page)).map((v) => `${name}: ${v}`));
    await shot(page, 'phone', name);
  }
  assert.deepEqual(problems, []);
  assert.deepEqual(errors, []);
});

test('the server log never holds what people typed', () => {
  const log = world.serverLog();
  if (!process.env.WRIT_E2E_BASE_URL) assert.match(log, /POST \/api\/cases\/:caseId\/revisions 201/, 'the request log is captured');
  for (const secret of ['Lehigh County Jail', 'San Francisco Field Office', 'F6 hold', 'Oficina de prueba', SEED.admin.password]) {
    assert.ok(!log.includes(secret), `the server log contains "${secret}"`);
  }
});

test('the initial JavaScript of the built app is at most 250 KB gzip', () => {
  const r = initialJs(join(ROOT, 'dist', 'web'));
  assert.ok(r.files.length > 0);
  assert.ok(r.gzipTotal <= INITIAL_JS_BUDGET_BYTES, `initial JavaScript is ${r.gzipTotal} bytes gzip`);
});
