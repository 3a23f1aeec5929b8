/**
 * The job queue for a database: pg-boss (schema `pgboss`) on both drivers. On PostgreSQL several Writ servers share
 * the work; on PGlite pg-boss runs in-process on the embedded connection (an adapter runs its SQL there), so queued
 * jobs survive a restart there too. With `start: false` (commands that only read or write data, the API tests) no workers run: jobs can still be
 * queued (pg-boss starts on the first one) for a process with workers to take.
 */
import type { OpenedDatabase } from '../open-database.ts';
import type { JobsApi } from '../types.ts';
import { createPgBossQueue, sendOnlyQueue, stoppedQueue } from './pg-boss-queue.ts';

export async function createJobs(database: OpenedDatabase, log: (line: string) => void, start: boolean): Promise<JobsApi> {
  const options = database.connectionString
    ? { connectionString: database.connectionString, max: 4 }
    : database.bossDb
      ? { db: database.bossDb as never }
      : null;
  if (!options) return stoppedQueue();
  // Without workers the queue still accepts jobs (started on first use), for a server with workers to run.
  if (!start) return sendOnlyQueue(options, log);
  return createPgBossQueue(options, log);
}
