/**
 * 287(g) agreements across ICE's sheets: which sheets list each agreement (first and last seen, gaps),
 * what changed between sheets, and whether an agency had an agreement on a given date.
 *
 * ICE publishes no ids and no changelog, so an agreement is identified by state + normalised agency name +
 * model (8 U.S.C. § 1357(g); the three models are described in the legal spec § 2.2).
 * Pure: no I/O.
 */
import type { Agency287gStatus, Agreement287g, StateCode } from './reference.ts';
import type { Message } from '../../i18n/i18n.ts';
import { nameTokens } from './normalize-name.ts';
import { pairRenames } from './same-agency.ts';
import { sheetOrderKey, type Row287g, type Sheet287g } from './parse-287g-sheet.ts';

/** Stable id: 'TX:harris-county-sheriff-office:JEM'. Apostrophe styles, case, "Co."/"County" do not change it. */
export function agreementId(state: StateCode, agency: string, model: string): string {
  return `${state}:${nameTokens(agency).join('-')}:${model}`;
}

/** Key of an agency regardless of model. */
export function agencyKey(state: StateCode, agency: string): string {
  return `${state}:${nameTokens(agency).join('-')}`;
}

export interface History287g {
  agreements: Agreement287g[];
  /** Participating sheet dates, oldest first. */
  participatingDates: string[];
  pendingDates: string[];
}

/** Merges sheets (any order) into agreement histories. `countyFips` resolves ICE's COUNTY text in a state. */
export function buildHistory(sheets: Sheet287g[], countyFips: (state: StateCode, county: string) => string | null): History287g {
  const sorted = [...sheets].sort((a, b) => sheetOrderKey(a).localeCompare(sheetOrderKey(b)));
  const byId = new Map<string, Agreement287g & { listedOn: string[]; pendingOn: string[]; changes: NonNullable<Agreement287g['changes']> }>();
  const participating = sorted.filter((s) => s.kind === 'participating');
  const pending = sorted.filter((s) => s.kind === 'pending');
  const newestP = participating.at(-1);
  const newestPending = pending.at(-1);

  // Spelling corrections between consecutive participating sheets keep one history: row id → agreement id.
  const alias = new Map<string, string>();
  const resolve = (row: Row287g) => {
    const id = agreementId(row.state, row.agency, row.model);
    return alias.get(id) ?? id;
  };
  let previousP: Sheet287g | null = null;
  for (const sheet of sorted) {
    if (sheet.kind === 'participating' && previousP) {
      const here = new Set(sheet.rows.map(resolve));
      const before = new Set(previousP.rows.map(resolve));
      const gone = previousP.rows.filter((r) => !here.has(resolve(r)));
      const fresh = sheet.rows.filter((r) => !before.has(resolve(r)) && !byId.has(resolve(r)));
      for (const [g, f] of pairRenames(gone, fresh)) alias.set(agreementId(f.state, f.agency, f.model), resolve(g));
    }
    if (sheet.kind === 'participating') previousP = sheet;
    const seenHere = new Set<string>();
    for (const row of sheet.rows) {
      const id = resolve(row);
      if (seenHere.has(id)) continue; // duplicate row in one sheet: the first counts (reported at import)
      seenHere.add(id);
      let a = byId.get(id);
      if (!a) {
        a = {
          id,
          state: row.state,
          agency: row.agency,
          agencyType: row.agencyType,
          county: row.county,
          countyFips: row.county ? countyFips(row.state, row.county) : null,
          model: row.model,
          status: sheet.kind,
          signed: row.signed,
          moaUrl: row.moaUrl,
          addendumUrl: row.addendumUrl,
          firstSeen: sheet.date,
          lastSeen: sheet.date,
          current: false,
          listedOn: [],
          pendingOn: [],
          changes: [],
        };
        byId.set(id, a);
      }
      if (sheet.kind === 'participating') {
        if (a.listedOn.length > 0) recordChanges(a, row, sheet.date);
        else {
          // First time listed as participating (perhaps after being pending): take this sheet's facts.
          a.signed = row.signed;
          a.moaUrl = row.moaUrl;
          a.addendumUrl = row.addendumUrl;
        }
        a.listedOn.push(sheet.date);
        a.agency = row.agency;
        if (row.agencyType) a.agencyType = row.agencyType;
        if (row.county) {
          a.county = row.county;
          a.countyFips = countyFips(row.state, row.county);
        }
      } else {
        a.pendingOn.push(sheet.date);
        if (a.listedOn.length === 0) a.agency = row.agency;
      }
    }
  }
  const newestPIds = new Set(newestP ? newestP.rows.map(resolve) : []);
  const newestPendingIds = new Set(newestPending ? newestPending.rows.map(resolve) : []);
  for (const a of byId.values()) {
    if (a.listedOn.length) {
      a.firstSeen = a.listedOn[0]!;
      a.lastSeen = a.listedOn.at(-1)!;
      a.status = 'participating';
      a.current = newestPIds.has(a.id);
      // Pending again after being withdrawn from the participating list, in a newer sheet.
      if (!a.current && newestPendingIds.has(a.id) && (a.pendingOn.at(-1) ?? '') > a.lastSeen) a.status = 'pending';
    } else {
      a.firstSeen = a.pendingOn[0]!;
      a.lastSeen = a.pendingOn.at(-1)!;
      a.status = 'pending';
      a.current = newestPendingIds.has(a.id);
    }
  }
  return {
    agreements: [...byId.values()].sort((x, y) => x.id.localeCompare(y.id)),
    participatingDates: [...new Set(participating.map((s) => s.date))],
    pendingDates: [...new Set(pending.map((s) => s.date))],
  };
}

