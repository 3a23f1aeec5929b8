/**
 * Renders the engine's messages (code + params) in the person's current language from the shared catalogues, so a
 * language switch re-renders them without asking the server again; the server's `text` is the fallback.
 */
import { useTranslation } from 'react-i18next';
import type { EngineMessage } from './interview/plan-questions.ts';

export function useMessages() {
  const { t, i18n } = useTranslation('web');
  const lang = i18n.language === 'es' ? 'es' : 'en';
  const msg = (m: EngineMessage | null | undefined): string => {
    if (!m) return '';
    if (i18n.exists(m.code)) return t(m.code, { ...(m.params ?? {}) }) as string;
    return m.text ?? m.code;
  };
  const loc = (x: { en: string; es: string } | null | undefined): string => (x ? x[lang] || x.en : '');
  return { msg, loc, lang };
}
