/**
 * `writ case list|show|deadlines|ics`: a signed-in user's cases, read from a running Writ server through its API
 * with the token saved by `writ login` (the server holds the database while it runs). Thin: parse, one API call, print.
 */
import { writeFileSync } from 'node:fs';
import { UsageError, parseCommandArgs, printJson, type Command, type Io } from '../command.ts';
import { t, type Lang } from '../../i18n/i18n.ts';
import { ApiClient, CliProblem, loadLogin, reportProblem } from '../api-client.ts';
import { pickLang } from './lookup.ts';

const LOGIN_NOTE = `Uses the login saved by \`writ login\` (or WRIT_URL and WRIT_TOKEN). Exit codes: 0 ok, 1 the server
failed or refused (unreachable, not found, not allowed), 2 bad input or not signed in.`;

const COMMON_OPTIONS = `  --config FILE    the login file (default: $XDG_CONFIG_HOME/writ/cli.json or ~/.config/writ/cli.json)
  --lang en|es     language (default: $WRIT_LANG, then $LANG)`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface CaseSummary {
  id: string;
  title: string;
  status: string;
  currentRevision: number;
  createdAt: string;
  updatedAt: string;
}

interface RenderedMessage {
  code: string;
  text?: string;
}

interface Deadline {
  id: string;
  ruleId: string;
  dueDate: string;
  dueTime: string | null;
  status: string;
  computation: { label?: RenderedMessage; warnings?: RenderedMessage[]; citations?: { cite: string }[]; timeZone?: string } | null;
}

interface Parsed {
  lang: Lang;
  json: boolean;
  out: string | undefined;
  config: string | undefined;
  id: string | undefined;
}

function parse(sub: string, argv: string[], withId: boolean, extra: { json?: boolean; out?: boolean }): Parsed {
  const { values, positionals } = parseCommandArgs(argv, {
    config: { type: 'string' },
    lang: { type: 'string' },
    ...(extra.json ? { json: { type: 'boolean' } } : {}),
    ...(extra.out ? { out: { type: 'string' } } : {}),
  } as const);
  const v = values as { config?: string; lang?: string; json?: boolean; out?: string };
  const lang = pickLang(v.lang);
  const [id, ...rest] = positionals;
  if (withId) {
    if (!id) throw new UsageError(t(lang, 'cli:case.missingId', { sub }));
    if (!UUID.test(id)) throw new UsageError(t(lang, 'cli:case.badId', { id: id.slice(0, 80) }));
  }
  const unexpected = withId ? rest : positionals;
  if (unexpected.length) throw new UsageError(t(lang, 'cli:case.tooManyArgs', { extra: unexpected.join(' ') }));
  if (extra.out && v.out === '') throw new UsageError(t(lang, 'cli:case.cannotWrite', { path: '""', reason: 'empty' }));
  return { lang, json: Boolean(v.json), out: v.out, config: v.config, id: withId ? id!.toLowerCase() : undefined };
}

function client(p: Parsed): ApiClient {
  const login = loadLogin(p.config);
  return new ApiClient({ url: login.url, token: login.token, lang: p.lang });
}

function caseNotFound(id: string) {
  return { code: 'cli:case.notFound', params: { id } };
}

/** A subcommand: parses its arguments, then runs `body`, reporting server and login problems as one line. */
function sub(
  name: string,
  summary: string,
  usage: string,
  withId: boolean,
  extra: { json?: boolean; out?: boolean },
  body: (p: Parsed, io: Io) => Promise<void>,
): Command {
  return {
    name,
    summary,
    help: `${usage}\n\n${summary}.\n\nOptions:\n${extra.json ? '  --json           print the API answer as JSON\n' : ''}${
      extra.out ? '  --out FILE       write the calendar to FILE (default: standard output)\n' : ''
    }${COMMON_OPTIONS}\n\n${LOGIN_NOTE}\n`,
    async run(argv, io) {
      const p = parse(name, argv, withId, extra);
      try {
        await body(p, io);
        return 0;
      } catch (e) {
        return reportProblem(io, p.lang, e);
      }
    },
  };
}

/** Text from the server, safe for a terminal: control characters (escape sequences, line breaks) become spaces. */
function plain(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}

function day(iso: string): string {
  return iso.slice(0, 10);
}

