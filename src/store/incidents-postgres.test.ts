// The incident-report store suite on PostgreSQL: a throwaway server on 127.0.0.1, started and removed by this test.
// Fails (never skips) when the PostgreSQL binaries are missing: CI installs them (.ci/run).
import { randomBytes } from 'node:crypto';
import { openStore } from './index.ts';
import { incidentSuite } from './incidents.case-test.ts';
import { startPostgres, type TestPostgres } from './testing/start-postgres.ts';

let pg: TestPostgres | undefined;
incidentSuite('PostgreSQL', {
  async open() {
    pg = await startPostgres();
    return openStore({ databaseUrl: pg.url, envKey: randomBytes(32).toString('base64'), env: {}, jobs: false });
  },
  async cleanup() {
    await pg?.stop();
  },
});
