/**
 * The job queue for a database: pg-boss on PostgreSQL (several Writ servers share the work), the in-process queue
 * on PGlite (pg-boss needs a real server: see docs/store.md).
 */
import type { OpenedDatabase } from '../open-database.ts';
import type { JobsApi } from '../types.ts';
import { createInProcessQueue } from './in-process-queue.ts';

export async function createJobs(database: OpenedDatabase, log: (line: string) => void, start: boolean): Promise<JobsApi> {
  if (database.driver === 'postgres' && database.connectionString && start) {
    const { createPgBossQueue } = await import('./pg-boss-queue.ts');
    return createPgBossQueue(database.connectionString, log);
  }
  return createInProcessQueue(log);
}
