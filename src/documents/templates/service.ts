/**
 * Certificate of service (FRCP 4(i)), the cover letter to the clerk, and the exhibit index with Bates numbers.
 */
import { feeTotal, filingRules, formLabel } from '../filing-rules.ts';
import { fill, inlinesText, val, type Block, type DocModel, type Inline } from '../model.ts';
import type { PacketCase } from '../packet-case.ts';
import { caption, courtLines, dateOr, longDate, partyInline, plaintiffName, signature } from './common.ts';

export interface ServiceRecipient {
  who: Inline[];
  rule: string;
}

/** Who must be served (FRCP 4(i)(1)(A), (B), 4(i)(2)), in order; non-federal respondents as the court directs. */
export function serviceRecipients(pc: PacketCase): ServiceRecipient[] {
  const s = filingRules().service;
  const out: ServiceRecipient[] = [];
  const federal = pc.defendants.filter((d) => d.federal);
  if (federal.length) {
    const district = pc.court.districtName ?? null;
    out.push({
      who: district ? [s.unitedStatesAttorney.addressee.replace('{{district}}', district)] : ['Civil-Process Clerk, Office of the United States Attorney for ', fill('District')],
      rule: s.unitedStatesAttorney.rule,
    });
    out.push({ who: [s.attorneyGeneral.addressee, ', ', s.attorneyGeneral.city], rule: s.attorneyGeneral.rule });
  }
  for (const d of pc.defendants) {
    out.push({ who: partyInline(d, false), rule: d.federal ? s.agencyOrOfficer.rule : 'As the court’s order directs' });
  }
  return out;
}

export function certificateOfService(pc: PacketCase, documentTitles: string[]): DocModel {
  const s = filingRules().service;
  const blocks: Block[] = [caption(pc, 'CERTIFICATE OF SERVICE')];
  const habeas = pc.caseType === 'habeas';
  blocks.push({
    kind: 'para',
    indentFirst: true,
    text: ['I certify that on ', dateOr(null, 'Date of mailing'), `, I sent true copies of the following by ${s.method}:`],
  });
  blocks.push({ kind: 'list', items: documentTitles.map((t) => [t]) });
  blocks.push({ kind: 'para', text: ['to each person listed below, at the address shown:'] });
  const rows = serviceRecipients(pc).map((r): Inline[][] => [r.who, [fill('Mailing address')], [r.rule], [fill('Certified-mail article number')]]);
  blocks.push({ kind: 'table', header: [['Served on'], ['Address'], ['Rule'], ['Tracking number']], rows, widths: [4, 3, 2, 3] });
  if (habeas) blocks.push({ kind: 'para', single: true, text: [s.habeas.text] });
  blocks.push({ kind: 'para', single: true, text: [s.whoMayServe.text, ` ${s.whoMayServe.rule}.`] });
  blocks.push({ kind: 'signature', lines: [['Dated: ', dateOr(null, 'Date of signing')], [''], ['/s/ ', fill('Name of the person who mailed the papers')], [fill('Address of the person who mailed the papers')]] });
  return { id: 'certificate-of-service', title: 'Certificate of Service', spacing: 'single', pleading: pc.pleading, footer: 'Certificate of Service', blocks };
}

export function coverLetter(pc: PacketCase, documentTitles: string[]): DocModel {
  const ct = filingRules().caseTypes[pc.caseType];
  const fee = feeTotal(ct.fee);
  const f = pc.input.filer;
  const from: Inline[][] = [[val(f?.name ?? pc.plaintiffName, 'Your full name')], ...(f?.addressLines?.length ? f.addressLines.map((l): Inline[] => [l]) : [[fill('Your mailing address')]])];
  const blocks: Block[] = [
    { kind: 'contact', lines: from },
    { kind: 'para', single: true, text: [pc.filingDate ? longDate(pc.filingDate) : fill('Date')] },
    { kind: 'para', single: true, text: ['Clerk of Court\n', ...courtLines(pc).map((x) => (typeof x === 'string' ? x.replace(/^UNITED STATES DISTRICT COURT\n/, 'United States District Court\n') : x)), '\n', fill('Clerk’s office address')] },
    { kind: 'para', single: true, text: ['Re: ', plaintiffName(pc), ` v. ${pc.defendants[0] ? inlinesText(partyInline(pc.defendants[0], false)) : ''}${pc.defendants.length > 1 ? ', et al.' : ''} — new ${pc.caseType === 'habeas' ? 'petition' : 'case'}`] },
    { kind: 'para', single: true, text: ['Dear Clerk:'] },
    { kind: 'para', single: true, text: ['Please file the enclosed papers to open a new case:'] },
    { kind: 'list', ordered: true, items: documentTitles.map((t) => [t]) },
    {
      kind: 'para',
      single: true,
      text: pc.input.ifp
        ? [`I ask to proceed without prepaying fees; my application (${filingRules().fees.ifp.forms.join(' or ')}) is enclosed.`]
        : [`The filing fee of $${fee} is enclosed `, fill('Payment method (check or money order payable to "Clerk, U.S. District Court")'), '.'],
    },
  ];
  if (pc.caseType !== 'habeas') blocks.push({ kind: 'para', single: true, text: [`Please issue the enclosed summonses (${formLabel('AO440')}) and return them to me for service.`] });
  blocks.push({ kind: 'para', single: true, text: ['Please return a file-stamped copy of the first page in the enclosed stamped, self-addressed envelope. Thank you.'] });
  blocks.push(signature(pc));
  return { id: 'cover-letter', title: 'Cover Letter to the Clerk', spacing: 'single', pleading: null, footer: 'Cover Letter', blocks };
}

export interface BatesEntry {
  exhibit: string;
  title: string;
  date: string | null;
  first: string;
  last: string;
  supports: string[];
}

/** Letters A, B, … Z, AA, AB … */
export function exhibitLetter(k: number): string {
  let s = '';
  let n = k + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function batesIndex(pc: PacketCase): BatesEntry[] {
  const prefix = pc.input.batesPrefix ?? 'WRIT';
  let page = 1;
  const num = (n: number) => `${prefix}-${String(n).padStart(6, '0')}`;
  return (pc.input.exhibits ?? []).map((e, k) => {
    const pages = e.pages ?? 1;
    const entry = { exhibit: exhibitLetter(k), title: e.title, date: e.date ?? null, first: num(page), last: num(page + pages - 1), supports: e.supports ?? [] };
    page += pages;
    return entry;
  });
}

export function exhibitIndex(pc: PacketCase): DocModel {
  const entries = batesIndex(pc);
  const blocks: Block[] = [caption(pc, 'INDEX OF EXHIBITS')];
  if (entries.length === 0) {
    blocks.push({ kind: 'para', single: true, text: ['No exhibits listed yet. ', fill('Exhibits (receipt notices, interview notices, custody papers, correspondence) with dates and page counts')] });
  } else {
    blocks.push({
      kind: 'table',
      header: [['Exhibit'], ['Description'], ['Date'], ['Bates'], ['Supports']],
      rows: entries.map((e) => [[e.exhibit], [e.title], [e.date ? longDate(e.date) : ''], [e.first === e.last ? e.first : `${e.first} – ${e.last}`], [e.supports.length ? e.supports.join('; ') : fill(`What exhibit ${e.exhibit} supports`)]]),
      widths: [1, 4, 2, 3, 3],
    });
  }
  return { id: 'exhibit-index', title: 'Index of Exhibits', spacing: 'single', pleading: pc.pleading, footer: 'Index of Exhibits', blocks };
}

