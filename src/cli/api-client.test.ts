import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient, CliProblem, deleteLogin, isLoopback, loadLogin, loginFilePath, normalizeServerUrl, saveLogin } from './api-client.ts';
import { render } from '../i18n/i18n.ts';

const dir = mkdtempSync(join(tmpdir(), 'writ-api-client-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function problemOf(fn: () => unknown): CliProblem {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof CliProblem, String(e));
    return e;
  }
  assert.fail('expected a CliProblem');
}

test('login file: --config wins, then $XDG_CONFIG_HOME/writ/cli.json, then ~/.config/writ/cli.json', () => {
  assert.equal(loginFilePath('/x/y.json', { XDG_CONFIG_HOME: '/cfg', HOME: '/home/u' }), '/x/y.json');
  assert.equal(loginFilePath(undefined, { XDG_CONFIG_HOME: '/cfg', HOME: '/home/u' }), '/cfg/writ/cli.json');
  assert.equal(loginFilePath(undefined, { HOME: '/home/u' }), '/home/u/.config/writ/cli.json');
  // The XDG spec ignores a relative XDG_CONFIG_HOME.
  assert.equal(loginFilePath(undefined, { XDG_CONFIG_HOME: 'rel', HOME: '/home/u' }), '/home/u/.config/writ/cli.json');
});

test('saveLogin writes mode 0600 (folder created), loadLogin reads it back, deleteLogin removes it', () => {
  const path = join(dir, 'deep', 'writ', 'cli.json');
  saveLogin(path, { url: 'http://127.0.0.1:8080', token: 'writ_pat_x', tokenId: 't1' });
  assert.equal(statSync(path).mode & 0o777, 0o600);
  assert.deepEqual(loadLogin(path, {}), { url: 'http://127.0.0.1:8080', token: 'writ_pat_x', tokenId: 't1' });
  // Replacing an existing file that had wider permissions still leaves 0600.
  writeFileSync(path, '{}', { mode: 0o644 });
  saveLogin(path, { url: 'http://127.0.0.1:9', token: 'writ_pat_y' });
  assert.equal(statSync(path).mode & 0o777, 0o600);
  assert.equal(JSON.parse(readFileSync(path, 'utf8')).token, 'writ_pat_y');
  deleteLogin(path);
  assert.equal(problemOf(() => loadLogin(path, {})).problem.code, 'cli:login.notLoggedIn');
});

test('WRIT_URL + WRIT_TOKEN override the file; one alone is a usage problem; a damaged file says so', () => {
  const path = join(dir, 'file.json');
  saveLogin(path, { url: 'http://127.0.0.1:1', token: 'writ_pat_file', tokenId: 'x' });
  assert.deepEqual(loadLogin(path, { WRIT_URL: 'http://127.0.0.1:2/', WRIT_TOKEN: 'writ_pat_env' }), { url: 'http://127.0.0.1:2', token: 'writ_pat_env' });
  const half = problemOf(() => loadLogin(path, { WRIT_TOKEN: 'writ_pat_env' }));
  assert.equal(half.problem.code, 'cli:login.envIncomplete');
  assert.equal(half.exitCode, 2);
  writeFileSync(path, 'not json');
  const damaged = problemOf(() => loadLogin(path, {}));
  assert.equal(damaged.exitCode, 2);
  assert.match(render('en', damaged.problem), /file\.json is damaged\. Run `writ login` again/);
  assert.match(render('es', damaged.problem), /está dañado/);
});

test('server URLs: http(s) only, no credentials or query, trailing slash dropped; loopback recognised', () => {
  assert.equal(normalizeServerUrl('http://127.0.0.1:8080/'), 'http://127.0.0.1:8080');
  assert.equal(normalizeServerUrl(' https://writ.example.org/base/ '), 'https://writ.example.org/base');
  for (const bad of ['ftp://x', 'not a url', '127.0.0.1:8080']) assert.equal(problemOf(() => normalizeServerUrl(bad)).problem.code, 'cli:url.invalid', bad);
  for (const bad of ['https://u:p@x.org', 'https://x.org/?a=1', 'https://x.org/#f']) assert.equal(problemOf(() => normalizeServerUrl(bad)).problem.code, 'cli:url.extraParts', bad);
  assert.ok(isLoopback('http://127.0.0.1:8080') && isLoopback('http://localhost:1') && isLoopback('http://[::1]:1'));
  assert.ok(!isLoopback('http://10.0.0.5:8080'));
});

test('ApiClient: error answers become problems by status and code; a non-Writ answer says so; the token is sent, never shown', async () => {
  let seenAuth = '';
  const answers: Record<string, [number, string]> = {
    '/forbidden': [403, JSON.stringify({ error: { code: 'forbidden', message: 'no' } })],
    '/missing': [404, JSON.stringify({ error: { code: 'not_found', message: 'Not found.' } })],
    '/route': [404, JSON.stringify({ error: { code: 'route_not_found', message: 'x' } })],
    '/limited': [429, JSON.stringify({ error: { code: 'too_many_attempts', message: 'Wait 15 minutes.' } })],
    '/html': [200, '<html>hello</html>'],
    '/html404': [404, '<html>nope</html>'],
    '/ok': [200, '{"a":1}'],
  };
  const server: Server = createServer((req, res) => {
    seenAuth = req.headers.authorization ?? '';
    const [status, body] = answers[req.url!] ?? [500, ''];
    res.writeHead(status, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const c = new ApiClient({ url, token: 'writ_pat_secret', lang: 'en' });
  const fail = async (path: string, notFound?: { code: string }) => {
    try {
      await c.json('GET', path, notFound ? { notFound } : {});
    } catch (e) {
      assert.ok(e instanceof CliProblem);
      assert.ok(!render('en', e.problem).includes('writ_pat_secret'));
      return e;
    }
    assert.fail(`expected ${path} to fail`);
  };
  try {
    assert.deepEqual((await c.json('GET', '/ok')).body, { a: 1 });
    assert.equal(seenAuth, 'Bearer writ_pat_secret');
    assert.equal((await fail('/forbidden')).problem.code, 'cli:api.forbidden');
    assert.equal((await fail('/missing')).problem.code, 'cli:api.notFound');
    assert.equal((await fail('/missing', { code: 'cli:case.notFound' })).problem.code, 'cli:case.notFound');
    assert.equal((await fail('/route')).problem.code, 'cli:api.routeNotFound');
    const limited = await fail('/limited');
    assert.equal(render('en', limited.problem), 'The server refused the request (429 too_many_attempts): Wait 15 minutes.');
    for (const p of ['/html', '/html404']) assert.match(render('en', (await fail(p)).problem), /did not answer like a Writ server/);
  } finally {
    await new Promise((r) => server.close(r));
  }
});
