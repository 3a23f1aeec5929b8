import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ACTIONS } from '../../src/auth/policy.ts';
import { ERROR_STATUS } from '../../src/server/errors.ts';
import { apiRoutes } from '../../src/server/routes/index.ts';

const doc = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');

test('docs/api.md lists every route, every policy action and every error code', () => {
  const missing = [
    ...apiRoutes().map((r) => `\`${r.method} ${r.path}\``),
    ...ACTIONS.map((a) => `\`${a}\``),
    ...Object.keys(ERROR_STATUS).map((c) => `\`${c}\``),
  ].filter((s) => !doc.includes(s));
  assert.deepEqual(missing, [], 'add these to docs/api.md');
});
