/**
 * The contract between the reference data (287(g) agreements, venue, facilities, field offices) and its users
 * (the analysis engine, the packet builder, the server, the web app).
 *
 * The analysis engine is pure: it never loads files. Callers load the reference data once
 * (see `loadReference()` in src/data/) and pass this object in.
 */

/** Two-letter USPS code: 'CA', 'TX', 'PR', 'DC'. */
export type StateCode = string;

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
}

export type Lookup<T> =
  | { status: 'found'; value: T; /** how the input was interpreted, e.g. 'matched "St. Louis" to "St. Louis city"' */ note?: string }
  | { status: 'ambiguous'; candidates: T[]; message: string }
  | { status: 'not_found'; message: string };

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
}
