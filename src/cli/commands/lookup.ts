/**
 * `writ lookup agency|venue|facility|field-office`: the reference data answers a lawyer needs at 11 p.m.
 * Thin: parse, call the Reference (referenceForCommand, src/data/imported-sheets.ts), print.
 */
import { UsageError, parseCommandArgs, printJson, type Command, type Io } from '../command.ts';
import { commandDataDir, referenceForCommand, type CommandReference } from '../../data/imported-sheets.ts';
import { userDataDir } from '../../data/user-data-dir.ts';
import { isLang, render, t, type Lang, type Message } from '../../i18n/i18n.ts';
import type { Agency287gStatus, CountyVenue, DetentionFacility, FieldOffice, Lookup, Reference } from '../../core/reference/reference.ts';
import { MODEL_NAMES } from '../../core/reference/parse-287g-sheet.ts';

const common = {
  json: { type: 'boolean' },
  lang: { type: 'string' },
  'data-dir': { type: 'string' },
} as const;

/** Language: --lang, else $WRIT_LANG, else Spanish when $LANG starts with "es", else English. */
export function pickLang(value: string | undefined): Lang {
  if (value !== undefined) {
    if (!isLang(value)) throw new UsageError(t('en', 'reference:cli.badLang', { lang: value }));
    return value;
  }
  const env = process.env.WRIT_LANG ?? '';
  if (isLang(env)) return env;
  return (process.env.LANG ?? '').toLowerCase().startsWith('es') ? 'es' : 'en';
}

/** Lookups that failed because the input itself is malformed (exit 2) rather than not found (exit 1). */
const BAD_INPUT = new Set(['reference:state.unknown', 'reference:zip.invalid', 'reference:agency.badDate', 'reference:county.empty', 'reference:facility.empty', 'reference:agency.empty']);

/**
 * The reference data for a command (lookup, analyze, packet). `sheets`: the answer depends on 287(g) sheets, so
 * those imported into the Writ database are read (opening it only when there is one); a note on stderr when it
 * cannot be read, and the command goes on without them. Venue, facility and field-office answers do not depend on
 * the sheets and never open the database. `--data-dir`, else $WRIT_DATA_DIR, else the platform's data directory.
 */
export async function commandReference(io: Io, lang: Lang, dataDirOption: string | undefined, sheets: boolean): Promise<CommandReference> {
  const r = await referenceForCommand(commandDataDir(dataDirOption), { sheets });
  if (r.warning) io.stderr(t(lang, r.warning === 'locked' ? 'reference:cli.databaseLocked' : 'reference:cli.databaseUnavailable') + '\n');
  return r;
}

function lines(io: Io, rows: Array<[string, string | null | undefined]>): void {
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) if (v !== null && v !== undefined && v !== '') io.stdout(`${k.padEnd(width)}  ${v}\n`);
}

function printWarnings(io: Io, lang: Lang, warnings: Message[] | undefined): void {
  for (const w of warnings ?? []) io.stdout(`${t(lang, 'reference:cli.warning')}: ${render(lang, w)}\n`);
}

/** Prints the note (found) or the message (ambiguous/not found) and returns the exit code. */
function finish<T>(io: Io, lang: Lang, r: Lookup<T>, printOne: (v: T) => void, label: (v: T) => string): number {
  if (r.status === 'found') {
    if (r.noteCode) io.stdout(`${t(lang, 'reference:cli.note')}: ${render(lang, r.noteCode)}\n`);
    printOne(r.value);
    return 0;
  }
  const msg = r.messageCode ? render(lang, r.messageCode) : r.message;
  io.stderr(msg + '\n');
  if (r.status === 'ambiguous') {
    io.stderr(`${t(lang, 'reference:cli.candidates')}:\n`);
    for (const c of r.candidates) io.stderr(`  - ${label(c)}\n`);
  }
  return r.messageCode && BAD_INPUT.has(r.messageCode.code) ? 2 : 1;
}

