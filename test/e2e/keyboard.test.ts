/**
 * The whole interview by keyboard alone, on a phone-sized screen (375 px): sign in, "what happened?", every question
 * (radios with the arrow keys, check boxes with Space, text and dates typed, Enter to save), the USCIS form and office
 * lookups, a validation error, and on to the analysis — with page.keyboard only (Tab, Shift+Tab, Space, Enter, arrows,
 * typing): no clicks, no element.fill. After each save focus must land on the new question's heading, and the focused
 * element must show a visible focus indicator. Axe runs on each kind of screen.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { checkA11y, errors, newPage, openWorld, SEED, shot, type World } from './harness.ts';
import { optionLabel, questionPath, ui, type Answer } from './interview-driver.ts';
import { F4 as F4_ANSWERS } from './facts-f4.ts';

let world: World;
before(async () => {
  world = await openWorld();
});
after(async () => {
  await world?.close();
});

interface Focused {
  tag: string;
  type: string;
  id: string;
  /** Its label (for form controls), else its aria-label, else its text. */
  name: string;
  checked: boolean;
  /** A visible focus indicator: an outline or a box shadow. */
  ring: boolean;
  inQuestion: boolean;
}

const focused = (page: Page): Promise<Focused> =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { tag: 'body', type: '', id: '', name: '', checked: false, ring: false, inQuestion: false };
    const input = el as HTMLInputElement;
    const label = input.labels?.[0]?.innerText ?? el.getAttribute('aria-label') ?? el.innerText ?? '';
    const cs = getComputedStyle(el);
    const ring = (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || (cs.boxShadow !== 'none' && cs.boxShadow !== '');
    return {
      tag: el.tagName.toLowerCase(),
      type: input.type ?? '',
      id: el.id,
      name: label.trim(),
      checked: Boolean(input.checked),
      ring,
      inQuestion: Boolean(el.closest('form.question-form')),
    };
  });

