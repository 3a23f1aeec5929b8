/**
 * Pieces every court paper shares: caption, contact block, signature block, party names, dates, citations.
 */
import { authority } from '../filing-rules.ts';
import { fill, i, val, type Block, type DocModel, type Inline } from '../model.ts';
import type { PacketCase, Party } from '../packet-case.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-01-08" → "January 8, 2026" */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${MONTHS[(m ?? 1) - 1]} ${d}, ${y}`;
}

/** A space the court or clerk fills in (case number, judge's date): a rule line, not a blank for the user. */
export function forCourt(hint: string): Inline {
  return `____________ (${hint})`;
}

export function caseNumber(pc: PacketCase): Inline {
  return pc.input.caseNumber ?? forCourt('assigned by the clerk');
}

const MESES = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];

/** A date in words in English ("May 4, 2026") or Spanish ("4 de mayo de 2026"). */
export function dateIn(lang: 'en' | 'es', iso: string): string {
  if (lang === 'en') return longDate(iso);
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} de ${MESES[(m ?? 1) - 1]} de ${y}`;
}

export function dateOr(iso: string | null | undefined, label: string): Inline {
  return iso ? longDate(iso) : fill(label);
}

/** A citation from rules/filing/authorities.json, with the case name in italics. */
export function citeRuns(id: string): Inline[] {
  const a = authority(id);
  if (a.italic && a.cite.startsWith(a.italic)) return [i(a.italic), a.cite.slice(a.italic.length)];
  return [a.cite];
}

export function plaintiffName(pc: PacketCase): Inline {
  return val(pc.plaintiffName, `${pc.plaintiffRole}'s full name`);
}

/** "JANE ROE, in official capacity as Secretary of Homeland Security" or, by title (FRCP 17(d)), "SECRETARY OF HOMELAND SECURITY". */
export function partyInline(p: Party, upper = true): Inline[] {
  if (p.isAgency) return [upper ? p.title.toUpperCase() : p.title];
  if (p.name) return [upper ? p.name.toUpperCase() : p.name, `, in official capacity as ${p.title}`];
  if (p.nameRequired) return [fill(`Name of the ${p.title}`), `, in official capacity as ${p.title}`];
  return [upper ? p.title.toUpperCase() : p.title, ', in official capacity'];
}

export function courtLines(pc: PacketCase): Inline[] {
  const district = pc.court.districtName ? `FOR THE ${pc.court.districtName.toUpperCase()}` : fill('District (e.g. Northern District of California)');
  const parts: Inline[] = ['UNITED STATES DISTRICT COURT\n', district];
  if (pc.court.division) parts.push(`\n${pc.court.division.toUpperCase()}${/division$/i.test(pc.court.division) ? '' : ' DIVISION'}`);
  return parts;
}

/** The caption block of a pleading. */
export function caption(pc: PacketCase, title: string, extra: Inline[][] = []): Block {
  const left: Inline[][] = [[plaintiffName(pc), ','], [`${pc.plaintiffRole},`], [''], ['v.'], ['']];
  pc.defendants.forEach((d, k) => left.push([...partyInline(d), k === pc.defendants.length - 1 ? ',' : ';']));
  left.push(['']);
  left.push([`${pc.defendantRole}.`]);
  const right: Inline[][] = [['Case No. ', caseNumber(pc)], [''], [{ text: title, bold: true }], ...extra];
  if (pc.court.courtId === 'cand' && pc.caseType !== 'habeas') right.push([''], ['Immigration Case — Administrative Procedure Act']);
  return { kind: 'caption', court: courtLines(pc), left, right };
}

/** Contact block (top left of the first page; N.D. Cal. L.R. 3-4 for pleading paper). */
export function contactBlock(pc: PacketCase): Block {
  const f = pc.input.filer;
  const lines: Inline[][] = [];
  if (f?.kind === 'attorney') {
    lines.push([val(f.name, 'Attorney name'), ' (Bar No. ', val(f.barNumber, 'Bar number'), ')']);
    if (f.firm) lines.push([f.firm]);
  } else {
    lines.push([val(f?.name ?? pc.plaintiffName, 'Your full name')]);
  }
  const addr = f?.addressLines?.length ? f.addressLines : null;
  if (addr) for (const l of addr) lines.push([l]);
  else lines.push([fill('Mailing address')]);
  lines.push(['Telephone: ', val(f?.phone, 'Telephone')]);
  lines.push(['Email: ', val(f?.email, 'Email')]);
  if (f?.kind === 'attorney') lines.push([`Attorney for ${pc.plaintiffRole} `, val(pc.plaintiffName, `${pc.plaintiffRole}'s full name`)]);
  else lines.push([`${pc.plaintiffRole}, pro se`]);
  return { kind: 'contact', lines };
}

/** Signature block for an attorney or a pro se party. */
export function signature(pc: PacketCase): Block {
  const f = pc.input.filer;
  const date = pc.filingDate ? longDate(pc.filingDate) : fill('Date of signing');
  const lines: Inline[][] = [['Dated: ', date], ['Respectfully submitted,'], [''], ['/s/ ', val(f?.name ?? (f?.kind === 'attorney' ? undefined : pc.plaintiffName), 'Signature (type your name)')]];
  if (f?.kind === 'attorney') {
    lines.push([val(f.name, 'Attorney name')], ['Bar No. ', val(f.barNumber, 'Bar number')]);
    if (f.firm) lines.push([f.firm]);
    lines.push([`Attorney for ${pc.plaintiffRole}`]);
  } else {
    lines.push([val(pc.plaintiffName, 'Your full name')], [`${pc.plaintiffRole}, pro se`]);
  }
  return { kind: 'signature', lines };
}

/** Header blocks of a pleading: contact block (pleading paper or always for pro se) and the caption. */
export function pleadingHead(pc: PacketCase, title: string, extra: Inline[][] = []): Block[] {
  return [contactBlock(pc), caption(pc, title, extra)];
}

export function pleadingDoc(pc: PacketCase, id: string, title: string, blocks: Block[]): DocModel {
  return { id, title, spacing: 'double', pleading: pc.pleading, footer: title, blocks };
}

/** Elapsed time in words between two ISO dates: "6 years and 2 months". */
export function elapsed(from: string, to: string): string {
  const [y1, m1, d1] = from.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = to.split('-').map(Number) as [number, number, number];
  let months = (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
  if (months < 0) months = 0;
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const part = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  if (years && rest) return `${part(years, 'year')} and ${part(rest, 'month')}`;
  if (years) return part(years, 'year');
  return part(rest, 'month');
}

export function formName(form: string | undefined): string {
  if (!form || form === 'other') return 'application';
  if (form === 'visa') return 'visa application';
  return `Form ${form}`;
}
