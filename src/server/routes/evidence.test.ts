import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contentDisposition, downloadContentType } from './evidence.ts';

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
