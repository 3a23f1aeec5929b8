/**
 * `writ login`, `writ case …` and `writ logout` against a real Writ server started in-process (one for the file, on an
 * embedded database from the migrated template): the CLI reaches case data only through the API, with its token.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../main.ts';
import { captureIo } from '../test-io.ts';
import { startServer, type RunningServer } from '../../server/start-server.ts';
import { pgliteTemplate } from '../../store/testing/pglite-template.ts';
import { hashPassword } from '../../auth/password.ts';
import { saveLogin } from '../api-client.ts';

const ADMIN = 'admin@org-a.example';
const PASSWORD = 'a long password for the cli tests';
const OTHER = 'admin@org-b.example';
const dir = mkdtempSync(join(tmpdir(), 'writ-cli-case-'));
const configA = join(dir, 'a', 'cli.json');
const configB = join(dir, 'b.json');
let server: RunningServer;
let token = '';
let caseId = '';
let otherCaseId = '';
/** Everything the CLI printed in this file, to check no token ever appears in it. */
const printed: string[] = [];

async function writ(argv: string[], stdin = '') {
  const io = captureIo(stdin);
  const code = await main([...argv, '--lang', 'en'], io);
  printed.push(io.out, io.err);
  return { code, out: io.out, err: io.err };
}

async function api(method: string, path: string, bearer: string, json?: unknown) {
  const res = await fetch(server.url + path, {
    method,
    headers: { authorization: `Bearer ${bearer}`, ...(json ? { 'content-type': 'application/json' } : {}) },
    ...(json ? { body: JSON.stringify(json) } : {}),
  });
  return { status: res.status, body: res.status === 204 ? null : ((await res.json()) as Record<string, unknown>) };
}

const saved = { WRIT_URL: process.env.WRIT_URL, WRIT_TOKEN: process.env.WRIT_TOKEN };

before(async () => {
  delete process.env.WRIT_URL;
  delete process.env.WRIT_TOKEN;
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    store: { inMemory: true, pgliteTemplate: await pgliteTemplate(), envKey: randomBytes(32).toString('base64'), jobs: false },
    env: { WRIT_ADMIN_EMAIL: ADMIN, WRIT_ADMIN_PASSWORD: PASSWORD },
    reference: false,
    config: { log: () => {}, webDir: null },
  });
  const orgB = await server.store.orgs.create({ name: 'Org B' });
  await server.store.users.create({ orgId: orgB.id, email: OTHER, displayName: 'admin B', role: 'admin', passwordHash: await hashPassword(PASSWORD) });
});

after(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
  for (const [k, v] of Object.entries(saved)) if (v !== undefined) process.env[k] = v;
});

test('not signed in: every case command exits 2 and says to run writ login', async () => {
  for (const argv of [['case', 'list'], ['case', 'show', '0b6f2c1e-1111-4222-8333-944444444444'], ['case', 'ics', '0b6f2c1e-1111-4222-8333-944444444444']]) {
    const r = await writ([...argv, '--config', join(dir, 'nobody.json')]);
    assert.equal(r.code, 2, argv.join(' '));
    assert.match(r.err, /not signed in.*Run `writ login --url URL --email EMAIL`/);
    assert.equal(r.out, '');
  }
});

test('writ login: a wrong password exits 1, says so, and saves nothing', async () => {
  const r = await writ(['login', '--url', server.url, '--email', ADMIN, '--config', configA], 'not the password\n');
  assert.equal(r.code, 1);
  assert.match(r.err, /email and password do not match an active account at http:\/\/127\.0\.0\.1:\d+/);
  assert.ok(!existsSync(configA));
});

test('writ login: password piped on stdin → token created and saved as {url, token} with mode 0600', async () => {
  const r = await writ(['login', '--url', server.url + '/', '--email', ADMIN, '--config', configA], `${PASSWORD}\n`);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, new RegExp(`Signed in to ${server.url} as ${ADMIN}\\. The token is saved in ${configA}`));
  assert.equal(statSync(configA).mode & 0o777, 0o600);
  const saved = JSON.parse(readFileSync(configA, 'utf8')) as { url: string; token: string; tokenId: string };
  assert.equal(saved.url, server.url);
  assert.match(saved.token, /^writ_pat_/);
  token = saved.token;
  assert.ok(!r.out.includes(token) && !r.err.includes(token));
  const me = await api('GET', '/api/auth/me', token);
  assert.equal(me.status, 200);
  assert.equal((me.body!.user as { email: string }).email, ADMIN);
  const tokens = (await api('GET', '/api/auth/tokens', token)).body!.tokens as { id: string; label: string }[];
  assert.ok(tokens.some((x) => x.id === saved.tokenId && x.label.startsWith('writ CLI on ')));
  // The same for the other organization's admin (used below).
  assert.equal((await writ(['login', '--url', server.url, '--email', OTHER, '--config', configB], PASSWORD)).code, 0);
});

const hasScript = spawnSync('script', ['--version']).status === 0;

