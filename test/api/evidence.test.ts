import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { openHarness, type Harness } from './harness.ts';

const LIMIT = 32 * 1024;
let h: Harness;
let caseId: string;

before(async () => {
  h = await openHarness({ config: { maxEvidenceBytes: LIMIT }, evidenceMaxBytes: LIMIT });
  const res = await h.request('POST', '/api/cases', { as: 'attorney', json: { title: 'Evidence case' } });
  caseId = ((await res.json()) as { id: string }).id;
});
after(async () => { await h.close(); });

async function upload(bytes: Uint8Array<ArrayBuffer> | string, filename: string, as: 'attorney' | 'advocate' = 'attorney') {
  return h.request('POST', `/api/cases/${caseId}/evidence`, {
    as,
    body: bytes,
    headers: { 'x-filename': encodeURIComponent(filename), 'content-type': 'application/octet-stream' },
  });
}

const PDF = '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n';

test('a PDF named .html is typed by its bytes, hashed, and downloaded as an attachment with nosniff', async () => {
  const res = await upload(PDF, 'not really.html');
  assert.equal(res.status, 201);
  const rec = (await res.json()) as { id: string; contentType: string; sha256: string; size: number; filename: string };
  assert.equal(rec.contentType, 'application/pdf');
  assert.equal(rec.sha256, createHash('sha256').update(PDF).digest('hex'));
  assert.equal(rec.size, PDF.length);
  const dl = await h.request('GET', `/api/evidence/${rec.id}/download`, { as: 'paralegal' });
  assert.equal(dl.status, 200);
  assert.equal(dl.headers.get('content-type'), 'application/pdf');
  assert.match(dl.headers.get('content-disposition')!, /^attachment; filename="not really.html"/);
  assert.equal(dl.headers.get('x-content-type-options'), 'nosniff');
  assert.match(dl.headers.get('content-security-policy')!, /sandbox/);
  assert.equal(await dl.text(), PDF);
});

test('HTML with a script is never served as HTML', async () => {
  const html = '<!doctype html><html><body><script>alert(document.cookie)</script></body></html>';
  const res = await upload(html, 'page.html');
  assert.equal(res.status, 201);
  const { id } = (await res.json()) as { id: string };
  const dl = await h.request('GET', `/api/evidence/${id}/download`, { as: 'attorney' });
  assert.doesNotMatch(dl.headers.get('content-type')!, /html|svg|javascript/);
  assert.match(dl.headers.get('content-disposition')!, /^attachment/);
  assert.equal(dl.headers.get('x-content-type-options'), 'nosniff');
});

test('an unsafe type (zip) downloads as application/octet-stream; a non-ASCII name is kept (RFC 6266)', async () => {
  const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(60).fill(0)]);
  const res = await upload(zip, 'fotos de María.zip');
  assert.equal(res.status, 201);
  const { id } = (await res.json()) as { id: string };
  const dl = await h.request('GET', `/api/evidence/${id}/download?purpose=exported`, { as: 'attorney' });
  assert.equal(dl.headers.get('content-type'), 'application/octet-stream');
  assert.match(dl.headers.get('content-disposition')!, /filename\*=UTF-8''fotos%20de%20Mar%C3%ADa\.zip/);
  const custody = await h.request('GET', `/api/evidence/${id}/custody`, { as: 'attorney' });
  const events = ((await custody.json()) as { custody: { action: string; actorId: string }[] }).custody;
  assert.deepEqual(events.map((e) => e.action), ['added', 'exported']);
  assert.ok(events.every((e) => e.actorId === h.users.attorney.id));
});

test('a program is refused with 415 file_type_refused', async () => {
  const exe = new Uint8Array(512);
  exe.set([0x4d, 0x5a]); // "MZ"
  exe.set([0x50, 0x45, 0, 0], 0x80); // "PE\0\0"
  exe[0x3c] = 0x80;
  const res = await upload(exe, 'invoice.pdf');
  assert.equal(res.status, 415);
  assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'file_type_refused');
  const script = await upload('#!/bin/sh\nrm -rf ~\n', 'notes.txt');
  assert.equal(script.status, 415);
});

test('too large: 413 with the limit in the message, also for a streamed body without Content-Length', async () => {
  const big = await upload(new Uint8Array(LIMIT + 1), 'big.bin');
  assert.equal(big.status, 413);
  const body = (await big.json()) as { error: { code: string; message: string } };
  assert.equal(body.error.code, 'payload_too_large');
  assert.match(body.error.message, /32 KB/);
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(ctrl) {
      if (sent > LIMIT * 4) return ctrl.close();
      sent += 8192;
      ctrl.enqueue(new Uint8Array(8192).fill(65));
    },
  });
  const res = await h.app.request(`http://localhost/api/cases/${caseId}/evidence`, {
    method: 'POST',
    body: stream,
    headers: { authorization: `Bearer ${h.tokens.attorney}`, 'x-filename': 'stream.txt' },
    duplex: 'half',
  } as RequestInit);
  assert.equal(res.status, 413);
  assert.ok(sent < LIMIT * 4, 'the upload was cut off at the limit, not read to the end');
});

test('upload without X-Filename or an empty file is a 400', async () => {
  const res = await h.request('POST', `/api/cases/${caseId}/evidence`, { as: 'attorney', body: 'hello' });
  assert.equal(res.status, 400);
  assert.equal((await upload('', 'empty.txt')).status, 400);
});

test('advocates may upload but not download evidence', async () => {
  const res = await upload('statement\n', 'statement.txt', 'advocate');
  assert.equal(res.status, 201);
  const { id } = (await res.json()) as { id: string };
  assert.equal((await h.request('GET', `/api/evidence/${id}/download`, { as: 'advocate' })).status, 403);
});
