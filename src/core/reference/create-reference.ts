/**
 * The `Reference` implementation over the compact data (data/reference.json) and the 287(g) sheets.
 * Everything is indexed once here; each lookup afterwards is a few map reads or a small fuzzy search.
 * Pure: callers (src/data/load-reference.ts) read the files and pass a renderer for the English strings.
 */
import type { Message } from '../../i18n/i18n.ts';
import type {
  Agency287gStatus,
  Agreement287g,
  CountyVenue,
  DetentionFacility,
  DistrictCourt,
  FieldOffice,
  Lookup,
  Reference,
  Sheet287gInfo,
  StateCode,
  StateInfo,
} from './reference.ts';
import type { CountyRow, FacilityRow, FieldOfficeRow, ReferenceData } from './reference-data.ts';
import { CountyFinder } from './find-county.ts';
import { FuzzyIndex } from './fuzzy-index.ts';
import { foldText } from './normalize-name.ts';
import { agencyKey, agencyStatusOnDate, buildHistory } from './history-287g.ts';
import { sheetOrderKey, type Sheet287g } from './parse-287g-sheet.ts';

export type Render = (m: Message) => string;

/** Words too common to tell entries apart, besides those most entries share (found by frequency in FuzzyIndex). */
const STOP_WORDS = ['of', 'the', 'and'];

const MIN_SCORE = 0.5;
const TIE = 0.03;

export interface SheetWithOrigin {
  sheet: Sheet287g;
  origin: 'shipped' | 'imported';
}

interface AgencyGroup {
  key: string;
  state: StateCode;
  agency: string;
  names: string[];
  county: string | null;
  countyFips: string | null;
  agreements: Agreement287g[];
}

