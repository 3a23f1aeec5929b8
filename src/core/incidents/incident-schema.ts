/**
 * The community incident report, version 1: what a witness, an affected person or an advocate saw of one stop,
 * arrest, hold or transfer by a local agency (often one with a 287(g) agreement).
 *
 * This zod schema is the one source of the report format: the TypeScript type, the JSON Schema for the API and the
 * web form, and the list of identifying fields (`.meta({ sensitive: true })`, read by identifying-fields.ts) all come
 * from it. Every field has a plain-language `.describe()`.
 *
 * What the report records follows the legal spec's evidence checklists: § 1.7 (equal protection: "stop/arrest
 * records (date, place, stated reason, officer)", "procedural departures (no citation, immediate status
 * questioning); witnesses, video") and § 1.5 (local holds: the moment of entitlement to release and the hours held
 * after it; papers served; 287(g) agreement and model).
 *
 * Sensitive fields (names, contact details, addresses, officers' identities, narratives, file names) are encrypted at
 * rest, stripped from exports by default and never logged. Everything else is a category or a date that pattern
 * statistics count.
 *
 * Compatibility: version 1 only grows. New fields are optional; nothing is renamed or removed.
 */
import { z } from 'zod';

export const INCIDENT_SCHEMA_VERSION = 1 as const;

const sensitive = { sensitive: true } as const;

const isoDate = () => z.iso.date({ message: 'incidents:problem.date' });
const isoDateTime = () => z.iso.datetime({ offset: true, local: true, message: 'incidents:problem.dateTime' });
const ynu = (what: string) => z.enum(['yes', 'no', 'unknown']).optional().describe(what);
const text = (max: number) => z.string().trim().min(1, { message: 'incidents:problem.empty' }).max(max, { message: 'incidents:problem.tooLong' });

export const REPORTER_ROLES = ['witness', 'affected_person', 'advocate'] as const;
export const PLACE_TYPES = ['road', 'home', 'workplace', 'street', 'business', 'jail', 'courthouse', 'school', 'other', 'unknown'] as const;
export const CONTACT_KINDS = ['traffic_stop', 'pedestrian_stop', 'home_visit', 'workplace_operation', 'checkpoint', 'jail_booking', 'courthouse', 'other', 'unknown'] as const;
/** The reason officers gave, as a category (the words themselves go in `contact.statedReasonDetail`). */
export const STOP_REASONS = [
  'traffic_violation',
  'equipment_violation',
  'no_license',
  'warrant',
  'suspected_crime',
  'immigration_status',
  'identity_check',
  'none_given',
  'other',
  'unknown',
] as const;
export const SEARCH_TARGETS = ['person', 'vehicle', 'home', 'phone', 'documents', 'other'] as const;
/**
 * What happened at the end. `held_on_detainer` = kept in local custody on an ICE detainer (Form I-247A, 8 C.F.R.
 * § 287.7) after the person could otherwise have gone free; `transferred_to_ice` = handed over to ICE.
 */
export const OUTCOMES = ['no_arrest', 'cited_released', 'released', 'held_on_detainer', 'transferred_to_ice', 'still_held', 'unknown'] as const;
export const MEDIA_KINDS = ['photo', 'video', 'audio', 'document'] as const;
export const ETHNICITIES = ['hispanic_latino', 'black', 'white', 'asian', 'indigenous', 'middle_eastern_north_african', 'multiple', 'other', 'unknown'] as const;
export const LANGUAGES_SPOKEN = ['spanish', 'english', 'indigenous_language', 'other', 'unknown'] as const;
export const AGE_RANGES = ['under_18', '18_24', '25_34', '35_44', '45_54', '55_64', '65_plus', 'unknown'] as const;
export const GENDERS = ['woman', 'man', 'nonbinary', 'other', 'unknown'] as const;

const StateCode = z.string().regex(/^[A-Z]{2}$/, { message: 'incidents:problem.stateCode' }).describe('Two-letter U.S. state or territory code (USPS), e.g. "TX".');

const PersonRef = z
  .strictObject({
    name: text(200).optional().meta(sensitive).describe('Name. Sensitive: encrypted, never exported by default, never logged.'),
    contact: text(300).optional().meta(sensitive).describe('Phone, e-mail or other way to reach the person. Sensitive.'),
  })
  .describe('A person named in the report.');