function recordChanges(a: Agreement287g & { changes: NonNullable<Agreement287g['changes']> }, row: Row287g, date: string): void {
  const pairs: Array<['signed' | 'moaUrl' | 'agency', string | null, string | null]> = [
    ['signed', a.signed, row.signed],
    ['moaUrl', a.moaUrl, row.moaUrl],
    ['agency', a.agency, row.agency],
  ];
  for (const [field, from, to] of pairs) {
    if (from === to) continue;
    // A link that disappears in a later sheet is kept (ICE drops links when it republishes), but noted.
    a.changes.push({ sheetDate: date, field, from, to });
    if (field === 'signed') a.signed = to ?? a.signed;
    if (field === 'moaUrl') a.moaUrl = to ?? a.moaUrl;
  }
  if (row.addendumUrl) a.addendumUrl = row.addendumUrl;
}

/** What one agreement says about a date. */
type Verdict = 'yes' | 'no' | 'unknown';

interface AgreementVerdict {
  verdict: Verdict;
  code: string;
  params: Record<string, string>;
}

/** Whether one agreement was in force on `on`, judged only from the sheets that list it and its signed date. */
export function agreementOnDate(a: Agreement287g, on: string, sheetDates: string[]): AgreementVerdict {
  const listed = new Set(a.listedOn ?? []);
  const first = sheetDates[0];
  const last = sheetDates.at(-1);
  const signedOk = a.signed ? a.signed <= on : null;
  if (!first || !last || listed.size === 0) return { verdict: 'no', code: 'agency.reason.neverListed', params: {} };
  if (on < first) {
    if (listed.has(first) && signedOk === true) return { verdict: 'yes', code: 'agency.reason.signedBeforeFirstSheet', params: { signed: a.signed!, first } };
    if (signedOk === false) return { verdict: 'no', code: 'agency.reason.signedAfter', params: { signed: a.signed! } };
    return { verdict: 'unknown', code: 'agency.reason.beforeSheets', params: { first } };
  }
  if (on >= last) {
    if (listed.has(last)) {
      if (signedOk === false) return { verdict: 'no', code: 'agency.reason.signedAfter', params: { signed: a.signed! } };
      return { verdict: 'yes', code: 'agency.reason.listedInNewest', params: { last } };
    }
    return { verdict: 'unknown', code: 'agency.reason.withdrawnBeforeNewest', params: { lastSeen: a.lastSeen, last } };
  }
  if (listed.has(on)) {
    return signedOk === false
      ? { verdict: 'no', code: 'agency.reason.signedAfter', params: { signed: a.signed! } }
      : { verdict: 'yes', code: 'agency.reason.listedThatDay', params: { date: on } };
  }
  // Between two sheets.
  let prev = first;
  let next = last;
  for (const d of sheetDates) {
    if (d <= on) prev = d;
    if (d > on) {
      next = d;
      break;
    }
  }
  const inPrev = listed.has(prev);
  const inNext = listed.has(next);
  if (inPrev && inNext) return { verdict: 'yes', code: 'agency.reason.listedBeforeAndAfter', params: { prev, next } };
  if (inNext) {
    if (signedOk === true) return { verdict: 'yes', code: 'agency.reason.signedBetween', params: { signed: a.signed!, next } };
    if (signedOk === false) return { verdict: 'no', code: 'agency.reason.signedAfter', params: { signed: a.signed! } };
    return { verdict: 'unknown', code: 'agency.reason.noSignedDate', params: { next } };
  }
  if (inPrev) return { verdict: 'unknown', code: 'agency.reason.withdrawnBetween', params: { prev, next } };
  return { verdict: 'no', code: 'agency.reason.notListedAround', params: { prev, next } };
}

