/**
 * Every `writ` command: each file in this folder (other than this one and tests) default-exports one Command.
 * Add a command by adding its file; `writ --help` lists them by name.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from '../command.ts';

export async function loadCommands(): Promise<Command[]> {
  const dir = fileURLToPath(new URL('.', import.meta.url));
  const files = readdirSync(dir).filter(
    (f) => /\.ts$/.test(f) && f !== 'index.ts' && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'),
  );
  const mods = await Promise.all(files.map((f) => import(new URL(f, import.meta.url).href)));
  return mods
    .map((m) => m.default as Command)
    .filter((c): c is Command => Boolean(c && c.name))
    .sort((a, b) => a.name.localeCompare(b.name));
}
