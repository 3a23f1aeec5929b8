/**
 * `writ data import-287g` and `writ data status`: bring a newly downloaded ICE 287(g) sheet into Writ, and
 * show which sheets Writ holds. Thin: parse, call src/data/import-287g.ts, print.
 */
import { UsageError, parseCommandArgs, printJson, type Command, type Io } from '../command.ts';
import { import287g, ImportDateMissingError, type ImportResult } from '../../data/import-287g.ts';
import { UnreadableFileError } from '../../data/read-sheet-file.ts';
import { SheetFormatError, type SheetIssue } from '../../core/reference/parse-287g-sheet.ts';
import { heldSheets } from '../../data/load-reference.ts';
import { migrateLegacySheets, storeExists } from '../../data/imported-sheets.ts';
import { userDataDir } from '../../data/user-data-dir.ts';
import { withStore } from '../../store/command-support.ts';
import { resolveDataDir, type Store } from '../../store/index.ts';
import { t, type Lang } from '../../i18n/i18n.ts';
import { commandReference, pickLang } from './lookup.ts';

const SHOW = 25;

function issueLine(lang: Lang, i: SheetIssue): string {
  const what = t(lang, `reference:${i.code}`, i.params);
  const where = [i.row ? t(lang, 'reference:cli.row', { row: i.row }) : null, i.column].filter(Boolean).join(', ');
  const short = (v: string | null | undefined) => ((v ?? '').length > 90 ? `${(v ?? '').slice(0, 87)}...` : v ?? '');
  const change = i.to !== undefined ? `"${short(i.from)}" → "${short(i.to)}"` : i.from ? `"${short(i.from)}"` : '';
  return `  ${where}: ${what}${change ? ` ${change}` : ''}`;
}

function printResult(io: Io, lang: Lang, r: ImportResult, dryRun: boolean, where: string): void {
  const kind = t(lang, `reference:cli.kind.${r.sheet.kind}`);
  io.stdout(
    t(lang, 'reference:cli.importSummary', { kind, date: r.sheet.date + (r.sheet.edition ?? ''), rows: r.rows, blank: r.blankRows, repairs: r.repairs.length, problems: r.problems.length }) + '\n',
  );
  const d = r.diff;
  io.stdout(
    (d.from
      ? t(lang, 'reference:cli.importAgainst', { kind, date: d.from.date + (d.from.edition ?? ''), source: d.from.source, ...d.counts })
      : t(lang, 'reference:cli.importAgainstNone', { kind, added: d.counts.added })) + '\n',
  );
  const section = <T>(title: string, list: T[], line: (x: T) => string) => {
    if (!list.length) return;
    io.stdout(`\n${title} (${list.length}):\n`);
    for (const x of list.slice(0, SHOW)) io.stdout(line(x) + '\n');
    if (list.length > SHOW) io.stdout(`  ${t(lang, 'reference:cli.more', { count: list.length - SHOW })}\n`);
  };
  if (d.from) {
    const entry = (e: { state: string; agency: string; model: string; signed: string | null }) =>
      `${e.state} ${e.agency} — ${t(lang, 'reference:cli.diffEntry', { model: e.model, signed: e.signed ?? '?' })}`;
    section(t(lang, 'reference:cli.importAdded'), d.added, (e) => `  + ${entry(e)}`);
    section(t(lang, 'reference:cli.importRemoved'), d.removed, (e) => `  - ${entry(e)}`);
    section(t(lang, 'reference:cli.importChanged'), d.changed, (c) => `  ~ ${c.state} ${c.agency}: ${c.changes.map((x) => `${x.field} ${x.from ?? '—'} → ${x.to ?? '—'}`).join('; ')}`);
  }
  // Repairs grouped by kind, so the rare ones (dates) are not buried under hundreds of unwrapped links.
  const byCode = new Map<string, SheetIssue[]>();
  for (const i of r.repairs) byCode.set(i.code, [...(byCode.get(i.code) ?? []), i]);
  if (r.repairs.length) io.stdout(`\n${t(lang, 'reference:cli.importRepairs')} (${r.repairs.length}):\n`);
  for (const [code, list] of [...byCode].sort((a, b) => a[1].length - b[1].length)) {
    io.stdout(`  ${t(lang, `reference:${code}`)} (${list.length})\n`);
    for (const i of list.slice(0, 5)) io.stdout(`  ${issueLine(lang, i)}\n`);
    if (list.length > 5) io.stdout(`    ${t(lang, 'reference:cli.more', { count: list.length - 5 })}\n`);
  }
  section(t(lang, 'reference:cli.importProblems'), r.problems, (i) => issueLine(lang, i));
  io.stdout('\n');
  if (dryRun) io.stdout(t(lang, 'reference:cli.importDryRun') + '\n');
  else io.stdout(t(lang, r.replaced ? 'reference:cli.importReplaced' : 'reference:cli.importWritten', { path: where }) + '\n');
}

/** Where the store keeps its database, as the user knows it. */
function storePlace(store: Store): string {
  return store.info.dataDir ?? 'PostgreSQL (DATABASE_URL)';
}