test('writ login on a terminal: asks for the password without echoing it (run in a pseudo-terminal by script(1))', { skip: !hasScript && 'script(1) is not installed', timeout: 60_000 }, async () => {
  const file = join(dir, 'tty.json');
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  const cmd = `${process.execPath} bin/writ.mjs login --url ${server.url} --email ${ADMIN} --config ${file} --lang en`;
  const child = spawn('script', ['-qec', cmd, '/dev/null'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  const prompted = new Promise<void>((resolve) => child.stdout.on('data', (d) => { out += d; if (out.includes('Password for')) resolve(); }));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  await prompted;
  child.stdin.write(`${PASSWORD}\r`);
  assert.equal(await exited, 0, out);
  assert.match(out, new RegExp(`Password for ${ADMIN} at ${server.url}: `));
  assert.match(out, /Signed in to/);
  assert.ok(!out.includes(PASSWORD), 'the password is not echoed');
  const saved = JSON.parse(readFileSync(file, 'utf8')) as { token: string };
  assert.ok(!out.includes(saved.token));
  assert.equal((await api('GET', '/api/auth/me', saved.token)).status, 200);
});

test('writ case list / show: a case created through the API, as a table and as JSON', async () => {
  const created = await api('POST', '/api/cases', token, { title: 'Garcia naturalization delay' });
  assert.equal(created.status, 201);
  caseId = created.body!.id as string;
  const tokenB = (JSON.parse(readFileSync(configB, 'utf8')) as { token: string }).token;
  otherCaseId = (await api('POST', '/api/cases', tokenB, { title: 'Other org case' })).body!.id as string;

  const list = await writ(['case', 'list', '--config', configA]);
  assert.equal(list.code, 0, list.err);
  assert.match(list.out, /^ID\s+Status\s+Rev\.\s+Updated\s+Title\n/);
  assert.match(list.out, new RegExp(`${caseId}\\s+open\\s+1\\s+\\d{4}-\\d{2}-\\d{2}\\s+Garcia naturalization delay`));
  assert.ok(!list.out.includes('Other org case'), "another organization's case is not listed");
  const json = await writ(['case', 'list', '--json', '--config', configA]);
  assert.deepEqual((JSON.parse(json.out) as { cases: { id: string }[] }).cases.map((c) => c.id), [caseId]);

  const show = await writ(['case', 'show', caseId, '--config', configA]);
  assert.equal(show.code, 0, show.err);
  assert.match(show.out, /Title:\s+Garcia naturalization delay/);
  assert.match(show.out, new RegExp(`ID:\\s+${caseId}`));
  assert.match(show.out, /Status:\s+open/);
  assert.match(show.out, /`writ case show .* --json` prints them/);
  const showJson = JSON.parse((await writ(['case', 'show', caseId.toUpperCase(), '--json', '--config', configA])).out) as { id: string; title: string };
  assert.equal(showJson.id, caseId);
  assert.equal(showJson.title, 'Garcia naturalization delay');
});

test('writ case deadlines / ics: complaint filed Mar. 2, 2026 → FRCP 4(m) service deadline June 1, 2026', async () => {
  const ev = await api('POST', `/api/cases/${caseId}/docket`, token, { kind: 'complaint-filed', date: '2026-03-02' });
  assert.equal(ev.status, 201);

  const d = await writ(['case', 'deadlines', caseId, '--config', configA]);
  assert.equal(d.code, 0, d.err);
  assert.match(d.out, /Due 2026-06-01  \[open\]  .+ \(frcp-4m\)/);
  assert.match(d.out, /Sources: .*Fed\. R\. Civ\. P\. 4\(m\)/);
  assert.match(d.out, /not legal advice/);
  const dj = JSON.parse((await writ(['case', 'deadlines', caseId, '--json', '--config', configA])).out) as { deadlines: { ruleId: string; dueDate: string }[] };
  assert.deepEqual(dj.deadlines.map((x) => [x.ruleId, x.dueDate]), [['frcp-4m', '2026-06-01']]);

  const ics = await writ(['case', 'ics', caseId, '--config', configA]);
  assert.equal(ics.code, 0, ics.err);
  assert.match(ics.out, /^BEGIN:VCALENDAR/);
  assert.match(ics.out, /DTSTART;VALUE=DATE:20260601/);
  assert.match(ics.out.replace(/\r?\n[ \t]/g, ''), /4\(m\)/);
  assert.ok(!ics.out.includes('Garcia'), 'the calendar carries no case title');
  assert.equal(ics.err, '');

  const file = join(dir, 'case.ics');
  const written = await writ(['case', 'ics', caseId, '--out', file, '--config', configA]);
  assert.equal(written.code, 0, written.err);
  assert.equal(written.out, `Wrote the calendar (1 events) to ${file}.\n`);
  assert.equal(readFileSync(file, 'utf8'), ics.out);
  const badDir = await writ(['case', 'ics', caseId, '--out', join(dir, 'no', 'such', 'dir.ics'), '--config', configA]);
  assert.equal(badDir.code, 2);
  assert.match(badDir.err, /Cannot write .*dir\.ics \(ENOENT\)/);
});

test("another organization's case is not found (exit 1), for show, deadlines and ics", async () => {
  for (const s of ['show', 'deadlines', 'ics']) {
    const r = await writ(['case', s, otherCaseId, '--config', configA]);
    assert.equal(r.code, 1, s);
    assert.equal(r.err, `Case ${otherCaseId} was not found. Check the id (\`writ case list\`); cases of other organizations are not shown.\n`);
    assert.equal(r.out, '');
  }
});

test('titles from the server cannot drive the terminal: control characters are printed as spaces', async () => {
  const tokenB = (JSON.parse(readFileSync(configB, 'utf8')) as { token: string }).token;
  const id = (await api('POST', '/api/cases', tokenB, { title: 'Evil\u001b[2J\u001b]0;owned\u0007 title\nsecond line' })).body!.id as string;
  const list = await writ(['case', 'list', '--config', configB]);
  assert.equal(list.code, 0, list.err);
  assert.ok(!/[\u0000-\u0009\u000b-\u001f]/.test(list.out));
  assert.match(list.out, /Evil \[2J \]0;owned  title second line\n/);
  const show = await writ(['case', 'show', id, '--config', configB]);
  assert.ok(!/[\u0000-\u0009\u000b-\u001f]/.test(show.out));
});

test('a malformed case id or a missing one exits 2 before any request', async () => {
  const bad = await writ(['case', 'show', '12345', '--config', configA]);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /"12345" is not a case id/);
  const missing = await writ(['case', 'deadlines', '--config', configA]);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /Give the case id: writ case deadlines <id>/);
  const extra = await writ(['case', 'list', 'more', '--config', configA]);
  assert.equal(extra.code, 2);
});

