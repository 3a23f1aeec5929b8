/**
 * Every `writ` command, in the order `writ --help` lists them. Add a command by adding its file and one line here.
 */
import type { Command } from '../command.ts';

export const commands: Command[] = [];
