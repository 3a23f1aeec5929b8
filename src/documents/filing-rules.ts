/**
 * The filing packet's legal data (rules/filing/*.json), validated once when first used.
 * Templates get every statute, rule, form number, fee and deadline from here: `cite('JURIS_1361')`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const dir = fileURLToPath(new URL('../../rules/filing/', import.meta.url));
const read = (f: string): unknown => JSON.parse(readFileSync(dir + f, 'utf8'));

const Authority = z.object({
  cite: z.string().min(3),
  what: z.string().min(3),
  spec: z.string().nullable(),
  source: z.string().optional(),
  italic: z.string().optional(),
  verify: z.boolean().optional(),
  fastMoving: z.boolean().optional(),
  circuitDependent: z.boolean().optional(),
});
export type Authority = z.infer<typeof Authority>;

const Fee = z.object({
  id: z.string(),
  amountUsd: z.number().positive(),
  label: z.string(),
  effectiveDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  cite: z.string(),
  spec: z.string(),
  notChargedTo: z.array(z.string()).optional(),
});

const CaseTypeId = z.enum(['delay', 'natz1447b', 'natz1421c', 'habeas']);
export type CaseTypeId = z.infer<typeof CaseTypeId>;

export const DOCUMENT_KINDS = [
  'complaint',
  'tro-motion',
  'proposed-order',
  'proposed-tro-order',
  'civil-cover-sheet',
  'summons',
  'certificate-of-service',
  'exhibit-index',
  'cover-letter',
  'how-to-file',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

const CaseType = z.object({
  remedies: z.array(z.string()).min(1),
  nos: z.string().regex(/^\d{3}$/),
  fee: z.enum(['civil', 'habeas']),
  jurisdiction: z.array(z.string()).min(1),
  venue: z.array(z.string()).min(1),
  causeOfAction: z.string(),
  causeDescription: z.string(),
  documents: z.array(z.enum(DOCUMENT_KINDS)),
  spec: z.string(),
});

const Schema = {
  fees: z.object({
    verifiedOn: z.string(),
    fees: z.array(Fee),
    schedules: z.record(z.string(), z.object({ components: z.array(z.string()), totalUsd: z.number(), spec: z.string() })),
    ifp: z.object({
      statute: z.string(),
      forms: z.array(z.string()),
      screening: z.string(),
      marshalServes: z.string(),
      spec: z.string(),
      detaineesNotPrisoners: z.object({ cite: z.string(), circuitDependent: z.boolean(), spec: z.string() }),
    }),
  }),
  nos: z.object({
    verifiedOn: z.string(),
    spec: z.string(),
    verify: z.string(),
    codes: z.array(z.object({ code: z.string(), title: z.string(), column: z.string(), use: z.array(z.string()), note: z.string().optional() })),
  }),
  forms: z.object({
    verifiedOn: z.string(),
    forms: z.array(z.object({ id: z.string(), number: z.string(), title: z.string(), revision: z.string().nullable(), spec: z.string(), note: z.string().optional() })),
  }),
  authorities: z.object({ verifiedOn: z.string(), authorities: z.record(z.string(), Authority) }),
  caseTypes: z.object({ verifiedOn: z.string(), caseTypes: z.record(CaseTypeId, CaseType) }),
  service: z.object({
    verifiedOn: z.string(),
    spec: z.string(),
    method: z.string(),
    unitedStatesAttorney: z.object({ rule: z.string(), addressee: z.string(), how: z.string() }),
    attorneyGeneral: z.object({ rule: z.string(), addressee: z.string(), city: z.string(), how: z.string() }),
    agencyOrOfficer: z.object({ rule: z.string(), how: z.string() }),
    whoMayServe: z.object({ rule: z.string(), text: z.string() }),
    cure: z.object({ rule: z.string(), text: z.string() }),
    proof: z.string(),
    habeas: z.object({ text: z.string(), spec: z.string(), verify: z.boolean() }),
    responseDays: z.object({
      default: z.object({ days: z.number(), rule: z.string(), spec: z.string() }),
      unitedStates: z.object({ days: z.number(), rule: z.string(), who: z.string(), spec: z.string() }),
    }),
  }),
  deadlines: z.object({
    verifiedOn: z.string(),
    counting: z.object({ rule: z.string(), spec: z.string() }),
    deadlines: z.array(
      z.object({
        id: z.string(),
        days: z.number(),
        maxDays: z.number().optional(),
        trigger: z.string(),
        rule: z.string(),
        what: z.string(),
        spec: z.string(),
        caseTypes: z.array(CaseTypeId),
      }),
    ),
  }),
  pleading: z.object({
    verifiedOn: z.string(),
    spec: z.string(),
    districts: z.record(
      z.string(),
      z.object({
        required: z.boolean(),
        linesPerPage: z.number(),
        fontSizePt: z.number(),
        doubleSpaced: z.boolean(),
        contactBlockTopLeft: z.boolean(),
        cite: z.string(),
        verify: z.boolean(),
        verifyNote: z.string().optional(),
      }),
    ),
    privacyAddOns: z.record(z.string(), z.object({ cite: z.string(), redact: z.array(z.string()), homeAddressCityStateOnly: z.boolean() })),
  }),
  privacy: z.object({
    verifiedOn: z.string(),
    spec: z.string(),
    rules: z.record(z.string(), z.object({ rule: z.string(), keep: z.string(), optional: z.boolean().optional(), verify: z.boolean().optional() })),
    exemptions: z.object({ proSeHabeas: z.object({ rule: z.string(), text: z.string() }) }),
    remoteAccess: z.object({ rule: z.string(), text: z.string() }),
  }),
};

export interface FilingRules {
  fees: z.infer<typeof Schema.fees>;
  nos: z.infer<typeof Schema.nos>;
  forms: z.infer<typeof Schema.forms>;
  authorities: Record<string, Authority>;
  caseTypes: Record<CaseTypeId, z.infer<typeof CaseType>>;
  service: z.infer<typeof Schema.service>;
  deadlines: z.infer<typeof Schema.deadlines>;
  pleading: z.infer<typeof Schema.pleading>;
  privacy: z.infer<typeof Schema.privacy>;
}

let cached: FilingRules | null = null;

export function filingRules(): FilingRules {
  if (cached) return cached;
  cached = {
    fees: Schema.fees.parse(read('fees.json')),
    nos: Schema.nos.parse(read('nature-of-suit.json')),
    forms: Schema.forms.parse(read('forms.json')),
    authorities: Schema.authorities.parse(read('authorities.json')).authorities,
    caseTypes: Schema.caseTypes.parse(read('case-types.json')).caseTypes as FilingRules['caseTypes'],
    service: Schema.service.parse(read('service.json')),
    deadlines: Schema.deadlines.parse(read('deadlines-on-filing.json')),
    pleading: Schema.pleading.parse(read('pleading-paper.json')),
    privacy: Schema.privacy.parse(read('privacy.json')),
  };
  return cached;
}

/** An authority by id; throws on an unknown id (a template bug, caught by the tests). */
export function authority(id: string): Authority {
  const a = filingRules().authorities[id];
  if (!a) throw new Error(`Unknown authority id in rules/filing/authorities.json: ${id}`);
  return a;
}

