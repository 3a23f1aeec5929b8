/**
 * `writ analyze <facts.json | ->`: which federal-court remedies are viable, weak, barred or unknown for the facts,
 * element by element, with citations, bars, warnings, questions and dates. Thin: parse the facts, load the
 * reference data, call analyze() (src/core/analysis), print.
 */
import { UsageError, parseCommandArgs, printJson, readInput, type Command, type Io } from '../command.ts';
import { commandReference, pickLang } from './lookup.ts';
import { parseFacts, type Facts } from '../../core/facts/index.ts';
import { analyze } from '../../core/analysis/analyze.ts';
import { needs287gSheets } from '../../core/analysis/derive-venue.ts';
import { renderAnalysisText } from '../../core/analysis/render-analysis-text.ts';
import { REMEDY_IDS, type AnalysisContext } from '../../core/analysis/types.ts';
import type { Lang } from '../../i18n/i18n.ts';
import { withRenderedMessages } from '../../server/render-messages.ts';
import { NOT_LEGAL_ADVICE } from '../main.ts';

const HELP = `Usage: writ analyze <facts.json | -> [--json] [--lang en|es] [--remedy ID] [--brief] [--today YYYY-MM-DD] [--data-dir DIR]

Reads one case's facts (the JSON format printed by \`writ schema facts\`, explained in docs/facts.md; \`-\` reads
standard input) and prints, for each federal-court remedy: viable, weak, barred or unknown; the findings element by
element with their reasons and authority; the bars; the TRAC factors for delay claims; warnings ([VERIFY],
fast-moving and circuit-dependent law); the questions whose answers would settle what is unknown; and the dates the
facts imply (e.g. § 1447(b) 120 days, N-336 30 days, § 1421(c) 120 days, FTCA 2 years, the detainer hold limit).

Examples:
  writ analyze examples/facts/f1-naturalization-interview-no-decision.json
  writ analyze examples/facts/f6-county-detainer-hold-no-287g.json --lang es
  cat facts.json | writ analyze - --json

Options:
  --json             print the analysis as data (every message also carries its rendered text)
  --lang en|es       language (default: $WRIT_LANG, then $LANG)
  --remedy ID        only this remedy (${REMEDY_IDS.join(', ')})
  --brief            leave out the element-by-element findings
  --today DATE       the analysis date when the facts have no analysisDate (default: today, UTC)
  --no-reference     do not load the reference data (venue then comes from facts.venue or the state only)
  --data-dir DIR     where Writ's database is (default: $WRIT_DATA_DIR, then the platform's data directory):
                     when the facts name a local agency without saying whether it had a 287(g) agreement,
                     the 287(g) sheets imported into that database are searched too (see writ lookup agency)

Exit codes: 0 analysis printed; 2 bad input (the facts' problems are listed, each with its path).

${NOT_LEGAL_ADVICE}
`;

async function loadReferenceQuietly(io: Io, lang: Lang, dataDir: string | undefined, facts: Facts): Promise<AnalysisContext['reference']> {
  try {
    // The Writ database is opened for its imported 287(g) sheets only when the analysis will look the agency up
    // (that takes seconds).
    return (await commandReference(io, lang, dataDir, needs287gSheets(facts))).reference;
  } catch (e) {
    io.stderr(`writ analyze: reference data not available (${(e as Error).message}); venue comes from the facts and the state only.\n`);
    return undefined;
  }
}

const command: Command = {
  name: 'analyze',
  summary: 'Analyze a case: which remedies are viable, weak, barred or unknown, and why',
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      json: { type: 'boolean' },
      lang: { type: 'string' },
      remedy: { type: 'string' },
      brief: { type: 'boolean' },
      today: { type: 'string' },
      'no-reference': { type: 'boolean' },
      'data-dir': { type: 'string' },
    });
    const lang = pickLang(values.lang);
    if (positionals.length !== 1) {
      throw new UsageError('give one facts file, or - to read standard input. Example: writ analyze examples/facts/f1-naturalization-interview-no-decision.json');
    }
    if (values.remedy !== undefined && !(REMEDY_IDS as readonly string[]).includes(values.remedy)) {
      throw new UsageError(`unknown remedy "${values.remedy}"; use one of ${REMEDY_IDS.join(', ')}`);
    }
    if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) {
      throw new UsageError(`--today must be a date written YYYY-MM-DD, not "${values.today}"`);
    }
    const parsed = parseFacts(await readInput(positionals[0]!, io));
    if (!parsed.ok) {
      if (values.json) {
        printJson(io, { ok: false, problems: parsed.problems });
        return 2;
      }
      const list = parsed.problems.map((p) => `  ${p.path || '(the whole file)'}: ${p.message}`).join('\n');
      throw new UsageError(`the facts have ${parsed.problems.length} problem(s):\n${list}\nSee \`writ schema facts\` and docs/facts.md.`);
    }
    const reference = values['no-reference'] ? undefined : await loadReferenceQuietly(io, lang, values['data-dir'], parsed.facts);
    const analysis = analyze(parsed.facts, {
      ...(reference ? { reference } : {}),
      ...(values.today ? { today: values.today } : {}),
    });
    if (values.remedy) analysis.remedies = analysis.remedies.filter((r) => r.remedy === values.remedy);
    if (values.json) {
      printJson(io, withRenderedMessages(analysis, lang));
      return 0;
    }
    io.stdout(renderAnalysisText(lang, analysis, { details: !values.brief }));
    return 0;
  },
};

export default command;
