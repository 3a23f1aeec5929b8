/**
 * CSRF on every state-changing route of the app (derived from the app): with a session cookie and no X-CSRF-Token,
 * or from another origin, the request is refused (public routes such as login: the origin check only) with 403 csrf_failed before anything happens; with the token and our
 * origin it gets the same answer an API token gets.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { apiRoutes } from '../../src/server/routes/index.ts';
import { loadReference } from '../../src/data/load-reference.ts';
import { openHarness, ORIGIN, type Harness } from './harness.ts';
import { createFixture, matrixEntries, type Fixture } from './matrix.ts';

let h: Harness;
let fx: Fixture;
const MATRIX = matrixEntries(() => h);

before(async () => {
  h = await openHarness({ reference: loadReference({ shippedOnly: true }) });
  fx = await createFixture(h);
});
after(async () => { await h.close(); });

const unsafe = apiRoutes().filter((r) => r.method !== 'GET');

test('every state-changing route refuses a cookie request without the CSRF token or from another origin', async () => {
  assert.ok(unsafe.length >= 15);
  const session = await h.signIn('admin@a.example');
  for (const route of unsafe) {
    const key = `${route.method} ${route.path}`;
    const r = await MATRIX[key]!.req(fx, 'admin');
    const init = (headers: Record<string, string>) => ({
      ...(r.json !== undefined ? { json: r.json } : {}),
      ...(r.body ? { body: r.body } : {}),
      headers: { ...(r.headers ?? {}), cookie: session.cookie, ...headers },
    });
    for (const [why, headers] of [
      ['no token', {}],
      ['wrong token', { 'x-csrf-token': 'x'.repeat(43) }],
      ['another origin', { 'x-csrf-token': session.csrfToken, origin: 'https://attacker.example' }],
      ['cross-site fetch', { 'x-csrf-token': session.csrfToken, 'sec-fetch-site': 'cross-site' }],
    ] as const) {
      if (route.access === 'public' && why.endsWith('token')) continue; // login acts without the session: origin check only
      const res = await h.request(route.method, r.path, init(headers));
      const body = (await res.json()) as { error?: { code: string } };
      assert.equal(res.status, 403, `${key} (${why})`);
      assert.equal(body.error?.code, 'csrf_failed', `${key} (${why})`);
    }
  }
});

test('with the token and our own origin a cookie request works like a token request', async () => {
  const session = await h.signIn('attorney@a.example');
  for (const key of ['POST /api/cases', 'POST /api/cases/:caseId/docket', 'PATCH /api/cases/:caseId', 'POST /api/auth/tokens']) {
    const r = await MATRIX[key]!.req(fx, 'attorney');
    const res = await h.request(key.split(' ')[0]!, r.path, {
      json: r.json,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, origin: ORIGIN, 'sec-fetch-site': 'same-origin' },
    });
    assert.ok(res.status === 200 || res.status === 201, `${key}: ${res.status}`);
  }
});
