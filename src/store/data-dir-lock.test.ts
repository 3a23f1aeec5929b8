import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lockDataDir, LOCK_FILE } from './data-dir-lock.ts';
import { StoreError } from './types.ts';

const indexUrl = new URL('./index.ts', import.meta.url).href;
const templateUrl = new URL('./testing/pglite-template.ts', import.meta.url).href;
const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs openStore() on `dir` in a second Node process; returns what it printed. */
function openInSecondProcess(dir: string): { status: number | null; out: string } {
  const script = `
    const { openStore } = await import(${JSON.stringify(indexUrl)});
    const { pgliteTemplate } = await import(${JSON.stringify(templateUrl)});
    try {
      const s = await openStore({ dataDir: ${JSON.stringify(dir)}, envKey: Buffer.alloc(32, 1).toString('base64'), jobs: false, env: {}, pgliteTemplate: await pgliteTemplate() });
      await s.close();
      console.log('OPENED');
    } catch (e) {
      console.log(e.code + ': ' + e.message);
    }`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}

test('a second process on the same data directory is refused clearly', () => {
  const dir = mkdtempSync(join(tmpdir(), 'writ-lock-'));
  const release = lockDataDir(dir);
  try {
    const r = openInSecondProcess(dir);
    assert.match(r.out, /^locked: The data directory .* is in use by another Writ process \(pid \d+\)/m);
    assert.ok(r.out.includes(`pid ${process.pid}`));
    assert.equal(r.out.includes('OPENED'), false);
  } finally {
    release();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the same process cannot take the lock twice; release removes the lock file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'writ-lock-'));
  try {
    const release = lockDataDir(dir);
    const info = JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'));
    assert.equal(info.pid, process.pid);
    assert.throws(() => lockDataDir(dir), (e) => e instanceof StoreError && e.code === 'locked');
    release();
    assert.equal(existsSync(join(dir, LOCK_FILE)), false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a lock left by a process that is gone is taken over', () => {
  const dir = mkdtempSync(join(tmpdir(), 'writ-lock-'));
  try {
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    const deadPid = Number(dead.stdout.trim());
    assert.ok(deadPid > 0);
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: deadPid, host: hostname(), startedAt: '2026-01-01T00:00:00Z' }));
    const release = lockDataDir(dir);
    assert.equal(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid, process.pid);
    release();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('after the first process releases, a second process opens the data directory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'writ-lock-'));
  try {
    lockDataDir(dir)();
    const r = openInSecondProcess(dir);
    assert.match(r.out, /OPENED/, r.out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an empty lock file just created (a process starting up) is respected; an old one is taken over', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'writ-lock-'));
  try {
    const path = join(dir, LOCK_FILE);
    writeFileSync(path, '');
    assert.throws(() => lockDataDir(dir), (e) => e instanceof StoreError && e.code === 'locked' && /being opened/.test(e.message));
    const { utimesSync } = await import('node:fs');
    const old = new Date(Date.now() - 60_000);
    utimesSync(path, old, old);
    lockDataDir(dir)();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
