/**
 * The authorization matrix: EVERY route of the app, called as every role, as an anonymous client, and as the admin
 * of ANOTHER organization, against src/auth/policy.ts. The route list comes from the app itself: a route without an
 * entry here (or an entry without a route) fails the test.
 *
 * Expected: public routes answer everyone; others answer 401 to anonymous callers; a role the policy allows gets the
 * route's success status (and a body matching its declared schema); a role it does not allow gets 403; the other
 * organization's admin gets 404 for anything addressed by an id of organization A, as if it did not exist.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { can } from '../../src/auth/policy.ts';
import { apiRoutes } from '../../src/server/routes/index.ts';
import type { AnyRoute } from '../../src/server/route.ts';
import { loadReference } from '../../src/data/load-reference.ts';
import { openHarness, ROLE_CALLERS, type CallerName, type Harness } from './harness.ts';
import { createFixture, matrixEntries, type Entry, type Fixture } from './matrix.ts';

const CALLERS: CallerName[] = ['anonymous', ...ROLE_CALLERS, 'otherOrgAdmin'];

/** The matrix over one database: `database` names it in the test titles; `open` gives the harness options. */
export function authorizationMatrix(database: string, open: () => Promise<{ databaseUrl?: string; cleanup?: () => Promise<void> }>): void {
  let h: Harness;
  let fx: Fixture;
  let cleanup: (() => Promise<void>) | undefined;
  const MATRIX = matrixEntries(() => h);

  before(async () => {
    const o = await open();
    cleanup = o.cleanup;
    h = await openHarness({ reference: loadReference({ shippedOnly: true }), ...(o.databaseUrl ? { databaseUrl: o.databaseUrl } : {}) });
    fx = await createFixture(h);
  });
  after(async () => {
    await h?.close();
    await cleanup?.();
  });

  function expected(route: AnyRoute, entry: Entry, caller: CallerName): number {
    const ok = route.responses[0]!.status;
    if (route.access === 'public') return ok;
    if (caller === 'anonymous') return 401;
    const role = caller === 'otherOrgAdmin' ? 'admin' : caller;
    if (route.access !== 'signed-in' && !can(role, route.access)) return 403;
    if (caller === 'otherOrgAdmin' && entry.scoped) return 404;
    return ok;
  }

  test(`${database}: every route of the app has a matrix entry, and every entry a route`, () => {
    const appRoutes = h.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`);
    const missing = appRoutes.filter((k) => !(k in MATRIX));
    const stale = Object.keys(MATRIX).filter((k) => !appRoutes.includes(k));
    assert.deepEqual(missing, [], 'routes without a matrix entry: add them to MATRIX');
    assert.deepEqual(stale, [], 'matrix entries without a route');
  });

  for (const route of apiRoutes()) {
    const key = `${route.method} ${route.path}`;
    test(`${database} authorization: ${key} [${route.access}]`, async () => {
      const entry = MATRIX[key];
      assert.ok(entry, `no matrix entry for ${key}`);
      for (const caller of CALLERS) {
        const r = await entry.req(fx, caller);
        const res = await h.request(route.method, r.path, {
          as: caller,
          ...(r.json !== undefined ? { json: r.json } : {}),
          ...(r.body ? { body: r.body } : {}),
          ...(r.headers ? { headers: r.headers } : {}),
        });
        const want = expected(route, entry, caller);
        const text = await res.text();
        assert.equal(res.status, want, `${key} as ${caller}: expected ${want}, got ${res.status} ${text.slice(0, 300)}`);
        if (want >= 400) {
          const body = JSON.parse(text) as { error: { code: string; message: string } };
          assert.equal(typeof body.error.code, 'string');
          assert.equal(typeof body.error.message, 'string');
        } else {
          const spec = route.responses.find((x) => x.status === want)!;
          if (spec.schema) {
            const parsed = spec.schema.safeParse(JSON.parse(text));
            assert.ok(parsed.success, `${key} as ${caller}: the body does not match the declared schema: ${parsed.error?.message}`);
          }
        }
      }
    });
  }

  test(`${database}: another organization never sees organization A in lists`, async () => {
    for (const path of ['/api/cases', '/api/users', '/api/audit?limit=1000', '/api/auth/tokens']) {
      const text = await (await h.request('GET', path, { as: 'otherOrgAdmin' })).text();
      assert.ok(!text.includes(fx.caseId), `${path} leaks a case id`);
      assert.ok(!text.includes(h.users.attorney.id), `${path} leaks a user id`);
      assert.ok(!text.includes('Fixture case'), `${path} leaks a case title`);
    }
  });
}
