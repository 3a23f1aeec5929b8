/**
 * Checks an incident report. Two modes:
 *
 * - `checkIncident` (submitting): the report must match the schema and make sense — no date in the future, no
 *   impossible duration (release before booking), no contradiction (outcome "held on detainer" with "no detainer"),
 *   an agency Writ knows from ICE's 287(g) lists (or one marked as outside them). Errors block submission.
 * - `checkDraft` (saving half-finished work): any JSON object is kept as it is, so nothing is ever lost; the same
 *   checks come back as warnings so the form can show what is still missing or wrong.
 *
 * Every problem is a message code (namespace `incidents`) with the path of the field, rendered per locale.
 * Pure: the current time and the reference data are passed in.
 */
import type { z } from 'zod';
import type { Message } from '../../i18n/i18n.ts';
import { formatPath } from '../facts/parse-facts.ts';
import { agreementOnDate } from '../reference/history-287g.ts';
import { nameKey } from '../reference/normalize-name.ts';
import type { Model287g, Reference } from '../reference/reference.ts';
import { custodyDurations, instant, minutesBetween } from './custody-durations.ts';
import { IncidentReportSchema, type IncidentReport } from './incident-schema.ts';

export interface IncidentProblem {
  /** Dotted path to the field ("when.date", "officers[0].badge"); "" for the whole report. */
  path: string;
  severity: 'error' | 'warning';
  message: Message;
}

/** The 287(g) agreements an agency held on the date of the incident, from the reference data. */
export interface AgreementLink {
  /** The agency as ICE's sheets spell it (or as reported, when it is outside the lists). */
  agency: string;
  state: string;
  on: string;
  hadAgreement: 'yes' | 'no' | 'unknown';
  /** Ids of the agreements in force that day (reference data ids, e.g. 'FL:collier-county-sheriff-office:TFM'). */
  agreementIds: string[];
  models: Model287g[];
  moaUrls: string[];
  /** Warnings that come with the answer (ICE's sheets age quickly: fastMoving). */
  warnings: Message[];
}

export interface CheckOptions {
  /** The current time (reports cannot describe the future). */
  now: Date;
  /** Reference data: the agency is looked up in ICE's 287(g) lists. Without it the agency is not checked (warning). */
  reference?: Pick<Reference, 'agency287g'> | undefined;
}

export type IncidentCheck =
  | { ok: true; report: IncidentReport; link: AgreementLink | null; problems: IncidentProblem[] }
  | { ok: false; problems: IncidentProblem[] };

export type DraftCheck = { ok: true; draft: Record<string, unknown>; problems: IncidentProblem[] } | { ok: false; problems: IncidentProblem[] };

/** A report (or draft) larger than this is refused: media go to the evidence locker, not into the report. */
export const MAX_REPORT_BYTES = 1024 * 1024;
/** Custody longer than this is flagged for a second look (it is possible, but usually a typo in a year). */
const LONG_CUSTODY_MINUTES = 366 * 24 * 60;

const err = (path: string, code: string, params?: Record<string, string | number>): IncidentProblem => ({
  path,
  severity: 'error',
  message: { code: `incidents:problem.${code}`, ...(params ? { params } : {}) },
});
const warn = (path: string, code: string, params?: Record<string, string | number>): IncidentProblem => ({
  ...err(path, code, params),
  severity: 'warning',
});

function zodProblem(issue: z.core.$ZodIssue): IncidentProblem {
  const path = formatPath(issue.path);
  if (issue.message.startsWith('incidents:')) return { path, severity: 'error', message: { code: issue.message } };
  switch (issue.code) {
    case 'invalid_type':
      if ((issue as { input?: unknown }).input === undefined) return err(path, 'required');
      return err(path, 'wrongType', { expected: issue.expected });
    case 'unrecognized_keys':
      return err(path, 'unknownField', { fields: issue.keys.join(', ') });
    case 'invalid_value':
      return err(path, 'oneOf', { values: issue.values.map((v) => String(v)).join(', ') });
    case 'too_big':
      return err(path, 'tooMany', { max: Number(issue.maximum) });
    default:
      return err(path, 'invalid');
  }
}

