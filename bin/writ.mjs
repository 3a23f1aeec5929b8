#!/usr/bin/env node
// Entry point for the `writ` command. Loads the TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

// Output piped into a command that stops reading (e.g. `writ ... | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
