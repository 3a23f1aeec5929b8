/**
 * `writ` command dispatcher. Commands live in ./commands, one file each, and are listed in ./commands/index.ts.
 */
import { UsageError, type Command, type Io } from './command.ts';
import { loadCommands } from './commands/index.ts';
import { readSecretFromTerminal } from './read-secret.ts';

export const NOT_LEGAL_ADVICE =
  'Writ explains and prepares; it is not legal advice. Talk to a lawyer or a legal-aid organization.';

function listHelp(title: string, list: Command[]): string {
  const width = Math.max(...list.map((c) => c.name.length));
  return `${title}\n\nCommands:\n${list.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}\n`;
}

export const TOP_HELP = `Usage: writ <command> [options]

Writ helps people use the U.S. federal courts against unlawful immigration enforcement:
mandamus and APA suits, naturalization suits, habeas corpus, detainer and 287(g) claims.
${NOT_LEGAL_ADVICE}

Run \`writ <command> --help\` for a command's options.`;

export function defaultIo(): Io {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    isTty: Boolean(process.stdout.isTTY),
    ...(process.stdin.isTTY ? { readSecret: readSecretFromTerminal } : {}),
  };
}

/** Runs `writ` with the given arguments; returns the exit code (0 ok, 1 failure, 2 bad input). */
export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  const commands = await loadCommands();
  let list = commands;
  let path: string[] = [];
  let current: Command | undefined;
  let rest = argv;
  for (;;) {
    const word = rest[0];
    if (!word || word.startsWith('-')) break;
    const found = list.find((c) => c.name === word);
    if (!found) {
      const where = path.length ? `writ ${path.join(' ')}` : 'writ';
      io.stderr(`Unknown command: ${[...path, word].join(' ')}. Run \`${where} --help\` to see the commands.\n`);
      return 2;
    }
    current = found;
    path = [...path, word];
    rest = rest.slice(1);
    if (!found.subcommands) break;
    list = found.subcommands;
  }
  const wantsHelp = rest.includes('--help') || rest.includes('-h');
  if (!current) {
    if (wantsHelp || rest.length === 0) {
      io.stdout(listHelp(TOP_HELP, commands));
      return rest.length === 0 && !wantsHelp ? 2 : 0;
    }
    if (rest[0] === '--version') {
      io.stdout('writ 0.1.0\n');
      return 0;
    }
    io.stderr(`Unknown option: ${rest[0]}. Run \`writ --help\`.\n`);
    return 2;
  }
  if (current.subcommands) {
    io.stdout(listHelp(current.help, current.subcommands));
    return wantsHelp ? 0 : 2;
  }
  if (wantsHelp) {
    io.stdout(current.help.endsWith('\n') ? current.help : current.help + '\n');
    return 0;
  }
  try {
    return await current.run!(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`writ ${path.join(' ')}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
