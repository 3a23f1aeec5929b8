/**
 * The Writ facts format, version 1: one JSON object per case, everything a person may not know yet optional.
 *
 * This zod schema is the single source of the format: the TypeScript type (`Facts`), the JSON Schema printed by
 * `writ schema facts`, docs/facts.md and the validation in parseFacts() all come from it. Every field carries a
 * plain-language `.describe()`. Fields holding sensitive data carry `.meta({ sensitive: true })`; such values must
 * never reach logs.
 *
 * The fact checklists this covers are in the legal spec, sections 1–2 (mandamus/APA §1.1–1.2, naturalization §1.3,
 * habeas §1.4, local holds/§ 1983/Bivens/FTCA §1.5, equal protection §1.7, 287(g) and detainers §2).
 *
 * Compatibility: version 1 only grows. New fields are optional; nothing is renamed or removed.
 */
import { z } from 'zod';

export const FACTS_VERSION = 1 as const;

const isoDate = () => z.iso.date({ message: 'must be a date written YYYY-MM-DD, e.g. 2026-01-15' });
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|[+-](0\d|1[0-4]):[0-5]\d)?$/;
/** A date and time: local time of the place (`2026-01-15T17:00`), or with an offset (`2026-01-15T17:00-05:00`, `…Z`). */
const isoDateTime = () =>
  z
    .string()
    .regex(DATE_TIME, { message: 'must be a date and time like 2026-01-15T17:00 or 2026-01-15T17:00-05:00' })
    .refine((v) => z.iso.date().safeParse(v.slice(0, 10)).success, { message: 'must be a real calendar date and time, e.g. 2026-01-15T17:00' });
const sensitive = { sensitive: true } as const;

/** yes / no / unknown — for facts people may not know. Missing is the same as 'unknown'. */
export const YesNoUnknown = z.enum(['yes', 'no', 'unknown']);
export type YesNoUnknown = z.infer<typeof YesNoUnknown>;
const ynu = (what: string) => YesNoUnknown.optional().describe(what);

export const StateCodeSchema = z
  .string()
  .regex(/^[A-Z]{2}$/, { message: 'must be a two-letter state code in capitals, e.g. CA, TX, NY' })
  .describe('Two-letter U.S. state or territory code (USPS), e.g. "CA".');

export const CIRCUITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', 'DC'] as const;
export const CircuitSchema = z.enum(CIRCUITS).describe('Federal circuit: "1"–"11" or "DC".');
export type Circuit = z.infer<typeof CircuitSchema>;

export const BENEFIT_FORMS = ['N-400', 'I-485', 'I-130', 'I-751', 'I-589', 'I-765', 'I-129F', 'visa', 'other'] as const;

const PersonSchema = z
  .strictObject({
    name: z.string().min(1).optional().meta(sensitive).describe('Full name of the person the case is about. Sensitive: never logged.'),
    aNumber: z
      .string()
      .regex(/^A?-?\d{3}-?\d{3}-?\d{2,3}$/, { message: 'must be an A-number like A123456789 or A-123-456-789' })
      .optional()
      .meta(sensitive)
      .describe('Alien Registration Number ("A" and 8–9 digits), if the person has one. Sensitive: never logged.'),
    birthDate: isoDate().optional().meta(sensitive).describe('Date of birth. Sensitive: never logged; court papers show only the year.'),
    custody: z
      .enum(['not_detained', 'detained', 'released', 'unknown'])
      .optional()
      .describe('Is the person held right now? "detained" = in ICE custody or held by a jail or police; "released" = was held, now free.'),
    citizenship: z
      .enum(['us_citizen', 'lpr', 'asylee', 'refugee', 'nonimmigrant', 'parolee', 'no_status', 'other', 'unknown'])
      .optional()
      .describe('Citizenship or immigration status: U.S. citizen, lawful permanent resident (green card), asylee, refugee, visa holder, parolee, no status, other.'),
    entry: z
      .enum(['admitted', 'paroled', 'without_inspection', 'born_in_us', 'unknown'])
      .optional()
      .describe('How the person came into the U.S.: admitted with a visa or card, paroled, entered without inspection (EWI), or born here.'),
    entryYear: z.number().int().min(1900).max(2100).optional().describe('Year the person entered the U.S., if known.'),
    residence: z
      .strictObject({
        state: StateCodeSchema.optional(),
        county: z
          .string()
          .min(1)
          .optional()
          .describe('County (or county-equivalent) of residence, e.g. "Alameda County". Decides the federal district for residence-based suits.'),
        zip: z.string().regex(/^\d{5}$/, { message: 'must be a five-digit ZIP code' }).optional().meta(sensitive).describe('Five-digit ZIP code of residence. Sensitive.'),
      })
      .optional()
      .describe('Where the person lives. Naturalization suits, most mandamus/APA suits and FTCA suits may be filed where the plaintiff lives.'),
    criminalHistory: z
      .enum(['none', 'charges_pending', 'charges_dropped', 'convicted', 'unknown'])
      .optional()
      .describe('Criminal history: none, charges pending, charges dropped or dismissed, convicted. Matters for mandatory detention (§ 1226(c), Laken Riley Act).'),
  })
  .describe('The person the case is about.');

