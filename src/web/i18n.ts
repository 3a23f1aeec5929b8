/**
 * The web app's i18n: react-i18next over the SAME catalogue files as the rest of Writ (src/i18n/locales/<lang>/*.json).
 * Each language is its own lazily loaded chunk, so the initial JavaScript carries no catalogue; switching language
 * loads the other one and re-renders in place (nothing is remounted, so no answer is lost).
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGS = ['en', 'es'] as const;
export type WebLang = (typeof LANGS)[number];
const STORAGE_KEY = 'writ.lang';

const files = import.meta.glob<{ default: Record<string, unknown> }>('../i18n/locales/*/*.json');

async function loadLanguage(lang: WebLang): Promise<void> {
  const entries = Object.entries(files).filter(([p]) => p.includes(`/locales/${lang}/`));
  await Promise.all(
    entries.map(async ([p, load]) => {
      const ns = p.slice(p.lastIndexOf('/') + 1, -'.json'.length);
      if (!i18next.hasResourceBundle(lang, ns)) i18next.addResourceBundle(lang, ns, (await load()).default, true, true);
    }),
  );
}

export function isWebLang(x: unknown): x is WebLang {
  return typeof x === 'string' && (LANGS as readonly string[]).includes(x);
}

/** The language to start in: the saved choice, else the browser's, else English. */
export function initialLang(): WebLang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isWebLang(saved)) return saved;
  } catch {
    /* storage unavailable */
  }
  const nav = (navigator.language || 'en').slice(0, 2);
  return isWebLang(nav) ? nav : 'en';
}

export async function initI18n(lang: WebLang): Promise<void> {
  await i18next.use(initReactI18next).init({
    lng: lang,
    fallbackLng: false,
    ns: ['web', 'common'],
    defaultNS: 'web',
    resources: {},
    partialBundledLanguages: true,
    interpolation: { escapeValue: false },
    returnNull: false,
    react: { useSuspense: false },
  });
  await loadLanguage(lang);
  document.documentElement.lang = lang;
}

export async function changeLanguage(lang: WebLang): Promise<void> {
  await loadLanguage(lang);
  await i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* storage unavailable */
  }
}

export function currentLang(): WebLang {
  return isWebLang(i18next.language) ? i18next.language : 'en';
}

export { i18next };