/**
 * An agency's 287(g) position on a date, from all its agreements. 'yes' when any agreement was in force;
 * 'unknown' when the sheets cannot tell (date before the first sheet, after the newest for an agency not
 * listed, withdrawal between two sheets); 'no' otherwise.
 */
export function agencyStatusOnDate(
  agency: { agency: string; state: StateCode; countyFips: string | null },
  agreements: Agreement287g[],
  on: string,
  history: Pick<History287g, 'participatingDates' | 'pendingDates'>,
): Agency287gStatus {
  const dates = history.participatingDates;
  const verdicts = agreements.filter((a) => (a.listedOn ?? []).length > 0).map((a) => ({ a, v: agreementOnDate(a, on, dates) }));
  const yes = verdicts.filter((x) => x.v.verdict === 'yes');
  const unknown = verdicts.filter((x) => x.v.verdict === 'unknown');
  const last = dates.at(-1) ?? '';
  const first = dates[0] ?? '';
  let hadAgreement: Verdict;
  let code: Message;
  if (yes.length) {
    hadAgreement = 'yes';
    code = { code: 'reference:agency.status.yes', params: { on, models: yes.map((x) => x.a.model).join(', ') } };
  } else if (unknown.length) {
    hadAgreement = 'unknown';
    code = { code: `reference:${unknown[0]!.v.code}`, params: { on, ...unknown[0]!.v.params } };
  } else if (on > last || on < first) {
    // Not listed, but the date lies outside the sheets: an agreement signed later (or ended earlier) would not show.
    hadAgreement = 'unknown';
    code = { code: on > last ? 'reference:agency.status.afterNewest' : 'reference:agency.status.beforeFirst', params: { on, last, first } };
  } else {
    hadAgreement = 'no';
    code = { code: 'reference:agency.status.no', params: { on } };
  }
  const warnings: Message[] = [{ code: 'reference:warning.sheetsFastMoving', params: { last } }];
  const pendingNow = agreements.filter((a) => a.status === 'pending' && a.current);
  if (pendingNow.length) {
    warnings.push({ code: 'reference:warning.pending', params: { models: pendingNow.map((a) => a.model).join(', '), date: history.pendingDates.at(-1) ?? '' } });
  }
  return {
    agency: agency.agency,
    state: agency.state,
    on,
    hadAgreement,
    agreements,
    sheetDates: dates,
    explanation: '',
    explanationCode: code,
    warnings,
    countyFips: agency.countyFips,
  };
}
