/**
 * The contract between the reference data (287(g) agreements, venue, facilities, field offices) and its users
 * (the analysis engine, the packet builder, the server, the web app).
 *
 * The analysis engine is pure: it never loads files. Callers load the reference data once
 * (see `loadReference()` in src/data/) and pass this object in.
 */

import type { Message } from '../../i18n/i18n.ts';

/** Two-letter USPS code: 'CA', 'TX', 'PR', 'DC'. */
export type StateCode = string;

/** A state or territory Writ knows (50 states, DC, Puerto Rico and the territories of the ICE areas of responsibility). */
export interface StateInfo {
  code: StateCode;
  fips: string | null;
  name: string;
}

/** A federal judicial district and where a county sits in it (28 U.S.C. §§ 81–131). */
export interface CountyVenue {
  countyFips: string; // 5 digits
  state: StateCode;
  countyName: string; // Census name, e.g. "Alameda County", "Doña Ana County", "Alexandria city"
  courtId: string; // courts-db / CourtListener id, e.g. 'cand'
  districtName: string; // e.g. 'Northern District of California'
  division: string | null; // only where the statute assigns counties to divisions
  courtHeldAt: string[]; // places of holding court named by the statute for that division/district
  circuit: string; // '1'…'11', 'DC'
  uscSection: string; // e.g. '28 U.S.C. § 84'
  basis: string; // how the county was matched to the statute text
  notes: string | null; // partial-county exceptions and other caveats from the statute
  /** Caveats to show the user: statute splits the county, district assigned by a heuristic, division rules to verify. */
  warnings?: Message[];
}

/**
 * `note` and `message` are English renderings for logs and developers; show people `noteCode` / `messageCode`
 * rendered in their language (src/i18n/i18n.ts `render`).
 */
export type Lookup<T> =
  | { status: 'found'; value: T; /** how the input was interpreted, e.g. 'matched "St. Louis" to "St. Louis city"' */ note?: string; noteCode?: Message }
  | { status: 'ambiguous'; candidates: T[]; message: string; messageCode?: Message }
  | { status: 'not_found'; message: string; messageCode?: Message };

export type Model287g = 'JEM' | 'TFM' | 'WSO';

/** One 287(g) agreement as Writ knows it across ICE's sheets. */
export interface Agreement287g {
  id: string; // stable id derived from state + normalised agency name + model
  state: StateCode;
  agency: string; // ICE's spelling, latest sheet
  agencyType: string | null; // County, Municipality, State Agency
  county: string | null;
  model: Model287g;
  status: 'participating' | 'pending';
  signed: string | null; // ISO date
  moaUrl: string | null;
  firstSeen: string; // ISO date of the first sheet that lists it
  lastSeen: string; // ISO date of the last sheet that lists it
  /** True when the newest sheet Writ holds still lists it. */
  current: boolean;
  /** County FIPS of ICE's COUNTY column, when it names a county of the state. */
  countyFips?: string | null;
  addendumUrl?: string | null;
  /** Dates of the participating sheets that list it (gaps show withdrawals and returns). */
  listedOn?: string[];
  /** Dates of the pending sheets that list it. */
  pendingOn?: string[];
  /** Changes between sheets: signed date or MOA link corrected, agency renamed. */
  changes?: Array<{ sheetDate: string; field: 'signed' | 'moaUrl' | 'agency' | 'agencyType' | 'county'; from: string | null; to: string | null }>;
}

/** An agency's 287(g) position on a given date. */
export interface Agency287gStatus {
  agency: string;
  state: StateCode;
  on: string; // the date asked about
  /** 'yes' = an agreement was signed on or before the date and listed then; 'no' = Writ's sheets show none; 'unknown' = the date falls outside what the sheets cover. */
  hadAgreement: 'yes' | 'no' | 'unknown';
  agreements: Agreement287g[];
  /** Dates of the sheets Writ holds, so users see how old the answer is. */
  sheetDates: string[];
  explanation: string;
  /** The explanation as a message code (render per locale). */
  explanationCode?: Message;
  /** fastMoving: the sheets age quickly; shown with every answer. */
  warnings?: Message[];
  countyFips?: string | null;
}