const list = sub('list', "List your organization's cases", 'Usage: writ case list [--json]', false, { json: true }, async (p, io) => {
  const { body } = await client(p).json<{ cases: CaseSummary[] }>('GET', '/api/cases');
  if (p.json) return printJson(io, body);
  if (!body.cases.length) return io.stdout(t(p.lang, 'cli:case.none') + '\n');
  const header = ['id', 'status', 'revision', 'updated'].map((k) => t(p.lang, `cli:case.columns.${k}`));
  const rows = body.cases.map((c) => [c.id, t(p.lang, `cli:case.status.${c.status}`), String(c.currentRevision), day(c.updatedAt)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[], title: string) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ') + '  ' + title;
  io.stdout(line(header, t(p.lang, 'cli:case.columns.title')) + '\n');
  body.cases.forEach((c, i) => io.stdout(line(rows[i]!, plain(c.title)) + '\n'));
});

const show = sub('show', 'Show one case', 'Usage: writ case show <id> [--json]', true, { json: true }, async (p, io) => {
  const { body } = await client(p).json<CaseSummary & { facts: unknown }>('GET', `/api/cases/${p.id}`, { notFound: caseNotFound(p.id!) });
  if (p.json) return printJson(io, body);
  const fields: [string, string][] = [
    ['title', plain(body.title)],
    ['id', body.id],
    ['status', t(p.lang, `cli:case.status.${body.status}`)],
    ['revision', String(body.currentRevision)],
    ['created', day(body.createdAt)],
    ['updated', day(body.updatedAt)],
  ];
  const labels = fields.map(([k]) => t(p.lang, `cli:case.field.${k}`));
  const width = Math.max(...labels.map((l) => l.length));
  fields.forEach(([, value], i) => io.stdout(`${(labels[i]! + ':').padEnd(width + 1)} ${value}\n`));
  io.stdout(t(p.lang, 'cli:case.factsHint', { id: body.id }) + '\n');
});

const deadlines = sub(
  'deadlines',
  "List a case's deadlines, with their warnings and sources",
  'Usage: writ case deadlines <id> [--json]',
  true,
  { json: true },
  async (p, io) => {
    const { body } = await client(p).json<{ deadlines: Deadline[] }>('GET', `/api/cases/${p.id}/deadlines`, { notFound: caseNotFound(p.id!) });
    if (p.json) return printJson(io, body);
    if (!body.deadlines.length) return io.stdout(t(p.lang, 'cli:case.deadlinesNone') + '\n');
    for (const d of body.deadlines) {
      const c = d.computation;
      const when = d.dueTime ? `${d.dueDate} ${d.dueTime}${c?.timeZone ? ` (${c.timeZone})` : ''}` : d.dueDate;
      const label = plain(c?.label?.text ?? d.ruleId);
      io.stdout(`${t(p.lang, 'cli:case.due')} ${when}  [${t(p.lang, `cli:case.deadlineStatus.${d.status}`)}]  ${label} (${d.ruleId})\n`);
      for (const w of c?.warnings ?? []) io.stdout(`  ! ${plain(w.text ?? w.code)}\n`);
      const cites = (c?.citations ?? []).map((x) => x.cite);
      if (cites.length) io.stdout(`  ${t(p.lang, 'cli:case.sources')}: ${cites.join('; ')}\n`);
    }
    io.stdout('\n' + t(p.lang, 'common:notLegalAdvice') + '\n');
  },
);

const ics = sub(
  'ics',
  "Export a case's open deadlines as an iCalendar (.ics) file for a calendar program",
  'Usage: writ case ics <id> [--out file.ics]',
  true,
  { out: true },
  async (p, io) => {
    const { text } = await client(p).request('GET', `/api/cases/${p.id}/deadlines.ics`, { notFound: caseNotFound(p.id!) });
    if (!p.out) return io.stdout(text);
    try {
      writeFileSync(p.out, text, { mode: 0o600 });
    } catch (e) {
      throw new CliProblem({ code: 'cli:case.cannotWrite', params: { path: p.out, reason: (e as NodeJS.ErrnoException).code ?? 'error' } }, 2);
    }
    const count = (text.match(/^BEGIN:VEVENT/gm) ?? []).length;
    io.stdout(t(p.lang, 'cli:case.icsWritten', { count, path: p.out }) + '\n');
  },
);

const command: Command = {
  name: 'case',
  summary: 'Your cases on a Writ server: list, show, deadlines, ics (after `writ login`)',
  help: `Usage: writ case <list|show|deadlines|ics> [options]\n\nReads your organization's cases from a running Writ server.\n${LOGIN_NOTE}`,
  subcommands: [list, show, deadlines, ics],
};

export default command;
