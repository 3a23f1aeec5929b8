import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DOCKET_EVENT_KINDS } from '../core/deadlines/docket-event-kinds.ts';
import { loadResources } from '../i18n/i18n.ts';

test('every docket event kind has a plain label in English and Spanish', () => {
  const r = loadResources();
  for (const lang of ['en', 'es'] as const) {
    const kinds = (r[lang].web as any).deadlines.kinds as Record<string, unknown>;
    for (const k of DOCKET_EVENT_KINDS) assert.equal(typeof kinds[k], 'string', `${lang}: web:deadlines.kinds.${k}`);
  }
});
