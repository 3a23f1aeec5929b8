/**
 * `writ keys init` and `writ keys rotate`: the encryption keys for data at rest. Thin: open the store, call the
 * key functions (src/crypto/key-ring.ts, src/store/rotate-keys.ts), print. Never prints a key.
 */
import { parseCommandArgs, printJson, type Command } from '../command.ts';
import { t } from '../../i18n/i18n.ts';
import { pickLang } from './lookup.ts';
import { withStore } from '../../store/command-support.ts';

const COMMON = `Options:
  --data-dir DIR   the data directory (default: $WRIT_DATA_DIR, else ~/.local/share/writ)
  --json           print the result as JSON
  --lang en|es     language`;

const options = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
} as const;

const init: Command = {
  name: 'init',
  summary: 'Create the key file if it does not exist (mode 0600) and say where it is',
  help: `Usage: writ keys init [--data-dir DIR] [--json] [--lang en|es]

Creates the key file (WRIT_KEY_FILE, else <data-dir>/keys.json; mode 0600) with a fresh random key when it does
not exist, and opens the database once. Never prints the key. With WRIT_KEY set, that key is used instead.

${COMMON}`,
  run: async (argv, io) => {
    const { values } = parseCommandArgs(argv, options, false);
    const lang = pickLang(values.lang);
    return withStore(io, lang, values['data-dir'], async (store) => {
      const { keyFile, source, currentKeyId } = store.maintenance.keyInfo();
      if (values.json) {
        printJson(io, { keyFile, source: source === 'env' ? 'WRIT_KEY' : 'file', currentKeyId });
        return 0;
      }
      io.stdout(
        (keyFile
          ? t(lang, 'store:cli.keysInitCreated', { keyFile, keyId: currentKeyId })
          : t(lang, 'store:cli.keysInitEnv', { keyId: currentKeyId })) + '\n',
      );
      return 0;
    });
  },
};

const rotate: Command = {
  name: 'rotate',
  summary: 'Make a new current key and re-encrypt everything with it',
  help: `Usage: writ keys rotate [--keep-old] [--data-dir DIR] [--json] [--lang en|es]

Adds a new key to the key file and makes it current, re-encrypts every encrypted value in the database with it,
then removes the old keys (unless --keep-old). Old keys stay in the file until re-encryption has completed, so
an interrupted rotation can simply be run again. Stop every Writ server using this database first.
Backups made before a rotation need the old key file: make a new backup afterwards.

Options:
  --keep-old       keep the old keys in the key file
${COMMON.replace('Options:\n', '')}`,
  run: async (argv, io) => {
    const { values } = parseCommandArgs(argv, { ...options, 'keep-old': { type: 'boolean' } }, false);
    const lang = pickLang(values.lang);
    return withStore(io, lang, values['data-dir'], async (store) => {
      const { keyFile } = store.maintenance.keyInfo();
      const r = await store.maintenance.rotateKeys({ keepOld: Boolean(values['keep-old']) });
      const count = Object.values(r.reencrypted).reduce((a, b) => a + b, 0);
      if (values.json) {
        printJson(io, { keyFile, newKeyId: r.newKeyId, reencrypted: r.reencrypted, oldKeysRemoved: r.oldKeysRemoved });
        return 0;
      }
      io.stdout(t(lang, 'store:cli.keysRotated', { keyId: r.newKeyId, count }) + '\n');
      io.stdout(t(lang, r.oldKeysRemoved ? 'store:cli.keysOldRemoved' : 'store:cli.keysOldKept', { keyFile: keyFile ?? '' }) + '\n');
      return 0;
    });
  },
};

const command: Command = {
  name: 'keys',
  summary: 'Encryption keys for data at rest: init, rotate',
  help: 'Usage: writ keys <init|rotate> [options]\n\nThe keys that encrypt names, narratives and files at rest. They are never stored in the database.',
  subcommands: [init, rotate],
};

export default command;
