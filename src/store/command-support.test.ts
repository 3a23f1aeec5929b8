// parseBackupFileArgs: the one parser `writ backup` and `writ restore` share.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../cli/command.ts';
import { parseBackupFileArgs } from './command-support.ts';

const dir = mkdtempSync(join(tmpdir(), 'writ-cmd-support-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const USAGE = 'writ x <file>';

test('reads the file, options and the passphrase from the first line of --passphrase-file', () => {
  delete process.env.WRIT_BACKUP_PASSPHRASE;
  const pf = join(dir, 'pass.txt');
  writeFileSync(pf, 'correct horse\nsecond line\n');
  const a = parseBackupFileArgs(['b.writbak', '--passphrase-file', pf, '--data-dir', '/d', '--json', '--lang', 'es'], USAGE);
  assert.deepEqual(a, { file: 'b.writbak', lang: 'es', passphrase: 'correct horse', dataDir: '/d', json: true, force: false });
  const plain = parseBackupFileArgs(['b.writbak', '--lang', 'en'], USAGE);
  assert.deepEqual(plain, { file: 'b.writbak', lang: 'en', passphrase: undefined, dataDir: undefined, json: false, force: false });
});

test('--force only where allowed (restore), not for backup', () => {
  assert.equal(parseBackupFileArgs(['b', '--force', '--lang', 'en'], USAGE, { allowForce: true }).force, true);
  assert.throws(() => parseBackupFileArgs(['b', '--force', '--lang', 'en'], USAGE), UsageError);
});

test('no file, two files or a missing passphrase file is a usage error that says so', () => {
  assert.throws(() => parseBackupFileArgs(['--lang', 'en'], USAGE), (e: unknown) => e instanceof UsageError && e.message.includes(USAGE));
  assert.throws(() => parseBackupFileArgs(['a', 'b', '--lang', 'en'], USAGE), (e: unknown) => e instanceof UsageError && e.message.includes(USAGE));
  assert.throws(
    () => parseBackupFileArgs(['a', '--passphrase-file', join(dir, 'nope'), '--lang', 'en'], USAGE),
    (e: unknown) => e instanceof UsageError && e.message.includes('nope'),
  );
});
