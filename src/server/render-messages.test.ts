import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withRenderedMessages } from './render-messages.ts';

test('adds text beside every message, in the asked language, and leaves other data alone', () => {
  const value = {
    n: 3,
    code: 'not a message because of other keys',
    other: 'x',
    warnings: [{ code: 'common:circuitDependentWarning', params: { circuit: '9' } }],
    nested: { m: { code: 'common:notLegalAdvice' } },
    at: new Date('2026-01-02T00:00:00Z'),
  };
  const en = withRenderedMessages(value, 'en') as any;
  assert.equal(en.n, 3);
  assert.equal(en.other, 'x');
  assert.equal(en.text, undefined);
  assert.match(en.warnings[0].text, /circuit \(9\)/);
  assert.match(en.nested.m.text, /not legal advice/);
  assert.ok(en.at instanceof Date);
  const es = withRenderedMessages(value, 'es') as any;
  assert.match(es.nested.m.text, /no es asesoría legal/);
  assert.equal((value.warnings[0] as any).text, undefined, 'the input is not changed');
});