export interface DetentionFacility {
  id: string; // e.g. 'stewart-detention-center-ga'
  name: string;
  address: string | null;
  city: string | null;
  state: StateCode;
  zip: string | null;
  countyFips: string | null;
  countyName: string | null;
  courtId: string | null;
  districtName: string | null;
  circuit: string | null;
  fieldOffice: string | null;
  facilityType: string | null;
  operator: string | null;
  /** Why the district is missing or uncertain, when it is. */
  venueNote: string | null;
  asOf: string | null;
  otherNames?: string[];
  /** ICE hold-room / facility code (DETLOC) from the FOIA data, when matched. */
  detloc?: string | null;
  divisionName?: string | null;
  courtHeldAt?: string[];
  /** False when the district is disputed or the facility lies outside every district (see venueNote). */
  courtCertain?: boolean;
  warnings?: Message[];
}

export interface FieldOffice {
  id: string;
  name: string;
  address: string | null;
  city: string | null;
  state: StateCode | null;
  zip: string | null;
  phone: string | null;
  areaOfResponsibility: string | null;
  outreachEmail?: string | null;
  /** How the office was chosen (county listed in the AOR, whole state), or source caveats. */
  basis?: string | null;
}

export interface DistrictCourt {
  courtId: string;
  name: string; // 'United States District Court for the Northern District of California'
  districtName: string;
  state: StateCode;
  circuit: string;
  citation: string; // 'N.D. Cal.'
  url: string | null;
  divisions: string[];
  /** Each statutory division with its places of holding court; empty where the statute sets none. */
  divisionDetails?: Array<{ name: string; heldAt: string[] }>;
  /** Places of holding court for districts without statutory divisions. */
  placesOfHoldingCourt?: string[];
  uscSection?: string | null;
}

/** One ICE 287(g) sheet Writ holds (shipped in data/ or imported into the user data directory). */
export interface Sheet287gInfo {
  kind: 'participating' | 'pending';
  date: string;
  edition: string | null; // 'am' / 'pm' when ICE published twice a day
  source: string; // file name
  rows: number;
  origin: 'shipped' | 'imported';
}

/** What the engine, packet builder, server and web app may ask of the reference data. */
export interface Reference {
  countyVenue(q: { state: StateCode; county: string }): Lookup<CountyVenue>;
  zipVenue(zip: string): Lookup<CountyVenue[]>;
  court(courtId: string): DistrictCourt | null;
  facility(query: string, state?: StateCode): Lookup<DetentionFacility>;
  facilityById(id: string): DetentionFacility | null;
  agency287g(q: { name: string; state?: StateCode; on?: string }): Lookup<Agency287gStatus>;
  fieldOfficeForCounty(q: { state: StateCode; county: string }): Lookup<FieldOffice>;
  /** The ERO field office responsible for a facility (ICE's AOR for it). */
  fieldOfficeForFacility(facilityId: string): FieldOffice | null;
  /** A field office by its short name as ICE's data spells it ('Atlanta', 'St Paul', 'Miami'). */
  fieldOfficeByName(name: string): FieldOffice | null;
  courts(): DistrictCourt[];
  /** Every detention facility Writ knows (for pickers and maps). */
  facilities(): DetentionFacility[];
  /** 'CA', 'ca', 'California', 'Puerto Rico' → the state; null when unknown. */
  state(input: string): StateInfo | null;
  /** The 287(g) sheets behind agency287g answers, oldest first. */
  sheets287g(): Sheet287gInfo[];
  /** Every 287(g) agreement Writ knows (current and withdrawn), optionally for one state. */
  agreements287g(q?: { state?: StateCode }): Agreement287g[];
}
