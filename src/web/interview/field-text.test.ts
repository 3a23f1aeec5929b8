import { test } from 'node:test';
import assert from 'node:assert/strict';
import { factsJsonSchema } from '../../core/facts/index.ts';
import { loadResources } from '../../i18n/i18n.ts';
import { fieldSpec } from './field-spec.ts';

/** Every leaf of the facts schema, as a dotted path. */
function leaves(node: any, prefix = ''): string[] {
  if (node?.type === 'object' && node.properties) {
    return Object.entries(node.properties).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

const get = (o: unknown, path: string) => path.split('.').reduce<any>((a, k) => a?.[k], o);

test('every facts field the interview can ask has a question in web.json, in English and Spanish', () => {
  const r = loadResources();
  const schema = factsJsonSchema();
  const paths = leaves(schema).filter((p) => p !== 'version');
  assert.ok(paths.length > 100);
  for (const lang of ['en', 'es'] as const) {
    for (const p of paths) {
      const label = get(r[lang].web, `fields.${p}.label`);
      assert.equal(typeof label, 'string', `${lang}/web.json lacks fields.${p}.label`);
      assert.ok(label.length > 0);
      const spec = fieldSpec(schema, p);
      if (spec && (spec.kind === 'choice' || spec.kind === 'multiChoice')) {
        for (const o of spec.options) {
          assert.equal(typeof get(r[lang].web, `fields.${p}.options`)?.[o], 'string', `${lang}/web.json lacks fields.${p}.options.${o}`);
        }
      }
    }
  }
});
