/**
 * The shape every `writ` command has, and the errors commands throw.
 * A command is thin: it parses its arguments, calls one core function, and prints the result.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads all of standard input (for `-` arguments). */
  readStdin: () => Promise<string>;
  /** True when standard output is a terminal (progress bars, colours). */
  isTty: boolean;
  /** Reads one line from the terminal without echo (passwords); present only when standard input is a terminal. */
  readSecret?: (prompt: string) => Promise<string | null>;
}

export interface Command {
  /** Name as typed after `writ`, e.g. `analyze` or `lookup`. */
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Full help text printed by `--help`. */
  help: string;
  /** Subcommands (e.g. `lookup agency`). A command has either `run` or `subcommands`. */
  subcommands?: Command[];
  run?: (argv: string[], io: Io) => Promise<number>;
}

/** Bad input from the user: printed to stderr, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * util.parseArgs with errors turned into UsageError, so every command reports bad flags the same way.
 */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: T,
  allowPositionals = true,
) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ''));
  }
}

/** Prints data as JSON (for `--json`). */
export function printJson(io: Io, value: unknown): void {
  io.stdout(JSON.stringify(value, null, 2) + '\n');
}

/** Reads a file argument, or standard input when it is `-`. */
export async function readInput(pathOrDash: string, io: Io): Promise<string> {
  if (pathOrDash === '-') return io.readStdin();
  const { readFile } = await import('node:fs/promises');
  try {
    return await readFile(pathOrDash, 'utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') throw new UsageError(`File not found: ${pathOrDash}`);
    if (err.code === 'EISDIR') throw new UsageError(`${pathOrDash} is a directory; give a file.`);
    throw new UsageError(`Cannot read ${pathOrDash}: ${err.message}`);
  }
}