const VenueSchema = z
  .strictObject({
    courtId: z
      .string()
      .regex(/^[a-z]{2,5}$/, { message: 'must be a court id like "cand" (N.D. Cal.) or "nysd" (S.D.N.Y.)' })
      .optional()
      .describe('Federal district court id (CourtListener style), e.g. "cand" for the Northern District of California.'),
    circuit: CircuitSchema.optional(),
    note: z.string().optional().describe('Why this venue was chosen (e.g. "lawyer chose the district of the events").'),
  })
  .describe('Optional override: the district court and circuit, when a lawyer already knows them. Otherwise Writ works them out from the residence county or the detention facility.');

const QueueSchema = z
  .strictObject({
    order: z
      .enum(['fifo', 'lifo', 'priority_date', 'visa_bulletin', 'none', 'unknown'])
      .optional()
      .describe('The order the agency processes this kind of case in: first-in-first-out, last-in-first-out (affirmative asylum since Jan. 29, 2018), priority dates / visa bulletin, or "none" when the case sits outside any queue (an indefinite hold).'),
    outOfOrder: ynu('Is this case treated differently from similar ones — e.g. later-filed cases at the same office already decided?'),
    priorityDateCurrent: ynu('For visa-number cases: is the priority date current?'),
    priorityDateRetrogressed: ynu('For visa-number cases: did the priority date retrogress (go back) while the case was pending?'),
    publishedProcessingTimeExceeded: ynu("Is the case older than the agency's published processing time for this office?"),
  })
  .describe('Queue facts (TRAC factor 1: is there a "rule of reason" in how the agency orders cases).');

