/** The language of a request's messages: `?lang=es`, else the first supported language in Accept-Language, else en. */
import { isLang, type Lang } from '../i18n/i18n.ts';

export function requestLang(query: string | undefined, acceptLanguage: string | undefined): Lang {
  if (isLang(query)) return query;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0]!.trim().toLowerCase().slice(0, 2);
    if (isLang(tag)) return tag;
  }
  return 'en';
}