function venueLines(io: Io, lang: Lang, reference: Reference, v: CountyVenue): void {
  const court = reference.court(v.courtId);
  lines(io, [
    [t(lang, 'reference:cli.county'), `${v.countyName}, ${v.state} (FIPS ${v.countyFips})`],
    [t(lang, 'reference:cli.court'), court?.name ?? v.districtName],
    [t(lang, 'reference:cli.citation'), court?.citation],
    [t(lang, 'reference:cli.courtId'), v.courtId],
    [t(lang, 'reference:cli.division'), v.division ?? t(lang, 'reference:cli.divisionNone')],
    [t(lang, 'reference:cli.heldAt'), (v.courtHeldAt.length ? v.courtHeldAt : court?.placesOfHoldingCourt ?? []).join(', ')],
    [t(lang, 'reference:cli.circuit'), t(lang, 'reference:cli.circuitValue', { circuit: v.circuit })],
    [t(lang, 'reference:cli.statute'), v.uscSection],
    [t(lang, 'reference:cli.basis'), v.basis],
  ]);
  printWarnings(io, lang, v.warnings);
}

function officeLines(io: Io, lang: Lang, o: FieldOffice): void {
  lines(io, [
    [t(lang, 'reference:cli.fieldOffice'), o.name],
    [t(lang, 'reference:cli.address'), [o.address, o.city, [o.state, o.zip].filter(Boolean).join(' ')].filter(Boolean).join(', ')],
    [t(lang, 'reference:cli.phone'), o.phone],
    [t(lang, 'reference:cli.email'), o.outreachEmail],
    [t(lang, 'reference:cli.area'), o.areaOfResponsibility],
    [t(lang, 'reference:cli.basis'), o.basis],
  ]);
}

function agencyLines(io: Io, lang: Lang, reference: Reference, s: Agency287gStatus): void {
  const county = s.agreements.find((a) => a.county)?.county ?? null;
  const venue = s.countyFips ? reference.countyVenue({ state: s.state, county: s.countyFips }) : null;
  const district = venue?.status === 'found' ? ` — ${reference.court(venue.value.courtId)?.citation ?? venue.value.courtId}` : '';
  lines(io, [
    [t(lang, 'reference:cli.agency'), `${s.agency} (${s.state})`],
    [t(lang, 'reference:cli.county'), county ? `${county}${s.countyFips ? ` (FIPS ${s.countyFips})` : ''}${district}` : null],
    [t(lang, 'reference:cli.status', { on: s.on }), `${t(lang, `reference:cli.statusValue.${s.hadAgreement}`)} — ${s.explanationCode ? render(lang, s.explanationCode) : s.explanation}`],
  ]);
  const last = s.sheetDates.at(-1) ?? '';
  for (const a of s.agreements) {
    if ((a.listedOn ?? []).length) {
      io.stdout(
        `  ${t(lang, 'reference:cli.agreement', {
          model: a.model,
          modelName: MODEL_NAMES[a.model],
          signed: a.signed ?? '?',
          first: a.firstSeen,
          last: a.lastSeen,
          current: a.lastSeen === last ? t(lang, 'reference:cli.agreementCurrent') : t(lang, 'reference:cli.agreementWithdrawn'),
        })}\n`,
      );
      io.stdout(`    ${t(lang, 'reference:cli.moa')}: ${a.moaUrl ?? t(lang, 'reference:cli.moaNone')}\n`);
    } else {
      io.stdout(`  ${t(lang, 'reference:cli.agreementPending', { model: a.model, modelName: MODEL_NAMES[a.model], dates: (a.pendingOn ?? []).join(', ') })}\n`);
    }
  }
  io.stdout(`${t(lang, 'reference:cli.sheets')}: ${s.sheetDates.join(', ')}\n`);
  printWarnings(io, lang, s.warnings);
}

