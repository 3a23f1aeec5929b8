/**
 * Browser journey for issue 7's "Facts for a case": ten reports in which every ICE detainer was honored make the
 * patterns page propose the county's policy; on a 375 px screen, with the keyboard, the person applies it to a case and
 * opens the case's analysis, where the § 1983 county-liability reason now says the county is liable for its policy.
 * Axe runs on the section and must report no WCAG 2.1 A/AA violation. Same harness as incidents.test.ts.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkA11y, errors, newPage, openWorld, SEED, shot, signIn, type World } from './harness.ts';
import { text as message, ui } from './interview-driver.ts';
import { sampleReport } from '../../src/core/incidents/sample-report.ts';
import { MIN_EVENTS_FOR_FACTS } from '../../src/core/incidents/pattern-summary.ts';
import { HOLD_FACTS } from '../fixtures/county-hold-facts.ts';

let world: World;
before(async () => {
  world = await openWorld();
});
after(async () => {
  await world?.close();
});

const text = (ns: 'incidents' | 'analysis', key: string, lang: 'en' | 'es' = 'en'): string => message(lang, ns, key);
/** The checkbox label of one proposed value. */
const valueLabel = (field: string, answer: string, lang: 'en' | 'es' = 'en') =>
  text('incidents', 'caseFacts.value', lang)
    .replace('{{field}}', text('incidents', `caseFacts.field.${field}`, lang))
    .replace('{{value}}', text('incidents', `caseFacts.answer.${answer}`, lang));


test('facts for a case on a phone: the proposed county policy is applied to a case and its analysis opened', async () => {
  const page = await newPage(world, { width: 375, height: 812 });
  await signIn(world, page, SEED.admin);

  // Data through the API as the signed-in admin: the reports (each detainer honored) and the case.
  const reports = Array.from({ length: MIN_EVENTS_FOR_FACTS }, (_, i) =>
    sampleReport({ when: { date: '2025-04-01', time: `${String(4 + i).padStart(2, '0')}:${i % 2 ? '10' : '40'}` } }),
  );
  // page.request shares the browser's session cookie; the CSRF token comes from the session.
  const { csrfToken } = (await (await page.request.get(world.baseUrl + '/api/auth/csrf')).json()) as { csrfToken: string };
  const post = async (path: string, data: unknown) => {
    const res = await page.request.post(world.baseUrl + path, { headers: { 'X-CSRF-Token': csrfToken, Origin: world.baseUrl }, data });
    assert.ok(res.ok(), `${path}: ${res.status()} ${await res.text()}`);
    return (await res.json()) as { id?: string };
  };
  for (const report of reports) await post('/api/incidents', { report });
  const caseId = (await post('/api/cases', { title: 'Detainer hold', facts: HOLD_FACTS })).id!;

  await page.goto(world.baseUrl + '/incidents/patterns');
  await page.getByRole('heading', { level: 2, name: text('incidents', 'caseFacts.heading') }).waitFor();
  const policy = page.getByRole('checkbox', { name: valueLabel('countyPolicyHonorsAllDetainers', 'yes') });
  await policy.waitFor();
  assert.equal(await policy.isChecked(), true, 'proposed values start chosen');
  await page.getByText(text('incidents', 'warning.confirmFacts')).first().waitFor();
  await page.getByText(text('incidents', 'caseFacts.reportsBehind_other').replace('{{count}}', String(MIN_EVENTS_FOR_FACTS))).waitFor();
  await page.getByLabel(text('incidents', 'caseFacts.case'), { exact: true }).selectOption(caseId);
  await checkA11y(page, 'the patterns page with facts for a case (375 px)');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the patterns page scrolls sideways by ${overflow}px at 375 px`);

  // Keyboard: the apply button is reached and pressed with the keyboard.
  await page.getByRole('button', { name: text('incidents', 'caseFacts.apply') }).focus();
  await page.keyboard.press('Enter');
  await page.getByText(text('incidents', 'caseFacts.applied_one').replace('{{count}}', '1').replace('{{revision}}', '2')).waitFor();
  await checkA11y(page, 'the page after applying (375 px)');
  await shot(page, 'pattern-facts-en', '01-facts-applied-375');

  await page.getByRole('link', { name: text('incidents', 'caseFacts.openAnalysis') }).click();
  await page.getByRole('heading', { level: 1, name: ui('en', 'analysis.title') }).waitFor();
  await page.getByText(text('analysis', 'reason.monellPolicy')).first().waitFor();

  // With a comparison population, the disparity proposes pattern evidence (equal protection), with its warning.
  await page.goto(world.baseUrl + '/incidents/patterns');
  await page.getByLabel(text('incidents', 'caseFacts.benchmarkGroup')).selectOption('hispanic_latino');
  await page.getByLabel(text('incidents', 'caseFacts.benchmarkShare')).fill('20');
  await page.getByLabel(text('incidents', 'caseFacts.benchmarkSource')).fill('Test comparison population');
  await page.getByRole('button', { name: text('incidents', 'caseFacts.update') }).click();
  await page.getByRole('checkbox', { name: valueLabel('patternEvidence', 'yes') }).waitFor();
  await page.getByText(text('incidents', 'warning.benchmarkSimilarlySituated')).waitFor();
  await page.getByRole('button', { name: 'Español' }).click();
  await page.getByRole('checkbox', { name: valueLabel('patternEvidence', 'yes', 'es') }).waitFor();
  await checkA11y(page, 'the facts for a case in Spanish (375 px)');
  await shot(page, 'pattern-facts-en', '02-benchmark-es-375');
  assert.deepEqual(errors, []);
});
