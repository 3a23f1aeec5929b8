/**
 * `writ schema facts`: prints the JSON Schema of the facts format (generated from the zod schema in src/core/facts).
 */
import { parseCommandArgs, printJson, type Command } from '../command.ts';
import { factsJsonSchema } from '../../core/facts/index.ts';

const facts: Command = {
  name: 'facts',
  summary: 'Print the JSON Schema of the facts format (version 1)',
  help: `Usage: writ schema facts

Prints the JSON Schema (draft 2020-12) of the facts format that \`writ analyze\` reads: one JSON object per case,
"version": 1, every field optional except the version. Each field has a plain-language description; docs/facts.md
explains them all. Fields marked "sensitive": true hold personal data that Writ never writes to logs.
`,
  async run(argv, io) {
    parseCommandArgs(argv, {}, false);
    printJson(io, factsJsonSchema());
    return 0;
  },
};

const command: Command = {
  name: 'schema',
  summary: 'Print the JSON Schema of a Writ data format (facts)',
  help: 'Usage: writ schema <format>\n\nPrints the JSON Schema of a Writ data format.',
  subcommands: [facts],
};

export default command;
