/** One render-pool worker: renders each model it is sent and sends the bytes back (transferred, not copied). */
import { parentPort } from 'node:worker_threads';
import type { DocModel } from './model.ts';
import { renderDocx } from './render-docx.ts';
import { renderPdf } from './render-pdf.ts';

parentPort!.on('message', async (m: { id: number; model: DocModel; formats: ('docx' | 'pdf')[]; creationDate?: number }) => {
  try {
    const docx = m.formats.includes('docx') ? await renderDocx(m.model) : undefined;
    const pdf = m.formats.includes('pdf') ? await renderPdf(m.model, { creationDate: m.creationDate === undefined ? undefined : new Date(m.creationDate) }) : undefined;
    const transfer = [docx, pdf].filter((x): x is Uint8Array => Boolean(x)).map((x) => x.buffer as ArrayBuffer);
    parentPort!.postMessage({ id: m.id, docx, pdf }, transfer);
  } catch (e) {
    parentPort!.postMessage({ id: m.id, error: (e as Error).message });
  }
});