export const ReporterSchema = z
  .strictObject({
    role: z.enum(REPORTER_ROLES).describe('Who is reporting: a witness, the person affected, or an advocate writing it down for them.'),
    name: text(200).optional().meta(sensitive).describe('Reporter\'s name (optional). Sensitive.'),
    contact: text(300).optional().meta(sensitive).describe('How the organization can reach the reporter (optional). Sensitive.'),
  })
  .describe('Who made the report.');

export const ConsentSchema = z
  .strictObject({
    countInStatistics: z.boolean().describe('May the organization count this report, without names, in pattern statistics?'),
    useAsEvidence: z
      .boolean()
      .describe('May the organization use this report as evidence (shared with lawyers and, if filed, with a court or an oversight office)?'),
    contactReporter: z.boolean().optional().describe('May the organization contact the reporter about this report?'),
    identifyAffectedPerson: z
      .boolean()
      .describe('False = report without identifying the affected person: no name or contact of that person is kept.'),
  })
  .describe('What the reporter agreed to. Reports without consent to statistics are never counted.');

export const WhenSchema = z
  .strictObject({
    date: isoDate().describe('Date of the stop or contact, YYYY-MM-DD.'),
    time: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'incidents:problem.time' })
      .optional()
      .describe('Local time it started, HH:MM (24-hour).'),
    approximate: z.boolean().optional().describe('True when the date or time is an estimate.'),
  })
  .describe('When it happened.');

export const WhereSchema = z
  .strictObject({
    state: StateCode,
    county: text(100).describe('County (or county-equivalent), e.g. "Collier County".'),
    city: text(100).optional().describe('City or town, if known.'),
    placeType: z.enum(PLACE_TYPES).optional().describe('Kind of place: road, home, workplace, street, business, jail, courthouse, school, other.'),
    address: text(300).optional().meta(sensitive).describe('Street address or intersection. Sensitive: a home address identifies people.'),
    placeName: text(200).optional().meta(sensitive).describe('Name of the place (a store, a workplace). Sensitive.'),
  })
  .describe('Where it happened.');

export const AgencySchema = z
  .strictObject({
    name: text(200).describe('The agency whose officers acted, as people know it (e.g. "Collier County Sheriff\'s Office").'),
    state: StateCode,
    outside287gList: z
      .boolean()
      .optional()
      .describe('True when the agency is not on ICE\'s 287(g) lists (ICE itself, CBP, or a police department without an agreement): accepted, with a warning, instead of "unknown agency".'),
    iceOnScene: ynu('Were ICE officers there too?'),
  })
  .describe('The enforcing agency. Writ links the report to the 287(g) agreements the agency held that day.');

export const OfficerSchema = z
  .strictObject({
    name: text(200).optional().meta(sensitive).describe('Officer\'s name as shown or heard. Sensitive.'),
    badge: text(50).optional().meta(sensitive).describe('Badge or ID number. Sensitive.'),
    vehicle: text(200).optional().meta(sensitive).describe('Vehicle: unit number, plate, marked or unmarked. Sensitive.'),
    notes: text(2000).optional().meta(sensitive).describe('What the officer did or said. Sensitive.'),
  })
  .describe('One officer.');

export const ContactSchema = z
  .strictObject({
    kind: z.enum(CONTACT_KINDS).describe('What the contact was: traffic stop, stop on foot, visit at home, workplace operation, checkpoint, jail booking, at a courthouse, other.'),
    statedReason: z.enum(STOP_REASONS).describe('The reason the officers gave, as a category. "none_given" when they gave none.'),
    statedReasonDetail: text(2000).optional().meta(sensitive).describe('The officers\' words, as remembered. Sensitive.'),
    citationIssued: ynu('Did the officers issue a citation or ticket for the stated reason?'),
  })
  .describe('The stop or contact and the reason given for it.');

export const SearchSchema = z
  .strictObject({
    searched: ynu('Did officers search anything?'),
    what: z.array(z.enum(SEARCH_TARGETS)).max(SEARCH_TARGETS.length).optional().describe('What they searched: the person, a vehicle, a home, a phone, documents, other.'),
    consentRequested: ynu('Did officers ask for consent before searching?'),
    warrantShown: ynu('Did officers show a warrant? (An ICE administrative warrant, I-200 or I-205, is not a judicial warrant.)'),
  })
  .describe('Searches.');

