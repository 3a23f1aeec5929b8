/**
 * Reads one line from the terminal without echoing it (for `writ login`): the prompt goes to stderr, the keys are read
 * in raw mode, Backspace erases, Enter ends, Ctrl+C or Ctrl+D with nothing typed gives up (null).
 */
export function readSecretFromTerminal(prompt: string): Promise<string | null> {
  const stdin = process.stdin;
  return new Promise((resolve) => {
    let value = '';
    const wasRaw = stdin.isRaw;
    // Echo off before the prompt shows: keys typed the moment it appears are never echoed.
    stdin.setRawMode(true);
    process.stderr.write(prompt);
    stdin.setEncoding('utf8');
    stdin.resume();
    const finish = (result: string | null) => {
      stdin.off('data', onData);
      stdin.setRawMode(wasRaw);
      stdin.pause();
      process.stderr.write('\n');
      resolve(result);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return finish(value);
        if (ch === '\u0003') return finish(null);
        if (ch === '\u0004') return finish(value ? value : null);
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.on('data', onData);
  });
}
