/**
 * Where the store keeps its embedded database and key file: the user data directory (src/data/user-data-dir.ts:
 * `--data-dir`, else WRIT_DATA_DIR, else $XDG_DATA_HOME/writ, else ~/.local/share/writ).
 */
import { join, resolve } from 'node:path';
import { userDataDir } from '../data/user-data-dir.ts';

export function resolveDataDir(option: string | undefined): string {
  return resolve(userDataDir(option));
}

/** The key file: the option, else WRIT_KEY_FILE, else <data-dir>/keys.json. */
export function resolveKeyFile(option: string | undefined, dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  if (option) return resolve(option);
  if (env.WRIT_KEY_FILE) return resolve(env.WRIT_KEY_FILE);
  return join(dataDir, 'keys.json');
}
