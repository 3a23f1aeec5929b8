/**
 * Answers the interview as a person would: reads the question on the screen, answers it from the journey's facts
 * when it knows the answer (choosing the option by its visible label, typing dates and text), and otherwise presses
 * "I don't know — skip". The question order is the app's (engine-driven); the driver only reads labels.
 */
import type { Page } from 'playwright-core';
import { loadResources } from '../../src/i18n/i18n.ts';

type Lang = 'en' | 'es';
const resources = loadResources();
const get = (o: unknown, path: string) => path.split('.').reduce<any>((a, k) => a?.[k], o);

function leaves(node: any, prefix = ''): string[] {
  if (node && typeof node === 'object' && typeof node.label === 'string') return [prefix];
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

const web = (lang: Lang) => resources[lang].web as Record<string, any>;
/** A message of namespace `ns` (e.g. uscis) in `lang`, from the catalogues read once. */
export const text = (lang: Lang, ns: string, key: string): string => {
  const v = get(resources[lang][ns], key);
  if (typeof v !== 'string') throw new Error(`no ${ns}:${key} in ${lang}`);
  return v;
};
export const ui = (lang: Lang, key: string): string => text(lang, 'web', key);

/** label text → facts path, for every field of the facts format. */
function labelIndex(lang: Lang): Map<string, string> {
  const m = new Map<string, string>();
  for (const p of leaves(web(lang).fields)) m.set(get(web(lang).fields, p).label, p);
  return m;
}

export function optionLabel(lang: Lang, path: string, value: string): string {
  const own = get(web(lang).fields, `${path}.options.${value}`);
  if (typeof own === 'string') return own;
  return ui(lang, `options.ynu.${value}`);
}

/** The facts path of a question, from its label on the screen (null when the catalogue has no such label). */
export function questionPath(lang: Lang, label: string): string | null {
  return labelIndex(lang).get(label) ?? null;
}

export type Answer = string | string[];

/** Runs the interview until it says there are no more questions (or `max` questions); returns the paths it was asked. */
export async function answerInterview(page: Page, lang: Lang, answers: Record<string, Answer>, opts: { max?: number; stopAfter?: string } = {}): Promise<string[]> {
  const index = labelIndex(lang);
  const asked: string[] = [];
  const done = page.getByRole('heading', { name: ui(lang, 'interview.doneTitle') });
  for (let i = 0; i < (opts.max ?? 80); i++) {
    const form = page.locator('form.question-form');
    await Promise.race([form.waitFor(), done.waitFor()]);
    if (await done.isVisible()) return asked;
    const label = (await form.locator('.question-label').first().innerText()).trim();
    const path = index.get(label);
    if (!path) throw new Error(`question not in the catalogue: ${label}`);
    asked.push(path);
    const before = await page.locator('#interview-progress').getAttribute('value');
    const answer = answers[path];
    if (answer === undefined) {
      await page.getByRole('button', { name: ui(lang, 'interview.skip') }).click();
    } else {
      const radios = form.getByRole('radio');
      const boxes = form.getByRole('checkbox');
      if ((await radios.count()) > 0) {
        await form.getByRole('radio', { name: optionLabel(lang, path, String(answer)), exact: true }).check();
      } else if ((await boxes.count()) > 0) {
        for (const v of [answer].flat()) await form.getByRole('checkbox', { name: optionLabel(lang, path, v), exact: true }).check();
      } else {
        await form.getByLabel(label, { exact: true }).fill(String(answer));
      }
      await page.getByRole('button', { name: ui(lang, 'interview.saveAndContinue') }).click();
      // Saved: the progress moves on (or the interview is done).
      await page.waitForFunction(
        (prev) => {
          const el = document.querySelector('#interview-progress');
          return !el || el.getAttribute('value') !== prev;
        },
        before,
      );
    }
    if (opts.stopAfter === path) return asked;
    await page.waitForFunction(
      (l) => {
        const q = document.querySelector('form.question-form .question-label');
        return !q || q.textContent?.trim() !== l;
      },
      label,
    );
  }
  return asked;
}
