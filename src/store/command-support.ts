/**
 * What the store's commands (`writ backup`, `writ restore`, `writ keys`) share: opening the store for one command,
 * turning a StoreError into a message in the user's language (exit 2 for bad input, 1 for other failures), and the
 * options and file argument that `writ backup` and `writ restore` both take.
 */
import { readFileSync } from 'node:fs';
import { UsageError, parseCommandArgs, type Io } from '../cli/command.ts';
import { pickLang } from '../cli/commands/lookup.ts';
import { t, type Lang } from '../i18n/i18n.ts';
import { openStore, resolveDataDir, StoreError, type Store } from './index.ts';

const BAD_INPUT = new Set<StoreError['code']>(['invalid', 'not_empty', 'bad_backup', 'not_found', 'too_large', 'forbidden_type']);

/** The localized text for a StoreError. */
export function storeErrorText(lang: Lang, e: StoreError, dataDir: string): string {
  return t(lang, `store:errors.${e.code}`, { detail: e.message, dataDir });
}

/** Opens the store (no job workers), runs `fn`, closes it. StoreErrors become a message and an exit code. */
export async function withStore(
  io: Io,
  lang: Lang,
  dataDirOption: string | undefined,
  fn: (store: Store) => Promise<number>,
  opts: { createKeyFile?: boolean } = {},
): Promise<number> {
  const dataDir = resolveDataDir(dataDirOption);
  let store: Store | undefined;
  try {
    store = await openStore({ dataDir, jobs: false, createKeyFile: opts.createKeyFile ?? true });
    return await fn(store);
  } catch (e) {
    if (e instanceof StoreError) {
      io.stderr(storeErrorText(lang, e, dataDir) + '\n');
      return BAD_INPUT.has(e.code) ? 2 : 1;
    }
    throw e;
  } finally {
    await store?.close();
  }
}

/** A backup passphrase: from --passphrase-file (first line), else WRIT_BACKUP_PASSPHRASE, else none. */
export function readPassphrase(lang: Lang, file: string | undefined): string | undefined {
  if (file) {
    try {
      return readFileSync(file, 'utf8').split(/\r?\n/)[0];
    } catch {
      throw new UsageError(t(lang, 'store:cli.passphraseFileMissing', { file }));
    }
  }
  const env = process.env.WRIT_BACKUP_PASSPHRASE;
  return env ? env : undefined;
}

/** What `writ backup <file>` and `writ restore <file>` were asked to do. */
export interface BackupFileArgs {
  file: string;
  lang: Lang;
  passphrase: string | undefined;
  dataDir: string | undefined;
  json: boolean;
  /** Only `writ restore` accepts --force; always false for `writ backup`. */
  force: boolean;
}

/**
 * Parses `<file> [--force] [--passphrase-file FILE] [--data-dir DIR] [--json] [--lang en|es]`: exactly one file,
 * and --force only when `allowForce` (restore). A missing or extra file, or an unknown option, is a UsageError
 * that shows `usage`; the passphrase is read here (readPassphrase).
 */
export function parseBackupFileArgs(argv: string[], usage: string, opts: { allowForce?: boolean } = {}): BackupFileArgs {
  const { values, positionals } = parseCommandArgs(argv, {
    ...(opts.allowForce ? { force: { type: 'boolean' } } : {}),
    'passphrase-file': { type: 'string' },
    'data-dir': { type: 'string' },
    json: { type: 'boolean' },
    lang: { type: 'string' },
  } as const);
  const v = values as { force?: boolean; 'passphrase-file'?: string; 'data-dir'?: string; json?: boolean; lang?: string };
  const lang = pickLang(v.lang);
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError(t(lang, 'store:cli.needFile', { usage }));
  return {
    file,
    lang,
    passphrase: readPassphrase(lang, v['passphrase-file']),
    dataDir: v['data-dir'],
    json: Boolean(v.json),
    force: Boolean(v.force),
  };
}
