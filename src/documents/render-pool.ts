/**
 * A pool of worker threads that render document models (DOCX and PDF) in parallel, for callers that build packets
 * often and want one packet's documents rendered on every core (the server, the benchmark). Models are plain data,
 * so they cross to the workers as they are; the rendered bytes come back without copying.
 * Single CLI runs do not need it: starting workers costs more than it saves for one packet.
 */
import { Worker } from 'node:worker_threads';
import type { DocModel } from './model.ts';
import type { Format } from './build-packet.ts';

export interface Rendered {
  docx?: Uint8Array;
  pdf?: Uint8Array;
}

export interface Renderer {
  render(model: DocModel, formats: Format[], creationDate?: Date): Promise<Rendered>;
}

export interface RenderPool extends Renderer {
  close(): Promise<void>;
}

interface Job {
  id: number;
  resolve: (r: Rendered) => void;
  reject: (e: Error) => void;
}

export function createRenderPool(size: number): RenderPool {
  let seq = 0;
  const workers = Array.from({ length: Math.max(1, size) }, () => {
    const w = new Worker(new URL('./render-worker.mjs', import.meta.url));
    const jobs = new Map<number, Job>();
    w.on('message', (m: { id: number; docx?: Uint8Array; pdf?: Uint8Array; error?: string }) => {
      const job = jobs.get(m.id);
      if (!job) return;
      jobs.delete(m.id);
      if (m.error) job.reject(new Error(m.error));
      else job.resolve({ docx: m.docx, pdf: m.pdf });
    });
    w.on('error', (e) => {
      for (const j of jobs.values()) j.reject(e);
      jobs.clear();
    });
    return { w, jobs };
  });
  return {
    render(model, formats, creationDate) {
      // The least busy worker takes the job.
      const target = workers.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a));
      const id = ++seq;
      return new Promise<Rendered>((resolve, reject) => {
        target.jobs.set(id, { id, resolve, reject });
        target.w.postMessage({ id, model, formats, creationDate: creationDate?.getTime() });
      });
    },
    async close() {
      await Promise.all(workers.map((x) => x.w.terminate()));
    },
  };
}
