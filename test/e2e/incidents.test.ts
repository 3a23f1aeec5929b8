/**
 * Browser journey for community incident reports (issue 7): on a 375 px screen in Spanish, a person files a report
 * (the draft is saved as they go and comes back after a reload; a first submission with a missing answer is refused, the problem announced and tied
 * to its field), submits it, and finds it counted on the patterns page, where the number links to the report behind
 * it. Axe runs on each screen and must report no WCAG 2.1 A/AA violation. Same harness as journeys.test.ts.
 */
import { after, before, test } from 'node:test';
import { createHash } from 'node:crypto';
import assert from 'node:assert/strict';
import { checkA11y, errors, newPage, openWorld, SEED, shot, signIn, type World } from './harness.ts';
import { ui } from './interview-driver.ts';

let world: World;
before(async () => {
  world = await openWorld();
});
after(async () => {
  await world?.close();
});


test('incident report in Spanish on a phone: draft saved, refused then submitted, counted on the patterns page', async () => {
  const page = await newPage(world, { width: 375, height: 812 });
  await signIn(world, page, SEED.admin, 'es');

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

/** A catalog text with its {{placeholders}} filled in. */
const uiWith = (lang: 'en' | 'es', key: string, params: Record<string, string | number>) =>
  ui(lang, key).replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k]));

