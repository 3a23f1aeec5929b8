import { test } from 'node:test';
import assert from 'node:assert/strict';
import { requestLang } from './lang.ts';

test('picks the language from ?lang, then Accept-Language, else English', () => {
  assert.equal(requestLang('es', 'en-US'), 'es');
  assert.equal(requestLang(undefined, 'es-MX,es;q=0.9,en;q=0.8'), 'es');
  assert.equal(requestLang(undefined, 'fr-FR, es;q=0.5'), 'es');
  assert.equal(requestLang('fr', undefined), 'en');
  assert.equal(requestLang(undefined, ''), 'en');
});
