/**
 * Core results carry Messages (`{ code, params }`) instead of text. The API keeps them and adds `text`, rendered in
 * the request's language, beside each one, so clients can show it or render their own.
 */
import { render, type Lang, type Message } from '../i18n/i18n.ts';

function isMessage(x: unknown): x is Message {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const o = x as Record<string, unknown>;
  const keys = Object.keys(o);
  return (
    typeof o.code === 'string' &&
    /^[a-z][A-Za-z0-9]*:[A-Za-z0-9_.-]+$/.test(o.code) &&
    keys.every((k) => k === 'code' || k === 'params') &&
    (o.params === undefined || (typeof o.params === 'object' && o.params !== null))
  );
}

/** A copy of `value` in which every Message also has `text` in `lang`. */
export function withRenderedMessages<T>(value: T, lang: Lang): T {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (isMessage(v)) return { ...v, text: render(lang, v) };
    if (v instanceof Date) return v;
    if (typeof v === 'object' && v !== null) {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  return walk(value) as T;
}