const import287gCommand: Command = {
  name: 'import-287g',
  summary: "Import ICE's newest 287(g) participating or pending sheet and show what changed",
  help: `Usage: writ data import-287g <file.xlsx|file.csv> [--dry-run] [--json] [--date YYYY-MM-DD] [--data-dir DIR] [--lang en|es]

Reads ICE's 287(g) participating or pending agencies sheet (Writ tells which from its columns), repairs
ICE's known defects (blank rows, dates like 7/72025, curly apostrophes, Outlook safelinks, http links) and
reports every repaired value, then prints the agreements added, removed and changed (model, signed date,
MOA link) against the newest sheet of the same kind Writ holds.

The sheet date comes from ICE's file name (participatingAgencies07182025pm.xlsx → 2025-07-18 pm) or --date.
Without --dry-run the sheet is stored in the Writ database, the one \`writ serve\` uses: PostgreSQL when
DATABASE_URL is set, else the data directory (--data-dir, else $WRIT_DATA_DIR, else ${userDataDir()}),
in one transaction; every server on that database uses it within a minute. While \`writ serve\` runs on the
data directory, import through the server (Jobs screen, POST /api/reference/287g/imports) instead.
The data shipped with Writ is never changed. Exit 0 imported, 2 bad input (the message names the row and column).`,
  run: async (argv, io) => {
    const { values, positionals } = parseCommandArgs(argv, {
      json: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      date: { type: 'string' },
      'data-dir': { type: 'string' },
      lang: { type: 'string' },
    });
    const lang = pickLang(values.lang);
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new UsageError(import287gCommand.help.split('\n')[0]!);
    if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) throw new UsageError(t(lang, 'reference:cli.importBadDate'));
    const dryRun = Boolean(values['dry-run']);
    const dataDir = resolveDataDir(values['data-dir']);
    const run = async (store: Store | null): Promise<number> => {
      let result: ImportResult;
      try {
        if (store && !dryRun) await migrateLegacySheets(store, dataDir);
        result = await import287g({
          file,
          date: values.date ?? null,
          dryRun,
          sheets: store?.referenceSheets ?? null,
          // Compared with the shipped sheets, an older Writ's data-directory sheets and the database's imports.
          held: heldSheets(dataDir, store ? await store.referenceSheets.list() : []).map((h) => h.sheet),
        });
      } catch (e) {
        if (e instanceof ImportDateMissingError) throw new UsageError(t(lang, 'reference:cli.importNoDate', { file }));
        if (e instanceof UnreadableFileError) {
          const key = { notFound: 'fileNotFound', notSpreadsheet: 'fileNotSpreadsheet', unsupportedType: 'fileUnsupported', empty: 'fileEmpty' }[e.reason];
          throw new UsageError(t(lang, `reference:cli.${key}`, { file, detail: e.message.replace(/^.*?\((.*)\)$/, '$1') }));
        }
        if (e instanceof SheetFormatError) {
          const lines = e.issues.slice(0, SHOW).map((i) =>
            i.row !== null && i.column
              ? t(lang, 'reference:cli.importErrorAt', { row: i.row, column: i.column, message: t(lang, `reference:${i.code}`, i.params), value: i.from ?? '' })
              : t(lang, `reference:${i.code}`, i.params),
          );
          if (e.issues.length > SHOW) lines.push(t(lang, 'reference:cli.more', { count: e.issues.length - SHOW }));
          throw new UsageError(`${t(lang, 'reference:cli.importErrors', { file })}\n  ${lines.join('\n  ')}`);
        }
        throw e;
      }
      if (values.json) {
        const { sheet, ...rest } = result;
        printJson(io, { kind: sheet.kind, date: sheet.date, edition: sheet.edition, source: sheet.source, dryRun, ...rest });
      } else printResult(io, lang, result, dryRun, store ? storePlace(store) : '');
      return 0;
    };
    // A dry run compares with the database's sheets when there is a database, and never creates one.
    if (dryRun && !storeExists(dataDir)) return run(null);
    return withStore(io, lang, values['data-dir'], run);
  },
};

const status: Command = {
  name: 'status',
  summary: 'List the 287(g) sheets Writ holds (shipped, and imported into the Writ database)',
  help: 'Usage: writ data status [--json] [--data-dir DIR] [--lang en|es]',
  run: async (argv, io) => {
    const { values } = parseCommandArgs(argv, { json: { type: 'boolean' }, 'data-dir': { type: 'string' }, lang: { type: 'string' } }, false);
    const lang = pickLang(values.lang);
    // The shipped sheets, an older Writ's data-directory sheets and those imported into the database (read only).
    const { reference } = await commandReference(io, lang, values['data-dir'], true);
    const sheets = reference.sheets287g();
    if (values.json) printJson(io, sheets);
    else {
      for (const s of sheets) {
        io.stdout(`${t(lang, `reference:cli.kind.${s.kind}`).padEnd(13)} ${s.date}${s.edition ?? '  '}  ${String(s.rows).padStart(4)}  ${t(lang, `reference:cli.origin.${s.origin}`).padEnd(9)}  ${s.source}\n`);
      }
    }
    return 0;
  },
};

const data: Command = {
  name: 'data',
  summary: "Reference data: import ICE's newest 287(g) sheet, list the sheets Writ holds",
  help: 'Usage: writ data <import-287g|status> [options]',
  subcommands: [import287gCommand, status],
};

export default data;
