/**
 * FRCP 5.2 privacy check, run on the document models before anything is exported: Social Security and taxpayer
 * numbers → last four digits, full birth dates → year, minors' names → initials, financial account numbers → last
 * four (5.2(a)); optional A-number masking; district add-ons (C.D. Cal. L.R. 5.2-1). Every change is reported —
 * with the redacted value only, never the original, so the report itself is safe to show and store.
 */
import type { Message } from '../i18n/i18n.ts';
import { filingRules } from './filing-rules.ts';
import { mapInlines, type DocModel, type Inline, type SensitiveKind } from './model.ts';
import { longDate } from './templates/common.ts';

export interface PrivacyChange {
  document: string;
  kind: SensitiveKind;
  rule: string;
  /** The text as filed (already redacted). */
  after: string;
  message: Message;
}

export interface PrivacyReport {
  changes: PrivacyChange[];
  notes: Message[];
}

export interface PrivacyOptions {
  courtId: string | null;
  maskANumber?: boolean;
  /** Minors named in the papers (name + birth date if known) and the date their age is measured on. */
  minors?: { name: string; birthDate?: string }[];
  asOf: string;
  /** Known full birth dates (ISO) of people in the case, to catch them in any format. */
  birthDates?: string[];
  proSeHabeas?: boolean;
}

function ruleFor(kind: SensitiveKind, courtId: string | null): string {
  const p = filingRules().privacy.rules[kind];
  if (p) return p.rule;
  const addOn = courtId ? filingRules().pleading.privacyAddOns[courtId] : undefined;
  return addOn?.cite ?? 'Fed. R. Civ. P. 5.2';
}

const digits = (s: string) => s.replace(/\D/g, '');

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => `${w[0]!.toUpperCase()}.`)
    .join('');
}

function isMinor(birthDate: string | undefined, asOf: string): boolean {
  if (!birthDate) return true; // listed as a minor and no birth date: treat as a minor
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ay, am, ad] = asOf.split('-').map(Number) as [number, number, number];
  let age = ay - by;
  if (am < bm || (am === bm && ad < bd)) age--;
  return age < 18;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Pattern {
  kind: SensitiveKind;
  re: RegExp;
  replace: (m: RegExpExecArray) => string;
}