test('the whole report in Spanish on a phone: officers, witness, media hash, custody; report page, exhibit, duplicates merged and the merge undone', async () => {
  const page = await newPage(world, { width: 375, height: 812 });
  await signIn(world, page, SEED.admin, 'es');

  const video = Buffer.from('A short made-up video for the browser test.\n');
  const sha = createHash('sha256').update(video).digest('hex');
  const openForm = async () => {
    await page.getByRole('link', { name: ui('es', 'nav.incidents'), exact: true }).click();
    await page.getByRole('heading', { level: 1, name: ui('es', 'incidents.patterns.title') }).waitFor();
    await page.getByRole('link', { name: ui('es', 'incidents.form.title'), exact: true }).click();
    await page.getByRole('heading', { level: 1, name: ui('es', 'incidents.form.title') }).waitFor();
  };
  const basics = async () => {
    await page.locator('#incident-role').selectOption('witness');
    await page.locator('#incident-date').fill('2025-05-10');
    await page.locator('#incident-state').fill('FL');
    await page.locator('#incident-county').fill('Collier County');
    await page.locator('#incident-agencyName').fill("Collier County Sheriff's Office");
    await page.locator('#incident-contactKind').selectOption('traffic_stop');
    await page.locator('#incident-statedReason').selectOption('no_license');
  };
  const addVideo = async () => {
    await page.getByRole('button', { name: ui('es', 'incidents.form.addMedia') }).click();
    await page.locator('#incident-media-0-kind').selectOption('video');
    await page.locator('#incident-media-0-file').setInputFiles({ name: 'clip.mp4', mimeType: 'video/mp4', buffer: video });
    await page.waitForFunction((s) => (document.getElementById('incident-media-0-sha256') as HTMLInputElement | null)?.value === s, sha);
  };

  await openForm();
  await basics();
  await page.locator('#incident-time').fill('22:15');
  // Keyboard: a new row takes the focus at its first field.
  await page.getByRole('button', { name: ui('es', 'incidents.form.addOfficer') }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'incident-officers-0-name');
  await page.getByRole('button', { name: ui('es', 'incidents.form.addOfficer') }).click();
  await page.locator('#incident-officers-0-name').fill('Agente Ejemplo');
  await page.locator('#incident-officers-0-badge').fill('4471');
  await page.locator('#incident-officers-0-vehicle').fill('Unidad 12');
  await page.locator('#incident-officers-1-badge').fill('9999');
  // Rows can be removed too.
  await page.getByRole('button', { name: uiWith('es', 'incidents.form.removeOfficer', { n: 2 }) }).click();
  assert.equal(await page.locator('#incident-officers-1-badge').count(), 0);
  await page.waitForFunction(() => document.activeElement?.id === 'incident-add-officers');
  await page.getByRole('button', { name: ui('es', 'incidents.form.addWitness') }).click();
  await page.locator('#incident-witnesses-0-name').fill('Testigo Ejemplo');
  await page.locator('#incident-witnesses-0-statement').fill('Vi la parada desde la acera.');
  await addVideo();
  await page.locator('#incident-media-0-capturedAt').fill('2025-05-10T22:20');
  await page.locator('#incident-arrested').selectOption('yes');
  await page.locator('#incident-detainerLodged').selectOption('yes');
  await page.locator('#incident-bookedAt').fill('2025-05-10T23:00');
  await page.locator('#incident-releaseEligibleAt').fill('2025-05-11T10:00');
  await page.locator('#incident-transferredToIceAt').fill('2025-05-12T22:00');
  await page.getByText(uiWith('es', 'incidents.form.heldHours', { hours: 47 })).waitFor();
  await page.getByText(uiWith('es', 'incidents.form.beyondHours', { hours: 36 })).waitFor();
  await page.locator('#incident-outcome').selectOption('transferred_to_ice');
  await page.getByRole('checkbox', { name: ui('es', 'incidents.form.useAsEvidence') }).check();
  await checkA11y(page, 'formulario completo (375 px)');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the form scrolls sideways by ${overflow}px at 375 px`);
  await shot(page, 'incidents-es', '03-formulario-completo-375');
  await page.getByRole('button', { name: ui('es', 'incidents.form.submit') }).click();
  await page.getByText(ui('es', 'incidents.form.submitted')).waitFor();

  // The report page: the details (the admin may see identifying fields), the 287(g) agreement, actions.
  await page.getByRole('link', { name: ui('es', 'incidents.form.openReport') }).click();
  await page.getByRole('heading', { level: 1, name: ui('es', 'incidents.detail.title') }).waitFor();
  await page.getByText(/#4471/).waitFor();
  await page.getByText(new RegExp(sha)).waitFor();
  await page.getByRole('heading', { level: 2, name: ui('es', 'incidents.detail.agreementHeading') }).waitFor();
  await checkA11y(page, 'página del informe (375 px)');
  await page.getByRole('button', { name: ui('es', 'incidents.detail.openCase') }).click();
  await page.locator('.alert, [role="status"], [role="alert"]').filter({ hasText: /SHA-256: [0-9a-f]{64}/ }).first().waitFor();
  await page.getByText(ui('es', 'incidents.detail.linkedCase')).waitFor();
  await checkA11y(page, 'informe agregado como prueba (375 px)');
  await shot(page, 'incidents-es', '04-informe-prueba-375');

  // A second witness of the same stop sends the same video: the duplicates screen groups the two, and merges them.
  await openForm();
  await basics();
  await page.locator('#incident-outcome').selectOption('transferred_to_ice');
  await addVideo();
  await page.getByRole('button', { name: ui('es', 'incidents.form.submit') }).click();
  await page.getByText(ui('es', 'incidents.form.submitted')).waitFor();
  await page.getByRole('link', { name: ui('es', 'incidents.patterns.title') }).first().click();
  await page.getByRole('link', { name: ui('es', 'incidents.patterns.duplicatesLink') }).click();
  await page.getByRole('heading', { level: 1, name: ui('es', 'incidents.duplicates.title') }).waitFor();
  const group = page.getByRole('region', { name: uiWith('es', 'incidents.duplicates.group', { n: 1 }) });
  await group.waitFor();
  await group.getByRole('article').nth(1).waitFor();
  assert.equal(await group.getByRole('article').count(), 2);
  await checkA11y(page, 'posibles duplicados (375 px)');
  await shot(page, 'incidents-es', '05-duplicados-375');
  await group.getByRole('button', { name: ui('es', 'incidents.duplicates.merge') }).click();
  await page.getByText(ui('es', 'incidents.duplicates.merged')).waitFor();
  await page.getByText(ui('es', 'incidents.duplicates.none')).waitFor();

  // The list of reports links each report's page (by date and agency, not by id).
  await page.getByRole('link', { name: ui('es', 'incidents.patterns.title') }).first().click();
  await page.getByRole('link', { name: ui('es', 'incidents.list.heading'), exact: true }).click();
  await page.getByRole('heading', { level: 1, name: ui('es', 'incidents.list.heading') }).waitFor();
  const mine = page.getByRole('link', { name: uiWith('es', 'incidents.list.open', { date: '2025-05-10', agency: "Collier County Sheriff's Office" }) });
  await mine.first().waitFor();
  assert.equal(await mine.count(), 2);
  await checkA11y(page, 'lista de informes (375 px)');
  await mine.first().click();
  await page.getByRole('heading', { level: 1, name: ui('es', 'incidents.detail.title') }).waitFor();
  await page.getByText(ui('es', 'incidents.detail.mergedHere')).or(page.getByText(ui('es', 'incidents.detail.mergedInto'))).first().waitFor();

  // The merge was a mistake: undo it from the report page, by keyboard, after a confirmation (cancel first).
  const undo = page.getByRole('button', { name: ui('es', 'incidents.detail.undoMerge') });
  await undo.focus();
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('button', { name: ui('es', 'incidents.detail.undoConfirm') });
  await page.getByText(ui('es', 'incidents.detail.undoConfirmText')).waitFor();
  assert.equal(await confirm.evaluate((el) => el === document.activeElement), true, 'the confirmation takes the focus');
  await checkA11y(page, 'deshacer la unión: confirmación (375 px)');
  await page.getByRole('button', { name: ui('es', 'incidents.detail.undoCancel') }).click();
  await undo.waitFor();
  assert.equal(await undo.evaluate((el) => el === document.activeElement), true, 'cancel gives the focus back');
  await page.keyboard.press('Enter');
  await confirm.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: uiWith('es', 'incidents.detail.unmerged', { n: 2 }) }).waitFor();
  await page.getByText(ui('es', 'incidents.detail.noDuplicates')).waitFor();
  assert.equal(await undo.count(), 0);
  await checkA11y(page, 'unión deshecha (375 px)');
  await shot(page, 'incidents-es', '06-union-deshecha-375');
  // The duplicates screen lists the two reports as a possible group again.
  await page.getByRole('link', { name: ui('es', 'incidents.duplicates.title') }).first().click();
  await page.getByRole('heading', { level: 1, name: ui('es', 'incidents.duplicates.title') }).waitFor();
  const again = page.getByRole('region', { name: uiWith('es', 'incidents.duplicates.group', { n: 1 }) });
  await again.getByRole('article').nth(1).waitFor();
  assert.equal(await again.getByRole('article').count(), 2);
  assert.deepEqual(errors, []);
});
