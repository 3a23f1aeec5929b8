#!/usr/bin/env -S node --import tsx
/**
 * Regenerates Writ's derived reference files from the copied sources in data/sources/ (see data/SOURCES.md):
 *   data/reference.json          counties → districts, courts, ZIP → county, facilities, field offices
 *   data/reference.schema.json   JSON Schema of reference.json (from src/core/reference/reference-data.ts)
 *   data/287g/sheets/*.json      ICE's 287(g) sheets, read by the same importer users run
 * Derived files are never hand-edited: change a source or this script and run
 *   node --import tsx scripts/data/build-reference.ts          (writes)
 *   node --import tsx scripts/data/build-reference.ts --check  (exit 1 when a derived file is out of date)
 */
import { readFileSync, writeFileSync, mkdirSync, readdirSync, unlinkSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import { ReferenceDataSchema, type CountyRow, type FacilityRow, type FieldOfficeRow, type ReferenceData } from '../../src/core/reference/reference-data.ts';
import { parse287gSheet, sheetDateFromFileName, type SheetIssue, type Sheet287g } from '../../src/core/reference/parse-287g-sheet.ts';
import { readSheetFile } from '../../src/data/read-sheet-file.ts';
import { foldText } from '../../src/core/reference/normalize-name.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SRC = join(ROOT, 'data', 'sources');

type Rec = Record<string, string>;
function csv(path: string, opts: { ltrim?: boolean; delimiter?: string } = {}): Rec[] {
  return parseCsv(readFileSync(join(SRC, path), 'utf8').replace(/^\uFEFF/, ''), {
    columns: (h: string[]) => h.map((x) => x.trim()),
    skip_empty_lines: true,
    ltrim: opts.ltrim ?? false,
    delimiter: opts.delimiter ?? ',',
  }) as Rec[];
}

const nullIfBlank = (s: string | undefined | null): string | null => {
  const t = (s ?? '').trim();
  return t === '' || t === 'NA' ? null : t;
};

/** "Ashland, Catlettsburg, and Richmond" → ["Ashland", "Catlettsburg", "Richmond"]. */
export function splitPlaces(text: string): string[] {
  return text
    .split(/,\s*(?:and\s+)?|\s+and\s+(?![^(]*\))/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The 287(g) source sheets shipped with Writ, with their ICE file dates. */
export const SHEET_SOURCES = [
  'ice_287g_participating_2024-12-18_wayback.csv',
  'participatingAgencies05162025am.xlsx',
  'participatingAgencies07182025pm.xlsx',
  'pendingAgencies05152025am.xlsx',
  'pendingAgencies07182025pm.xlsx',
];

export function sheetFileName(s: { kind: string; date: string; edition: string | null }): string {
  return `${s.kind}-${s.date}${s.edition ?? ''}.json`;
}

export interface StoredSheet extends Sheet287g {
  repairs: SheetIssue[];
  problems: SheetIssue[];
}

/** Builds every derived file; returns relative path → content. */
export async function buildReferenceFiles(): Promise<Map<string, string>> {
  const out = new Map<string, string>();

  const states = csv('states.csv').map((r) => ({ code: r.code!, fips: r.fips || null, name: r.name! }));
  const stateByName = new Map<string, string>();
  for (const s of states) {
    stateByName.set(foldText(s.name), s.code);
    stateByName.set(foldText(s.code), s.code);
  }

  // Courts: federal_district_courts.csv (derived from courts-db + 28 U.S.C. ch. 5), checked against courts-db.
  const courtsDb = JSON.parse(readFileSync(join(SRC, 'courts', 'courts-db_courts.json'), 'utf8')) as Array<{ id: string; citation_string?: string }>;
  const courtsDbIds = new Set(courtsDb.map((c) => c.id));
  const courts = csv('courts/federal_district_courts.csv').map((r) => {
    if (!courtsDbIds.has(r.court_id!)) throw new Error(`court ${r.court_id} is not a courts-db id`);
    const divisionDetails = (r.statutory_divisions ?? '')
      .split('|')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => {
        const m = /^(.*?)\s*\(held at:\s*(.*)\)$/.exec(s);
        return m ? { name: m[1]!.trim(), heldAt: splitPlaces(m[2]!) } : { name: s, heldAt: [] };
      });
    return {
      courtId: r.court_id!,
      name: r.official_name!,
      districtName: r.district_name!,
      state: r.state!,
      circuit: r.circuit! as ReferenceData['courts'][number]['circuit'],
      citation: r.citation_string!,
      url: nullIfBlank(r.court_url),
      divisions: divisionDetails.map((d) => d.name),
      divisionDetails,
      placesOfHoldingCourt: splitPlaces(r.places_of_holding_court ?? ''),
      uscSection: nullIfBlank(r.statute),
    };
  });

  // Counties → district (county_federal_district.csv) and → ICE field office (ice_ero_aor_by_county.csv).
  const aor = new Map(csv('ice/ice_ero_aor_by_county.csv').map((r) => [r.county_fips!, r]));
  const countyAliases: Array<[string, string]> = [];
  const counties: CountyRow[] = csv('courts/county_federal_district.csv').map((r) => {
    const a = aor.get(r.county_fips!);
    if (!a) throw new Error(`county ${r.county_fips} has no ICE area of responsibility`);
    const alias = /^listed in statute as "(.+)"$/.exec(r.basis!);
    if (alias) countyAliases.push([r.county_fips!, alias[1]!]);
    return [
      r.county_fips!,
      r.state!,
      r.county_name!,
      r.court_id!,
      nullIfBlank(r.division),
      splitPlaces(r.court_held_at ?? ''),
      r.usc_section!,
      r.basis!,
      nullIfBlank(r.notes),
      a.ero_field_office!,
      a.basis!,
    ];
  });
  // Everyday names for the District of Columbia.
  countyAliases.push(['11001', 'Washington'], ['11001', 'Washington DC']);

  // ZIP (ZCTA) → counties, largest land overlap first. Territories without Census counties in the county
  // list (American Samoa, Guam, Northern Mariana Islands, Virgin Islands) are left out.
  const countyFips = new Set(counties.map((c) => c[0]));
  const stateByFips = new Map(states.map((s) => [s.fips, s.code]));
  const courtStates = new Set(courts.map((c) => c.state));
  const zctaPairs = new Map<string, Array<[string, number]>>();
  const territoryZcta: Record<string, string> = {};
  for (const r of csv('geo/zcta_counties.csv')) {
    if (!countyFips.has(r['County GEOID']!)) {
      // ZIP areas of Guam, the Northern Mariana Islands and the Virgin Islands: kept with their territory's code.
      const st = stateByFips.get(r['County GEOID']!.slice(0, 2));
      if (st && courtStates.has(st)) territoryZcta[r.ZCTA5!] = st;
      continue;
    }
    const list = zctaPairs.get(r.ZCTA5!) ?? [];
    list.push([r['County GEOID']!, Number(r['Land Area'])]);
    zctaPairs.set(r.ZCTA5!, list);
  }
  const zcta: Record<string, string> = {};
  for (const [z5, list] of [...zctaPairs].sort((a, b) => a[0].localeCompare(b[0]))) {
    list.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    zcta[z5] = list.map(([f, area]) => `${f}:${area}`).join(' ');
  }
  const zipToZcta: Record<string, string> = {};
  for (const r of csv('geo/zcta_mappings.csv')) zipToZcta[r['ZIP Code']!] = r['Active ZCTA5']!;

  // ICE ERO field offices. The AOR data names offices by city ("Atlanta", "St Paul", "Miami").
  const fieldOffices: FieldOfficeRow[] = csv('ice/ice_ero_field_offices.csv').map((r) => {
    const name = r.canonical_name!;
    const shortName = name === 'Miramar Sub Office' ? 'Miami' : name.replace(/ Field Office$/, '');
    return {
      id: r.canonical_id!,
      shortName,
      name,
      address: nullIfBlank(r.address),
      city: nullIfBlank(r.city),
      state: nullIfBlank(r.state),
      zip: nullIfBlank(r.zip),
      phone: nullIfBlank(r.phone),
      areaOfResponsibility: nullIfBlank(r.area_of_responsibility),
      outreachEmail: nullIfBlank(r.outreach_email),
      basis: name === 'Miramar Sub Office' ? 'the source lists the Miami area of responsibility under its Miramar Sub Office address' : null,
    };
  });
  const officeNames = new Set(fieldOffices.map((o) => o.shortName));
  for (const c of counties) if (!officeNames.has(c[9])) throw new Error(`field office ${c[9]} of county ${c[0]} is not in ice_ero_field_offices.csv`);

  // Detention facilities.
  const facilities: FacilityRow[] = csv('ice/ice_detention_facilities.csv').map((r) => ({
    id: r.facility_id!,
    name: r.name!,
    address: nullIfBlank(r.address),
    city: nullIfBlank(r.city),
    state: r.state!,
    zip: nullIfBlank(r.zip),
    countyFips: nullIfBlank(r.county_fips),
    countyName: nullIfBlank(r.county_name),
    courtId: nullIfBlank(r.court_id),
    fieldOffice: nullIfBlank(r.field_office),
    facilityType: nullIfBlank(r.facility_type),
    operator: nullIfBlank(r.operator),
    venueNote: r.court_certain === 'yes' ? null : nullIfBlank(r.notes),
    asOf: nullIfBlank(r.as_of_date),
    // Other names: ICE's earlier spellings, plus a nickname quoted in the notes ("Alligator Alcatraz").
    otherNames: [
      ...(r.other_names ?? '').split(';').map((s) => s.trim()).filter(Boolean),
      ...[...(r.notes ?? '').matchAll(/"([^"]{4,40})"/g)].map((m) => m[1]!),
    ],
    detloc: nullIfBlank(r.detloc),
    courtCertain: r.court_certain === 'yes',
    countyConfidence: nullIfBlank(r.county_confidence),
  }));

  const data: ReferenceData = ReferenceDataSchema.parse({
    schemaVersion: 1,
    states,
    courts,
    counties,
    countyAliases,
    zcta,
    zipToZcta,
    territoryZcta,
    facilities,
    fieldOffices,
  });
  out.set('data/reference.json', JSON.stringify(data) + '\n');
  out.set('data/reference.schema.json', JSON.stringify(z.toJSONSchema(ReferenceDataSchema), null, 2) + '\n');

  // 287(g) sheets, read with the importer users run (src/core/reference/parse-287g-sheet.ts).
  for (const file of SHEET_SOURCES) {
    const dated = sheetDateFromFileName(file);
    if (!dated) throw new Error(`no date in ${file}`);
    const cells = await readSheetFile(join(SRC, '287g', file));
    const { sheet, repairs, problems } = parse287gSheet(cells, {
      date: dated.date,
      edition: dated.edition,
      source: file,
      kindHint: dated.kind,
      stateCode: (t) => stateByName.get(foldText(t)) ?? null,
    });
    const stored: StoredSheet = { ...sheet, repairs, problems };
    out.set(`data/287g/sheets/${sheetFileName(sheet)}`, JSON.stringify(stored, null, 1) + '\n');
  }
  return out;
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const files = await buildReferenceFiles();
  let stale = 0;
  for (const [rel, content] of files) {
    const path = join(ROOT, rel);
    let current: string | null = null;
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      current = null;
    }
    if (current === content) continue;
    stale++;
    if (check) console.error(`out of date: ${rel}`);
    else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
      console.log(`wrote ${rel} (${content.length} bytes)`);
    }
  }
  // Sheets no longer built from a source are removed.
  const sheetDir = join(ROOT, 'data', '287g', 'sheets');
  for (const f of readdirSync(sheetDir)) {
    if (!files.has(`data/287g/sheets/${f}`)) {
      stale++;
      if (check) console.error(`not built from any source: data/287g/sheets/${f}`);
      else unlinkSync(join(sheetDir, f));
    }
  }
  if (check && stale) process.exit(1);
  if (!check) console.log(stale ? `${stale} file(s) updated` : 'all derived files up to date');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
}
