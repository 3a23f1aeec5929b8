/**
 * `writ deadline <rule> --from YYYY-MM-DD`: one deadline computed under FRCP 6(a), with the steps that explain it.
 * Thin: parse, call computeDeadline (src/core/deadlines), print.
 */
import { UsageError, parseCommandArgs, printJson, type Command, type Io } from '../command.ts';
import { pickLang } from './lookup.ts';
import { render, t, type Lang, type Message } from '../../i18n/i18n.ts';
import { computeDeadline, federalHolidays, listDeadlineRules, DeadlineInputError, type DeadlineResult, type ServiceMethod } from '../../core/deadlines/index.ts';
import { withRenderedMessages } from '../../server/render-messages.ts';
import { NOT_LEGAL_ADVICE } from '../main.ts';

const HELP = `Usage: writ deadline <rule> --from YYYY-MM-DD [--served-by mail|clerk|consent|electronic] [--json] [--lang en|es]
       writ deadline detainer-287-7d --from 2026-10-15T17:00 (--tz America/Chicago | --state IL) [--as-of <date-time>]
       writ deadline --list
       writ deadline --holidays YEAR

Computes one deadline under FRCP 6(a): excludes the trigger day, counts every day, and moves a last day on a
Saturday, Sunday or legal holiday to the next court day. Prints each step, the notes, warnings and sources.

Options:
  --from DATE            the trigger: YYYY-MM-DD (a date and time for the detainer hold limit)
  --mailed               the triggering decision was mailed (N-336: 33 days instead of 30)
  --served-by HOW        how the paper that starts the period was served, for rules that run from service under
                         FRCP 5(b) (frcp-12a1b): mail, clerk (left with the court's clerk) or consent (other means
                         you consented to) add FRCP 6(d)'s 3 days after the period ends; electronic (CM/ECF) adds
                         none. Not for service of the summons and complaint (frcp-12a2, frcp-12a3): no days added.
  --state-holiday DATE   a holiday of the state where the court sits (repeatable; forward periods only)
  --clerk-closed DATE    a day the clerk's office was inaccessible (repeatable; FRCP 6(a)(3))
  --tz ZONE              IANA time zone of the court or jail (hour-based rules), e.g. America/Chicago
  --state XX             two-letter state, to pick the time zone when --tz is not given
  --as-of DATE-TIME      detainer: report hours held as of this time
  --list                 list the rules
  --holidays YEAR        list the legal holidays Writ uses for a year (observed days)
  --json                 print the result as JSON (messages with their rendered text)
  --lang en|es           language (default: $WRIT_LANG, then $LANG)

${NOT_LEGAL_ADVICE}
`;

function dateText(lang: Lang, iso: string): string {
  return t(lang, 'deadlines:date', { date: Date.parse(`${iso}T00:00:00Z`) });
}

/** An ISO date-time with offset, shown as its local clock time and the zone name. */
function localText(lang: Lang, isoWithOffset: string, zone: string): string {
  return t(lang, 'deadlines:dateTime', { at: Date.parse(`${isoWithOffset.slice(0, 19)}Z`), zone });
}

function dueText(lang: Lang, r: DeadlineResult): string {
  return r.dueAt && r.timeZone ? localText(lang, r.dueAt, r.timeZone) : dateText(lang, r.dueDate);
}

function printResult(io: Io, lang: Lang, r: DeadlineResult): void {
  const out = (s = '') => io.stdout(s + '\n');
  const list = (heading: string, ms: Message[], mark: string) => {
    if (!ms.length) return;
    out();
    out(heading);
    ms.forEach((m, i) => out(`  ${mark === '#' ? `${i + 1}.` : mark} ${render(lang, m)}`));
  };
  out(render(lang, r.label));
  const dueKey = r.kind === 'eligibility' ? 'eligible' : r.kind === 'limit' ? 'limit' : 'due';
  out(`${t(lang, 'deadlines:cli.trigger')}: ${t(lang, `deadlines:rules.${r.ruleId}.trigger`)} — ${r.triggerAt && r.timeZone ? localText(lang, r.triggerAt, r.timeZone) : dateText(lang, r.triggerDate)}`);
  out(`${t(lang, `deadlines:cli.${dueKey}`)}: ${dueText(lang, r)}`);
  list(t(lang, 'deadlines:cli.steps'), r.steps, '#');
  list(t(lang, 'deadlines:cli.notes'), r.notes, '-');
  list(t(lang, 'deadlines:cli.warnings'), r.warnings, '!');
  out();
  out(t(lang, 'deadlines:cli.sources'));
  for (const c of r.citations) {
    const checked = c.verified_on ? t(lang, 'deadlines:cli.verifiedOn', { date: c.verified_on }) : t(lang, 'deadlines:cli.notVerified');
    out(`  - ${c.cite}: ${c.title}.${c.url ? ` ${c.url}` : ''} (${checked})`);
  }
  out();
  out(t(lang, 'common:notLegalAdvice'));
}

