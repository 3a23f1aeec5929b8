/**
 * Browser journey for community incident reports (issue 7): on a 375 px screen in Spanish, a person files a report
 * (the draft is saved as they go and comes back after a reload; a first submission with a missing answer is refused, the problem announced and tied
 * to its field), submits it, and finds it counted on the patterns page, where the number links to the report behind
 * it. Axe runs on each screen and must report no WCAG 2.1 A/AA violation. Same harness as journeys.test.ts.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { axe, errors, newPage, openWorld, SEED, shot, type World } from './harness.ts';
import { ui } from './interview-driver.ts';

let world: World;
before(async () => {
  world = await openWorld();
});
after(async () => {
  await world?.close();
});

async function checkA11y(page: Page, where: string): Promise<void> {
  assert.deepEqual(await axe(page), [], `axe found violations on ${where}`);
}

test('incident report in Spanish on a phone: draft saved, refused then submitted, counted on the patterns page', async () => {
  const page = await newPage(world, { width: 375, height: 812 });
  await page.goto(world.baseUrl + '/');
  await page.evaluate(() => {
    localStorage.clear();
    sessionStorage.clear();
  });
  await page.reload();
  await page.getByRole('button', { name: 'Español' }).click();
  await page.getByLabel(ui('es', 'signIn.email')).fill(SEED.admin.email);
  await page.getByLabel(ui('es', 'signIn.password')).fill(SEED.admin.password);
  await page.getByRole('button', { name: ui('es', 'signIn.submit') }).click();
  await page.getByRole('heading', { level: 1, name: ui('es', 'dashboard.title') }).waitFor();

  await page.getByRole('link', { name: ui('es', 'nav.incidents') }).click();
  await page.getByRole('heading', { level: 1, name: ui('es', 'incidents.patterns.title') }).waitFor();
  await page.getByRole('link', { name: ui('es', 'incidents.form.title') }).click();
  await page.getByRole('heading', { level: 1, name: ui('es', 'incidents.form.title') }).waitFor();
  await checkA11y(page, 'formulario de incidente (375 px)');

  // "Report without identifying the affected person" is the default: no name field.
  assert.equal(await page.getByRole('checkbox', { name: ui('es', 'incidents.form.anonymous') }).isChecked(), true);
  assert.equal(await page.getByLabel(ui('es', 'incidents.form.affectedName')).count(), 0);

  await page.getByLabel(ui('es', 'incidents.form.role')).selectOption('witness');
  await page.getByLabel(ui('es', 'incidents.form.date')).fill('2025-04-01');
  await page.getByLabel(ui('es', 'incidents.form.state')).fill('FL');
  await page.getByLabel(ui('es', 'incidents.form.agency')).fill("Collier County Sheriff's Office");
  await page.getByLabel(ui('es', 'incidents.form.contactKind')).selectOption('traffic_stop');
  await page.getByLabel(ui('es', 'incidents.form.statedReason')).selectOption('equipment_violation');
  await page.getByLabel(ui('es', 'incidents.form.outcome')).selectOption('released');
  // The draft is saved on the server as the person types.
  await page.getByText(ui('es', 'incidents.form.draftSaved')).waitFor();
  // Closing the screen loses nothing: the form comes back from the server's draft (the tab keeps only its id).
  await page.waitForFunction(() => {
    const stored = JSON.parse(sessionStorage.getItem('writ.incidentDraft') ?? '{}') as { id?: string; form?: unknown };
    return typeof stored.id === 'string' && stored.form === undefined;
  });
  await page.reload();
  await page.getByRole('heading', { level: 1, name: ui('es', 'incidents.form.title') }).waitFor();
  await page.waitForFunction(() => (document.getElementById('incident-agencyName') as HTMLInputElement | null)?.value === "Collier County Sheriff's Office");
  assert.equal(await page.getByLabel(ui('es', 'incidents.form.date')).inputValue(), '2025-04-01');
  assert.equal(await page.getByLabel(ui('es', 'incidents.form.outcome')).inputValue(), 'released');

  // County missing: refused, kept as a draft, the problem announced and tied to the county field.
  await page.getByRole('button', { name: ui('es', 'incidents.form.submit') }).click();
  const county = page.getByLabel(ui('es', 'incidents.form.county'));
  await page.locator('#incident-county[aria-invalid="true"]').waitFor();
  assert.ok(await county.getAttribute('aria-describedby'), 'the county error is tied to the field');
  assert.ok((await page.locator('[aria-live="assertive"]').innerText()).trim().length > 0, 'the refusal is announced');
  await checkA11y(page, 'formulario con errores (375 px)');
  await shot(page, 'incidents-es', '01-formulario-errores-375');

  await county.fill('Collier County');
  await page.getByRole('button', { name: ui('es', 'incidents.form.submit') }).click();
  await page.getByText(ui('es', 'incidents.form.submitted')).waitFor();
  await checkA11y(page, 'reporte enviado (375 px)');

  await page.getByRole('link', { name: ui('es', 'incidents.patterns.title') }).first().click();
  await page.getByRole('heading', { level: 1, name: ui('es', 'incidents.patterns.title') }).waitFor();
  const row = page.getByRole('row', { name: /Collier/ });
  await row.waitFor();
  const number = row.getByRole('link');
  assert.equal((await number.innerText()).trim(), '1');
  await checkA11y(page, 'patrones (375 px)');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the patterns page scrolls sideways by ${overflow}px at 375 px`);
  await number.click();
  await page.getByRole('heading', { level: 2, name: ui('es', 'incidents.patterns.behindHeading') }).waitFor();
  await page.locator('#behind-heading ~ ul li').first().waitFor();
  assert.equal(await page.locator('#behind-heading ~ ul li').count(), 1);
  await checkA11y(page, 'reportes detrás del número (375 px)');
  await shot(page, 'incidents-es', '02-patrones-375');
  assert.deepEqual(errors, []);
});
