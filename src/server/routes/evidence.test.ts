import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contentDisposition, downloadContentType, fileDownload } from './evidence.ts';

test('only PDF, raster images and plain text keep their type; everything else is octet-stream', () => {
  assert.equal(downloadContentType('application/pdf'), 'application/pdf');
  assert.equal(downloadContentType('image/png'), 'image/png');
  assert.equal(downloadContentType('text/plain'), 'text/plain; charset=utf-8');
  for (const t of ['text/html', 'image/svg+xml', 'application/javascript', 'application/xhtml+xml', 'application/x-msdownload', 'application/zip', 'TEXT/HTML; charset=utf-8', '']) {
    assert.equal(downloadContentType(t), 'application/octet-stream', t);
  }
});

test('Content-Disposition is always an attachment and cannot be used to inject headers', () => {
  const v = contentDisposition('a"b\r\nSet-Cookie: x=1.pdf');
  assert.match(v, /^attachment; filename="a_b__Set-Cookie: x=1\.pdf"; filename\*=UTF-8''/);
  assert.doesNotMatch(v, /[\r\n]/);
  assert.equal(contentDisposition("José's (copy).pdf"), `attachment; filename="Jos_'s (copy).pdf"; filename*=UTF-8''Jos%C3%A9%27s%20%28copy%29.pdf`);
  new Headers({ 'content-disposition': v }); // a valid header value
});

test('fileDownload: the bytes as an attachment with length, hash, nosniff and a sandbox', async () => {
  const bytes = Buffer.from('%PDF-1.4 hello');
  const r = fileDownload(bytes, { contentType: 'application/pdf', filename: 'a b.pdf', sha256: 'ab12' });
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-type'), 'application/pdf');
  assert.equal(r.headers.get('content-disposition'), contentDisposition('a b.pdf'));
  assert.equal(r.headers.get('content-length'), String(bytes.byteLength));
  assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(r.headers.get('content-security-policy'), "default-src 'none'; sandbox");
  assert.equal(r.headers.get('x-writ-sha256'), 'ab12');
  assert.deepEqual(Buffer.from(await r.arrayBuffer()), bytes);
});