const BenefitRequestSchema = z
  .strictObject({
    form: z
      .enum(BENEFIT_FORMS)
      .optional()
      .describe('The application or petition: N-400 naturalization, I-485 adjustment of status, I-130 relative petition, I-751 removal of conditions, I-589 asylum, I-765 work permit, I-129F fiancé(e) petition, "visa" for a visa application at a consulate, or other.'),
    category: z.string().optional().describe('Category in plain words, e.g. "family-based", "employment-based", "asylee adjustment".'),
    receiptNumber: z
      .string()
      .regex(/^[A-Z]{3}\d{10}$/, { message: 'must be a USCIS receipt number: three letters and ten digits, e.g. EAC2190012345' })
      .optional()
      .describe('USCIS receipt number, e.g. "EAC2190012345".'),
    agency: z.enum(['uscis', 'state_department', 'unknown']).optional().describe('Which agency must act: USCIS, or the State Department (consulate / National Visa Center).'),
    office: z
      .strictObject({
        type: z
          .enum(['field_office', 'service_center', 'asylum_office', 'consulate', 'nvc', 'other', 'unknown'])
          .optional()
          .describe('Kind of office handling the case.'),
        name: z.string().optional().describe('Name of the office, e.g. "San Francisco Field Office", "U.S. Embassy Nairobi".'),
      })
      .optional()
      .describe('The office handling the request (field office, service center, asylum office, consulate, NVC).'),
    filedDate: isoDate().optional().describe('Date the request was filed (receipt date).'),
    biometricsDate: isoDate().optional().describe('Date fingerprints/biometrics were taken, if done.'),
    biometricsDone: ynu('Have fingerprints/biometrics been taken?'),
    interviewDate: isoDate().optional().describe('Date of the interview (for N-400 this is the "examination" that starts the § 1447(b) 120 days).'),
    interviewHeld: ynu('Has the interview taken place?'),
    rfe: z
      .strictObject({
        issued: ynu('Did the agency send a Request for Evidence (RFE) or Notice of Intent to Deny (NOID)?'),
        allAnswered: ynu('Have all RFEs/NOIDs been answered?'),
        lastResponseDate: isoDate().optional().describe('Date the last RFE/NOID response was sent.'),
      })
      .optional()
      .describe('Requests for evidence and whether they were answered.'),
    n14Issued: ynu('N-400 only: did USCIS send an N-14 (request for more evidence) after the interview?'),
    applicantCausedDelay: ynu('Did the applicant cause delay (missed biometrics or interview, asked to reschedule, late RFE answer)?'),
    lastAgencyActionDate: isoDate().optional().describe('Date of the last thing the agency did on the case (notice, interview, RFE, transfer).'),
    status: z
      .enum(['pending', 'approved', 'denied', 'refused', 'withdrawn', 'unknown'])
      .optional()
      .describe('Where the request stands: pending, approved, denied, refused (visa refused, e.g. under INA § 221(g)), withdrawn.'),
    decisionDate: isoDate().optional().describe('Date of the decision (approval, denial or refusal), if there is one.'),
    decisionServedBy: z.enum(['mail', 'in_person', 'electronic', 'unknown']).optional().describe('How the decision was delivered (a mailed N-400 denial gives 33 days for the N-336 instead of 30).'),
    denialReasons: z
      .array(z.enum(['good_moral_character', 'residence_or_presence', 'english_or_civics', 'other']))
      .optional()
      .describe('N-400 denials: the reasons USCIS gave.'),
    queue: QueueSchema.optional(),
    securityChecks: z
      .strictObject({
        agencyStatement: z
          .enum(['none', 'pending_background_checks', 'administrative_processing', 'terrorism_related_hold', 'unknown'])
          .optional()
          .describe('What the agency says is holding the case: nothing, "pending background checks", consular "administrative processing" (INA § 221(g)), a terrorism-related (material-support) hold.'),
        complete: ynu('Is there evidence that the security checks are complete?'),
      })
      .optional()
      .describe('Security-check (vetting) statements.'),
    inquiries: ynu('Has the applicant made case inquiries, asked the Ombudsman or a member of Congress for help?'),
    otherRemedyPending: ynu('Is an administrative appeal or motion about this request pending?'),
    n336: z
      .strictObject({
        filed: ynu('N-400 denials: was Form N-336 (request for a hearing on the denial) filed?'),
        filedDate: isoDate().optional().describe('Date the N-336 was filed.'),
        decisionDate: isoDate().optional().describe('Date USCIS decided the N-336.'),
        outcome: z.enum(['pending', 'upheld_denial', 'granted', 'unknown']).optional().describe('Result of the N-336 hearing.'),
      })
      .optional()
      .describe('N-336 administrative hearing after an N-400 denial (required before a § 1421(c) suit).'),
  })
  .describe('The benefit request at issue (one per facts file): an application, petition or visa the agency must decide.');

const FacilitySchema = z
  .strictObject({
    id: z.string().optional().describe("Writ's facility id from the reference data, if chosen from the list."),
    name: z.string().optional().describe('Name of the jail or detention center, e.g. "Stewart Detention Center".'),
    city: z.string().optional().describe('City of the facility.'),
    state: StateCodeSchema.optional(),
    county: z.string().optional().describe('County of the facility, e.g. "Stewart County".'),
  })
  .describe('Where the person is held. Habeas must be filed in the district of confinement.');

