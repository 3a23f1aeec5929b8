import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { initialJs } from './initial-js-size.ts';

test('counts the entry, its modulepreloads and static imports, never dynamic imports', () => {
  const dir = mkdtempSync(join(tmpdir(), 'writ-initial-js-'));
  try {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(
      join(dir, 'index.html'),
      '<script type="module" crossorigin src="/assets/index.js"></script><link rel="modulepreload" crossorigin href="/assets/pre.js">',
    );
    writeFileSync(join(dir, 'assets/index.js'), 'import{a as b}from"./shared.js";import"./side.js";const l=()=>import("./lazy.js");');
    writeFileSync(join(dir, 'assets/shared.js'), 'export const a=1;');
    writeFileSync(join(dir, 'assets/side.js'), 'console.log(1)');
    writeFileSync(join(dir, 'assets/pre.js'), 'export const p=2;');
    writeFileSync(join(dir, 'assets/lazy.js'), 'x'.repeat(100000));
    const r = initialJs(dir);
    assert.deepEqual(r.files.map((f) => f.file).sort(), ['assets/index.js', 'assets/pre.js', 'assets/shared.js', 'assets/side.js']);
    const expected = ['index.js', 'pre.js', 'shared.js', 'side.js']
      .map((f) => gzipSync(readFileSync(join(dir, 'assets', f)), { level: 9 }).byteLength)
      .reduce((a, b) => a + b, 0);
    assert.equal(r.gzipTotal, expected);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