function facilityLines(io: Io, lang: Lang, reference: Reference, f: DetentionFacility): void {
  const court = f.courtId ? reference.court(f.courtId) : null;
  lines(io, [
    [t(lang, 'reference:cli.facility'), f.name],
    [t(lang, 'reference:cli.address'), [f.address, f.city, [f.state, f.zip].filter(Boolean).join(' ')].filter(Boolean).join(', ')],
    [t(lang, 'reference:cli.county'), f.countyName ? `${f.countyName} (FIPS ${f.countyFips})` : null],
    [t(lang, 'reference:cli.court'), court?.name ?? null],
    [t(lang, 'reference:cli.citation'), court?.citation ?? null],
    [t(lang, 'reference:cli.division'), f.divisionName ?? null],
    [t(lang, 'reference:cli.circuit'), f.circuit ? t(lang, 'reference:cli.circuitValue', { circuit: f.circuit }) : null],
    [t(lang, 'reference:cli.type'), f.facilityType],
    [t(lang, 'reference:cli.operator'), f.operator],
    [t(lang, 'reference:cli.asOf'), f.asOf],
  ]);
  const office = reference.fieldOfficeForFacility(f.id);
  if (office) officeLines(io, lang, office);
  printWarnings(io, lang, f.warnings);
}

const agency: Command = {
  name: 'agency',
  summary: 'Does this agency hold a 287(g) agreement? Model, signed date, MOA link, status on a date',
  help: `Usage: writ lookup agency <name> [--state XX] [--on YYYY-MM-DD] [--json] [--lang en|es] [--data-dir DIR]

Searches ICE's 287(g) participating and pending sheets held by Writ (forgiving: "harris co so",
case, punctuation, apostrophes, small typos) and says whether the agency had an agreement on --on
(default: the date of the newest sheet). Shows each agreement's model (JEM, TFM, WSO), signed date,
MOA link and the sheets that list it. Exit 0 found, 1 not found or ambiguous, 2 bad input.

The sheets are those shipped with Writ plus those imported (writ data import-287g, or the server's
Jobs screen) into the Writ database: PostgreSQL when DATABASE_URL is set, else the data directory
(--data-dir, else $WRIT_DATA_DIR, else ${userDataDir()}). Reading the embedded database takes a
few seconds; a data directory without one is not touched. While writ serve holds the data
directory, the answer comes from the other sheets and a note on stderr says so.`,
  run: async (argv, io) => {
    const { values, positionals } = parseCommandArgs(argv, { ...common, state: { type: 'string' }, on: { type: 'string' } });
    const lang = pickLang(values.lang);
    const name = positionals.join(' ').trim();
    if (!name) throw new UsageError(t(lang, 'reference:cli.needText'));
    const { reference } = await commandReference(io, lang, values['data-dir'], true);
    const r = reference.agency287g({ name, state: values.state, on: values.on });
    if (values.json) {
      printJson(io, r);
      return r.status === 'found' ? 0 : r.messageCode && BAD_INPUT.has(r.messageCode.code) ? 2 : 1;
    }
    return finish(io, lang, r, (s) => agencyLines(io, lang, reference, s), (s) => `${s.agency} (${s.state})`);
  },
};

const venue: Command = {
  name: 'venue',
  summary: 'Federal district, division, circuit and court for a county (or the counties of a ZIP code)',
  help: `Usage: writ lookup venue --state XX --county <name | FIPS> [--json] [--lang en|es]
       writ lookup venue --zip 12345 [--json] [--lang en|es]

County names are forgiving: "Alameda", "Alameda County", "06001", "Dona Ana", "St. Louis city",
"Saint Louis County", "City of Fairfax", "Orleans Parish", "Mayaguez". When a name fits a county and an
independent city in different districts, Writ asks instead of guessing. A ZIP code whose counties lie in
different districts is answered with the counties, and Writ asks for the county.
Source: 28 U.S.C. §§ 81–131 (see docs/reference-data.md).`,
  run: async (argv, io) => {
    const { values } = parseCommandArgs(argv, { ...common, state: { type: 'string' }, county: { type: 'string' }, zip: { type: 'string' } }, false);
    const lang = pickLang(values.lang);
    const { reference } = await commandReference(io, lang, values['data-dir'], false);
    if (values.zip !== undefined) {
      const r = reference.zipVenue(values.zip);
      if (values.json) {
        printJson(io, r);
        return r.status === 'found' ? 0 : r.messageCode && BAD_INPUT.has(r.messageCode.code) ? 2 : 1;
      }
      return finish(
        io,
        lang,
        r,
        (list) => {
          io.stdout(`${t(lang, 'reference:cli.zipCounties', { zip: values.zip! })}\n`);
          list.forEach((v, i) => {
            if (i) io.stdout('\n');
            venueLines(io, lang, reference, v);
          });
        },
        (list) => list.map((v) => `${v.countyName} (${v.countyFips}) → ${reference.court(v.courtId)?.citation ?? v.courtId}`).join('; '),
      );
    }
    if (!values.county) throw new UsageError(t(lang, 'reference:cli.needCountyOrZip'));
    if (!values.state) throw new UsageError(t(lang, 'reference:cli.needState'));
    const r = reference.countyVenue({ state: values.state, county: values.county });
    if (values.json) {
      printJson(io, r);
      return r.status === 'found' ? 0 : r.messageCode && BAD_INPUT.has(r.messageCode.code) ? 2 : 1;
    }
    return finish(io, lang, r, (v) => venueLines(io, lang, reference, v), (v) => `${v.countyName} (${v.countyFips}) → ${reference.court(v.courtId)?.citation ?? v.courtId}`);
  },
};

