/**
 * The content of the official forms, typeset: the civil cover sheet (JS 44) and a summons (AO 440) for each
 * defendant. When the user supplies the official fillable PDFs, fill-official-pdf.ts fills those instead.
 */
import { feeTotal, filingRules, formLabel, nosFor } from '../filing-rules.ts';
import { fill, inlineText, val, type Block, type DocModel, type Inline } from '../model.ts';
import type { PacketCase, Party } from '../packet-case.ts';
import { caseNumber, courtLines, longDate, partyInline, plaintiffName } from './common.ts';

/** The answers a JS 44 asks for, as data (used by the typeset sheet and by the fillable-PDF filler). */
export interface CoverSheetData {
  plaintiffs: string;
  defendants: string;
  plaintiffCounty: string;
  attorneys: string;
  basisOfJurisdiction: string;
  natureOfSuit: string;
  origin: string;
  causeStatute: string;
  causeDescription: string;
  classAction: string;
  demand: string;
  juryDemand: string;
  relatedCases: string;
  date: string;
  fee: string;
}

const text = inlineText;

export function coverSheetData(pc: PacketCase): CoverSheetData {
  const ct = filingRules().caseTypes[pc.caseType];
  const nos = nosFor(pc.caseType);
  const federal = pc.defendants.some((d) => d.federal);
  const f = pc.input.filer;
  return {
    plaintiffs: text(plaintiffName(pc)),
    defendants: pc.defendants.map((d) => partyInline(d, false).map(text).join('')).join('; '),
    plaintiffCounty: pc.caseType === 'habeas' ? text(val(pc.facts.detention?.facility?.county, 'County where held')) : text(val(pc.facts.person?.residence?.county, 'County of residence')),
    attorneys: f?.kind === 'attorney' ? [f.name, f.firm, ...(f.addressLines ?? []), f.phone].filter(Boolean).join(', ') || '[[FILL: Attorney name, firm, address and telephone]]' : 'Pro se',
    // SPEC § 5.3: box 2, "U.S. Government Defendant", when a federal agency or officer is a defendant.
    basisOfJurisdiction: federal ? '2 U.S. Government Defendant' : '[[FILL: Basis of jurisdiction]]',
    natureOfSuit: `${nos.code} ${nos.title}`,
    origin: '1 Original Proceeding',
    causeStatute: ct.causeOfAction,
    causeDescription: ct.causeDescription,
    classAction: 'No',
    demand: 'None (non-monetary relief)',
    juryDemand: 'No',
    relatedCases: '[[FILL: Related cases, if any, or "None"]]',
    date: pc.filingDate ? longDate(pc.filingDate) : '[[FILL: Date]]',
    fee: `$${feeTotal(ct.fee)}`,
  };
}

function cell(s: string): Inline[] {
  const m = /^(.*?)\[\[FILL: (.*?)\]\](.*)$/.exec(s);
  if (m) return [m[1] ?? '', fill(m[2] ?? ''), m[3] ?? ''];
  return [s];
}

export function civilCoverSheet(pc: PacketCase): DocModel {
  const d = coverSheetData(pc);
  const js44 = formLabel('JS44');
  const rows: [string, string][] = [
    ['I. (a) Plaintiffs', d.plaintiffs],
    ['I. (a) Defendants', d.defendants],
    ['I. (b) County of residence of first listed plaintiff', d.plaintiffCounty],
    ['I. (c) Attorneys (firm name, address, telephone)', d.attorneys],
    ['II. Basis of jurisdiction', d.basisOfJurisdiction],
    ['III. Citizenship of principal parties', 'Not applicable (diversity cases only)'],
    ['IV. Nature of suit', d.natureOfSuit],
    ['V. Origin', d.origin],
    ['VI. Cause of action — U.S. civil statute', d.causeStatute],
    ['VI. Cause of action — brief description', d.causeDescription],
    ['VII. Requested in complaint — class action', d.classAction],
    ['VII. Demand', d.demand],
    ['VII. Jury demand', d.juryDemand],
    ['VIII. Related case(s), if any', d.relatedCases],
    ['Date', d.date],
    ['Signature of attorney of record (or pro se party)', '[[FILL: Signature]]'],
  ];
  const blocks: Block[] = [
    { kind: 'heading', text: [`CIVIL COVER SHEET (${js44} content)`] },
    { kind: 'para', single: true, align: 'center', text: courtLines(pc) },
    { kind: 'table', header: [['Item'], ['Entry']], rows: rows.map(([a, b]) => [[a], cell(b)]), widths: [2, 3] },
    { kind: 'para', single: true, text: [`This sheet sets out the answers to the ${js44}. Copy them onto the official form if the court requires it, or give Writ the fillable PDF to fill.`] },
  ];
  return { id: 'civil-cover-sheet', title: 'Civil Cover Sheet', spacing: 'single', pleading: null, footer: `Civil Cover Sheet (${js44})`, blocks };
}