/** Presses Tab (or Shift+Tab) until the focused element matches; fails if it never does. Every stop must show focus. */
async function tabTo(page: Page, what: string, match: (f: Focused) => boolean, opts: { back?: boolean; max?: number } = {}): Promise<Focused> {
  for (let i = 0; i < (opts.max ?? 80); i++) {
    await page.keyboard.press(opts.back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    if (f.tag !== 'body') assert.ok(f.ring, `no visible focus on ${f.tag} "${f.name}" (on the way to ${what})`);
    if (match(f)) return f;
  }
  throw new Error(`could not reach ${what} with ${opts.back ? 'Shift+Tab' : 'Tab'}`);
}

const named = (name: string) => (f: Focused) => f.name === name;


/** Types a YYYY-MM-DD date into a focused native date field, the way a person does in en-US: month, day, year. */
async function typeDate(page: Page, iso: string): Promise<void> {
  const [y, m, d] = iso.split('-');
  await page.keyboard.type(`${m}${d}${y}`);
}

const questionLabel = async (page: Page) => (await page.locator('form.question-form .question-label').first().innerText()).trim();

/** After a save: the next question (or "done") is shown and focus is on its heading. */
async function expectFocusOnNextHeading(page: Page, previousLabel: string): Promise<void> {
  await page.waitForFunction(
    (prev) => {
      const h = document.activeElement;
      if (!h || !['question-heading', 'done-heading'].includes(h.id)) return false;
      const q = document.querySelector('form.question-form .question-label');
      return !q || q.textContent?.trim() !== prev;
    },
    previousLabel,
    { timeout: 15_000 },
  ).catch(async (e) => {
    const f = await focused(page);
    const now = await questionLabel(page).catch(() => '(no question)');
    await shot(page, 'keyboard', 'failed-focus');
    throw new Error(`after answering "${previousLabel}": focus is on ${f.tag}#${f.id} "${f.name}", the question is "${now}" (${(e as Error).message})`);
  });
  const f = await focused(page);
  assert.ok(f.ring, `the heading that took focus (${f.id}) shows it`);
}

// F4 (SPEC §8, facts-f4.ts): the stuck adjustment; the category and priority-date questions are left to "Skip".
const { 'benefitRequest.category': _category, 'benefitRequest.queue.priorityDateCurrent': _priorityDate, ...F4 } = F4_ANSWERS;

/** Answers the question on the screen by keyboard; returns its path. */
async function answerByKeyboard(page: Page, answers: Record<string, Answer>, onQuestion?: (path: string) => Promise<void>): Promise<string> {
  const label = await questionLabel(page);
  const path = questionPath('en', label);
  assert.ok(path, `question not in the catalogue: ${label}`);
  const answer = answers[path];
  const form = page.locator('form.question-form');
  if (answer === undefined) {
    await tabTo(page, 'Skip', named(ui('en', 'interview.skip')));
    await page.keyboard.press('Enter');
    await expectFocusOnNextHeading(page, label);
    return path;
  }
  const radios = await form.locator('input[type=radio]').count();
  const boxes = await form.locator('input[type=checkbox]').count();
  if (radios > 0) {
    const want = optionLabel('en', path, String(answer));
    let f = await tabTo(page, `the options of "${label}"`, (x) => x.inQuestion && x.type === 'radio');
    if (!f.checked) {
      await page.keyboard.press('Space');
      f = await focused(page);
    }
    for (let i = 0; i < radios && f.name !== want; i++) {
      await page.keyboard.press('ArrowDown');
      f = await focused(page);
    }
    assert.equal(f.name, want);
    assert.equal(f.checked, true, `${path}: the arrow keys select the option they move to`);
    if (onQuestion) await onQuestion(path);
    await tabTo(page, 'Save and continue', named(ui('en', 'interview.saveAndContinue')));
    await page.keyboard.press('Space');
  } else if (boxes > 0) {
    const want = new Set([answer].flat().map((v) => optionLabel('en', path, v)));
    for (let i = 0; i < boxes; i++) {
      const f = await tabTo(page, `the boxes of "${label}"`, (x) => x.inQuestion && x.type === 'checkbox');
      if (want.has(f.name) !== f.checked) await page.keyboard.press('Space');
    }
    await tabTo(page, 'Save and continue', named(ui('en', 'interview.saveAndContinue')));
    await page.keyboard.press('Enter');
  } else {
    const f = await tabTo(page, `the field "${label}"`, (x) => x.inQuestion && named(label)(x));
    if (f.type === 'date') await typeDate(page, String(answer));
    else {
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Delete');
      await page.keyboard.type(String(answer));
    }
    if (onQuestion) {
      await onQuestion(path);
      await tabTo(page, `back to "${label}"`, (x) => x.inQuestion && named(label)(x), { back: true });
    }
    await page.keyboard.press('Enter'); // submits the form from the field
  }
  await expectFocusOnNextHeading(page, label);
  return path;
}

test('the whole interview by keyboard alone at 375 px: sign in, what happened, every question, lookups, an announced error, the analysis', async () => {
  const page = await newPage(world, { width: 375, height: 812 });
  await page.goto(world.baseUrl + '/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();

  // Sign in.
  await page.getByRole('heading', { level: 1, name: ui('en', 'signIn.title') }).waitFor();
  await tabTo(page, 'the e-mail field', named(ui('en', 'signIn.email')));
  await page.keyboard.type(SEED.admin.email);
  await tabTo(page, 'the password field', named(ui('en', 'signIn.password')));
  await page.keyboard.type(SEED.admin.password);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: ui('en', 'dashboard.title') }).waitFor();
  await checkA11y(page, 'dashboard (375 px)');

  // "What happened?"
  await tabTo(page, 'New case', named(ui('en', 'dashboard.newCase')));
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: ui('en', 'newCase.title') }).waitFor();
  const want = ui('en', 'newCase.choices.stuckApplication.label');
  let f = await tabTo(page, 'the first choice', (x) => x.type === 'radio');
  if (!f.checked) {
    await page.keyboard.press('Space');
    f = await focused(page);
  }
  for (let i = 0; i < 6 && !f.name.startsWith(want); i++) {
    await page.keyboard.press('ArrowDown');
    f = await focused(page);
  }
  assert.ok(f.name.startsWith(want) && f.checked, `chose "${f.name}"`);
  await tabTo(page, 'the case title', named(ui('en', 'newCase.caseTitle')));
  await page.keyboard.type('Keyboard only');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: ui('en', 'interview.title') }).waitFor();
  await page.locator('form.question-form').waitFor();
  await checkA11y(page, 'interview (375 px)');

  // An empty answer: the error is announced (role=alert) and tied to the question (aria-describedby, aria-invalid),
  // and focus goes back to the question.
  const firstLabel = await questionLabel(page);
  assert.equal(questionPath('en', firstLabel), 'benefitRequest.form');
  await tabTo(page, 'Save and continue', named(ui('en', 'interview.saveAndContinue')));
  await page.keyboard.press('Enter');
  const alert = page.locator('form.question-form [role=alert]');
  await alert.waitFor();
  assert.equal((await alert.innerText()).trim(), ui('en', 'validation.required'));
  const tied = await page.evaluate(() => {
    const err = document.querySelector('form.question-form [role=alert]')!;
    const field = document.querySelector('form.question-form [aria-invalid=true]');
    const active = document.activeElement;
    return {
      describedBy: (field?.getAttribute('aria-describedby') ?? '').split(' ').includes(err.id),
      focusOnField: field !== null && active === field,
    };
  });
  assert.deepEqual(tied, { describedBy: true, focusOnField: true });
  assert.ok((await focused(page)).ring, 'the invalid question shows focus');
  await checkA11y(page, 'interview with an error');
  await shot(page, 'keyboard', '01-error-announced');

  // Shift+Tab goes back the way it came: from the question to the skip link / language switch area and forward again.
  await tabTo(page, 'an option', (x) => x.inQuestion && x.type === 'radio');
  await tabTo(page, 'the progress or status before the question', (x) => !x.inQuestion, { back: true });

  // Every question by keyboard; the USCIS form and office lookups are opened with the keyboard on the way.
  const lookup = async (path: string) => {
    if (path !== 'benefitRequest.form' && path !== 'benefitRequest.office.name') return;
    await tabTo(page, 'the USCIS lookup button', (x) => x.inQuestion && x.name.startsWith('See what is known'));
    await page.keyboard.press('Enter');
    const card = page.locator('form.question-form .lookup-card');
    await card.waitFor();
    if (path === 'benefitRequest.form') {
      await card.getByText(/Adjustment of status application/).first().waitFor();
      await card.getByText(/Tang v\. Chertoff/).first().waitFor();
    } else {
      await card.getByText(/a USCIS field office/).first().waitFor();
    }
    await card.getByRole('link', { name: /USCIS processing times/ }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the lookup scrolls the page sideways by ${overflow}px at 375 px`);
    await checkA11y(page, `USCIS lookup (${path})`);
    await shot(page, 'keyboard', `02-lookup-${path}`);
  };
  const asked: string[] = [];
  const done = page.getByRole('heading', { level: 2, name: ui('en', 'interview.doneTitle') });
  for (let i = 0; i < 80 && !(await done.isVisible()); i++) {
    asked.push(await answerByKeyboard(page, F4, lookup));
  }
  assert.ok(await done.isVisible(), `the interview ends (asked ${asked.length})`);
  assert.ok(asked.includes('benefitRequest.form') && asked.includes('benefitRequest.office.name'));
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'done-heading');
  await checkA11y(page, 'interview done');
  await shot(page, 'keyboard', '03-done');

  // On to the analysis by keyboard.
  await tabTo(page, 'See the analysis', named(ui('en', 'interview.seeAnalysis')));
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: ui('en', 'analysis.title') }).waitFor();
  await page.getByRole('heading', { level: 2, name: ui('en', 'analysis.remediesTitle') }).waitFor();
  await checkA11y(page, 'analysis (375 px)');
  await shot(page, 'keyboard', '04-analysis');
  assert.deepEqual(errors, []);
});
