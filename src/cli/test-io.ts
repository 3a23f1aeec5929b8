/** An Io that captures output, for command tests. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Io } from './command.ts';
import { main } from './main.ts';

export function captureIo(stdin = ''): Io & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (t: string) => { io.out += t; },
    stderr: (t: string) => { io.err += t; },
    readStdin: async () => stdin,
    isTty: false,
  };
  return io;
}

/** Runs `writ <argv…>` in this process with captured output. */
export async function runMain(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo();
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

/**
 * A temporary folder with a not-yet-created data directory in it (`dataDir`), for commands run on an embedded
 * database; the key and database settings of the environment are cleared so they cannot reach a real one.
 */
export function tempDataDir(prefix: string): { dir: string; dataDir: string } {
  delete process.env.WRIT_KEY;
  delete process.env.WRIT_KEY_FILE;
  delete process.env.DATABASE_URL;
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, dataDir: join(dir, 'data') };
}
