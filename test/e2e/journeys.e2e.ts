/**
 * Browser journeys, as a person would use Writ: one real server on the embedded database and one Chromium for all
 * of them (see harness.ts). Axe runs on every screen the journeys visit and must report no WCAG 2.1 A/AA violation;
 * screenshots of each journey's key screens are saved under test-artifacts/e2e/.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { axe, errors, newPage, openWorld, SEED, shot, type World } from './harness.ts';
import { answerInterview, ui, type Answer } from './interview-driver.ts';

let world: World;
before(async () => {
  world = await openWorld();
});
after(async () => {
  await world?.close();
});

async function checkA11y(page: Page, where: string): Promise<void> {
  const v = await axe(page);
  assert.deepEqual(v, [], `axe found violations on ${where}`);
}

async function signIn(page: Page, who: { email: string; password: string }, lang: 'en' | 'es' = 'en'): Promise<void> {
  await page.goto(world.baseUrl + '/');
  if (lang === 'es') await page.getByRole('button', { name: 'Español' }).click();
  await page.getByLabel(ui(lang, 'signIn.email')).fill(who.email);
  await page.getByLabel(ui(lang, 'signIn.password')).fill(who.password);
  await page.getByRole('button', { name: ui(lang, 'signIn.submit') }).click();
  await page.getByRole('heading', { level: 1, name: ui(lang, 'dashboard.title') }).waitFor();
}

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

function remedyCard(page: Page, titleRe: RegExp) {
  return page.locator('section.remedy').filter({ has: page.getByRole('heading', { level: 3, name: titleRe }) });
}

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

test('journey 1: F6 detainer-hold emergency, from "what happened?" to the habeas analysis', async () => {
  const page = await newPage(world);
  await signIn(page, SEED.admin);
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
  assert.ok(caseId);
  await page.getByRole('heading', { level: 2, name: ui('en', 'analysis.getLawyerTitle') }).waitFor();
  await checkA11y(page, 'interview');
  await shot(page, 'f6', '03-interview');
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
  assert.deepEqual(errors, []);
});