export const CustodySchema = z
  .strictObject({
    bookedAt: isoDateTime().optional().describe('When the person was booked into jail, e.g. 2025-05-03T14:30.'),
    releaseEligibleAt: isoDateTime()
      .optional()
      .describe('When the person was entitled to go free (bail posted, charges dropped, time served, court order). Time held after it is what matters for a detainer hold (legal spec § 1.5).'),
    releasedAt: isoDateTime().optional().describe('When the person was actually released.'),
    transferredToIceAt: isoDateTime().optional().describe('When the person was handed over to ICE.'),
  })
  .describe('Custody times, in local time. Writ computes hours held and hours held beyond the moment of release.');

export const MediaSchema = z
  .strictObject({
    kind: z.enum(MEDIA_KINDS).describe('Photo, video, audio or document.'),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/, { message: 'incidents:problem.sha256' })
      .describe('SHA-256 of the file as received (64 lower-case hex digits): proves later that the file did not change.'),
    capturedAt: isoDateTime().optional().describe('When the photo, video or recording was made (from the device, if known).'),
    receivedAt: isoDateTime().optional().describe('When the organization received the file.'),
    filename: text(300).optional().meta(sensitive).describe('Original file name. Sensitive (names often identify people).'),
    evidenceId: z.uuid({ message: 'incidents:problem.uuid' }).optional().describe('The evidence locker item holding the file, once it is in a case.'),
  })
  .describe('One photo, video, audio recording or document.');

export const DemographicsSchema = z
  .strictObject({
    source: z.enum(['self_reported', 'observed', 'unknown']).optional().describe('Whether the affected person said this themselves or the reporter observed it.'),
    ethnicity: z.enum(ETHNICITIES).optional().describe('Race or ethnicity of the affected person.'),
    language: z.enum(LANGUAGES_SPOKEN).optional().describe('Language the affected person spoke with officers.'),
    ageRange: z.enum(AGE_RANGES).optional().describe('Age range of the affected person.'),
    gender: z.enum(GENDERS).optional().describe('Gender of the affected person.'),
  })
  .describe('Optional facts about the affected person that pattern statistics may count (never names). Leave empty when unknown.');

export const IncidentReportSchema = z
  .strictObject({
    schemaVersion: z.literal(INCIDENT_SCHEMA_VERSION).describe('Report format version: 1.'),
    synthetic: z.boolean().optional().describe('True for generated test data. Synthetic reports are marked in every export and chart.'),
    reporter: ReporterSchema,
    consent: ConsentSchema,
    affectedPerson: PersonRef.optional().describe('The person stopped, arrested or held. Leave out when reporting without identifying them.'),
    when: WhenSchema,
    where: WhereSchema,
    agency: AgencySchema,
    officers: z.array(OfficerSchema).max(50).optional().describe('Officers involved (names, badge numbers, vehicles).'),
    contact: ContactSchema,
    askedAboutStatus: ynu('Did officers ask about immigration status, place of birth or papers?'),
    search: SearchSchema.optional(),
    arrested: ynu('Was the person arrested?'),
    detainerLodged: ynu('Did ICE lodge a detainer (Form I-247A) with the jail?'),
    transferredToIce: ynu('Was the person handed over to ICE?'),
    custody: CustodySchema.optional(),
    outcome: z
      .enum(OUTCOMES)
      .describe('How it ended: no arrest, a citation and release, released, held on an ICE detainer, handed to ICE, still held, unknown.'),
    witnesses: z.array(PersonRef.extend({ statement: text(5000).optional().meta(sensitive).describe('What the witness saw. Sensitive.') })).max(50).optional().describe('Other witnesses.'),
    media: z.array(MediaSchema).max(100).optional().describe('Photos, videos, audio and documents, each with its hash and capture time.'),
    demographics: DemographicsSchema.optional(),
    narrative: text(20000).optional().meta(sensitive).describe('What happened, in the reporter\'s words. Sensitive.'),
    caseId: z.uuid({ message: 'incidents:problem.uuid' }).optional().describe('The case this report belongs to, once one is opened.'),
  })
  .describe('A community incident report (version 1).');

export type IncidentReport = z.infer<typeof IncidentReportSchema>;
export type Outcome = (typeof OUTCOMES)[number];
export type StopReason = (typeof STOP_REASONS)[number];

/** JSON Schema of the report (for the API and the web form). */
export function incidentJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(IncidentReportSchema, { io: 'input' }) as Record<string, unknown>;
}