const DetentionSchema = z
  .strictObject({
    custodianType: z
      .enum(['ice_facility', 'contract_facility', 'county_jail_ice_hold', 'county_jail_287g', 'county_jail_criminal', 'other', 'unknown'])
      .optional()
      .describe('Who holds the person: an ICE facility, a private contract facility, a county jail holding for ICE (detainer), a county jail under a 287(g) agreement, a county jail on criminal charges only.'),
    facility: FacilitySchema.optional(),
    wardenName: z.string().optional().describe('Name of the warden, sheriff or facility administrator (the immediate custodian, named as respondent).'),
    fieldOfficeDirector: z.string().optional().describe('Name of the ICE ERO Field Office Director, if known.'),
    startDate: isoDate().optional().describe('Date the current detention began.'),
    statuteCited: z
      .enum(['1225b', '1226a', '1226c', '1231a', 'alien_enemies_act', 'criminal_charges', 'unknown'])
      .optional()
      .describe('The detention statute on the custody papers (Form I-286, I-203, NTA): § 1225(b) "applicant for admission", § 1226(a) discretionary, § 1226(c) mandatory, § 1231(a) after a removal order, Alien Enemies Act, or criminal charges only.'),
    bond: z
      .strictObject({
        requested: ynu('Was a bond hearing requested?'),
        result: z
          .enum(['granted', 'denied', 'no_jurisdiction', 'pending', 'not_requested', 'unknown'])
          .optional()
          .describe('Result: bond granted, denied, the immigration judge said there was no bond jurisdiction (e.g. citing Matter of Yajure Hurtado), pending.'),
        biaAppeal: z.enum(['none', 'pending', 'decided', 'unknown']).optional().describe('Appeal of the bond decision to the Board of Immigration Appeals.'),
      })
      .optional()
      .describe('Bond (custody redetermination) history.'),
    travelDocuments: z
      .strictObject({
        requestedByIce: ynu('Has ICE asked the home country for travel documents?'),
        issued: ynu('Has the home country issued travel documents?'),
        detaineeCooperating: ynu('Has the detained person cooperated with removal efforts (no refusal to sign or apply)?'),
      })
      .optional()
      .describe('Travel-document efforts (post-order detention under Zadvydas).'),
    releaseEligibleAt: isoDateTime()
      .optional()
      .describe('Local jail cases: the moment the person would otherwise have gone free (charges dropped, bail posted, sentence served, court order). Starts the 48-hour detainer hold limit.'),
    heldSolelyOnDetainer: ynu('After that moment, was the person kept only because of the ICE detainer?'),
    iceTookCustody: ynu('Has ICE taken the person into its own custody (a local-hold petition against the jail then becomes moot)?'),
    releasedAt: isoDateTime().optional().describe('When the person was released (or transferred to ICE), if that has happened. Starts § 1983 and FTCA periods.'),
    transferRisk: ynu('Is a transfer to another facility or state feared soon?'),
  })
  .describe('Detention: facility, custodian, dates, custody statute, bond and release facts.');

const DetainerSchema = z
  .strictObject({
    issued: ynu('Did ICE issue a detainer (a request that the jail hold or notify ICE)?'),
    form: z.enum(['I-247A', 'other', 'unknown']).optional().describe('The detainer form, normally I-247A (since Apr. 2, 2017).'),
    issuedDate: isoDate().optional().describe('Date the detainer was issued.'),
    warrant: z
      .enum(['I-200', 'I-205', 'judicial', 'none', 'unknown'])
      .optional()
      .describe('Warrant attached: I-200 (administrative arrest warrant signed by an ICE officer), I-205 (administrative warrant of removal), a judicial warrant signed by a judge, or none.'),
    basis: z
      .enum(['probable_cause_stated', 'database_match_only', 'investigation_only', 'unknown'])
      .optional()
      .describe('What the detainer rests on: a stated probable-cause finding, only a database match, or only an ongoing investigation.'),
    servedOnPerson: ynu('Was a copy of the detainer given to the person?'),
  })
  .describe('The immigration detainer and any warrant (8 C.F.R. § 287.7; Form I-247A).');

