/**
 * The job queue on the embedded database: in-process, one job at a time per queue name, same interface as the
 * pg-boss queue. Jobs are not persisted (a restart drops queued work); failures are logged by job id only.
 */
import { randomUUID } from 'node:crypto';
import { StoreError, type JobHandler, type JobsApi } from '../types.ts';

const NAME = /^[a-z0-9][a-z0-9_.-]{0,99}$/;

export function checkJobName(name: unknown): string {
  if (typeof name !== 'string' || !NAME.test(name)) {
    throw new StoreError('invalid', 'A job name is lower-case letters, digits, ".", "_" or "-" (e.g. "packet.build").');
  }
  return name;
}

export function createInProcessQueue(log: (line: string) => void): JobsApi {
  const handlers = new Map<string, JobHandler<never>>();
  const queued = new Map<string, { id: string; data: unknown }[]>();
  const running = new Set<string>();
  let stopped = false;
  let waiters: (() => void)[] = [];

  const busy = () => running.size > 0 || [...queued.entries()].some(([n, q]) => q.length > 0 && handlers.has(n));
  const settle = () => {
    if (busy()) return;
    const w = waiters;
    waiters = [];
    for (const f of w) f();
  };

  const pump = (name: string) => {
    if (stopped || running.has(name)) return;
    const handler = handlers.get(name);
    const q = queued.get(name);
    if (!handler || !q || q.length === 0) return settle();
    const job = q.shift()!;
    running.add(name);
    setImmediate(async () => {
      try {
        await handler(job.data as never);
      } catch (e) {
        log(`job ${name} ${job.id} failed: ${(e as Error)?.name ?? 'Error'}`);
      } finally {
        running.delete(name);
        pump(name);
        settle();
      }
    });
  };

  return {
    kind: 'in-process',
    async enqueue(name, data) {
      checkJobName(name);
      if (stopped) throw new StoreError('invalid', 'The job queue is stopped.');
      const id = randomUUID();
      const q = queued.get(name) ?? [];
      q.push({ id, data: structuredClone(data) });
      queued.set(name, q);
      pump(name);
      return id;
    },
    async work(name, handler) {
      checkJobName(name);
      handlers.set(name, handler as JobHandler<never>);
      pump(name);
    },
    idle() {
      if (!busy()) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
    async stop() {
      stopped = true;
      const w = waiters;
      waiters = [];
      for (const f of w) f();
    },
  };
}
