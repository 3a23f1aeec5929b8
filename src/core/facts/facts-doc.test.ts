// docs/facts.md must be exactly what the schema generates (FIX_DOCS=1 rewrites it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { renderFactsDoc } from './facts-doc.ts';
import { factsJsonSchema } from './facts-json-schema.ts';

const path = new URL('../../../docs/facts.md', import.meta.url);

test('docs/facts.md is generated from the facts schema and up to date', () => {
  const want = renderFactsDoc();
  if (process.env.FIX_DOCS === '1') writeFileSync(path, want);
  assert.equal(readFileSync(path, 'utf8'), want, 'docs/facts.md is stale: run FIX_DOCS=1 node scripts/run-tests.mjs src/core/facts/facts-doc');
});

test('docs/facts.md explains every field of the schema', () => {
  const doc = renderFactsDoc();
  const walk = (s: any, p: string): void => {
    for (const [k, v] of Object.entries<any>(s.properties ?? {})) {
      const q = p ? `${p}.${k}` : k;
      assert.ok(doc.includes(`\`${q}\``), `docs/facts.md lacks ${q}`);
      if (v.properties) walk(v, q);
    }
  };
  walk(factsJsonSchema(), '');
  assert.match(doc, /`person\.aNumber` 🔒/);
});

test('the example in docs/facts.md is valid facts', async () => {
  const { parseFacts } = await import('./parse-facts.ts');
  const block = /```json\n([\s\S]*?)```/.exec(renderFactsDoc())![1]!;
  assert.equal(parseFacts(block).ok, true);
});
