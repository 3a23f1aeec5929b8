/**
 * The job queue for a database: pg-boss (schema `pgboss`) on both drivers. On PostgreSQL several Writ servers share
 * the work; on PGlite pg-boss runs in-process on the embedded connection (an adapter runs its SQL there), so queued
 * jobs survive a restart there too. With `start: false` (commands that only read or write data) no workers run.
 */
import type { OpenedDatabase } from '../open-database.ts';
import type { JobsApi } from '../types.ts';
import { createPgBossQueue, stoppedQueue } from './pg-boss-queue.ts';

export async function createJobs(database: OpenedDatabase, log: (line: string) => void, start: boolean): Promise<JobsApi> {
  if (!start) return stoppedQueue();
  if (database.connectionString) return createPgBossQueue({ connectionString: database.connectionString, max: 4 }, log);
  if (database.bossDb) return createPgBossQueue({ db: database.bossDb as never }, log);
  return stoppedQueue();
}
