/**
 * The shape of data/reference.json, the compact file scripts/data/build-reference.ts derives from
 * data/sources/ (never hand-edited). The zod schema is used by the data tests and to write
 * data/reference.schema.json; loading does not re-validate (start-up stays fast).
 */
import { z } from 'zod';

const fips5 = z.string().regex(/^\d{5}$/);

export const CountyRowSchema = z.tuple([
  fips5, // 0 county FIPS
  z.string().length(2), // 1 state
  z.string().min(1), // 2 Census name
  z.string().min(3), // 3 court id
  z.string().nullable(), // 4 division
  z.array(z.string()), // 5 court held at
  z.string().min(1), // 6 U.S.C. section
  z.string().min(1), // 7 basis
  z.string().nullable(), // 8 notes
  z.string().min(1), // 9 ICE ERO field office (short name)
  z.string().min(1), // 10 how the field office was assigned
]);
export type CountyRow = z.infer<typeof CountyRowSchema>;

export const CourtSchema = z.object({
  courtId: z.string().min(3),
  name: z.string().startsWith('United States District Court for the '),
  districtName: z.string().min(1),
  state: z.string().length(2),
  circuit: z.enum(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', 'DC']),
  citation: z.string().min(4),
  url: z.string().nullable(),
  divisions: z.array(z.string()),
  divisionDetails: z.array(z.object({ name: z.string(), heldAt: z.array(z.string()) })),
  placesOfHoldingCourt: z.array(z.string()),
  uscSection: z.string().nullable(),
});

export const FacilitySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  address: z.string().nullable(),
  city: z.string().nullable(),
  state: z.string().length(2),
  zip: z.string().regex(/^\d{5}$/).nullable(),
  countyFips: fips5.nullable(),
  countyName: z.string().nullable(),
  courtId: z.string().nullable(),
  fieldOffice: z.string().nullable(),
  facilityType: z.string().nullable(),
  operator: z.string().nullable(),
  venueNote: z.string().nullable(),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  otherNames: z.array(z.string()),
  detloc: z.string().nullable(),
  courtCertain: z.boolean(),
  countyConfidence: z.string().nullable(),
});
export type FacilityRow = z.infer<typeof FacilitySchema>;

export const FieldOfficeSchema = z.object({
  id: z.string(),
  shortName: z.string(), // as the AOR data spells it: 'Atlanta', 'St Paul', 'Miami'
  name: z.string(),
  address: z.string().nullable(),
  city: z.string().nullable(),
  state: z.string().nullable(),
  zip: z.string().nullable(),
  phone: z.string().nullable(),
  areaOfResponsibility: z.string().nullable(),
  outreachEmail: z.string().nullable(),
  basis: z.string().nullable(),
});
export type FieldOfficeRow = z.infer<typeof FieldOfficeSchema>;

export const ReferenceDataSchema = z.object({
  schemaVersion: z.literal(1),
  states: z.array(z.object({ code: z.string().length(2), fips: z.string().nullable(), name: z.string() })),
  courts: z.array(CourtSchema),
  counties: z.array(CountyRowSchema),
  /** Old or misspelled statutory names that name a county today: [fips, name]. */
  countyAliases: z.array(z.tuple([fips5, z.string()])),
  /** ZCTA → "fips:landArea fips:landArea" (largest overlap first). */
  zcta: z.record(z.string(), z.string()),
  /** ZIP codes that are not ZCTAs → the ZCTA containing them. */
  zipToZcta: z.record(z.string(), z.string()),
  /** ZCTAs of territories with a district court but no counties here (GU, MP, VI) → territory code. */
  territoryZcta: z.record(z.string(), z.string().length(2)),
  facilities: z.array(FacilitySchema),
  fieldOffices: z.array(FieldOfficeSchema),
});
export type ReferenceData = z.infer<typeof ReferenceDataSchema>;
