import { test } from 'node:test';
import assert from 'node:assert/strict';
import { main } from './main.ts';
import { captureIo } from './test-io.ts';

test('writ --help lists commands and exits 0', async () => {
  const io = captureIo();
  assert.equal(await main(['--help'], io), 0);
  assert.match(io.out, /Usage: writ <command>/);
  assert.match(io.out, /not legal advice/);
});

test('an unknown command is bad input: exit 2 with a message naming it', async () => {
  const io = captureIo();
  assert.equal(await main(['frobnicate'], io), 2);
  assert.match(io.err, /Unknown command: frobnicate/);
});
