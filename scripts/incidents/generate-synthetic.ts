/**
 * Generates SYNTHETIC incident reports for tests, demos and benchmarks: seeded and deterministic (same seed, same
 * reports), about real 287(g) agencies taken from the reference data (each one is looked up in ICE's sheets and the
 * script stops if one is missing), on dates the sheets cover, with the models each agency held on each date.
 *
 * Every report carries `synthetic: true`, every person in it is called "SYNTHETIC …", every narrative starts with
 * "[SYNTHETIC]", and the output file says so at the top. The numbers mean nothing about these agencies: the mix of
 * stops, questions and outcomes is invented to exercise the statistics, not drawn from any real data.
 *
 * Usage: node --import tsx scripts/incidents/generate-synthetic.ts [--count 500] [--seed 20251] [--duplicates 0.05] [--out file.json]
 *        … --store --email admin@example.org   (imports them into Writ's data directory, WRIT_DATA_DIR or
 *        DATABASE_URL as `writ serve` uses, into the organization of that user; duplicates are found, not merged)
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkIncident, linkAgency, type AgreementLink } from '../../src/core/incidents/check-incident.ts';
import { incidentFacets, type IncidentFacets } from '../../src/core/incidents/incident-facets.ts';
import { findDuplicates } from '../../src/core/incidents/find-duplicates.ts';
import { groupFacets } from '../../src/core/incidents/merge-incidents.ts';
import type { IncidentReport } from '../../src/core/incidents/incident-schema.ts';
import type { Reference } from '../../src/core/reference/reference.ts';

/** Real agencies with 287(g) agreements on ICE's sheets (2024-12-18 to 2025-07-18), chosen for a mix of models and states. */
export const SYNTHETIC_AGENCIES = [
  { name: "Collier County Sheriff's Office", state: 'FL', weight: 3 },
  { name: "Polk County Sheriff's Office", state: 'FL', weight: 2 },
  { name: "Brevard County Sheriff's Office", state: 'FL', weight: 2 },
  { name: "Hardee County Sheriff's Office", state: 'FL', weight: 1 },
  { name: "Smith County Sheriff's Office", state: 'TX', weight: 2 },
  { name: "Tarrant County Sheriff's Office", state: 'TX', weight: 2 },
  { name: "Lubbock County Sheriff's Office", state: 'TX', weight: 1 },
  { name: "Frederick County Sheriff's Office", state: 'MD', weight: 1 },
  { name: "Charleston County Sheriff's Office", state: 'SC', weight: 1 },
] as const;

export interface SyntheticOptions {
  count: number;
  seed: number;
  /** Share of events reported a second time by another witness (duplicates to be found). Default 0.05. */
  duplicates?: number;
  /** Date range (inclusive). Default: 2025-01-02 … 2025-07-18, inside the sheets Writ ships. */
  from?: string;
  to?: string;
}

export interface SyntheticReport {
  id: string;
  report: IncidentReport;
  /** For a planted duplicate: the id of the report it repeats. */
  duplicateOfPlanted?: string;
}

