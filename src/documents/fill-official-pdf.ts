/**
 * Fills an official fillable PDF (JS 44, AO 440) the user supplies, mapping Writ's answers to the form's fields by
 * field name (pdf-lib). Field names are compared after normalising (lower case, letters and digits only); each of
 * Writ's answers lists the name fragments that identify its field.
 */
import { PDFDocument, PDFTextField } from 'pdf-lib';

/** answer key → fragments of field names that hold it (normalised). */
export type FieldMap = Record<string, string[]>;

export const JS44_FIELDS: FieldMap = {
  plaintiffs: ['plaintiffs', 'plaintiff'],
  defendants: ['defendants', 'defendant'],
  plaintiffCounty: ['countyofresidenceoffirstlistedplaintiff', 'plaintiffcounty', 'countyofresidence'],
  attorneys: ['attorneys', 'attorney'],
  basisOfJurisdiction: ['basisofjurisdiction', 'jurisdiction'],
  natureOfSuit: ['natureofsuit', 'nos'],
  origin: ['origin'],
  causeStatute: ['civilstatute', 'causeofaction', 'statute'],
  causeDescription: ['briefdescription', 'descriptionofcause'],
  classAction: ['classaction'],
  demand: ['demand'],
  juryDemand: ['jurydemand', 'jury'],
  relatedCases: ['relatedcase', 'related'],
  date: ['date'],
};

export const AO440_FIELDS: FieldMap = {
  district: ['district'],
  plaintiff: ['plaintiff'],
  defendant: ['defendant'],
  caseNumber: ['civilactionno', 'casenumber', 'caseno'],
  to: ['to', 'defendantsnameandaddress'],
  plaintiffAttorney: ['plaintiffsattorney', 'attorneynameandaddress', 'attorney'],
};

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

export interface FillResult {
  pdf: Uint8Array;
  filled: { field: string; key: string }[];
  unmatched: string[];
}

export class NotFillableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFillableError';
  }
}

/**
 * Picks, for each text field, the answer whose fragment matches best: an exact match of the normalised name first,
 * then the longest fragment contained in it. Fragments are checked longest first so "jurydemand" beats "demand".
 */
export function matchField(fieldName: string, map: FieldMap): string | null {
  const n = norm(fieldName);
  let best: { key: string; len: number; exact: boolean } | null = null;
  for (const [key, frags] of Object.entries(map)) {
    for (const f of frags) {
      const exact = n === f;
      if (!exact && !n.includes(f)) continue;
      if (!best || (exact && !best.exact) || (exact === best.exact && f.length > best.len)) best = { key, len: f.length, exact };
    }
  }
  return best?.key ?? null;
}

export async function fillOfficialPdf(template: Uint8Array, answers: Record<string, string>, map: FieldMap): Promise<FillResult> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(template);
  } catch (e) {
    throw new NotFillableError(`cannot read it as a PDF (${(e as Error).message})`);
  }
  const form = doc.getForm();
  const fields = form.getFields();
  if (!fields.length) throw new NotFillableError('it has no form fields; give the official fillable version of the form');
  const filled: { field: string; key: string }[] = [];
  const unmatched: string[] = [];
  for (const field of fields) {
    const name = field.getName();
    if (!(field instanceof PDFTextField)) {
      unmatched.push(name);
      continue;
    }
    const key = matchField(name, map);
    const value = key ? answers[key] : undefined;
    if (key && value !== undefined) {
      field.setText(value);
      filled.push({ field: name, key });
    } else unmatched.push(name);
  }
  const pdf = await doc.save({ useObjectStreams: false });
  return { pdf, filled, unmatched };
}
