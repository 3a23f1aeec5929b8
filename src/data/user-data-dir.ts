/**
 * Where Writ keeps what a user adds to the shipped reference data (imported 287(g) sheets):
 * `--data-dir`, else $WRIT_DATA_DIR, else $XDG_DATA_HOME/writ, else ~/.local/share/writ
 * (%APPDATA%\writ on Windows, ~/Library/Application Support/writ on macOS).
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export function userDataDir(explicit?: string | null): string {
  if (explicit) return explicit;
  const env = process.env.WRIT_DATA_DIR;
  if (env) return env;
  if (process.platform === 'win32' && process.env.APPDATA) return join(process.env.APPDATA, 'writ');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'writ');
  return join(process.env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'writ');
}

/** The folder of imported 287(g) sheets inside a data directory. */
export function imported287gDir(dataDir: string): string {
  return join(dataDir, '287g', 'sheets');
}
