/**
 * `writ backup <file>`: an encrypted, consistent snapshot of the whole database. Thin: open the store, call
 * writeBackup (src/store/backup.ts), print.
 */
import { printJson, type Command } from '../command.ts';
import { t } from '../../i18n/i18n.ts';
import { parseBackupFileArgs, withStore } from '../../store/command-support.ts';

const USAGE = 'writ backup <file> [--passphrase-file FILE] [--data-dir DIR] [--json] [--lang en|es]';

const command: Command = {
  name: 'backup',
  summary: 'Write an encrypted, consistent backup of the database to a file',
  help: `Usage: ${USAGE}

Writes every table in one consistent snapshot, compressed and encrypted (AES-256-GCM), to <file> (mode 0600).
The backup restores with \`writ restore\` on the embedded database or on PostgreSQL (DATABASE_URL).

The backup file is encrypted with a key derived from your key ring, or from a passphrase when one is given:
  --passphrase-file FILE   read the passphrase from the first line of FILE (or set WRIT_BACKUP_PASSPHRASE)
Names, narratives and files inside stay encrypted with your key ring either way: keep the key file
(<data-dir>/keys.json or WRIT_KEY_FILE) safe and separate from the backups.

On the embedded database, stop \`writ serve\` first (one process at a time uses a data directory).

Options:
  --data-dir DIR   the data directory (default: $WRIT_DATA_DIR, else ~/.local/share/writ)
  --json           print the result as JSON
  --lang en|es     language`,
  run: async (argv, io) => {
    const { file, lang, passphrase, dataDir, json } = parseBackupFileArgs(argv, USAGE);
    return withStore(io, lang, dataDir, async (store) => {
      const { keyFile } = store.maintenance.keyInfo();
      const r = await store.maintenance.backup(file, passphrase ? { passphrase } : {});
      if (json) {
        printJson(io, { file: r.file, bytes: r.bytes, counts: r.counts, passphrase: Boolean(passphrase) });
        return 0;
      }
      io.stdout(
        t(lang, 'store:cli.backupDone', {
          file: r.file,
          bytes: r.bytes,
          cases: r.counts.cases ?? 0,
          evidence: r.counts.evidence ?? 0,
          documents: r.counts.documents ?? 0,
        }) + '\n',
      );
      const where = keyFile ?? 'WRIT_KEY';
      io.stdout(t(lang, passphrase ? 'store:cli.backupPassphraseNote' : 'store:cli.backupKeyWarning', { keyFile: where }) + '\n');
      return 0;
    });
  },
};

export default command;