/** mulberry32: a small seeded generator (deterministic across platforms). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Agency {
  name: string;
  state: string;
  county: string;
  weight: number;
}

/** Looks each agency up in the reference data; throws when one is not on ICE's sheets (the list must stay real). */
export function resolveAgencies(reference: Pick<Reference, 'agency287g'>): Agency[] {
  return SYNTHETIC_AGENCIES.map((a) => {
    const found = reference.agency287g({ name: a.name, state: a.state });
    if (found.status !== 'found') throw new Error(`Synthetic data: agency "${a.name}" (${a.state}) is not in the reference data (${found.status}).`);
    const county = found.value.agreements.find((x) => x.county)?.county;
    if (!county) throw new Error(`Synthetic data: agency "${a.name}" (${a.state}) has no county in ICE's sheets.`);
    return { name: found.value.agency, state: a.state, county, weight: a.weight };
  });
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function generateSyntheticReports(
  reference: Pick<Reference, 'agency287g'>,
  opts: SyntheticOptions,
): SyntheticReport[] {
  const rnd = prng(opts.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const weighted = <T extends string>(pairs: ReadonlyArray<readonly [T, number]>): T => {
    const total = pairs.reduce((s, [, w]) => s + w, 0);
    let x = rnd() * total;
    for (const [v, w] of pairs) if ((x -= w) < 0) return v;
    return pairs.at(-1)![0];
  };
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 16).toString(16)).join('');
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
  const ynu = (yes: number, no: number): 'yes' | 'no' | 'unknown' => weighted([['yes', yes], ['no', no], ['unknown', Math.max(0, 1 - yes - no)]]);

  const agencies = resolveAgencies(reference);
  const agencyPairs = agencies.map((a, i) => [String(i), a.weight] as const);
  const fromDay = Date.parse((opts.from ?? '2025-01-02') + 'T00:00:00Z') / 86400000;
  const toDay = Date.parse((opts.to ?? '2025-07-18') + 'T00:00:00Z') / 86400000;
  const links = new Map<string, AgreementLink | null>();
  const linkFor = (a: Agency, date: string) => {
    const key = `${a.name}|${date}`;
    if (!links.has(key)) links.set(key, linkAgency({ name: a.name, state: a.state }, date, reference).link);
    return links.get(key)!;
  };
  const at = (date: string, minutes: number) => {
    const d = new Date(Date.parse(date + 'T00:00:00Z') + minutes * 60000);
    return `${d.toISOString().slice(0, 10)}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  };

  const out: SyntheticReport[] = [];
  const dupShare = opts.duplicates ?? 0.05;
  let n = 0;
  while (out.length < opts.count) {
    n++;
    const a = agencies[Number(weighted(agencyPairs))]!;
    const date = new Date((fromDay + Math.floor(rnd() * (toDay - fromDay + 1))) * 86400000).toISOString().slice(0, 10);
    const models = linkFor(a, date)?.models ?? [];
    const field = models.includes('TFM');
    const contactKind = field
      ? weighted([['traffic_stop', 55], ['pedestrian_stop', 10], ['workplace_operation', 5], ['home_visit', 5], ['checkpoint', 5], ['jail_booking', 20]] as const)
      : weighted([['jail_booking', 60], ['traffic_stop', 30], ['other', 10]] as const);
    const onRoad = contactKind === 'traffic_stop' || contactKind === 'checkpoint';
    const statedReason = onRoad
      ? weighted([['traffic_violation', 40], ['equipment_violation', 25], ['no_license', 15], ['none_given', 15], ['identity_check', 5]] as const)
      : weighted([['suspected_crime', 35], ['warrant', 25], ['immigration_status', 15], ['none_given', 15], ['unknown', 10]] as const);
    const startMin = 6 * 60 + Math.floor(rnd() * 16 * 60);
    const asked = field && contactKind !== 'jail_booking' ? ynu(0.7, 0.2) : ynu(0.3, 0.5);
    const arrested = contactKind === 'jail_booking' ? 'yes' : rnd() < 0.5 ? 'yes' : 'no';
    let detainer: 'yes' | 'no' | 'unknown' = 'no';
    let transferred: 'yes' | 'no' | 'unknown' = 'no';
    let outcome: IncidentReport['outcome'];
    let custody: IncidentReport['custody'];
    if (arrested === 'yes') {
      detainer = rnd() < (models.includes('WSO') && !field ? 0.45 : 0.6) ? 'yes' : 'no';
      const booked = startMin + 60 + Math.floor(rnd() * 120);
      const eligible = booked + 240 + Math.floor(rnd() * 1560);
      if (detainer === 'yes') {
        const beyond = Math.floor(rnd() ** 2 * 72 * 60);
        outcome = weighted([['transferred_to_ice', 55], ['held_on_detainer', 30], ['released', 15]] as const);
        transferred = outcome === 'transferred_to_ice' ? 'yes' : 'no';
        custody = {
          bookedAt: at(date, booked),
          releaseEligibleAt: at(date, eligible),
          ...(outcome === 'transferred_to_ice' ? { transferredToIceAt: at(date, eligible + beyond) } : { releasedAt: at(date, eligible + beyond) }),
        };
      } else {
        outcome = 'released';
        custody = { bookedAt: at(date, booked), releaseEligibleAt: at(date, eligible), releasedAt: at(date, eligible + Math.floor(rnd() * 120)) };
      }
      if (rnd() < 0.25) custody = { bookedAt: custody.bookedAt }; // many reporters do not know the times
    } else {
      outcome = rnd() < 0.4 ? 'cited_released' : 'no_arrest';
    }
    const identify = rnd() < 0.6;
    const ethnicityKnown = rnd() < 0.8;
    const ethnicity = weighted([['hispanic_latino', 70], ['white', 12], ['black', 10], ['indigenous', 4], ['other', 4]] as const);
    const role = weighted([['witness', 50], ['affected_person', 25], ['advocate', 25]] as const);
    const media = rnd() < 0.4 ? Array.from({ length: 1 + Math.floor(rnd() * 2) }, (_, i) => ({ kind: pick(['photo', 'video', 'audio'] as const), sha256: hex(64), capturedAt: at(date, startMin + 2 + i), filename: `SYNTHETIC-${n}-${i}.bin` })) : undefined;
    const report: IncidentReport = {
      schemaVersion: 1,
      synthetic: true,
      reporter: role === 'affected_person' && !identify ? { role } : { role, name: `SYNTHETIC Reporter ${n}`, contact: `synthetic-${n}@example.invalid` },
      consent: { countInStatistics: rnd() < 0.95, useAsEvidence: rnd() < 0.7, contactReporter: rnd() < 0.5, identifyAffectedPerson: identify },
      ...(identify && role !== 'affected_person' ? { affectedPerson: { name: `SYNTHETIC Person ${n}` } } : {}),
      when: { date, time: `${pad(Math.floor(startMin / 60))}:${pad(startMin % 60)}` },
      where: { state: a.state, county: a.county, placeType: onRoad ? 'road' : contactKind === 'jail_booking' ? 'jail' : 'street', address: `${n} SYNTHETIC St` },
      agency: { name: a.name, state: a.state, iceOnScene: ynu(0.2, 0.5) },
      officers: Array.from({ length: 1 + Math.floor(rnd() * 2) }, (_, i) => ({ name: `SYNTHETIC Officer ${n}-${i}`, badge: `SYN-${pad(Math.floor(rnd() * 10000), 4)}` })),
      contact: { kind: contactKind, statedReason, citationIssued: onRoad ? ynu(0.3, 0.6) : 'unknown' },
      askedAboutStatus: asked,
      search: { searched: ynu(0.4, 0.4) },
      arrested,
      detainerLodged: arrested === 'yes' ? detainer : 'no',
      transferredToIce: transferred,
      ...(custody ? { custody } : {}),
      outcome,
      ...(media ? { media } : {}),
      ...(ethnicityKnown
        ? { demographics: { source: rnd() < 0.5 ? 'self_reported' : 'observed', ethnicity, language: ethnicity === 'hispanic_latino' ? weighted([['spanish', 70], ['english', 25], ['indigenous_language', 5]] as const) : 'english' } }
        : {}),
      narrative: `[SYNTHETIC] Generated test report ${n}; describes no real event.`,
    };
    const id = uuid();
    out.push({ id, report });
    if (out.length < opts.count && rnd() < dupShare) {
      // A second witness of the same event: same agency, place, date, kind and outcome; a nearby time; one shared file.
      const m2 = startMin + Math.floor(rnd() * 40);
      const copy: IncidentReport = {
        ...structuredClone(report),
        reporter: { role: 'witness', name: `SYNTHETIC Witness ${n}b` },
        when: { date, time: `${pad(Math.floor(m2 / 60))}:${pad(m2 % 60)}` },
        consent: { ...report.consent, countInStatistics: true },
        narrative: `[SYNTHETIC] Second account of generated test report ${n}.`,
      };
      if (!report.consent.identifyAffectedPerson) delete copy.affectedPerson;
      out.push({ id: uuid(), report: copy, duplicateOfPlanted: id });
    }
  }
  return out;
}

/**
 * Facets of generated reports (agreement links cached per agency and date). With `mergeDuplicates`, the duplicate
 * groups that find-duplicates.ts detects are merged as if a person had confirmed each one (the product asks first).
 */
export function syntheticFacets(
  reference: Pick<Reference, 'agency287g'>,
  reports: readonly SyntheticReport[],
  opts: { mergeDuplicates?: boolean } = {},
): IncidentFacets[] {
  const cache = new Map<string, AgreementLink | null>();
  const linkOf = (report: IncidentReport) => {
    const key = `${report.agency.name}|${report.agency.state}|${report.when.date}`;
    if (!cache.has(key)) cache.set(key, linkAgency(report.agency, report.when.date, reference).link);
    return cache.get(key)!;
  };
  const facets = reports.map(({ id, report }) => incidentFacets(id, report, linkOf(report)));
  if (!opts.mergeDuplicates) return facets;
  const index = new Map(reports.map((r, k) => [r.id, k]));
  for (const group of findDuplicates(reports).groups) {
    const members = group.ids.map((id) => ({ id, report: reports[index.get(id)!]!.report, link: linkOf(reports[index.get(id)!]!.report) }));
    for (const f of groupFacets(members)) facets[index.get(f.id)!] = f;
  }
  return facets;
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

async function main(): Promise<void> {
  const { loadReference } = await import('../../src/data/load-reference.ts');
  const count = Number(arg('count', '500'));
  const seed = Number(arg('seed', '20251'));
  const duplicates = Number(arg('duplicates', '0.05'));
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(seed) || !(duplicates >= 0 && duplicates < 1)) {
    console.error('Usage: generate-synthetic.ts [--count N (whole number ≥ 1)] [--seed N (whole number)] [--duplicates 0..1] [--out file.json]');
    process.exit(2);
  }
  const reference = loadReference({ shippedOnly: true });
  const reports = generateSyntheticReports(reference, { count, seed, duplicates });
  const body = JSON.stringify(
    {
      SYNTHETIC: 'SYNTHETIC TEST DATA generated by scripts/incidents/generate-synthetic.ts. Not real reports; the numbers mean nothing about the agencies named.',
      seed,
      count: reports.length,
      sheets: reference.sheets287g().map((s) => `${s.kind} ${s.date}`),
      reports,
    },
    null,
    1,
  );
  const out = arg('out', '');
  if (process.argv.includes('--store')) {
    const email = arg('email', '');
    if (!email) {
      console.error('--store needs --email of an existing Writ user: the reports go into that user\'s organization.');
      process.exit(2);
    }
    const { openStore } = await import('../../src/store/index.ts');
    const store = await openStore();
    try {
      const user = await store.users.findForLogin(email);
      if (!user) {
        console.error(`No Writ user with the e-mail ${email}.`);
        process.exit(2);
      }
      const actor = { userId: user.id, orgId: user.orgId, role: user.role };
      const now = new Date();
      const rows = reports.map(({ id, report }) => {
        const c = checkIncident(report, { now, reference });
        if (!c.ok) throw new Error(`Synthetic report ${id} does not pass the checks: ${JSON.stringify(c.problems)}`);
        return { id, report, link: c.link };
      });
      const ids = await store.incidents.importReports(actor, rows);
      console.log(`Imported ${ids.length} SYNTHETIC reports into the organization of ${email}.`);
    } finally {
      await store.close();
    }
    return;
  }
  if (out) writeFileSync(out, body + '\n');
  else process.stdout.write(body + '\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
