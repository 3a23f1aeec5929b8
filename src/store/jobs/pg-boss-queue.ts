/**
 * The job queue on PostgreSQL: pg-boss (schema `pgboss`), so several Writ servers sharing one database share the
 * work. Same interface as the in-process queue. Failures are logged by job id only (never job data).
 */
import PgBoss from 'pg-boss';
import { StoreError, type JobsApi } from '../types.ts';

const NAME = /^[a-z0-9][a-z0-9_.-]{0,99}$/;

export function checkJobName(name: unknown): string {
  if (typeof name !== 'string' || !NAME.test(name)) {
    throw new StoreError('invalid', 'A job name is lower-case letters, digits, ".", "_" or "-" (e.g. "packet.build").');
  }
  return name;
}

/** The queue of a store opened with `jobs: false`: refuses work clearly. */
export function stoppedQueue(): JobsApi {
  const refuse = async (): Promise<never> => {
    throw new StoreError('invalid', 'Jobs are not running in this process (the store was opened with jobs: false).');
  };
  return { kind: 'pg-boss', enqueue: refuse, work: refuse, idle: async () => {}, stop: async () => {} };
}

/**
 * The queue of a store opened with `jobs: false` that still accepts jobs: pg-boss starts on the first `enqueue`
 * (without its maintenance loop) and only sends. The job waits in the database until a process with workers — a
 * Writ server on the same database — takes it. `work` refuses.
 */
export function sendOnlyQueue(options: ConstructorParameters<typeof PgBoss>[0] & object, log: (line: string) => void): JobsApi {
  let started: Promise<JobsApi> | null = null;
  let stopped = false;
  const queue = () => (started ??= createPgBossQueue({ ...options, supervise: false, schedule: false }, log));
  return {
    kind: 'pg-boss',
    async enqueue(name, data, opts) {
      checkJobName(name);
      if (stopped) throw new StoreError('invalid', 'The store is closed; open it again to queue jobs.');
      return (await queue()).enqueue(name, data, opts);
    },
    async work() {
      throw new StoreError('invalid', 'Jobs are not worked in this process (the store was opened with jobs: false).');
    },
    idle: async () => {},
    async stop() {
      stopped = true;
      if (started) await (await started.catch(() => null))?.stop();
    },
  };
}

export async function createPgBossQueue(
  options: ConstructorParameters<typeof PgBoss>[0] & object,
  log: (line: string) => void,
): Promise<JobsApi> {
  const boss = new PgBoss(options);
  boss.on('error', (e: Error) => log(`jobs: pg-boss error ${e?.name ?? 'Error'}`));
  await boss.start();
  // One creation per queue name in this process; another server creating it at the same time is tolerated.
  const created = new Map<string, Promise<void>>();
  const createOnce = async (name: string) => {
    for (let attempt = 0; ; attempt++) {
      if (await boss.getQueue(name)) return;
      try {
        await boss.createQueue(name);
        return;
      } catch (e) {
        if (attempt >= 3) throw e;
      }
    }
  };
  const ensureQueue = (name: string): Promise<void> => {
    let p = created.get(name);
    if (!p) {
      p = createOnce(name);
      created.set(name, p);
      p.catch(() => created.delete(name));
    }
    return p;
  };
  let stopped = false;
  const workers = new Map<string, string[]>();
  return {
    kind: 'pg-boss',
    async enqueue(name, data, opts) {
      checkJobName(name);
      await ensureQueue(name);
      const id = await boss.send(name, data, opts?.expireInSeconds ? { expireInSeconds: opts.expireInSeconds } : {});
      if (!id) throw new StoreError('conflict', `The job was not queued (queue ${name} refused it).`);
      // Wake this process's idle workers for the queue (workers in other processes find it when they poll).
      for (const w of workers.get(name) ?? []) boss.notifyWorker(w);
      return id;
    },
    async work(name, handler) {
      checkJobName(name);
      await ensureQueue(name);
      let workerId = '';
      workerId = await boss.work(name, { pollingIntervalSeconds: 2 }, async (jobs) => {
        for (const job of jobs) {
          try {
            await handler(job.data as never);
          } catch (e) {
            log(`job ${name} ${job.id} failed: ${(e as Error)?.name ?? 'Error'}`);
            throw e;
          } finally {
            // A job was found: fetch the next one at once instead of waiting for the polling interval.
            if (workerId) boss.notifyWorker(workerId);
          }
        }
      });
      const ids = workers.get(name) ?? [];
      ids.push(workerId);
      workers.set(name, ids);
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
