import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/server/app.ts';
import { apiRoutes } from '../../src/server/routes/index.ts';
import { openApiPath } from '../../src/server/route.ts';
import { openHarness, type Harness } from './harness.ts';

let h: Harness;
let webDir: string;

before(async () => {
  webDir = mkdtempSync(join(tmpdir(), 'writ-web-'));
  mkdirSync(join(webDir, 'assets'));
  writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Writ</title><div id="root"></div>');
  writeFileSync(join(webDir, 'assets', 'app.js'), 'console.log("writ")');
  h = await openHarness({ config: { webDir } });
});
after(async () => {
  await h.close();
  rmSync(webDir, { recursive: true, force: true });
});

test('the OpenAPI document lists every route with its access, parameters and schemas', async () => {
  const res = await h.request('GET', '/api/openapi.json');
  assert.equal(res.status, 200);
  const doc = (await res.json()) as {
    openapi: string;
    paths: Record<string, Record<string, { 'x-writ-access': string; parameters: { name: string; in: string }[]; requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> } }>>;
  };
  assert.equal(doc.openapi, '3.1.0');
  const operationIds = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((op) => (op as unknown as { operationId: string }).operationId));
  assert.equal(new Set(operationIds).size, operationIds.length, 'operationIds are unique');
  for (const r of apiRoutes()) {
    const op = doc.paths[openApiPath(r.path)]?.[r.method.toLowerCase()];
    assert.ok(op, `${r.method} ${r.path} missing from the OpenAPI document`);
    assert.equal(op['x-writ-access'], r.access);
    for (const name of [...r.path.matchAll(/:(\w+)/g)].map((m) => m[1])) {
      assert.ok(op.parameters.some((p) => p.name === name && p.in === 'path'), `${r.path}: path parameter ${name}`);
    }
  }
  // The body schema is the validating zod schema: the facts format's fields appear in the case body.
  const caseBody = doc.paths['/api/cases']!.post!.requestBody!.content['application/json']!.schema;
  assert.ok(caseBody.properties?.title && caseBody.properties?.facts);
  assert.match(JSON.stringify(caseBody.properties.facts), /benefitRequest/);
});

test('security headers on answers and errors; API answers are not cached', async () => {
  for (const res of [await h.request('GET', '/api/health'), await h.request('GET', '/api/cases')]) {
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /default-src 'self'/);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('x-frame-options'), 'DENY');
    assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.equal(res.headers.get('strict-transport-security'), null, 'no HSTS over plain HTTP');
  }
});

test('the web app hook: files from the web folder, index.html for client routes, never for /api', async () => {
  const js = await h.request('GET', '/assets/app.js');
  assert.equal(js.status, 200);
  assert.match(await js.text(), /writ/);
  assert.match(js.headers.get('cache-control') ?? '', /immutable/);
  const page = await h.request('GET', '/cases/123/evidence');
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-type') ?? '', /text\/html/);
  assert.match(await page.text(), /id="root"/);
  assert.equal(page.headers.get('cache-control'), 'no-cache');
  const missing = await h.request('GET', '/assets/gone-1234.js');
  assert.equal(missing.status, 404);
  assert.doesNotMatch(missing.headers.get('cache-control') ?? '', /immutable/);
  const api = await h.request('GET', '/api/unknown');
  assert.equal(api.status, 404);
  assert.match(api.headers.get('content-type') ?? '', /json/);
  const traversal = await h.request('GET', '/assets/..%2f..%2f..%2fetc%2fpasswd');
  assert.doesNotMatch(await traversal.text(), /root:/);
});

test('without a web folder, other paths are a JSON 404', async () => {
  const app = createApp({ ...h.deps, config: { ...h.deps.config, webDir: null } });
  const res = await app.request('http://localhost/cases/1');
  assert.equal(res.status, 404);
});

test('the request log has method, route pattern, status and time, and nothing from the request', async () => {
  h.logs.length = 0;
  const name = 'Rosa Itzel Quispe Mamani';
  const aNumber = 'A123456789';
  const created = await h.request('POST', '/api/cases', {
    as: 'attorney',
    json: { title: `${name} v. Director`, facts: { version: 1, notes: `${aNumber} born 1990-02-03, 12 Calle Luna` } },
  });
  assert.equal(created.status, 201);
  const { id } = (await created.json()) as { id: string };
  await h.request('POST', `/api/cases/${id}/parties`, { as: 'attorney', json: { role: 'petitioner', name, details: { aNumber } } });
  await h.request('GET', `/api/cases/${id}?lang=es`, { as: 'attorney' });
  await h.request('POST', '/api/auth/login', { json: { email: 'attorney@a.example', password: name } });
  await h.request('POST', '/api/cases', { as: 'attorney', json: { title: 7, facts: { version: 1, notes: name } } });
  const log = h.logs.join('\n');
  for (const secret of [name, aNumber, '1990-02-03', 'Calle Luna', id, 'attorney@a.example', 'lang=es']) {
    assert.ok(!log.includes(secret), `the log contains ${secret}`);
  }
  const requestLines = h.logs.filter((l) => /^(GET|POST|PUT|PATCH|DELETE) /.test(l));
  assert.ok(requestLines.length >= 5);
  for (const l of requestLines) assert.match(l, /^(GET|POST|PUT|PATCH|DELETE) (\/api\/[\w/:.-]*|-|\(web[^)]*\)) \d{3} [\d.]+ms$/);
  assert.ok(requestLines.includes(requestLines.find((l) => l.startsWith('GET /api/cases/:caseId 200'))!));
});
