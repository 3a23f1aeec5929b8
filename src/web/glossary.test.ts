import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadResources } from '../i18n/i18n.ts';
import { GLOSSARY, termForField } from './glossary.ts';

test('every glossary term has its words and plain explanation in both languages, and names its source', () => {
  const r = loadResources();
  for (const id of Object.keys(GLOSSARY) as Array<keyof typeof GLOSSARY>) {
    assert.match(GLOSSARY[id].spec, /SPEC §/);
    for (const lang of ['en', 'es'] as const) {
      const t = (r[lang].web as any).terms[id];
      assert.equal(typeof t?.term, 'string', `${lang} web:terms.${id}.term`);
      assert.ok(t.plain.length > 20, `${lang} web:terms.${id}.plain`);
    }
  }
});

test('detainer and 287(g) questions come with their explanation', () => {
  assert.equal(termForField('detainer.warrant'), 'DETAINER');
  assert.equal(termForField('enforcement.has287g'), 'PROGRAM_287G');
  assert.equal(termForField('person.name'), null);
});
