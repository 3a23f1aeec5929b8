/**
 * `writ restore <file>`: restores a backup into an empty database (or replaces everything with --force), in one
 * transaction. Thin: open the store, call restoreBackup (src/store/backup.ts), print.
 */
import { existsSync } from 'node:fs';
import { UsageError, printJson, type Command } from '../command.ts';
import { t } from '../../i18n/i18n.ts';
import { parseBackupFileArgs, withStore } from '../../store/command-support.ts';

const USAGE = 'writ restore <file> [--force] [--passphrase-file FILE] [--data-dir DIR] [--json] [--lang en|es]';

const command: Command = {
  name: 'restore',
  summary: 'Restore a backup made by `writ backup` (into an empty database, or --force)',
  help: `Usage: ${USAGE}

Restores every table from a backup made by \`writ backup\`, on the embedded database or on PostgreSQL
(DATABASE_URL), in one transaction: either everything is restored or nothing changes.

A database that already holds data is refused unless --force, which replaces everything in it.
The key file the data was written with must be in place first (copy it to <data-dir>/keys.json, or set
WRIT_KEY_FILE or WRIT_KEY): restore never creates a new key.

Options:
  --force                  replace the data in a database that is not empty
  --passphrase-file FILE   the backup's passphrase, first line of FILE (or WRIT_BACKUP_PASSPHRASE)
  --data-dir DIR           the data directory (default: $WRIT_DATA_DIR, else ~/.local/share/writ)
  --json                   print the result as JSON
  --lang en|es             language`,
  run: async (argv, io) => {
    const { file, lang, passphrase, dataDir, json, force } = parseBackupFileArgs(argv, USAGE, { allowForce: true });
    if (!existsSync(file)) throw new UsageError(t(lang, 'store:cli.backupMissing', { file }));
    return withStore(io, lang, dataDir, async (store) => {
      const r = await store.maintenance.restore(file, { force, ...(passphrase ? { passphrase } : {}) });
      if (json) {
        printJson(io, { file, counts: r.counts });
        return 0;
      }
      io.stdout(
        t(lang, 'store:cli.restoreDone', { file, cases: r.counts.cases ?? 0, evidence: r.counts.evidence ?? 0, users: r.counts.users ?? 0 }) + '\n',
      );
      return 0;
    }, { createKeyFile: false });
  },
};

export default command;
