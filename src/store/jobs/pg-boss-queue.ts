/**
 * The job queue on PostgreSQL: pg-boss (schema `pgboss`), so several Writ servers sharing one database share the
 * work. Same interface as the in-process queue. Failures are logged by job id only (never job data).
 */
import PgBoss from 'pg-boss';
import { StoreError, type JobsApi } from '../types.ts';
import { checkJobName } from './in-process-queue.ts';

export async function createPgBossQueue(connectionString: string, log: (line: string) => void): Promise<JobsApi> {
  const boss = new PgBoss({ connectionString, max: 4 });
  boss.on('error', (e: Error) => log(`jobs: pg-boss error ${e?.name ?? 'Error'}`));
  await boss.start();
  const created = new Set<string>();
  const ensureQueue = async (name: string) => {
    if (created.has(name)) return;
    if (!(await boss.getQueue(name))) await boss.createQueue(name);
    created.add(name);
  };
  let stopped = false;
  return {
    kind: 'pg-boss',
    async enqueue(name, data) {
      checkJobName(name);
      await ensureQueue(name);
      const id = await boss.send(name, data);
      if (!id) throw new StoreError('conflict', `The job was not queued (queue ${name} refused it).`);
      return id;
    },
    async work(name, handler) {
      checkJobName(name);
      await ensureQueue(name);
      await boss.work(name, { pollingIntervalSeconds: 1 }, async (jobs) => {
        for (const job of jobs) {
          try {
            await handler(job.data as never);
          } catch (e) {
            log(`job ${name} ${job.id} failed: ${(e as Error)?.name ?? 'Error'}`);
            throw e;
          }
        }
      });
    },
    async idle() {
      // pg-boss work is shared across servers; there is no local notion of idle.
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await boss.stop({ graceful: true, wait: true, timeout: 5000 });
    },
  };
}
