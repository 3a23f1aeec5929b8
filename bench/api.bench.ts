/**
 * API latency at 100 concurrent keep-alive connections against a real `writ serve` server (startServer) listening on
 * 127.0.0.1, on the embedded database (PGlite in a fresh data directory), reference data loaded. Reports p50/p99 per
 * route and the ratio against a baseline measured in the same run on the same server: a bare hono route returning
 * {ok:true} (no auth, no database). Bounded: REQUESTS per route, TIME_LIMIT_MS per route. Fails on any error.
 * Run with `npm run bench` (or `node scripts/run-bench.mjs api`).
 */
import { Agent, request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startServer } from '../src/server/start-server.ts';
import { issueApiToken } from '../src/auth/api-tokens.ts';

const CONCURRENCY = 100;
const REQUESTS = Number(process.env.BENCH_API_REQUESTS ?? 2000);
const TIME_LIMIT_MS = 30_000;

const dataDir = mkdtempSync(join(tmpdir(), 'writ-bench-api-'));
const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  store: { dataDir, envKey: randomBytes(32).toString('base64'), jobs: false },
  env: { WRIT_ADMIN_EMAIL: 'bench@example.org', WRIT_ADMIN_PASSWORD: 'bench password long enough' },
  config: { webDir: null },
  configure: (app) => app.get('/api/bench-baseline', (c) => c.json({ ok: true })),
});

const admin = server.firstAdmin.user!;
const { token } = await issueApiToken(server.store, admin, 'bench');
const actor = { userId: admin.id, orgId: admin.orgId, role: admin.role };
const kase = await server.store.cases.create(actor, { title: 'Bench case', facts: { version: 1, person: { custody: 'detained' } } });
for (let i = 0; i < 20; i++) await server.store.cases.create(actor, { title: `Bench case ${i}` });

// A browser session too (cookie), the web app's way in.
const login = await fetch(`${server.url}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: 'bench@example.org', password: 'bench password long enough' }),
});
if (login.status !== 200) throw new Error(`bench login failed: ${login.status}`);
const sessionCookie = login.headers.get('set-cookie')!.split(';')[0]!;

const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
const url = new URL(server.url);

interface Scenario {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  auth?: boolean | 'session';
}

function once(s: Scenario): Promise<{ ms: number; ok: boolean }> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const headers: Record<string, string> = {};
    if (s.auth === 'session') headers.cookie = sessionCookie;
    else if (s.auth) headers.authorization = `Bearer ${token}`;
    if (s.body) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(s.body));
    }
    const req = request({ agent, host: url.hostname, port: url.port, method: s.method, path: s.path, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ ms: performance.now() - t0, ok: (res.statusCode ?? 0) < 300 }));
    });
    req.on('error', () => resolve({ ms: performance.now() - t0, ok: false }));
    if (s.body) req.write(s.body);
    req.end();
  });
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function run(s: Scenario) {
  // Warm up on every connection, so the measurement does not include opening the 100 sockets.
  await Promise.all(Array.from({ length: CONCURRENCY }, () => once(s)));
  const lat: number[] = [];
  let errors = 0;
  let sent = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (sent < REQUESTS && performance.now() - t0 < TIME_LIMIT_MS) {
        sent++;
        const r = await once(s);
        lat.push(r.ms);
        if (!r.ok) errors++;
      }
    }),
  );
  const wall = performance.now() - t0;
  lat.sort((a, b) => a - b);
  return { name: s.name, n: lat.length, errors, p50: pct(lat, 50), p99: pct(lat, 99), rps: (lat.length / wall) * 1000 };
}

const scenarios: Scenario[] = [
  { name: 'baseline: bare hono {ok:true}', method: 'GET', path: '/api/bench-baseline' },
  { name: 'GET /api/health (public)', method: 'GET', path: '/api/health' },
  { name: 'GET /api/auth/me (token)', method: 'GET', path: '/api/auth/me', auth: true },
  { name: 'GET /api/auth/me (session cookie)', method: 'GET', path: '/api/auth/me', auth: 'session' },
  { name: 'GET /api/cases/:caseId (decrypt + audit)', method: 'GET', path: `/api/cases/${kase.id}`, auth: true },
  { name: 'GET /api/cases (list of 21)', method: 'GET', path: '/api/cases', auth: true },
  { name: 'GET /api/lookups/venue', method: 'GET', path: '/api/lookups/venue?state=CA&county=Alameda', auth: true },
  {
    name: 'POST /api/deadlines/compute',
    method: 'POST',
    path: '/api/deadlines/compute',
    body: JSON.stringify({ rule: 'frcp-4m', from: '2026-03-02' }),
    auth: true,
  },
];

let failed = false;
try {
  await run(scenarios[0]!); // a full unmeasured pass first, so the baseline is not measured on a cold JIT
  const results = [];
  for (const s of scenarios) results.push(await run(s));
  const base = results[0]!;
  console.log(`${CONCURRENCY} concurrent connections, ${REQUESTS} requests per route, PGlite data directory, ${server.url}`);
  console.log('route'.padEnd(44), 'n'.padStart(6), 'errors'.padStart(7), 'p50 ms'.padStart(9), 'p99 ms'.padStart(9), 'req/s'.padStart(8), '  p50/p99 × baseline');
  for (const r of results) {
    console.log(
      r.name.padEnd(44),
      String(r.n).padStart(6),
      String(r.errors).padStart(7),
      r.p50.toFixed(1).padStart(9),
      r.p99.toFixed(1).padStart(9),
      r.rps.toFixed(0).padStart(8),
      `  ${(r.p50 / base.p50).toFixed(1)}× / ${(r.p99 / base.p99).toFixed(1)}×`,
    );
    if (r.errors > 0) failed = true;
  }
  if (failed) console.error('FAIL: some requests failed (0 errors required).');
} finally {
  agent.destroy();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