/** Response period stated in the summons: 60 days for the United States and its agencies and officers, else 21. */
export function responseDays(p: Party): { days: number; rule: string } {
  const r = filingRules().service.responseDays;
  return p.federal ? { days: r.unitedStates.days, rule: r.unitedStates.rule } : { days: r.default.days, rule: r.default.rule };
}

export function summons(pc: PacketCase, p: Party, index: number): DocModel {
  const ao440 = formLabel('AO440');
  const r = filingRules().service.responseDays;
  const f = pc.input.filer;
  const signer = f?.kind === 'attorney' ? val(f.name, 'Attorney name') : val(f?.name ?? pc.plaintiffName, 'Your full name');
  const addr: Inline[][] = f?.addressLines?.length ? f.addressLines.map((l) => [l]) : [[fill(f?.kind === 'attorney' ? 'Attorney address' : 'Your mailing address')]];
  const serveOn: Inline[][] = [[signer], ...addr];
  const blocks: Block[] = [
    { kind: 'para', single: true, align: 'right', text: [`${ao440} Summons in a Civil Action`] },
    { kind: 'heading', text: courtLines(pc) },
    { kind: 'table', rows: [[[plaintiffName(pc), `, ${pc.plaintiffRole}`, '\nv.\n', ...partyInline(p, false), `, ${pc.defendantRole.slice(0, -1)}`], ['Civil Action No. ', caseNumber(pc)]]], widths: [3, 2] },
    { kind: 'heading', text: ['SUMMONS IN A CIVIL ACTION'] },
    { kind: 'para', single: true, text: ['To: (Defendant’s name and address) ', ...partyInline(p, false), ', ', fill(`Mailing address of ${p.isAgency ? p.title : 'the ' + p.title}`)] },
    {
      kind: 'para',
      single: true,
      text: [
        `A lawsuit has been filed against you. Within ${r.default.days} days after service of this summons on you (not counting the day you received it) — or ${r.unitedStates.days} days if you are ${r.unitedStates.who} — you must serve on the plaintiff an answer to the attached complaint or a motion under Rule 12 of the Federal Rules of Civil Procedure. The answer or motion must be served on the plaintiff or plaintiff’s attorney, whose name and address are:`,
      ],
    },
    ...serveOn.map((l): Block => ({ kind: 'para', single: true, text: ['        ', ...l] })),
    { kind: 'para', single: true, text: ['If you fail to respond, judgment by default will be entered against you for the relief demanded in the complaint. You also must file your answer or motion with the court.'] },
    { kind: 'signature', lines: [['CLERK OF COURT'], [''], ['Date: ____________'], ['Signature of Clerk or Deputy Clerk']] },
    { kind: 'pageBreak' },
    { kind: 'heading', text: ['PROOF OF SERVICE'] },
    { kind: 'para', single: true, text: ['This summons for ', ...partyInline(p, false), ' was received by me on (date) ____________.'] },
    { kind: 'para', single: true, text: [`☐ I sent the summons and complaint by ${filingRules().service.method}, as ${filingRules().service.agencyOrOfficer.rule} allows, on (date) ____________; or`] },
    { kind: 'para', single: true, text: ['☐ I personally served the summons on the individual at (place) ____________ on (date) ____________; or'] },
    { kind: 'para', single: true, text: ['☐ Other (specify): ____________'] },
    { kind: 'para', single: true, text: ['I declare under penalty of perjury that this information is true.'] },
    { kind: 'signature', lines: [['Date: ____________'], ['Server’s signature: ____________'], ['Printed name and title: ____________'], ['Server’s address: ____________']] },
    { kind: 'para', single: true, text: [filingRules().service.whoMayServe.text, ` (${filingRules().service.whoMayServe.rule})`] },
  ];
  return { id: `summons-${index + 1}`, title: `Summons — ${p.title}`, spacing: 'single', pleading: null, footer: `${ao440} Summons`, blocks };
}