function patterns(opts: PrivacyOptions): Pattern[] {
  const out: Pattern[] = [
    { kind: 'ssn', re: /\b\d{3}-\d{2}-(\d{4})\b/g, replace: (m) => `XXX-XX-${m[1]}` },
    { kind: 'ssn', re: /\b(SSN|social security (?:number|no\.?))(:?\s*#?\s*)(\d{5})(\d{4})\b/gi, replace: (m) => `${m[1]}${m[2]}XXXXX${m[4]}` },
    { kind: 'tin', re: /\b((?:EIN|TIN|ITIN|taxpayer id(?:entification)? (?:number|no\.?)):?\s*#?\s*)(\d[\d-]{4,}\d)\b/gi, replace: (m) => `${m[1]}XXXXX${digits(m[2]!).slice(-4)}` },
    { kind: 'tin', re: /\b\d{2}-\d{3}(\d{4})\b/g, replace: (m) => `XX-XXX${m[1]}` },
    {
      kind: 'account',
      re: /\b((?:bank |financial )?(?:account|acct\.?)(?: (?:no\.?|number|#))?:?\s*#?\s*)(\d[\d -]{3,}\d)\b/gi,
      replace: (m) => {
        const d = digits(m[2]!);
        return d.length <= 4 ? m[0] : `${m[1]}XXXX${d.slice(-4)}`;
      },
    },
    {
      kind: 'dob',
      re: /\b(born(?: on)?|date of birth:?|DOB:?|birth ?date:?)(\s*)(\d{4})-\d{2}-\d{2}\b/gi,
      replace: (m) => `${m[1]}${m[2]}${m[3]}`,
    },
    {
      kind: 'dob',
      re: /\b(born(?: on)?|date of birth:?|DOB:?|birth ?date:?)(\s*)(?:[A-Z][a-z]+ \d{1,2}, (\d{4})|\d{1,2}\/\d{1,2}\/(\d{4}))/gi,
      replace: (m) => `${m[1]}${m[2]}${m[3] ?? m[4]}`,
    },
  ];
  for (const bd of opts.birthDates ?? []) {
    const year = bd.slice(0, 4);
    const [y, mo, d] = bd.split('-');
    const forms = [bd, longDate(bd), `${Number(mo)}/${Number(d)}/${y}`, `${mo}/${d}/${y}`];
    for (const f of forms) out.push({ kind: 'dob', re: new RegExp(`(?<![\\d/-])${escapeRe(f)}(?![\\d/-])`, 'g'), replace: () => year });
  }
  for (const minor of opts.minors ?? []) {
    if (!isMinor(minor.birthDate, opts.asOf)) continue;
    const ini = initials(minor.name);
    out.push({ kind: 'minorName', re: new RegExp(`\\b${escapeRe(minor.name.trim())}\\b`, 'gi'), replace: () => ini });
  }
  if (opts.maskANumber) {
    out.push({ kind: 'aNumber', re: /\bA-?(\d{3})-?(\d{3})-?(\d{2,3})\b/g, replace: (m) => `A-XXX-XXX-${(m[1]! + m[2]! + m[3]!).slice(-3)}` });
  }
  const addOn = opts.courtId ? filingRules().pleading.privacyAddOns[opts.courtId] : undefined;
  if (addOn?.redact.includes('passport')) out.push({ kind: 'passport', re: /\b(passport(?: no\.?| number)?:?\s*#?\s*)[A-Z0-9]{6,9}\b/gi, replace: (m) => `${m[1]}[REDACTED]` });
  if (addOn?.redact.includes('driverLicense'))
    out.push({ kind: 'driverLicense', re: /\b(driver'?s? licen[cs]e(?: no\.?| number)?:?\s*#?\s*)[A-Z0-9]{5,15}\b/gi, replace: (m) => `${m[1]}[REDACTED]` });
  return out;
}

/** Redacts one string; returns the new text and the changes (redacted values only). */
function redactText(text: string, pats: Pattern[]): { text: string; hits: { kind: SensitiveKind; after: string }[] } {
  const hits: { kind: SensitiveKind; after: string }[] = [];
  let s = text;
  for (const p of pats) {
    p.re.lastIndex = 0;
    if (!p.re.test(s)) continue;
    p.re.lastIndex = 0;
    s = s.replace(p.re, (...args) => {
      const groups = args.slice(0, -2) as string[];
      const m = Object.assign([...groups], { index: 0, input: s }) as unknown as RegExpExecArray;
      const after = p.replace(m);
      if (after !== groups[0]) hits.push({ kind: p.kind, after });
      return after;
    });
  }
  return { text: s, hits };
}

/** Runs the check on every document. Returns the redacted models and the report. */
export function applyPrivacyCheck(docs: DocModel[], opts: PrivacyOptions): { docs: DocModel[]; report: PrivacyReport } {
  const pats = patterns(opts);
  const changes: PrivacyChange[] = [];
  const out = docs.map((doc) =>
    mapInlines(doc, (x: Inline): Inline => {
      if (typeof x !== 'string' && 'fill' in x) return x;
      const text = typeof x === 'string' ? x : x.text;
      const r = redactText(text, pats);
      for (const h of r.hits) {
        const rule = ruleFor(h.kind, opts.courtId);
        changes.push({ document: doc.title, kind: h.kind, rule, after: h.after, message: { code: `documents:privacy.${h.kind}`, params: { rule } } });
      }
      if (!r.hits.length) return x;
      return typeof x === 'string' ? r.text : { ...x, text: r.text };
    }),
  );
  const notes: Message[] = [];
  const priv = filingRules().privacy;
  if (opts.proSeHabeas) notes.push({ code: 'documents:privacy.proSeHabeas', params: { rule: priv.exemptions.proSeHabeas.rule } });
  notes.push({ code: 'documents:privacy.remoteAccess', params: { text: priv.remoteAccess.text, rule: priv.remoteAccess.rule } });
  if (!changes.length) notes.unshift({ code: 'documents:privacy.none' });
  return { docs: out, report: { changes, notes } };
}
