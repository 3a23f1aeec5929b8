/**
 * Every route, given bad input, answers a 4xx with a stable code and a message — never a 500, never a stack trace:
 * malformed JSON, a wrong content type, wrong types, oversize bodies, unknown ids, malformed ids and bad query values.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { ERROR_STATUS } from '../../src/server/errors.ts';
import { apiRoutes } from '../../src/server/routes/index.ts';
import { loadReference } from '../../src/data/load-reference.ts';
import { z } from 'zod';
import { openHarness, type Harness } from './harness.ts';
import { createFixture, matrixEntries, type Fixture } from './matrix.ts';

const MAX_JSON = 16 * 1024;
const MAX_EVIDENCE = 64 * 1024;
let h: Harness;
let fx: Fixture;
const MATRIX = matrixEntries(() => h);

before(async () => {
  h = await openHarness({
    reference: loadReference({ shippedOnly: true }),
    config: { maxJsonBytes: MAX_JSON, maxEvidenceBytes: MAX_EVIDENCE },
    evidenceMaxBytes: MAX_EVIDENCE,
  });
  fx = await createFixture(h);
});
after(async () => { await h.close(); });

async function expectClientError(res: Response, what: string, status?: number, code?: string): Promise<string> {
  const text = await res.text();
  assert.ok(res.status >= 400 && res.status < 500, `${what}: expected a 4xx, got ${res.status} ${text.slice(0, 200)}`);
  if (status) assert.equal(res.status, status, `${what}: ${text.slice(0, 200)}`);
  assert.match(res.headers.get('content-type') ?? '', /application\/json/, what);
  const body = JSON.parse(text) as { error: { code: string; message: string } };
  assert.ok(body.error.code in ERROR_STATUS, `${what}: unknown code ${body.error.code}`);
  if (code) assert.equal(body.error.code, code, what);
  assert.ok(body.error.message.length > 10, what);
  assert.doesNotMatch(text, /\n\s+at |node_modules|\.ts:\d+/, `${what}: looks like a stack trace`);
  return body.error.code;
}

const FIXTURE_IDS = () => [fx.caseId, fx.evidenceId, fx.deadlineId, fx.targetUserId, fx.documentId];

for (const route of apiRoutes()) {
  const key = `${route.method} ${route.path}`;
  test(`bad input: ${key}`, async () => {
    const entry = MATRIX[key]!;
    const good = await entry.req(fx, 'admin');
    const send = (path: string, init: { json?: unknown; body?: BodyInit; headers?: Record<string, string> } = {}) =>
      h.request(route.method, path, { as: 'admin', ...init });

    if (route.body) {
      await expectClientError(
        await send(good.path, { body: '{"title": "unterminated', headers: { 'content-type': 'application/json' } }),
        `${key} malformed JSON`, 400, 'invalid_json',
      );
      await expectClientError(await send(good.path, { json: 42 }), `${key} a number instead of an object`, 400);
      await expectClientError(await send(good.path, { json: [1, 2] }), `${key} a list instead of an object`, 400);
      await expectClientError(
        await send(good.path, { body: JSON.stringify(good.json), headers: { 'content-type': 'text/plain' } }),
        `${key} wrong content type`, 415, 'unsupported_media_type',
      );
      await expectClientError(
        await send(good.path, { json: { pad: 'x'.repeat(MAX_JSON + 10) } }),
        `${key} oversize body`, 413, 'payload_too_large',
      );
      // Wrong types: every top-level field the schema knows, set to a value of the wrong kind.
      const shape = (route.body as unknown as { shape?: Record<string, unknown> }).shape
        ?? ((route.body as z.ZodType).def as { in?: { shape?: Record<string, unknown> } }).in?.shape;
      for (const field of Object.keys(shape ?? {})) {
        await expectClientError(
          await send(good.path, { json: { ...(good.json as object), [field]: { nested: [true] } } }),
          `${key} wrong type for ${field}`, 400,
        );
      }
    }
    if (route.headers) {
      for (const field of Object.keys((route.headers as unknown as { shape: Record<string, unknown> }).shape)) {
        const without = { ...(good.headers ?? {}) };
        delete without[field];
        await expectClientError(await send(good.path, { body: good.body ?? '', headers: without }), `${key} without ${field}`, 400, 'invalid_request');
        await expectClientError(
          await send(good.path, { body: good.body ?? '', headers: { ...(good.headers ?? {}), [field]: '%E0%A4%A' } }),
          `${key} malformed ${field}`, 400, 'invalid_request',
        );
      }
    }
    if (route.rawBody) {
      await expectClientError(
        await send(good.path, { body: new Uint8Array(MAX_EVIDENCE + 1), headers: good.headers ?? {} }),
        `${key} oversize upload`, 413, 'payload_too_large',
      );
    }

    const ids = FIXTURE_IDS().filter((id) => good.path.includes(id));
    const tokenId = route.path.includes(':tokenId') ? good.path.split('/').pop()! : null;
    for (const id of tokenId ? [...ids, tokenId] : ids) {
      const init = { ...(good.json !== undefined ? { json: good.json } : {}), ...(good.body ? { body: good.body } : {}), ...(good.headers ? { headers: good.headers } : {}) };
      await expectClientError(await send(good.path.replace(id, randomUUID()), init), `${key} unknown id`, 404, 'not_found');
      await expectClientError(await send(good.path.replace(id, 'not-an-id'), init), `${key} malformed id`, 400);
      await expectClientError(await send(good.path.replace(id, '%00%ff'), init), `${key} garbage id`);
    }

    if (route.query) {
      const fields = Object.keys((route.query as unknown as { shape: Record<string, unknown> }).shape);
      const [base, qs = ''] = good.path.split('?');
      for (const field of fields) {
        const params = new URLSearchParams(qs);
        params.set(field, 'x'.repeat(5000));
        await expectClientError(await send(`${base}?${params}`), `${key} bad ?${field}`, 400, 'invalid_request');
      }
    }
  });
}

test('unknown routes and wrong methods answer JSON 404 and 405', async () => {
  await expectClientError(await h.request('GET', '/api/nothing-here', { as: 'admin' }), 'unknown route', 404, 'route_not_found');
  const res = await h.request('DELETE', '/api/cases', { as: 'admin' });
  assert.equal(res.headers.get('allow')?.includes('GET'), true);
  await expectClientError(res, 'wrong method', 405, 'method_not_allowed');
});

test('errors are in Spanish when asked', async () => {
  const res = await h.request('GET', '/api/cases', { headers: { 'accept-language': 'es-MX,es;q=0.9' } });
  const body = (await res.json()) as { error: { code: string; message: string } };
  assert.equal(body.error.code, 'unauthenticated');
  assert.match(body.error.message, /Inicie sesión/);
});

test('an invalid request names the fields, never echoes their values', async () => {
  const secret = 'María Secreta Ejemplo';
  const res = await h.request('POST', '/api/cases', { as: 'admin', json: { title: 42, facts: { version: 1, notes: 7, person: secret } } });
  const text = await res.text();
  assert.equal(res.status, 400);
  assert.ok(!text.includes(secret));
  const body = JSON.parse(text) as { error: { issues: { path: string }[] } };
  assert.ok(body.error.issues.some((i) => i.path === 'title'));
});

test('deeply nested JSON is a 400, not a crash', async () => {
  const deep = '{"title":"x","facts":' + '['.repeat(7000) + ']'.repeat(7000) + '}';
  await expectClientError(
    await h.request('POST', '/api/cases', { as: 'admin', body: deep, headers: { 'content-type': 'application/json' } }),
    'deep arrays', 400,
  );
  const deepObj = '{"facts":{"version":1,"person":' + '{"a":'.repeat(2500) + '1' + '}'.repeat(2500) + '}}';
  await expectClientError(
    await h.request('POST', '/api/analyze', { as: 'admin', body: deepObj, headers: { 'content-type': 'application/json' } }),
    'deep objects', 400,
  );
});