const EnforcementSchema = z
  .strictObject({
    agency: z
      .strictObject({
        name: z.string().optional().describe('Name of the agency whose officers acted, e.g. "Smith County Sheriff\'s Office" or "ICE".'),
        type: z
          .enum(['ice', 'cbp', 'sheriff', 'local_police', 'state_police', 'state_agency', 'other', 'unknown'])
          .optional()
          .describe('Kind of agency: ICE, CBP, a sheriff, city police, state police, another state agency.'),
        state: StateCodeSchema.optional(),
      })
      .optional()
      .describe('The enforcing agency.'),
    has287g: ynu('Did the local agency have a 287(g) agreement with ICE on the date of the events?'),
    models287g: z
      .array(z.enum(['JEM', 'TFM', 'WSO']))
      .optional()
      .describe('Which 287(g) models the agency had: JEM (jail enforcement), TFM (task force, on the street), WSO (warrant service officer, jail only).'),
    eventDate: isoDate().optional().describe('Date of the stop, arrest or hold.'),
    eventCounty: z
      .string()
      .min(1)
      .optional()
      .describe('County where the stop, arrest or hold happened (in the agency\'s state), e.g. "Polk County". Decides the district for suits filed where the events occurred.'),
    actions: z
      .array(z.enum(['traffic_stop', 'street_arrest', 'status_questioning', 'home_entry', 'jail_screening', 'detainer_hold', 'warrant_service', 'transfer_to_ice', 'immigration_arrest']))
      .optional()
      .describe('What the officers did: traffic stop, arrest on the street, questions about immigration status, home entry, screening in jail, holding on a detainer, serving an ICE warrant, handing over to ICE, an arrest on immigration grounds.'),
    stopBasisValid: ynu('Was there a real, lawful reason for the stop (e.g. the taillight really was broken)?'),
    countyPolicyHonorsAllDetainers: ynu('Does the county or city have a policy or custom of honoring every ICE detainer (municipal liability)?'),
    patternEvidence: ynu('Is there evidence that similarly situated people of another race or ethnicity were not targeted (stop data, comparisons)?'),
    purposeEvidence: ynu('Is there evidence of discriminatory purpose (officials\' statements, departures from normal procedure, history)?'),
    evidence: z
      .array(z.enum(['stop_records', 'comparative_data', 'policies_or_training', 'official_statements', 'procedural_departures', 'witnesses', 'video', 'public_records_requests']))
      .optional()
      .describe('Evidence already in hand about the stop or arrest: stop/arrest records, comparative data, policies or training materials, officials\' statements, procedural departures (e.g. no citation, immediate status questions), witnesses, video, public-records requests.'),
  })
  .describe('Who enforced, with what authority (287(g) model), and what they did.');

const RemovalSchema = z
  .strictObject({
    proceedings: z
      .enum(['none', 'pending', 'final_order', 'reinstated_order', 'unknown'])
      .optional()
      .describe('Removal proceedings: none, pending before an immigration judge or the BIA, a final removal order, a reinstated order.'),
    ntaDate: isoDate().optional().describe('Date of the Notice to Appear (Form I-862) that started proceedings.'),
    onWarrantOfArrest: ynu('Were the proceedings started on a warrant of arrest (matters for § 1429 in naturalization cases)?'),
    finalOrderDate: isoDate().optional().describe('Date the removal order became administratively final.'),
    stayOfRemoval: ynu('Has a court stayed removal?'),
    stayLiftedDate: isoDate().optional().describe('Date a court stay of removal was lifted (the removal period starts then).'),
  })
  .describe('Removal proceedings and orders.');

const PriorRequestsSchema = z
  .strictObject({
    expedite: z
      .strictObject({
        requested: ynu('Was an expedite request made to the agency?'),
        date: isoDate().optional().describe('Date of the expedite request.'),
        result: z.enum(['pending', 'granted', 'denied', 'unknown']).optional().describe('Result of the expedite request.'),
      })
      .optional()
      .describe('Expedite request.'),
    sf95: z
      .strictObject({
        filed: ynu('FTCA: was an administrative claim (Form SF-95 or another written demand for a sum certain) presented to the agency?'),
        filedDate: isoDate().optional().describe('Date the claim reached the agency.'),
        agency: z.string().optional().describe('Agency the claim went to, e.g. "DHS/ICE".'),
        denialDate: isoDate().optional().describe('Date the final denial was mailed (the 6 months to sue run from it).'),
      })
      .optional()
      .describe('FTCA administrative claim (SF-95).'),
  })
  .describe('Requests already made to the agency (expedite, SF-95). N-336 is under benefitRequest.n336.');

