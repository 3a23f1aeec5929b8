/**
 * Where Writ keeps its embedded database and key file: `--data-dir`, else WRIT_DATA_DIR, else
 * $XDG_DATA_HOME/writ, else ~/.local/share/writ.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export function resolveDataDir(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (option) return resolve(option);
  if (env.WRIT_DATA_DIR) return resolve(env.WRIT_DATA_DIR);
  const base = env.XDG_DATA_HOME && env.XDG_DATA_HOME.startsWith('/') ? env.XDG_DATA_HOME : join(homedir(), '.local', 'share');
  return join(base, 'writ');
}

/** The key file: WRIT_KEY_FILE, else <data-dir>/keys.json. */
export function resolveKeyFile(option: string | undefined, dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  if (option) return resolve(option);
  if (env.WRIT_KEY_FILE) return resolve(env.WRIT_KEY_FILE);
  return join(dataDir, 'keys.json');
}
