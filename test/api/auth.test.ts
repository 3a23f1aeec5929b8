import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openHarness, PASSWORD, type Harness } from './harness.ts';

let h: Harness;
before(async () => { h = await openHarness(); });
after(async () => { await h.close(); });

test('login sets an HttpOnly SameSite=Lax session cookie (not Secure over plain HTTP) and returns the CSRF token', async () => {
  const res = await h.request('POST', '/api/auth/login', { json: { email: 'attorney@a.example', password: PASSWORD } });
  assert.equal(res.status, 200);
  const cookie = res.headers.get('set-cookie')!;
  assert.match(cookie, /^writ_session=writ_s_[A-Za-z0-9_-]{43};/);
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Lax/);
  assert.doesNotMatch(cookie, /Secure/);
  const body = (await res.json()) as { user: { email: string; passwordHash?: string }; csrfToken: string };
  assert.equal(body.user.email, 'attorney@a.example');
  assert.equal(body.user.passwordHash, undefined);
  assert.ok(body.csrfToken.length >= 32);
});

test('over TLS the cookie is Secure and __Host- prefixed', async () => {
  const res = await h.app.request('https://writ.example/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'attorney@a.example', password: PASSWORD }),
  });
  assert.equal(res.status, 200);
  const cookie = res.headers.get('set-cookie')!;
  assert.match(cookie, /^__Host-writ_session=/);
  assert.match(cookie, /Secure/);
  assert.match(res.headers.get('strict-transport-security') ?? '', /max-age=/);
});

test('a wrong password and an unknown email get the same answer', async () => {
  const a = await h.request('POST', '/api/auth/login', { json: { email: 'paralegal@a.example', password: 'wrong password!!' } });
  const b = await h.request('POST', '/api/auth/login', { json: { email: 'nobody@a.example', password: 'wrong password!!' } });
  assert.equal(a.status, 401);
  assert.equal(b.status, 401);
  assert.deepEqual(await a.json(), await b.json());
  assert.equal(a.headers.get('set-cookie'), null);
});

test('login is rate limited per account: the 6th try in the window is refused even with the right password', async () => {
  for (let i = 0; i < 5; i++) {
    const r = await h.request('POST', '/api/auth/login', { json: { email: 'advocate@a.example', password: `wrong-${i}-password` } });
    assert.equal(r.status, 401);
  }
  const r = await h.request('POST', '/api/auth/login', { json: { email: 'advocate@a.example', password: PASSWORD } });
  assert.equal(r.status, 429);
  assert.equal(r.headers.get('retry-after'), '900');
  const body = (await r.json()) as { error: { code: string; message: string } };
  assert.equal(body.error.code, 'too_many_attempts');
  assert.match(body.error.message, /15 minutes/);
});

test('session cookie: me works; state-changing requests need the CSRF token and our own Origin', async () => {
  const { cookie, csrfToken } = await h.signIn('paralegal@a.example');
  const me = await h.request('GET', '/api/auth/me', { headers: { cookie } });
  assert.equal(me.status, 200);
  assert.equal(((await me.json()) as { via: string }).via, 'session');

  const create = (headers: Record<string, string>) =>
    h.request('POST', '/api/cases', { json: { title: 'CSRF case' }, headers: { cookie, ...headers } });
  const noToken = await create({});
  assert.equal(noToken.status, 403);
  assert.equal(((await noToken.json()) as { error: { code: string } }).error.code, 'csrf_failed');
  assert.equal((await create({ 'x-csrf-token': 'wrong' })).status, 403);
  assert.equal((await create({ 'x-csrf-token': csrfToken, origin: 'https://evil.example' })).status, 403);
  assert.equal((await create({ 'x-csrf-token': csrfToken, 'sec-fetch-site': 'cross-site' })).status, 403);
  const ok = await create({ 'x-csrf-token': csrfToken, origin: 'http://localhost' });
  assert.equal(ok.status, 201);

  const csrf = await h.request('GET', '/api/auth/csrf', { headers: { cookie } });
  assert.equal(((await csrf.json()) as { csrfToken: string }).csrfToken, csrfToken);
});

test('login from another origin is refused (login CSRF)', async () => {
  const r = await h.request('POST', '/api/auth/login', {
    json: { email: 'attorney@a.example', password: PASSWORD },
    headers: { origin: 'https://evil.example' },
  });
  assert.equal(r.status, 403);
});

test('logout ends the session: the old cookie no longer works', async () => {
  const { cookie, csrfToken } = await h.signIn('attorney@a.example');
  const out = await h.request('POST', '/api/auth/logout', { headers: { cookie, 'x-csrf-token': csrfToken } });
  assert.equal(out.status, 204);
  assert.match(out.headers.get('set-cookie') ?? '', /writ_session=;/);
  assert.equal((await h.request('GET', '/api/auth/me', { headers: { cookie } })).status, 401);
});

test('API tokens: issued once, work as Bearer, listed without the secret, revoked tokens stop working', async () => {
  const issued = await h.request('POST', '/api/auth/tokens', { as: 'attorney', json: { label: 'my laptop' } });
  assert.equal(issued.status, 201);
  const { token, record } = (await issued.json()) as { token: string; record: { id: string } };
  assert.match(token, /^writ_pat_/);
  const me = await h.request('GET', '/api/auth/me', { headers: { authorization: `Bearer ${token}` } });
  assert.equal(me.status, 200);
  const list = await h.request('GET', '/api/auth/tokens', { headers: { authorization: `Bearer ${token}` } });
  const text = await list.text();
  assert.ok(text.includes(record.id));
  assert.ok(!text.includes(token));
  // Both requests above came within the minute: the token's use was written once, at the first.
  const lastUsed = async () => {
    const r = await h.request('GET', '/api/auth/tokens', { as: 'attorney' });
    return ((await r.json()) as { tokens: { id: string; lastUsedAt: string | null }[] }).tokens.find((x) => x.id === record.id)?.lastUsedAt;
  };
  const first = await lastUsed();
  assert.ok(first);
  await new Promise((r) => setTimeout(r, 5));
  assert.equal((await h.request('GET', '/api/auth/me', { headers: { authorization: `Bearer ${token}` } })).status, 200);
  assert.equal(await lastUsed(), first, 'a third use within the minute is not written');
  assert.equal((await h.request('DELETE', `/api/auth/tokens/${record.id}`, { as: 'attorney' })).status, 204);
  assert.equal((await h.request('GET', '/api/auth/me', { headers: { authorization: `Bearer ${token}` } })).status, 401, 'revoked: refused on the very next request');
});

