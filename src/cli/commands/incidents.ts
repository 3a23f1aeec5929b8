/**
 * `writ incidents purge-drafts`: the retention of abandoned incident-report drafts (docs/incidents.md). A draft
 * is kept while someone works on it; one nobody has changed for --days days (default 90) is deleted, in every
 * organization. Submitted reports are never touched. Thin: open the store, call store.incidents.purgeDrafts, print.
 */
import { UsageError, parseCommandArgs, printJson, type Command } from '../command.ts';
import { t } from '../../i18n/i18n.ts';
import { withStore } from '../../store/command-support.ts';
import { pickLang } from './lookup.ts';

export const DRAFT_RETENTION_DAYS = 90;

const USAGE = 'writ incidents purge-drafts [--days N] [--data-dir DIR] [--json] [--lang en|es]';

const command: Command = {
  name: 'incidents',
  summary: 'Delete incident-report drafts nobody has changed for 90 days (purge-drafts)',
  help: `Usage: ${USAGE}

Incident-report drafts are saved as the reporter types, so a half-finished report is never lost. A draft that
nobody has changed for ${DRAFT_RETENTION_DAYS} days is abandoned: purge-drafts deletes it (in every organization of this
database; each deletion is recorded in the audit log, without content). Submitted reports are never deleted.
Run it regularly (e.g. daily from cron). On the embedded database, stop \`writ serve\` first.

Options:
  --days N         delete drafts unchanged for at least N days (default ${DRAFT_RETENTION_DAYS}; 1 or more)
  --data-dir DIR   the data directory (default: $WRIT_DATA_DIR, else ~/.local/share/writ)
  --json           print the result as JSON
  --lang en|es     language`,
  run: async (argv, io) => {
    const { values, positionals } = parseCommandArgs(argv, {
      days: { type: 'string' },
      'data-dir': { type: 'string' },
      json: { type: 'boolean' },
      lang: { type: 'string' },
    });
    const lang = pickLang(values.lang);
    if (positionals[0] !== 'purge-drafts' || positionals.length > 1) throw new UsageError(t(lang, 'cli:incidents.usage', { usage: USAGE }));
    const days = values.days === undefined ? DRAFT_RETENTION_DAYS : Number(values.days);
    if (!Number.isInteger(days) || days < 1 || days > 36500) throw new UsageError(t(lang, 'cli:incidents.badDays', { value: values.days ?? '' }));
    return withStore(io, lang, values['data-dir'], async (store) => {
      const olderThan = new Date(Date.now() - days * 86_400_000);
      const deleted = await store.incidents.purgeDrafts(olderThan);
      if (values.json) printJson(io, { deleted, days, olderThan: olderThan.toISOString() });
      else io.stdout(t(lang, 'cli:incidents.purged', { count: deleted, days }) + '\n');
      return 0;
    });
  },
};

export default command;
