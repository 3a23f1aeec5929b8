// The shared store suite on PostgreSQL: a throwaway server on 127.0.0.1, started and removed by this test.
// Fails (never skips) when the PostgreSQL binaries are missing: CI installs them (.ci/run).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { openStore } from './index.ts';
import { EVIDENCE_LIMIT, storeSuite } from './store.case-test.ts';
import { startPostgres, type TestPostgres } from './testing/start-postgres.ts';

let pg: TestPostgres | undefined;
storeSuite('PostgreSQL', {
  async open() {
    pg = await startPostgres();
    return openStore({ databaseUrl: pg.url, envKey: randomBytes(32).toString('base64'), evidenceMaxBytes: EVIDENCE_LIMIT, env: {} });
  },
  async cleanup() {
    await pg?.stop();
  },
});

// Several Writ servers sharing one PostgreSQL database share the work: each job runs once, on one of them.
test('two stores on one PostgreSQL database share one pg-boss queue; every job runs exactly once', async () => {
  const server = await startPostgres();
  const key = randomBytes(32).toString('base64');
  const [a, b] = [await openStore({ databaseUrl: server.url, envKey: key, env: {} }), await openStore({ databaseUrl: server.url, envKey: key, env: {} })];
  try {
    const seen: { by: string; n: number }[] = [];
    const all = new Promise<void>((resolve) => {
      const handler = (by: string) => async (d: { n: number }) => {
        seen.push({ by, n: d.n });
        if (seen.length === 6) resolve();
      };
      void a.jobs.work('shared.test', handler('a'));
      void b.jobs.work('shared.test', handler('b'));
    });
    for (let n = 0; n < 6; n++) await (n % 2 ? a : b).jobs.enqueue('shared.test', { n });
    await all;
    assert.deepEqual(seen.map((s) => s.n).sort((x, y) => x - y), [...Array(6).keys()]);
  } finally {
    await a.close();
    await b.close();
    await server.stop();
  }
});
