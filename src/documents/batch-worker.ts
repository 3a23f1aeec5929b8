/**
 * One batch worker: loads the analysis engine and the reference data once, then builds and writes the packet of
 * each row it is sent, answering { index, error } (error null on success). Messages carry no row data back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { analyze } from '../core/analysis/analyze.ts';
import { loadReference, type LoadOptions } from '../data/load-reference.ts';
import { processRow, type Row, type RowContext } from './batch.ts';

const data = workerData as { csvDir: string; outDir: string; formats?: RowContext['formats']; factsFiles?: boolean; referenceLoad?: LoadOptions };
// The same reference as the caller's (its data directory and the sheets it read from the database), else the default.
const reference = loadReference(data.referenceLoad ?? {});
const ctx: RowContext = { ...data, reference, analyze: (f, r) => analyze(f, { reference: r }) };

parentPort!.on('message', async (m: { index: number; row: Row }) => {
  let error: string | null = null;
  let files = 0;
  try {
    files = await processRow(m.row, m.index, ctx);
  } catch (e) {
    error = (e as Error).message;
  }
  parentPort!.postMessage({ index: m.index, error, files });
});
parentPort!.postMessage({ ready: true });