test('a bad bearer token is 401, never a fallback to the cookie', async () => {
  const { cookie } = await h.signIn('attorney@a.example');
  for (const authorization of ['Bearer nonsense', 'Bearer writ_pat_' + 'A'.repeat(43), 'Basic abc']) {
    const r = await h.request('GET', '/api/auth/me', { headers: { authorization, cookie } });
    assert.equal(r.status, 401, authorization);
  }
});

test('an admin adds a user; disabling them ends their sessions; an admin cannot disable themselves', async () => {
  const created = await h.request('POST', '/api/users', {
    as: 'admin',
    json: { email: 'leaver@a.example', displayName: 'Leaver', role: 'attorney', password: PASSWORD },
  });
  assert.equal(created.status, 201);
  const { id } = (await created.json()) as { id: string };
  const dup = await h.request('POST', '/api/users', {
    as: 'admin',
    json: { email: 'leaver@a.example', displayName: 'Leaver 2', role: 'attorney', password: PASSWORD },
  });
  assert.equal(dup.status, 409);
  const { cookie } = await h.signIn('leaver@a.example');
  assert.equal((await h.request('GET', '/api/auth/me', { headers: { cookie } })).status, 200);
  const off = await h.request('PATCH', `/api/users/${id}`, { as: 'admin', json: { disabled: true } });
  assert.equal(off.status, 200);
  assert.equal((await h.request('GET', '/api/auth/me', { headers: { cookie } })).status, 401);
  const self = await h.request('PATCH', `/api/users/${h.users.admin.id}`, { as: 'admin', json: { disabled: true } });
  assert.equal(self.status, 409);
});

test('--secure-cookies marks the cookie Secure even on plain HTTP (behind a TLS proxy)', async () => {
  const { createApp } = await import('../../src/server/app.ts');
  const app = createApp({ ...h.deps, config: { ...h.deps.config, secureCookies: true } });
  const res = await app.request('http://localhost/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'paralegal@a.example', password: PASSWORD }),
  });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('set-cookie')!, /^__Host-writ_session=.*; Secure/);
});

test('every answer carries a request id, and the audit log records it', async () => {
  const res = await h.request('POST', '/api/cases', { as: 'attorney', json: { title: 'Request id case' } });
  const requestId = res.headers.get('x-request-id');
  assert.match(requestId ?? '', /^[0-9a-f-]{36}$/);
  const { id } = (await res.json()) as { id: string };
  const audit = (await (await h.request('GET', `/api/audit?entityId=${id}`, { as: 'admin' })).json()) as { entries: { requestId: string | null }[] };
  assert.ok(audit.entries.some((e) => e.requestId === requestId));
});

test('a user changes their own password: the current one is required, old sessions end, a new one starts', async () => {
  const created = await h.request('POST', '/api/users', {
    as: 'admin',
    json: { email: 'changer@a.example', displayName: 'Changer', role: 'paralegal', password: PASSWORD },
  });
  assert.equal(created.status, 201);
  const old = await h.signIn('changer@a.example');
  const other = await h.signIn('changer@a.example');
  const wrong = await h.request('POST', '/api/auth/password', {
    headers: { cookie: old.cookie, 'x-csrf-token': old.csrfToken },
    json: { currentPassword: 'not the password', newPassword: 'a brand new password' },
  });
  assert.equal(wrong.status, 401);
  const ok = await h.request('POST', '/api/auth/password', {
    headers: { cookie: old.cookie, 'x-csrf-token': old.csrfToken },
    json: { currentPassword: PASSWORD, newPassword: 'a brand new password' },
  });
  assert.equal(ok.status, 200);
  const fresh = ok.headers.get('set-cookie')!.split(';')[0]!;
  assert.equal((await h.request('GET', '/api/auth/me', { headers: { cookie: other.cookie } })).status, 401);
  assert.equal((await h.request('GET', '/api/auth/me', { headers: { cookie: fresh } })).status, 200);
  await h.signIn('changer@a.example', 'a brand new password');
});

test('behind a trusted proxy, the per-address login limit counts the address the proxy saw (last X-Forwarded-For)', async () => {
  const { createApp } = await import('../../src/server/app.ts');
  const app = createApp({ ...h.deps, config: { ...h.deps.config, trustProxy: true } });
  const login = (email: string, password: string, xff: string) =>
    app.request('http://localhost/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': xff },
      body: JSON.stringify({ email, password }),
    });
  for (let i = 0; i < 30; i++) {
    // The client forges a different first entry every time; the proxy's entry stays the same.
    assert.equal((await login(`nobody${i}@a.example`, 'wrong password here', `10.1.1.${i}, 198.51.100.7`)).status, 401);
  }
  assert.equal((await login('attorney@a.example', PASSWORD, '10.9.9.9, 198.51.100.7')).status, 429);
  assert.equal((await login('attorney@a.example', PASSWORD, '198.51.100.8')).status, 200);
});