test('server unreachable: exit 1, names the URL, no stack trace, no token', async () => {
  const port = await new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
  process.env.WRIT_URL = `http://127.0.0.1:${port}`;
  process.env.WRIT_TOKEN = token;
  try {
    const r = await writ(['case', 'list']);
    assert.equal(r.code, 1);
    assert.match(r.err, new RegExp(`^Cannot reach the Writ server at http://127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\)`));
    assert.doesNotMatch(r.err, /\n\s+at /);
    assert.ok(!r.err.includes(token));
  } finally {
    delete process.env.WRIT_URL;
    delete process.env.WRIT_TOKEN;
  }
  // writ logout keeps the login file when it cannot revoke the token; --forget deletes it anyway.
  const stale = join(dir, 'stale.json');
  saveLogin(stale, { url: `http://127.0.0.1:${port}`, token, tokenId: '0b6f2c1e-1111-4222-8333-944444444444' });
  const kept = await writ(['logout', '--config', stale]);
  assert.equal(kept.code, 1);
  assert.match(kept.err, /Cannot reach the Writ server/);
  assert.ok(existsSync(stale));
  const forgot = await writ(['logout', '--forget', '--config', stale]);
  assert.equal(forgot.code, 0);
  assert.match(forgot.out, /stale\.json is deleted\. The token was not revoked on the server/);
  assert.ok(!existsSync(stale));
});

test('WRIT_URL and WRIT_TOKEN take the place of the login file; only one of them is exit 2', async () => {
  process.env.WRIT_URL = server.url;
  process.env.WRIT_TOKEN = token;
  try {
    const r = await writ(['case', 'list', '--json', '--config', join(dir, 'nobody.json')]);
    assert.equal(r.code, 0, r.err);
    assert.equal((JSON.parse(r.out) as { cases: unknown[] }).cases.length, 1);
    const out = await writ(['logout']);
    assert.equal(out.code, 2);
    assert.match(out.err, /comes from WRIT_TOKEN/);
    delete process.env.WRIT_TOKEN;
    const half = await writ(['case', 'list']);
    assert.equal(half.code, 2);
    assert.match(half.err, /Set both WRIT_URL and WRIT_TOKEN/);
  } finally {
    delete process.env.WRIT_URL;
    delete process.env.WRIT_TOKEN;
  }
});

test('writ logout revokes the token and deletes the file; the revoked token is then refused (exit 1)', async () => {
  const r = await writ(['logout', '--config', configA]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /the token is revoked and .*cli\.json is deleted/);
  assert.ok(!existsSync(configA));
  assert.equal((await api('GET', '/api/auth/me', token)).status, 401);
  assert.equal((await writ(['case', 'list', '--config', configA])).code, 2);
  process.env.WRIT_URL = server.url;
  process.env.WRIT_TOKEN = token;
  try {
    const refused = await writ(['case', 'list']);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /no longer accepts your login .*Run `writ login` again/);
  } finally {
    delete process.env.WRIT_URL;
    delete process.env.WRIT_TOKEN;
  }
});

test('no token was ever printed', () => {
  assert.ok(token.length > 20);
  for (const text of printed) assert.ok(!text.includes(token));
});