export function createReference(data: ReferenceData, sheets: SheetWithOrigin[], render: Render): Reference {
  // States
  const states = new Map<string, StateInfo>();
  const stateByText = new Map<string, StateInfo>();
  for (const s of data.states) {
    states.set(s.code, s);
    stateByText.set(foldText(s.code), s);
    stateByText.set(foldText(s.name), s);
  }
  const stateOf = (input: string): StateInfo | null => stateByText.get(foldText(input)) ?? null;

  // Courts
  const courts = new Map<string, DistrictCourt>(data.courts.map((c) => [c.courtId, c]));

  // Counties
  const countyRows = new Map<string, CountyRow>(data.counties.map((r) => [r[0], r]));
  const finder = new CountyFinder(
    data.counties.map((r) => ({ fips: r[0], state: r[1], name: r[2], courtId: r[3] })),
    data.countyAliases,
  );
  const venueCache = new Map<string, CountyVenue>();
  const venueOf = (fips: string): CountyVenue => {
    const cached = venueCache.get(fips);
    if (cached) return cached;
    const r = countyRows.get(fips)!;
    const court = courts.get(r[3])!;
    const warnings: Message[] = [];
    if (r[7].startsWith('independent city')) warnings.push({ code: 'reference:warning.independentCity', params: { county: r[2] } });
    if (r[8]) warnings.push({ code: 'reference:warning.statuteNote', params: { note: r[8], section: r[6] } });
    if (r[4]) warnings.push({ code: 'reference:warning.verifyDivision', params: { division: r[4], court: court.citation } });
    const v: CountyVenue = {
      countyFips: r[0],
      state: r[1],
      countyName: r[2],
      courtId: r[3],
      districtName: court.districtName,
      division: r[4],
      courtHeldAt: r[5],
      circuit: court.circuit,
      uscSection: r[6],
      basis: r[7],
      notes: r[8],
      warnings,
    };
    venueCache.set(fips, v);
    return v;
  };

  const resolveState = (state: string): StateInfo | Lookup<never> => {
    const s = stateOf(state ?? '');
    if (!s) return notFound({ code: 'reference:state.unknown', params: { state: String(state ?? '') } });
    return s;
  };
  function notFound(m: Message): Lookup<never> {
    return { status: 'not_found', message: render(m), messageCode: m };
  }
  function ambiguous<T>(candidates: T[], m: Message): Lookup<T> {
    return { status: 'ambiguous', candidates, message: render(m), messageCode: m };
  }
  function found<T>(value: T, note: Message | null): Lookup<T> {
    return note ? { status: 'found', value, note: render(note), noteCode: note } : { status: 'found', value };
  }
  const isLookup = (x: unknown): x is Lookup<never> => typeof x === 'object' && x !== null && 'status' in x;

  function findCounty(q: { state: StateCode; county: string }): Lookup<CountyVenue> {
    const s = resolveState(q.state);
    if (isLookup(s)) return s;
    const r = finder.find(s.code, String(q.county ?? ''), s.fips);
    if (r.status === 'not_found' && r.message.code === 'reference:county.noCountiesForState') {
      const court = [...courts.values()].find((c) => c.state === s.code);
      if (court) return notFound({ code: 'reference:county.territory', params: { state: s.name, court: court.name, courtId: court.courtId } });
    }
    if (r.status === 'found') return found(venueOf(r.entry.fips), r.note);
    if (r.status === 'ambiguous') return ambiguous(r.entries.map((e) => venueOf(e.fips)), r.message);
    return notFound(r.message);
  }

  // ZIP codes
  function zipVenue(zipInput: string): Lookup<CountyVenue[]> {
    const zip = String(zipInput ?? '').trim().replace(/-\d{4}$/, '');
    if (!/^\d{5}$/.test(zip)) return notFound({ code: 'reference:zip.invalid', params: { zip: String(zipInput ?? '') } });
    const zcta = data.zcta[zip] || data.territoryZcta[zip] ? zip : data.zipToZcta[zip];
    const territory = zcta ? data.territoryZcta[zcta] : undefined;
    if (territory) {
      const court = [...courts.values()].find((c) => c.state === territory);
      return notFound({ code: 'reference:zip.territory', params: { zip, territory: states.get(territory)?.name ?? territory, court: court?.name ?? '', courtId: court?.courtId ?? '' } });
    }
    const packed = zcta ? data.zcta[zcta] : undefined;
    if (!packed) return notFound({ code: 'reference:zip.unknown', params: { zip } });
    const parts = packed.split(' ').map((p) => {
      const [fips, area] = p.split(':');
      return { fips: fips!, area: Number(area) };
    });
    const venues = parts.filter((p) => countyRows.has(p.fips)).map((p) => venueOf(p.fips));
    if (venues.length === 0) return notFound({ code: 'reference:zip.unknown', params: { zip } });
    const viaNote: Message | null = zcta !== zip ? { code: 'reference:zip.viaZcta', params: { zip, zcta: zcta! } } : null;
    const districts = new Set(venues.map((v) => v.courtId));
    const names = venues.map((v) => `${v.countyName} (${courts.get(v.courtId)!.citation})`).join(', ');
    if (districts.size > 1) {
      return ambiguous(
        venues.map((v) => [v]),
        { code: 'reference:zip.districtsDiffer', params: { zip, counties: names } },
      );
    }
    if (venues.length > 1) return found(venues, { code: 'reference:zip.severalCounties', params: { zip, counties: names } });
    return found(venues, viaNote);
  }

  // Field offices
  const officeByShort = new Map<string, FieldOfficeRow>(data.fieldOffices.map((o) => [foldText(o.shortName), o]));
  for (const o of data.fieldOffices) officeByShort.set(foldText(o.name), o);
  const toOffice = (o: FieldOfficeRow, basis: string | null): FieldOffice => ({
    id: o.id,
    name: o.name,
    address: o.address,
    city: o.city,
    state: o.state,
    zip: o.zip,
    phone: o.phone,
    areaOfResponsibility: o.areaOfResponsibility,
    outreachEmail: o.outreachEmail,
    basis: [basis, o.basis].filter(Boolean).join('; ') || null,
  });
  const fieldOfficeByName = (name: string): FieldOffice | null => {
    const o = officeByShort.get(foldText(name ?? '')) ?? officeByShort.get(foldText(String(name ?? '').replace(/field office$/i, '')));
    return o ? toOffice(o, null) : null;
  };

  // Facilities
  const facilityRows = data.facilities;
  const facilityCache = new Map<string, DetentionFacility>();
  const toFacility = (f: FacilityRow): DetentionFacility => {
    const cached = facilityCache.get(f.id);
    if (cached) return cached;
    const court = f.courtId ? courts.get(f.courtId) ?? null : null;
    const county = f.countyFips ? countyRows.get(f.countyFips) ?? null : null;
    const warnings: Message[] = [];
    if (!f.courtCertain || !f.courtId) warnings.push({ code: 'reference:warning.facilityVenue', params: { facility: f.name, note: f.venueNote ?? '' } });
    else if (f.countyConfidence && f.countyConfidence !== 'high') warnings.push({ code: 'reference:warning.facilityCountyConfidence', params: { facility: f.name, confidence: f.countyConfidence } });
    if (county && county[7].startsWith('independent city')) warnings.push({ code: 'reference:warning.independentCity', params: { county: county[2] } });
    const v: DetentionFacility = {
      id: f.id,
      name: f.name,
      address: f.address,
      city: f.city,
      state: f.state,
      zip: f.zip,
      countyFips: f.countyFips,
      countyName: f.countyName,
      courtId: f.courtId,
      districtName: court?.districtName ?? null,
      circuit: court?.circuit ?? null,
      fieldOffice: f.fieldOffice,
      facilityType: f.facilityType,
      operator: f.operator,
      venueNote: f.venueNote,
      asOf: f.asOf,
      otherNames: f.otherNames,
      detloc: f.detloc,
      divisionName: county?.[4] ?? null,
      courtHeldAt: county?.[5] ?? [],
      courtCertain: f.courtCertain && Boolean(f.courtId),
      warnings,
    };
    facilityCache.set(f.id, v);
    return v;
  };
  const facilityIndex = new FuzzyIndex(
    facilityRows,
    (f) => [
      [f.name, 1],
      ...f.otherNames.map((n): [string, number] => [n, 1]),
      [f.city, 0.9],
      [f.countyName, 0.6],
      [f.detloc, 1],
      // Where the district is uncertain, the note says where the facility is ("Guantanamo Bay, Cuba").
      [f.venueNote, 0.7],
    ],
    { genericWords: STOP_WORDS },
  );
  const facilityById = new Map(facilityRows.map((f) => [f.id, f]));

  function facility(query: string, state?: StateCode): Lookup<DetentionFacility> {
    const text = String(query ?? '').trim();
    if (!text) return notFound({ code: 'reference:facility.empty' });
    const byId = facilityById.get(text.toLowerCase());
    if (byId) return found(toFacility(byId), null);
    let st: string | null = null;
    if (state) {
      const s = resolveState(state);
      if (isLookup(s)) return s;
      st = s.code;
    }
    const hits = facilityIndex.search(text, st ? (f) => f.state === st : undefined);
    return decide(hits, toFacility, text, 'facility', (f) => `${f.name} (${f.city ?? ''}, ${f.state})`);
  }

  function decide<R, T>(hits: Array<{ item: R; score: number }>, map: (r: R) => T, input: string, what: 'facility' | 'agency', label: (t: T) => string): Lookup<T> {
    const top = hits[0];
    if (!top || top.score < MIN_SCORE) return notFound({ code: `reference:${what}.notFound`, params: { input } });
    const close = hits.filter((h) => h.score >= top.score - TIE && h.score >= MIN_SCORE);
    if (close.length > 1) {
      const values = close.map((h) => map(h.item));
      return ambiguous(values, { code: `reference:${what}.ambiguous`, params: { input, candidates: values.map(label).join('; ') } });
    }
    const value = map(top.item);
    const note: Message | null = top.score < 0.9 ? { code: `reference:${what}.matched`, params: { input, name: label(value) } } : null;
    return found(value, note);
  }

  // 287(g)
  const sortedSheets = [...sheets].sort((a, b) => sheetOrderKey(a.sheet).localeCompare(sheetOrderKey(b.sheet)) || a.sheet.kind.localeCompare(b.sheet.kind));
  const countyFipsOf = (state: StateCode, county: string): string | null => {
    const r = finder.find(state, county, states.get(state)?.fips ?? null);
    // ICE's COUNTY column has its own misspellings ("Berrian County"); a typo match is accepted, a guess between
    // a county and an independent city of the same name is not.
    return r.status === 'found' && r.note?.code !== 'reference:county.choseCounty' ? r.entry.fips : null;
  };
  const history = buildHistory(sortedSheets.map((s) => s.sheet), countyFipsOf);
  const groups = new Map<string, AgencyGroup>();
  for (const a of history.agreements) {
    const key = agencyKey(a.state, a.agency);
    let g = groups.get(key);
    if (!g) {
      g = { key, state: a.state, agency: a.agency, names: [], county: a.county, countyFips: a.countyFips ?? null, agreements: [] };
      groups.set(key, g);
    }
    g.agreements.push(a);
    if (!g.names.includes(a.agency)) g.names.push(a.agency);
    if (a.current) g.agency = a.agency;
    if (!g.county && a.county) {
      g.county = a.county;
      g.countyFips = a.countyFips ?? null;
    }
  }
  const groupList = [...groups.values()];
  const agencyIndex = new FuzzyIndex(
    groupList,
    (g) => [...g.names.map((n): [string, number] => [n, 1]), [g.county, 0.5]],
    { genericWords: STOP_WORDS },
  );
  const newestDate = history.participatingDates.at(-1) ?? '';
  const statusOf = (g: AgencyGroup, on: string): Agency287gStatus => {
    const s = agencyStatusOnDate({ agency: g.agency, state: g.state, countyFips: g.countyFips }, g.agreements, on, history);
    s.explanation = render(s.explanationCode!);
    return s;
  };

  function agency287g(q: { name: string; state?: StateCode; on?: string }): Lookup<Agency287gStatus> {
    const text = String(q.name ?? '').trim();
    if (!text) return notFound({ code: 'reference:agency.empty' });
    const on = q.on ?? newestDate;
    const real = /^\d{4}-\d{2}-\d{2}$/.test(on) && !Number.isNaN(Date.parse(on)) && new Date(`${on}T00:00:00Z`).toISOString().slice(0, 10) === on;
    if (!real) return notFound({ code: 'reference:agency.badDate', params: { on: String(on) } });
    let st: string | null = null;
    if (q.state) {
      const s = resolveState(q.state);
      if (isLookup(s)) return s;
      st = s.code;
    }
    const hits = agencyIndex.search(text, st ? (g) => g.state === st : undefined);
    return decide(hits, (g) => statusOf(g, on), text, 'agency', (s) => `${s.agency} (${s.state})`);
  }

  const sheetInfos: Sheet287gInfo[] = sortedSheets.map(({ sheet, origin }) => ({
    kind: sheet.kind,
    date: sheet.date,
    edition: sheet.edition,
    source: sheet.source,
    rows: sheet.rows.length,
    origin,
  }));

  return {
    countyVenue: findCounty,
    zipVenue,
    court: (id) => courts.get(String(id ?? '').toLowerCase()) ?? null,
    courts: () => [...courts.values()],
    facilities: () => facilityRows.map(toFacility),
    facility,
    facilityById: (id) => {
      const f = facilityById.get(String(id ?? ''));
      return f ? toFacility(f) : null;
    },
    agency287g,
    agreements287g: (q) => {
      if (!q?.state) return history.agreements;
      const code = stateOf(q.state)?.code;
      return history.agreements.filter((a) => a.state === code);
    },
    sheets287g: () => sheetInfos,
    fieldOfficeForCounty: (q) => {
      const v = findCounty(q);
      if (v.status === 'not_found') return v;
      if (v.status === 'ambiguous') {
        const offices = new Map<string, FieldOffice>();
        for (const c of v.candidates) {
          const r = countyRows.get(c.countyFips)!;
          offices.set(r[9], toOffice(officeByShort.get(foldText(r[9]))!, r[10]));
        }
        if (offices.size === 1) {
          const only = [...offices.values()][0]!;
          return found(only, { code: 'reference:fieldOffice.sameForAll', params: { input: String(q.county), office: only.name } });
        }
        return ambiguous([...offices.values()], v.messageCode!);
      }
      const r = countyRows.get(v.value.countyFips)!;
      const o = officeByShort.get(foldText(r[9]));
      if (!o) return notFound({ code: 'reference:fieldOffice.notFound', params: { county: r[2] } });
      return found(toOffice(o, r[10]), v.noteCode ?? null);
    },
    fieldOfficeForFacility: (id) => {
      const f = facilityById.get(String(id ?? ''));
      if (!f || !f.fieldOffice) return null;
      const o = officeByShort.get(foldText(f.fieldOffice));
      return o ? toOffice(o, 'ICE area of responsibility listed for the facility') : null;
    },
    fieldOfficeByName,
    state: (input) => stateOf(String(input ?? '')),
  };
}