function printList(io: Io, lang: Lang, json: boolean): void {
  const rules = listDeadlineRules();
  if (json) return printJson(io, rules.map((r) => ({ ...r, text: render(lang, { code: r.labelCode }) })));
  io.stdout(t(lang, 'deadlines:cli.rulesHeading') + '\n');
  const width = Math.max(...rules.map((r) => r.id.length));
  for (const r of rules) io.stdout(`  ${r.id.padEnd(width)}  ${render(lang, { code: r.labelCode })}\n`);
}

function printHolidays(io: Io, lang: Lang, yearText: string, json: boolean): void {
  const year = Number(yearText);
  let list;
  try {
    if (!/^\d{4}$/.test(yearText)) throw new DeadlineInputError('deadlines:errors.badYear', { value: yearText });
    list = federalHolidays(year);
  } catch (e) {
    if (e instanceof DeadlineInputError) throw new UsageError(render(lang, e.problem));
    throw e;
  }
  if (json) return printJson(io, list.map((h) => ({ ...h, name: render(lang, { code: h.nameCode }) })));
  io.stdout(t(lang, 'deadlines:cli.holidaysHeading', { year }) + '\n');
  for (const h of list) {
    const observed = h.observed ? ` — ${t(lang, 'deadlines:cli.observedFor', { date: dateText(lang, h.statutoryDate) })}` : '';
    io.stdout(`  ${dateText(lang, h.date)}  ${render(lang, { code: h.nameCode })}${observed}\n`);
  }
  io.stdout(t(lang, 'deadlines:cli.holidaysFootnote') + '\n');
}

const command: Command = {
  name: 'deadline',
  summary: 'Compute a court deadline under FRCP 6(a), step by step (writ deadline frcp-4m --from 2026-03-02)',
  help: HELP,
  async run(argv: string[], io: Io): Promise<number> {
    const { values, positionals } = parseCommandArgs(argv, {
      from: { type: 'string' },
      mailed: { type: 'boolean' },
      'served-by': { type: 'string' },
      'state-holiday': { type: 'string', multiple: true },
      'clerk-closed': { type: 'string', multiple: true },
      tz: { type: 'string' },
      state: { type: 'string' },
      'as-of': { type: 'string' },
      list: { type: 'boolean' },
      holidays: { type: 'string' },
      json: { type: 'boolean' },
      lang: { type: 'string' },
    });
    const lang = pickLang(values.lang);
    if (values.list) {
      printList(io, lang, Boolean(values.json));
      return 0;
    }
    if (values.holidays !== undefined) {
      printHolidays(io, lang, values.holidays, Boolean(values.json));
      return 0;
    }
    const valid = listDeadlineRules().map((r) => r.id).join(', ');
    const [ruleId, ...extra] = positionals;
    if (!ruleId) throw new UsageError(t(lang, 'deadlines:cli.missingRule', { valid }));
    if (extra.length) throw new UsageError(t(lang, 'deadlines:cli.tooManyArgs', { extra: extra.join(' ') }));
    if (!listDeadlineRules().some((r) => r.id === ruleId)) {
      throw new UsageError(render(lang, { code: 'deadlines:errors.unknownRule', params: { value: ruleId, valid } }));
    }
    if (values.from === undefined) throw new UsageError(t(lang, 'deadlines:cli.missingFrom'));
    let result: DeadlineResult;
    try {
      result = computeDeadline(ruleId, values.from, {
        ...(values.mailed ? { mailed: true } : {}),
        ...(values['served-by'] !== undefined ? { servedBy: values['served-by'] as ServiceMethod } : {}),
        ...(values['state-holiday'] ? { extraHolidays: values['state-holiday'] } : {}),
        ...(values['clerk-closed'] ? { inaccessibleDays: values['clerk-closed'] } : {}),
        ...(values.tz !== undefined ? { timeZone: values.tz } : {}),
        ...(values.state !== undefined ? { state: values.state } : {}),
        ...(values['as-of'] !== undefined ? { asOf: values['as-of'] } : {}),
      });
    } catch (e) {
      if (e instanceof DeadlineInputError) throw new UsageError(render(lang, e.problem));
      throw e;
    }
    if (values.json) printJson(io, withRenderedMessages(result, lang));
    else printResult(io, lang, result);
    return 0;
  },
};

export default command;
