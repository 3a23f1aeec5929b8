// The same authorization matrix on PostgreSQL: a throwaway server on 127.0.0.1, started and removed here. Fails (never
// skips) when the PostgreSQL binaries are missing: CI installs them (.ci/run).
import { startPostgres } from '../../src/store/testing/start-postgres.ts';
import { authorizationMatrix } from './authorization-matrix.case.ts';

authorizationMatrix('PostgreSQL', async () => {
  const pg = await startPostgres();
  return { databaseUrl: pg.url, cleanup: () => pg.stop() };
});