function parseJson(input: unknown): { value: Record<string, unknown> } | { problems: IncidentProblem[] } {
  let value = input;
  if (typeof input === 'string') {
    if (Buffer.byteLength(input) > MAX_REPORT_BYTES) return { problems: [err('', 'tooLarge', { max: MAX_REPORT_BYTES })] };
    try {
      value = JSON.parse(input);
    } catch {
      return { problems: [err('', 'notJson')] };
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { problems: [err('', 'notObject')] };
  let text: string;
  try {
    text = JSON.stringify(value);
  } catch {
    return { problems: [err('', 'notJson')] };
  }
  if (Buffer.byteLength(text) > MAX_REPORT_BYTES) return { problems: [err('', 'tooLarge', { max: MAX_REPORT_BYTES })] };
  return { value: JSON.parse(text) as Record<string, unknown> };
}

/** Checks across fields: dates against today, custody times against each other, outcome against the yes/no answers. */
export function crossCheck(r: IncidentReport, now: Date): IncidentProblem[] {
  const out: IncidentProblem[] = [];
  const today = now.toISOString().slice(0, 10);
  const nowMs = now.getTime();
  if (r.when.date > today) out.push(err('when.date', 'futureDate', { date: r.when.date, today }));

  const c = r.custody;
  if (c) {
    const times: Array<[keyof typeof c, string | undefined]> = [
      ['bookedAt', c.bookedAt],
      ['releaseEligibleAt', c.releaseEligibleAt],
      ['releasedAt', c.releasedAt],
      ['transferredToIceAt', c.transferredToIceAt],
    ];
    for (const [k, v] of times) {
      if (!v) continue;
      // Local times are read as UTC; U.S. local time is behind UTC, so this never flags a time that has passed.
      if (instant(v) > nowMs) out.push(err(`custody.${k}`, 'futureDateTime', { value: v }));
      // Custody starts on the day of the stop; with an approximate date that is only a warning.
      if (v.slice(0, 10) < r.when.date) out.push((r.when.approximate ? warn : err)(`custody.${k}`, 'beforeIncident', { value: v, date: r.when.date }));
    }
    const order: Array<[keyof typeof c, keyof typeof c, string]> = [
      ['bookedAt', 'releaseEligibleAt', 'eligibleBeforeBooking'],
      ['bookedAt', 'releasedAt', 'releaseBeforeBooking'],
      ['bookedAt', 'transferredToIceAt', 'transferBeforeBooking'],
      ['releaseEligibleAt', 'releasedAt', 'releaseBeforeEligible'],
    ];
    for (const [a, b, code] of order) {
      const x = c[a];
      const y = c[b];
      if (x && y && minutesBetween(x, y) < 0) out.push(err(`custody.${b}`, code, { from: x, to: y }));
    }
    const d = custodyDurations(r);
    if (d.heldMinutes !== null && d.heldMinutes > LONG_CUSTODY_MINUTES) {
      out.push(warn('custody', 'veryLongCustody', { days: Math.round(d.heldMinutes / 1440) }));
    }
    if (r.outcome === 'still_held' && (c.releasedAt || c.transferredToIceAt)) out.push(err('outcome', 'stillHeldButReleased'));
  }

  if (r.outcome === 'held_on_detainer' && r.detainerLodged === 'no') out.push(err('detainerLodged', 'outcomeNeedsDetainer'));
  if (r.outcome === 'transferred_to_ice' && r.transferredToIce === 'no') out.push(err('transferredToIce', 'outcomeNeedsTransfer'));
  if (r.outcome === 'no_arrest' && r.arrested === 'yes') out.push(err('arrested', 'arrestedButNoArrest'));
  if (r.transferredToIce === 'yes' && r.outcome !== 'transferred_to_ice' && r.outcome !== 'unknown') {
    out.push(err('outcome', 'transferButOtherOutcome', { outcome: r.outcome }));
  }

  if (!r.consent.identifyAffectedPerson && (r.affectedPerson?.name || r.affectedPerson?.contact)) {
    out.push(err('affectedPerson', 'anonymousButNamed'));
  }
  if (r.reporter.role === 'affected_person' && !r.consent.identifyAffectedPerson && (r.reporter.name || r.reporter.contact)) {
    out.push(err('reporter', 'anonymousButNamed'));
  }

  (r.media ?? []).forEach((m, i) => {
    if (m.capturedAt && instant(m.capturedAt) > nowMs) out.push(err(`media[${i}].capturedAt`, 'futureDateTime', { value: m.capturedAt }));
    if (m.receivedAt && instant(m.receivedAt) > nowMs) out.push(err(`media[${i}].receivedAt`, 'futureDateTime', { value: m.receivedAt }));
    if (m.capturedAt && m.receivedAt && minutesBetween(m.capturedAt, m.receivedAt) < 0) {
      out.push(err(`media[${i}].receivedAt`, 'receivedBeforeCaptured', { from: m.capturedAt, to: m.receivedAt }));
    }
    if (m.capturedAt && m.capturedAt.slice(0, 10) < r.when.date) {
      out.push(warn(`media[${i}].capturedAt`, 'capturedBeforeIncident', { value: m.capturedAt, date: r.when.date }));
    }
  });
  const seen = new Map<string, number>();
  (r.media ?? []).forEach((m, i) => {
    const first = seen.get(m.sha256);
    if (first !== undefined) out.push(warn(`media[${i}].sha256`, 'duplicateMedia', { first: `media[${first}]` }));
    else seen.set(m.sha256, i);
  });
  return out;
}

/** Looks the agency up in ICE's 287(g) lists and links the agreements in force on the incident date. */
export function linkAgency(
  agency: IncidentReport['agency'],
  on: string,
  reference: Pick<Reference, 'agency287g'> | undefined,
): { link: AgreementLink | null; problems: IncidentProblem[] } {
  if (!reference) return { link: null, problems: [warn('agency.name', 'agencyNotChecked')] };
  const found = reference.agency287g({ name: agency.name, state: agency.state, on });
  if (found.status === 'ambiguous') {
    const names = found.candidates.slice(0, 5).map((c) => c.agency).join('; ');
    return { link: null, problems: [err('agency.name', 'agencyAmbiguous', { name: agency.name, candidates: names })] };
  }
  if (found.status === 'not_found') {
    if (agency.outside287gList) {
      return {
        link: { agency: agency.name, state: agency.state, on, hadAgreement: 'no', agreementIds: [], models: [], moaUrls: [], warnings: [] },
        problems: [warn('agency.name', 'agencyOutsideList', { name: agency.name, state: agency.state })],
      };
    }
    return { link: null, problems: [err('agency.name', 'unknownAgency', { name: agency.name, state: agency.state })] };
  }
  const s = found.value;
  const inForce = s.agreements.filter((a) => agreementOnDate(a, on, s.sheetDates).verdict === 'yes');
  const link: AgreementLink = {
    agency: s.agency,
    state: s.state,
    on,
    hadAgreement: s.hadAgreement,
    agreementIds: inForce.map((a) => a.id),
    models: [...new Set(inForce.map((a) => a.model))].sort(),
    moaUrls: inForce.map((a) => a.moaUrl).filter((u): u is string => Boolean(u)),
    warnings: s.warnings ?? [],
  };
  const problems: IncidentProblem[] = [];
  if (nameKey(s.agency) !== nameKey(agency.name)) {
    problems.push(warn('agency.name', 'agencyInterpreted', { name: agency.name, agency: s.agency, state: s.state }));
  }
  if (s.hadAgreement === 'unknown') problems.push(warn('agency.name', 'agreementUnknownOnDate', { agency: s.agency, date: on }));
  return { link, problems };
}

function runChecks(input: unknown, opts: CheckOptions): { report?: IncidentReport; link: AgreementLink | null; problems: IncidentProblem[]; value?: Record<string, unknown> } {
  const parsed = parseJson(input);
  if ('problems' in parsed) return { link: null, problems: parsed.problems };
  const r = IncidentReportSchema.safeParse(parsed.value);
  if (!r.success) return { link: null, problems: r.error.issues.map(zodProblem), value: parsed.value };
  const problems = crossCheck(r.data, opts.now);
  const { link, problems: agencyProblems } = linkAgency(r.data.agency, r.data.when.date, opts.reference);
  return { report: r.data, link, problems: [...problems, ...agencyProblems], value: parsed.value };
}

/** Checks a report for submission. `ok` is false when any problem is an error. */
export function checkIncident(input: unknown, opts: CheckOptions): IncidentCheck {
  const { report, link, problems } = runChecks(input, opts);
  if (!report || problems.some((p) => p.severity === 'error')) return { ok: false, problems };
  return { ok: true, report, link, problems };
}

/**
 * Checks a draft. Any JSON object is accepted as it is (a half-finished report is never lost); every problem the
 * submission check would report comes back as a warning. Refused only when it is not a JSON object or too large.
 */
export function checkDraft(input: unknown, opts: CheckOptions): DraftCheck {
  const parsed = parseJson(input);
  if ('problems' in parsed) return { ok: false, problems: parsed.problems };
  const { problems } = runChecks(parsed.value, opts);
  return { ok: true, draft: parsed.value, problems: problems.map((p) => ({ ...p, severity: 'warning' as const })) };
}
