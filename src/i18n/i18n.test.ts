import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadResources, t } from './i18n.ts';

function keys(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

test('Spanish has every key English has, and no extra (parity)', () => {
  const r = loadResources();
  for (const ns of new Set([...Object.keys(r.en), ...Object.keys(r.es)])) {
    const en = new Set(keys(r.en[ns] ?? {}));
    const es = new Set(keys(r.es[ns] ?? {}));
    const missing = [...en].filter((k) => !es.has(k));
    const extra = [...es].filter((k) => !en.has(k));
    assert.deepEqual(missing, [], `es/${ns}.json lacks keys that en/${ns}.json has`);
    assert.deepEqual(extra, [], `es/${ns}.json has keys that en/${ns}.json lacks`);
  }
});

test('Spanish strings keep the same {{placeholders}} as English', () => {
  const r = loadResources();
  const ph = (s: unknown) => [...String(s).matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort().join(',');
  for (const ns of Object.keys(r.en)) {
    const get = (o: unknown, path: string) => path.split('.').reduce<any>((a, k) => a?.[k], o);
    for (const k of keys(r.en[ns])) {
      assert.equal(ph(get(r.es[ns], k)), ph(get(r.en[ns], k)), `${ns}:${k} placeholders differ`);
    }
  }
});

test('renders a common message in both languages with parameters', () => {
  assert.match(t('en', 'common:notLegalAdvice'), /not legal advice/i);
  assert.match(t('es', 'common:notLegalAdvice'), /no es asesoría legal/i);
});
