/** An Io that captures output, for command tests. */
import type { Io } from './command.ts';

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
