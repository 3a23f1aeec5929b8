/**
 * The browser journeys' world: the web app built once, the REAL server (`node bin/writ.mjs serve`) on a free port over
 * a fresh data directory on the embedded database, two organizations (the first admin from WRIT_ADMIN_EMAIL/PASSWORD,
 * plus a second organization seeded in the same data directory before the server starts), and one Debian Chromium
 * driven by playwright-core (no browser download). Screenshots go to test-artifacts/e2e/<journey>/.
 *
 * WRIT_E2E_BASE_URL=<url> runs the journeys against a server you started yourself (its users must match SEED below).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { ui } from './interview-driver.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const ARTIFACTS = join(ROOT, 'test-artifacts', 'e2e');
export const CHROMIUM = process.env.WRIT_CHROMIUM ?? '/usr/bin/chromium';

export const SEED = {
  admin: { email: 'admin@org-a.example', password: 'e2e admin password 1' },
  otherOrg: { name: 'Other Org', email: 'attorney@org-b.example', password: 'e2e other password 1' },
};

export interface World {
  baseUrl: string;
  context: BrowserContext;
  /** Server output (request lines only: method, route, status, ms) for the no-sensitive-data-in-logs check. */
  serverLog: () => string;
  close: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

/** Builds dist/web with Vite (the same build `npm start` serves). */
export async function buildWeb(): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
}

/** The second organization and its attorney, written into the data directory before the server opens it. */
async function seedOtherOrg(dataDir: string, env: NodeJS.ProcessEnv): Promise<void> {
  const { openStore } = await import('../../src/store/index.ts');
  const { hashPassword } = await import('../../src/auth/password.ts');
  const store = await openStore({ dataDir, env, jobs: false });
  try {
    await store.ensureFirstAdmin({ email: SEED.admin.email, password: SEED.admin.password, hashPassword });
    const org = await store.orgs.create({ name: SEED.otherOrg.name });
    await store.users.create({
      orgId: org.id,
      email: SEED.otherOrg.email,
      displayName: 'Other attorney',
      role: 'attorney',
      passwordHash: await hashPassword(SEED.otherOrg.password),
    });
  } finally {
    await store.close();
  }
}

async function waitForHealth(url: string, child: ChildProcess | null, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child && child.exitCode !== null) throw new Error(`writ serve exited with ${child.exitCode}`);
    try {
      const r = await fetch(url + '/api/health');
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('writ serve did not answer /api/health in time');
}

export async function openWorld(): Promise<World> {
  mkdirSync(ARTIFACTS, { recursive: true });
  let child: ChildProcess | null = null;
  let log = '';
  let baseUrl = process.env.WRIT_E2E_BASE_URL ?? '';
  const dirs: string[] = [];
  if (!baseUrl) {
    await buildWeb();
    const dataDir = mkdtempSync(join(tmpdir(), 'writ-e2e-data-'));
    dirs.push(dataDir);
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      WRIT_DATA_DIR: dataDir,
      WRIT_KEY: randomBytes(32).toString('base64'),
      WRIT_ADMIN_EMAIL: SEED.admin.email,
      WRIT_ADMIN_PASSWORD: SEED.admin.password,
      PORT: String(port),
    };
    delete env.DATABASE_URL;
    await seedOtherOrg(dataDir, env);
    child = spawn(process.execPath, [join(ROOT, 'bin/writ.mjs'), 'serve', '--port', String(port), '--host', '127.0.0.1'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d) => (log += String(d)));
    child.stderr!.on('data', (d) => (log += String(d)));
    baseUrl = `http://127.0.0.1:${port}`;
    try {
      await waitForHealth(baseUrl, child, 120_000);
    } catch (e) {
      if (child.exitCode === null) child.kill('SIGTERM');
      throw new Error(`${(e as Error).message}\n--- writ serve said:\n${log.split('\n').slice(-20).join('\n')}`);
    }
  }
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (Debian package "chromium"; .ci/run installs it)`);
  const profile = mkdtempSync(join(tmpdir(), 'writ-e2e-chromium-'));
  dirs.push(profile);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    locale: 'en-US',
  });
  return {
    baseUrl,
    context,
    serverLog: () => log,
    close: async () => {
      await context.close().catch(() => {});
      if (child && child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child!.once('exit', r));
      }
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    },
  };
}

/**
 * A new page for a journey, signed out: the one persistent context (fresh --user-data-dir) has its cookies cleared,
 * so each journey starts as a new visitor. Page errors fail the journey.
 */
export async function newPage(world: World, size: { width: number; height: number } = { width: 1280, height: 900 }): Promise<Page> {
  for (const p of world.context.pages()) await p.close();
  await world.context.clearCookies();
  const page = await world.context.newPage();
  await page.setViewportSize(size);
  page.on('pageerror', (e) => errors.push(e.message));
  return page;
}

/** Uncaught errors in the pages (a journey asserts there were none). */
export const errors: string[] = [];

/** Axe (WCAG 2.0/2.1 A and AA) on the current screen; returns the violations (the journey asserts none). */
export async function axe(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Fails the test when axe finds a violation on the current screen (`where` names the screen in the message). */
export async function checkA11y(page: Page, where: string): Promise<void> {
  assert.deepEqual(await axe(page), [], `axe found violations on ${where}`);
}

/**
 * Signs in through the sign-in screen as a new visitor (no remembered language, draft or interview state from an
 * earlier test), in `lang`, and waits for the dashboard.
 */
export async function signIn(world: World, page: Page, who: { email: string; password: string }, lang: 'en' | 'es' = 'en'): Promise<void> {
  await page.goto(world.baseUrl + '/');
  await page.evaluate(() => {
    localStorage.clear();
    sessionStorage.clear();
  });
  await page.reload();
  if (lang === 'es') await page.getByRole('button', { name: 'Español' }).click();
  await page.getByLabel(ui(lang, 'signIn.email')).fill(who.email);
  await page.getByLabel(ui(lang, 'signIn.password')).fill(who.password);
  await page.getByRole('button', { name: ui(lang, 'signIn.submit') }).click();
  await page.getByRole('heading', { level: 1, name: ui(lang, 'dashboard.title') }).waitFor();
}

export async function shot(page: Page, journey: string, name: string): Promise<void> {
  const dir = join(ARTIFACTS, journey);
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}
