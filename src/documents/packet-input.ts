/**
 * What the filing packet needs beyond the facts: who signs, addresses, officeholder names (with an "as of" date),
 * exhibits, extra fact statements, minors named in the papers. Everything is optional: what is missing becomes a
 * marked blank in the documents and a line in the list of what to fill.
 *
 * A packet file given to `writ packet` is either plain Facts, or `{ "facts": {...}, "packet": {...this...} }`.
 */
import { z } from 'zod';

const isoDate = () => z.iso.date({ message: 'must be a date written YYYY-MM-DD, e.g. 2026-01-15' });

export const OFFICE_KEYS = [
  'dhsSecretary',
  'uscisDirector',
  'uscisOfficeDirector',
  'secretaryOfState',
  'consularOfficer',
  'iceDirector',
  'fieldOfficeDirector',
  'attorneyGeneral',
  'warden',
] as const;
export type OfficeKey = (typeof OFFICE_KEYS)[number];

const Officeholder = z.strictObject({
  name: z.string().min(1).describe('Name of the person holding the office.'),
  asOf: isoDate().optional().describe('Date the name was checked (FRCP 25(d): a successor is substituted automatically).'),
});

export const PacketInputSchema = z
  .strictObject({
    filer: z
      .strictObject({
        kind: z.enum(['pro_se', 'attorney']).describe('Who signs: the person themself (pro se) or an attorney.'),
        name: z.string().optional().describe('Name of the signer.'),
        barNumber: z.string().optional().describe('Attorney: state bar number.'),
        firm: z.string().optional().describe('Attorney: firm or organization.'),
        addressLines: z.array(z.string()).optional().describe('Mailing address, one line each.'),
        phone: z.string().optional(),
        email: z.string().optional(),
      })
      .optional(),
    plaintiff: z
      .strictObject({
        city: z.string().optional().describe('City of residence (court papers show city and state, not the street).'),
        state: z.string().optional(),
      })
      .optional(),
    officeholders: z.partialRecord(z.enum(OFFICE_KEYS), Officeholder).optional().describe('Names of officials to sue, with the date checked.'),
    offices: z
      .strictObject({
        uscisOfficeTitle: z.string().optional().describe('Title of the USCIS office director, e.g. "Director, San Francisco Field Office".'),
        usAttorneyAddressLines: z.array(z.string()).optional().describe('Address of the U.S. Attorney for the district (civil-process clerk).'),
      })
      .optional(),
    exhibits: z
      .array(
        z.strictObject({
          title: z.string().min(1).describe('What the exhibit is, e.g. "I-485 receipt notice".'),
          date: isoDate().optional(),
          pages: z.number().int().min(1).max(10000).optional().describe('Number of pages (for Bates numbering); 1 if not given.'),
          supports: z.array(z.string()).optional().describe('Which facts or claims it supports, in words or by paragraph ("¶ 12", "Count I").'),
        }),
      )
      .optional(),
    additionalFacts: z.array(z.string().min(1)).optional().describe('More fact statements for the complaint, one per numbered paragraph.'),
    minors: z
      .array(z.strictObject({ name: z.string().min(1), birthDate: isoDate().optional() }))
      .optional()
      .describe('Minors named anywhere in the papers (FRCP 5.2(a)(3): only initials are filed).'),
    nextFriend: z
      .strictObject({ name: z.string().optional(), relationship: z.string().optional(), whyPetitionerCannotSign: z.string().optional() })
      .optional()
      .describe('Habeas: a next friend signing for the detained person (28 U.S.C. § 2242).'),
    filingDate: isoDate().optional().describe('The planned filing date (dates the signature and starts the deadlines list).'),
    caseNumber: z.string().optional().describe('Case number, once the clerk assigns one.'),
    batesPrefix: z.string().regex(/^[A-Z0-9-]{1,12}$/).optional().describe('Prefix for Bates numbers (default WRIT).'),
    ifp: z.boolean().optional().describe('Apply to proceed without prepaying fees (in forma pauperis).'),
  })
  .describe('Packet details beyond the facts.');

export type PacketInput = z.infer<typeof PacketInputSchema>;