const HarmsSchema = z
  .strictObject({
    health: ynu('Is health at stake (medical condition, mental health, age)?'),
    family: ynu('Is family at stake (separation; relatives in danger abroad)?'),
    work: ynu('Is work or income at stake (expiring or lost work permit, lost job, licenses)?'),
    grave: ynu('Is the harm grave and documented beyond what most applicants share (e.g. children in danger abroad, serious illness)?'),
    documented: ynu('Is there proof of these harms (letters, records)?'),
    usCitizenChildren: ynu('Does the person have U.S.-citizen children?'),
    narrative: z.string().optional().meta(sensitive).describe('The person\'s own account of the harm, in their words. Sensitive: never logged.'),
  })
  .describe('Harms from the delay or detention (TRAC factors 3 and 5; emergency motions).');

export const RELIEF_KINDS = [
  'adjudicate',
  'approve',
  'decide_naturalization',
  'set_aside_decision',
  'release',
  'bond_hearing',
  'damages',
  'injunction',
  'declaratory',
  'stop_removal_proceedings',
  'stay_removal',
] as const;

const ReliefSchema = z
  .strictObject({
    kinds: z
      .array(z.enum(RELIEF_KINDS))
      .optional()
      .describe('What the person asks the court for: order the agency to decide (adjudicate), to approve, decide the naturalization, set aside a decision, release, a bond hearing, money damages, an injunction, a declaration, stop removal proceedings, stay removal.'),
    adjudicateWithinDays: z.number().int().min(1).max(365).optional().describe('For "adjudicate": the number of days asked for (e.g. 30 or 60).'),
    scope: z.enum(['individual', 'class', 'unknown']).optional().describe('For one person, or for a whole group (class) — e.g. everyone held at a facility.'),
    challenge: z
      .enum(['delay', 'denial', 'visa_refusal', 'detention', 'detainer_hold', 'stop_or_arrest', 'commencement_of_proceedings', 'execution_of_removal_order', 'policy'])
      .optional()
      .describe('What is challenged: a delay, a denial, a visa refusal, detention, a local detainer hold, a stop or arrest, the start of removal proceedings, carrying out a removal order, a policy.'),
    theory: z
      .enum(['statutory', 'constitutional', 'retaliation', 'selective_enforcement', 'unknown'])
      .optional()
      .describe('The main legal theory, if chosen: statutory, constitutional (due process / Fourth Amendment), retaliation for speech, selective enforcement.'),
  })
  .describe('The relief sought.');

export const FactsSchema = z
  .strictObject({
    version: z.literal(FACTS_VERSION, { message: 'must be 1 (this is version 1 of the facts format)' }).describe('Facts format version. Always 1 for this format.'),
    analysisDate: isoDate().optional().describe('The date the analysis is for (YYYY-MM-DD). Defaults to today. Deadlines and elapsed times are counted to this date.'),
    person: PersonSchema.optional(),
    venue: VenueSchema.optional(),
    benefitRequest: BenefitRequestSchema.optional(),
    detention: DetentionSchema.optional(),
    detainer: DetainerSchema.optional(),
    enforcement: EnforcementSchema.optional(),
    removal: RemovalSchema.optional(),
    priorRequests: PriorRequestsSchema.optional(),
    harms: HarmsSchema.optional(),
    reliefSought: ReliefSchema.optional(),
    notes: z.string().optional().meta(sensitive).describe('Free-text notes. Sensitive: never logged.'),
  })
  .describe('Writ facts, version 1: what is known about one case. Leave out what you do not know; Writ then answers "unknown" and asks.');

export type Facts = z.infer<typeof FactsSchema>;
