/**
 * `writ serve` as a user runs it: a real process on a real port over a PGlite data directory.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'writ-serve-test-'));
const children: ChildProcess[] = [];

after(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map((f) => join(dir, String(f)))
    .filter((f) => statSync(f).isFile());
}

function start(env: Record<string, string> = {}, dir = dataDir) {
  const child = spawn(process.execPath, ['bin/writ.mjs', 'serve', '--port', '0', '--data-dir', dir, '--lang', 'en'], {
    cwd: root,
    env: { ...process.env, WRIT_KEY: '', WRIT_KEY_FILE: '', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => { out += d; });
  child.stderr!.on('data', (d) => { err += d; });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = new Promise<string>((resolve, reject) => {
    const check = () => {
      const m = /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve(m[1]!);
    };
    child.stdout!.on('data', check);
    void exited.then((code) => reject(new Error(`exited ${code}: ${err}`)));
  });
  url.catch(() => {}); // a process that is refused never prints a URL; the test awaits `exited` instead
  return { child, url, exited, output: () => ({ out, err }) };
}

test('writ serve: first admin from the environment, serves the API, refuses a second process, stops cleanly', { timeout: 240_000 }, async () => {
  const password = 'a long admin password for tests';
  const first = start({ WRIT_ADMIN_EMAIL: 'boss@example.org', WRIT_ADMIN_PASSWORD: password });
  const url = await first.url;
  assert.match(first.output().out, /created the administrator boss@example\.org/);
  assert.ok(!first.output().out.includes(password), 'the password from the environment is not printed');

  const health = (await (await fetch(`${url}/api/health`)).json()) as { ok: boolean; reference: boolean };
  assert.deepEqual(health, { ok: true, reference: true });
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'boss@example.org', password }),
  });
  assert.equal(login.status, 200);
  const csrfTokenOf = ((await login.clone().json()) as { csrfToken: string }).csrfToken;
  const lookup = await fetch(`${url}/api/lookups/venue?state=CA&county=Alameda`, {
    headers: { cookie: login.headers.get('set-cookie')!.split(';')[0]! },
  });
  assert.equal(lookup.status, 200);
  assert.equal(((await lookup.json()) as { status: string }).status, 'found');

  // Plant a unique name through the API; after the server stops, no file of the data directory may hold it in plaintext.
  const planted = `Zephyrine Quillfeather ${Date.now()}`;
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const created = await fetch(`${url}/api/cases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfTokenOf },
    body: JSON.stringify({ title: `${planted} v. Field Office Director`, facts: { version: 1, notes: `${planted}, A-number 123-456-789` } }),
  });
  assert.equal(created.status, 201);

  const second = start();
  const code = await second.exited;
  assert.notEqual(code, 0);
  assert.match(second.output().err, /writ serve: .*(already|in use|lock)/i);

  first.child.kill('SIGTERM');
  assert.equal(await first.exited, 0);
  assert.match(first.output().err, /Writ stopped/);
  const log = first.output().err;
  assert.match(log, /POST \/api\/auth\/login 200 [\d.]+ms/);
  assert.ok(!log.includes('boss@example.org'));
  assert.ok(!log.includes('Alameda'), 'query strings are not logged');
  assert.ok(!log.includes(planted) && !first.output().out.includes(planted), 'the planted name is not in the output');
  const needle = Buffer.from(planted.split(' ')[0]!, 'utf8');
  const files = filesUnder(dataDir);
  const hits = files.filter((f) => readFileSync(f).includes(needle));
  assert.deepEqual(hits, [], 'files holding the planted name in plaintext');
  // Control: the scan does see what the database wrote (a staff email is stored as is).
  assert.ok(files.some((f) => readFileSync(f).includes(Buffer.from('boss@example.org'))), 'the scan reads the database files');
});

test('writ serve: without WRIT_ADMIN_PASSWORD the first admin password is printed once, on the first run only', { timeout: 240_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'writ-serve-first-'));
  try {
    const first = start({ WRIT_ADMIN_EMAIL: '', WRIT_ADMIN_PASSWORD: '' }, dir);
    const url = await first.url;
    const m = /Password \(shown once[^)]*\): (\S+)/.exec(first.output().out);
    assert.ok(m, first.output().out);
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@localhost', password: m[1] }),
    });
    assert.equal(login.status, 200);
    assert.ok(!first.output().err.includes(m[1]!), 'the password is not in the log');
    first.child.kill('SIGINT');
    assert.equal(await first.exited, 0, `first: ${JSON.stringify(first.output())} signal ${first.child.signalCode}`);
    const again = start({ WRIT_ADMIN_EMAIL: '', WRIT_ADMIN_PASSWORD: '' }, dir);
    await again.url;
    assert.doesNotMatch(again.output().out, /First run|Password/);
    again.child.kill('SIGTERM');
    assert.equal(await again.exited, 0, `again: ${JSON.stringify(again.output())} signal ${again.child.signalCode}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('writ serve: bad flags exit 2 with the fix', async () => {
  const child = spawn(process.execPath, ['bin/writ.mjs', 'serve', '--port', 'eighty'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d) => { err += d; });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  assert.equal(code, 2);
  assert.match(err, /--port must be a number/);
});
