/**
 * The one way Writ renders text for people: message codes with parameters, rendered per locale.
 *
 * Messages live in src/i18n/locales/<lang>/<namespace>.json, one namespace per area (e.g. `analysis`,
 * `reference`, `deadlines`). A key is written `namespace:key.path`. English and Spanish must have the same
 * keys (i18n.test.ts fails otherwise). Interpolation: `{{name}}`.
 */
import i18next, { type i18n as I18n } from 'i18next';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const LANGUAGES = ['en', 'es'] as const;
export type Lang = (typeof LANGUAGES)[number];

export function isLang(x: unknown): x is Lang {
  return typeof x === 'string' && (LANGUAGES as readonly string[]).includes(x);
}

const localesDir = fileURLToPath(new URL('./locales/', import.meta.url));

/** Reads every namespace file of every language: { en: { analysis: {...} }, es: {...} }. */
export function loadResources(): Record<Lang, Record<string, Record<string, unknown>>> {
  const out = {} as Record<Lang, Record<string, Record<string, unknown>>>;
  for (const lang of LANGUAGES) {
    out[lang] = {};
    for (const f of readdirSync(join(localesDir, lang))) {
      if (!f.endsWith('.json')) continue;
      out[lang][f.slice(0, -5)] = JSON.parse(readFileSync(join(localesDir, lang, f), 'utf8'));
    }
  }
  return out;
}

let instance: I18n | null = null;

function get(): I18n {
  if (instance) return instance;
  const resources = loadResources();
  const inst = i18next.createInstance();
  void inst.init({
    resources,
    lng: 'en',
    fallbackLng: false,
    ns: Object.keys(resources.en),
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  instance = inst;
  return inst;
}

/** A message: a code and its parameters. Core functions return these; callers render them. */
export interface Message {
  code: string; // 'namespace:key.path'
  params?: Record<string, string | number>;
}

/** Renders a message code in a language. A missing key renders the code itself (the parity test catches it). */
export function t(lang: Lang, code: string, params?: Record<string, string | number>): string {
  return get().t(code, { lng: lang, ...(params ?? {}) }) as string;
}

export function render(lang: Lang, m: Message): string {
  return t(lang, m.code, m.params);
}