export function cite(id: string): string {
  return authority(id).cite;
}

export function form(id: string): { number: string; title: string; revision: string | null } {
  const f = filingRules().forms.forms.find((x) => x.id === id);
  if (!f) throw new Error(`Unknown form id in rules/filing/forms.json: ${id}`);
  return f;
}

/** "AO 440 (Rev. 06/12)" */
export function formLabel(id: string): string {
  const f = form(id);
  return f.revision ? `${f.number} (${f.revision})` : f.number;
}

export function feeTotal(schedule: 'civil' | 'habeas'): number {
  const r = filingRules().fees;
  const s = r.schedules[schedule];
  if (!s) throw new Error(`Unknown fee schedule ${schedule}`);
  const sum = s.components.reduce((a, id) => a + (r.fees.find((f) => f.id === id)?.amountUsd ?? NaN), 0);
  if (sum !== s.totalUsd) throw new Error(`rules/filing/fees.json: ${schedule} components add to ${sum}, total says ${s.totalUsd}`);
  return sum;
}

export function nosFor(caseType: CaseTypeId): { code: string; title: string; column: string } {
  const code = filingRules().caseTypes[caseType].nos;
  const n = filingRules().nos.codes.find((c) => c.code === code);
  if (!n) throw new Error(`NOS ${code} missing from rules/filing/nature-of-suit.json`);
  return n;
}

export function deadlinesFor(caseType: CaseTypeId) {
  return filingRules().deadlines.deadlines.filter((d) => d.caseTypes.includes(caseType));
}

export function pleadingFor(courtId: string) {
  const p = filingRules().pleading.districts[courtId];
  return p?.required ? p : null;
}