const facility: Command = {
  name: 'facility',
  summary: 'ICE detention facility → county, federal district (for habeas), ICE field office',
  help: `Usage: writ lookup facility <text> [--state XX] [--json] [--lang en|es]

Forgiving search over the ICE detention facilities in Writ ("stewart", "krome", "tacoma", a city,
an ICE facility code). Gives the county, the federal district (habeas is filed in the district of
confinement), the division, the circuit and the responsible ICE ERO field office. Where the district is
disputed or the facility lies outside every district, Writ says why.`,
  run: async (argv, io) => {
    const { values, positionals } = parseCommandArgs(argv, { ...common, state: { type: 'string' } });
    const lang = pickLang(values.lang);
    const text = positionals.join(' ').trim();
    if (!text) throw new UsageError(t(lang, 'reference:cli.needText'));
    const { reference } = await commandReference(io, lang, values['data-dir'], false);
    const r = reference.facility(text, values.state);
    if (values.json) {
      printJson(io, r.status === 'found' ? { ...r, fieldOfficeDetails: reference.fieldOfficeForFacility(r.value.id) } : r);
      return r.status === 'found' ? 0 : r.messageCode && BAD_INPUT.has(r.messageCode.code) ? 2 : 1;
    }
    return finish(io, lang, r, (f) => facilityLines(io, lang, reference, f), (f) => `${f.name} (${f.city ?? ''}, ${f.state}) [${f.id}]`);
  },
};

const fieldOffice: Command = {
  name: 'field-office',
  summary: 'The ICE ERO field office responsible for a county: name, address, phone',
  help: `Usage: writ lookup field-office --state XX --county <name | FIPS> [--json] [--lang en|es]

Gives the ICE Enforcement and Removal Operations field office whose area of responsibility covers the
county (its Field Office Director is a usual habeas respondent), with address, phone and outreach email.`,
  run: async (argv, io) => {
    const { values } = parseCommandArgs(argv, { ...common, state: { type: 'string' }, county: { type: 'string' } }, false);
    const lang = pickLang(values.lang);
    if (!values.state) throw new UsageError(t(lang, 'reference:cli.needState'));
    if (!values.county) throw new UsageError(t(lang, 'reference:cli.needCounty'));
    const { reference } = await commandReference(io, lang, values['data-dir'], false);
    const r = reference.fieldOfficeForCounty({ state: values.state, county: values.county });
    if (values.json) {
      printJson(io, r);
      return r.status === 'found' ? 0 : r.messageCode && BAD_INPUT.has(r.messageCode.code) ? 2 : 1;
    }
    return finish(io, lang, r, (o) => officeLines(io, lang, o), (o) => o.name);
  },
};

const lookup: Command = {
  name: 'lookup',
  summary: 'Reference answers: 287(g) agencies, venue by county or ZIP, detention facilities, ICE field offices',
  help: 'Usage: writ lookup <agency|venue|facility|field-office> [options]',
  subcommands: [agency, venue, facility, fieldOffice],
};

export default lookup;
