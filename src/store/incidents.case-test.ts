/**
 * The incident-report store suite, run against every database: ./incidents-pglite.test.ts (embedded) and
 * ./incidents-postgres.test.ts (a throwaway PostgreSQL server). The statistics the store returns are checked against
 * the aggregation of the same synthetic reports computed without the database (their facets never changed on the
 * way in and out).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { StoreError, type Actor, type Role, type Store } from './index.ts';
import { loadReference } from '../data/load-reference.ts';
import { aggregateIncidents, DIMENSIONS, type Aggregates } from '../core/incidents/aggregate-incidents.ts';
import { checkIncident } from '../core/incidents/check-incident.ts';
import { sampleReport } from '../core/incidents/sample-report.ts';
import { generateSyntheticReports, syntheticFacets } from '../../scripts/incidents/generate-synthetic.ts';

export interface IncidentSuiteTarget {
  open(): Promise<Store>;
  cleanup(): Promise<void>;
}

const reference = loadReference({ shippedOnly: true });
const now = new Date('2025-08-01T12:00:00Z');

/** Aggregates with report ids in a fixed order (the store loads reports by date, generation order differs). */
function comparable(a: Aggregates) {
  const cell = (c: Aggregates['overall']) => ({ ...c, reportIds: [...c.reportIds].sort() });
  return {
    ...a,
    overall: cell(a.overall),
    dimensions: Object.fromEntries(DIMENSIONS.map((d) => [d, a.dimensions[d].map(cell)])),
    options: {},
  };
}

export function incidentSuite(name: string, target: IncidentSuiteTarget): void {
  describe(`incident reports in the store (${name})`, () => {
    let store: Store;
    let n = 0;
    before(async () => {
      store = await target.open();
    });
    after(async () => {
      await store?.close();
      await target.cleanup();
    });

    async function newActor(role: Role = 'attorney', orgId?: string): Promise<Actor> {
      n++;
      const org = orgId ?? (await store.orgs.create({ name: `Network ${n}` })).id;
      const user = await store.users.create({ orgId: org, email: `u${n}-${randomBytes(3).toString('hex')}@example.org`, displayName: `U${n}`, role, passwordHash: 'x' });
      return { userId: user.id, orgId: org, role };
    }

    test('a valid report is submitted, encrypted, linked to its 287(g) agreements, and visible only to its organization', async () => {
      const actor = await newActor();
      const r = await store.incidents.submit(actor, { report: sampleReport(), reference, now });
      assert.equal(r.ok, true, JSON.stringify(!r.ok && r.problems));
      if (!r.ok) return;
      assert.equal(r.record.status, 'submitted');
      assert.equal(r.record.body.narrative, 'A made-up narrative for tests.');
      assert.deepEqual(r.record.facets?.models, ['JEM', 'TFM']);
      const other = await newActor();
      await assert.rejects(store.incidents.get(other, r.record.id), (e) => e instanceof StoreError && e.code === 'not_found');
      const audit = await store.audit.list({ ...actor, role: 'admin' }, { entity: 'incident_reports' });
      assert.ok(audit.some((a) => a.action === 'incident.submit' && a.entityId === r.record.id));
    });

    test('a report with problems is not submitted but kept as a draft, and submitted later by id', async () => {
      const actor = await newActor('advocate');
      const bad = { ...sampleReport(), when: { date: '2030-01-01' } };
      const r = await store.incidents.submit(actor, { report: bad, reference, now });
      assert.equal(r.ok, false);
      if (r.ok) return;
      assert.ok(r.problems.some((p) => p.message.code === 'incidents:problem.futureDate'));
      assert.ok(r.draftId);
      const draft = await store.incidents.get(actor, r.draftId!);
      assert.equal(draft.status, 'draft');
      assert.deepEqual(draft.body, bad);
      const fixed = await store.incidents.submit(actor, { id: r.draftId!, report: sampleReport(), reference, now });
      assert.equal(fixed.ok, true);
      const list = await store.incidents.list(actor);
      assert.equal(list.length, 1, 'the draft became the report; nothing duplicated');
    });

    test('a half-finished draft is saved as it is and updated in place', async () => {
      const actor = await newActor('advocate');
      const { id, problems } = await store.incidents.saveDraft(actor, { draft: { schemaVersion: 1, narrative: 'started…' }, now, reference });
      assert.ok(problems.length > 0);
      await store.incidents.saveDraft(actor, { id, draft: { schemaVersion: 1, narrative: 'more…' }, now, reference });
      assert.equal((await store.incidents.get(actor, id)).body.narrative, 'more…');
      await assert.rejects(store.incidents.saveDraft(actor, { draft: 'not an object' }), (e) => e instanceof StoreError && e.code === 'invalid');
    });

    test('statistics from the store equal those of the same reports without the database, before and after merging duplicates', async () => {
      const actor = await newActor();
      const generated = generateSyntheticReports(reference, { count: 200, seed: 99, duplicates: 0.1 });
      const links = generated.map((g) => {
        const c = checkIncident(g.report, { now, reference });
        assert.ok(c.ok);
        return c.ok ? c.link : null;
      });
      await store.incidents.importReports(actor, generated.map((g, k) => ({ id: g.id, report: g.report, link: links[k]! })));
      const direct = syntheticFacets(reference, generated);
      const stored = new Map((await store.incidents.facets(actor)).map((f) => [f.id, f]));
      for (const f of direct) assert.deepEqual(stored.get(f.id), f, 'facets come back from the store exactly as computed');
      const memory1 = aggregateIncidents(direct);
      const sql1 = await store.incidents.aggregate(actor);
      assert.deepEqual(comparable(sql1), comparable(memory1));
      assert.equal(sql1.events + sql1.excluded.noConsent, 200, 'every report is an event or left out for lack of consent');

      const dup = await store.incidents.findDuplicates(actor);
      assert.ok(dup.groups.length >= 5);
      for (const g of dup.groups) await store.incidents.merge(actor, g.ids, reference);
      const facets = await store.incidents.facets(actor);
      const memory2 = aggregateIncidents(facets);
      const sql2 = await store.incidents.aggregate(actor);
      assert.deepEqual(comparable(sql2), comparable(memory2));
      assert.ok(sql2.events < sql1.events, 'merged duplicates count once');
      assert.equal(facets.length, 200, 'no report is lost');
      assert.ok(sql2.reports >= sql1.reports, 'every report counted before is still behind a number');

      const cell = memory2.dimensions.outcome.find((c) => c.key === 'transferred_to_ice')!;
      assert.deepEqual((await store.incidents.reportIds(actor, 'outcome', 'transferred_to_ice')).sort(), [...cell.reportIds].sort());
      const tfm = memory2.dimensions.model.find((c) => c.key === 'TFM')!;
      assert.deepEqual((await store.incidents.reportIds(actor, 'model', 'TFM')).sort(), [...tfm.reportIds].sort());
      const filtered = await store.incidents.aggregate(actor, { from: '2025-03-01', to: '2025-04-30', includeSynthetic: true });
      assert.deepEqual(comparable(filtered), comparable(aggregateIncidents(facets, { from: '2025-03-01', to: '2025-04-30' })));

      const primary = dup.groups[0]!.ids;
      const members = await store.incidents.unmerge(actor, (await store.incidents.list(actor, { limit: 5000 })).find((x) => primary.includes(x.id) && x.facets?.duplicateOf === null)!.id, reference);
      assert.equal(members.length, primary.length);
      assert.equal((await store.incidents.aggregate(actor)).events, sql2.events + primary.length - 1);

      // The cached statistics follow each change (the store reloads only what changed): after the unmerge, a new
      // report and a new draft they equal those of the reports read afresh, row by row, from the table.
      const added = await store.incidents.submit(actor, { report: sampleReport(), reference, now });
      assert.ok(added.ok);
      await store.incidents.saveDraft(actor, { draft: { schemaVersion: 1, narrative: 'not counted' }, now, reference });
      const fresh = (await store.incidents.list(actor, { limit: 5000 })).filter((x) => x.status === 'submitted').map((x) => x.facets!);
      assert.equal(fresh.length, 201);
      assert.deepEqual(comparable(await store.incidents.aggregate(actor)), comparable(aggregateIncidents(fresh)));
    });

    test('a third witness of a merged event joins its group; nothing is counted twice', async () => {
      const actor = await newActor();
      const a = sampleReport();
      const b = { ...sampleReport(), reporter: { role: 'witness' as const, name: 'Second' }, when: { date: '2025-04-01', time: '14:40' } };
      const c = { ...sampleReport(), reporter: { role: 'witness' as const, name: 'Third' }, when: { date: '2025-04-01', time: '14:50' } };
      const ra = await store.incidents.submit(actor, { report: a, reference, now });
      const rb = await store.incidents.submit(actor, { report: b, reference, now });
      assert.ok(ra.ok && rb.ok);
      if (!ra.ok || !rb.ok) return;
      const first = await store.incidents.merge(actor, [ra.record.id, rb.record.id], reference);
      const rc = await store.incidents.submit(actor, { report: c, reference, now });
      assert.ok(rc.ok);
      if (!rc.ok) return;
      const dup = await store.incidents.findDuplicates(actor);
      assert.deepEqual(dup.groups.map((g) => g.ids.sort()), [[first.primaryId, rc.record.id].sort()]);
      const second = await store.incidents.merge(actor, dup.groups[0]!.ids, reference);
      assert.equal(second.memberIds.length, 3);
      const agg = await store.incidents.aggregate(actor);
      assert.equal(agg.events, 1);
      assert.equal(agg.reports, 3);
      await assert.rejects(store.incidents.merge(actor, [rb.record.id, rc.record.id], reference), (e) => e instanceof StoreError && e.code === 'conflict');
      const primaryView = await store.incidents.related(actor, second.primaryId);
      assert.equal(primaryView.duplicateOf, null);
      assert.deepEqual([...primaryView.mergedIds].sort(), second.memberIds.filter((x) => x !== second.primaryId).sort(), 'the primary lists every merged report');
      const memberView = await store.incidents.related(actor, second.memberIds[1]!);
      assert.deepEqual(memberView, { duplicateOf: second.primaryId, mergedIds: [] });
      await assert.rejects(store.incidents.related(await newActor(), second.primaryId), (e) => e instanceof StoreError && e.code === 'not_found');
    });

    test('exports: identifying fields only for roles with the right; every export is audited', async () => {
      const attorney = await newActor('attorney');
      const advocate = await newActor('advocate', attorney.orgId);
      await store.incidents.submit(attorney, { report: sampleReport(), reference, now });
      await assert.rejects(
        store.incidents.exportRows(advocate, { includeIdentifying: true, format: 'csv' }),
        (e) => e instanceof StoreError && /may not export identifying/.test(e.message),
      );
      const plain = await store.incidents.exportRows(advocate, { includeIdentifying: false, format: 'csv' });
      assert.equal(plain.length, 1);
      await store.incidents.exportRows(attorney, { includeIdentifying: true, format: 'csv' });
      await store.incidents.recordExport(advocate, 'pdf');
      const audit = await store.audit.list({ ...attorney, role: 'admin' });
      const actions = audit.map((a) => `${a.action} ${a.entity}`);
      assert.ok(actions.includes('incident.export incident_reports:csv'));
      assert.ok(actions.includes('incident.export.identifying incident_reports:csv'));
      assert.ok(actions.includes('incident.export incident_reports:pdf'));
    });

    test('the export use cases: CSVs, PDF and SVG, stripped by default, each audited', async () => {
      const actor = await newActor('paralegal');
      await store.incidents.submit(actor, { report: sampleReport(), reference, now });
      const csv = await store.incidents.exportReportsCsv(actor, { includeIdentifying: false });
      assert.ok(!csv.includes('Test Witness') && !csv.includes('made-up narrative'));
      await assert.rejects(store.incidents.exportReportsCsv(actor, { includeIdentifying: true }), (e) => e instanceof StoreError);
      assert.match(await store.incidents.exportAggregatesCsv(actor, { lang: 'es' }), /Entregada a ICE/);
      const pdf = await store.incidents.exportPatternPdf(actor, { lang: 'en', date: '2026-11-23' });
      assert.equal(Buffer.from(pdf.subarray(0, 5)).toString(), '%PDF-');
      assert.match(await store.incidents.exportChartSvg(actor, { dimension: 'outcome', lang: 'en' }), /^<svg/);
      assert.match(await store.incidents.exportChartSvg(actor, { dimension: 'agency', rate: 'askedAboutStatus', lang: 'es' }), /Preguntaron por el estatus/);
      const formats = (await store.audit.list({ ...actor, role: 'admin' })).filter((a) => a.action === 'incident.export').map((a) => a.entity).sort();
      assert.deepEqual(formats, ['incident_reports:aggregates-csv', 'incident_reports:csv', 'incident_reports:pdf', 'incident_reports:svg', 'incident_reports:svg']);
    });

    test('a report becomes an exhibit in the case evidence locker, with its hash and chain of custody; only with consent', async () => {
      const actor = await newActor('attorney');
      const r = await store.incidents.submit(actor, { report: sampleReport(), reference, now });
      assert.ok(r.ok);
      if (!r.ok) return;
      const c = await store.cases.create(actor, { title: 'Exhibit case' });
      const ev = await store.incidents.addAsExhibit(actor, r.record.id, c.id, { lang: 'en', date: '2026-11-23' });
      assert.equal(ev.contentType, 'application/pdf');
      assert.match(ev.sha256, /^[0-9a-f]{64}$/);
      const { bytes } = await store.evidence.read(actor, ev.id, 'exported');
      assert.equal(createHash('sha256').update(bytes).digest('hex'), ev.sha256);
      const custody = await store.evidence.custody(actor, ev.id);
      assert.deepEqual(custody.map((x) => x.action), ['added', 'exported']);
      assert.equal((await store.incidents.get(actor, r.record.id)).facets?.caseId, c.id, 'the report is linked to the case');

      const noConsent = await store.incidents.submit(actor, {
        report: sampleReport({ consent: { countInStatistics: true, useAsEvidence: false, identifyAffectedPerson: true } }),
        reference,
        now,
      });
      assert.ok(noConsent.ok);
      if (!noConsent.ok) return;
      await assert.rejects(store.incidents.addAsExhibit(actor, noConsent.record.id, c.id), (e) => e instanceof StoreError && /did not consent/.test(e.message));
    });

    test('linking to a case of the organization; a case of another organization is not found', async () => {
      const actor = await newActor();
      const r = await store.incidents.submit(actor, { report: sampleReport(), reference, now });
      assert.ok(r.ok);
      if (!r.ok) return;
      const c = await store.cases.create(actor, { title: 'Pattern case' });
      await store.incidents.linkCase(actor, r.record.id, c.id);
      const got = await store.incidents.get(actor, r.record.id);
      assert.equal(got.facets?.caseId, c.id);
      assert.equal(got.body.caseId, c.id);
      const other = await newActor();
      const c2 = await store.cases.create(other, { title: 'Other' });
      await assert.rejects(store.incidents.linkCase(actor, r.record.id, c2.id), (e) => e instanceof StoreError && e.code === 'not_found');
    });

    // Last in the suite: a purge reaches every organization's stale drafts.
    test('draft retention: drafts untouched since the cutoff are purged (audited); newer drafts and submitted reports stay', async () => {
      const actor = await newActor();
      const old = await store.incidents.saveDraft(actor, { draft: { schemaVersion: 1, when: { date: '2025-04-01' } } });
      const submitted = await store.incidents.submit(actor, { report: sampleReport(), reference, now });
      assert.ok(submitted.ok);
      if (!submitted.ok) return;
      const yesterday = new Date(Date.now() - 86_400_000);
      assert.equal(await store.incidents.purgeDrafts(yesterday), 0, 'no draft of this run is a day old');
      const cutoff = new Date(Date.now() + 1000);
      await new Promise((r) => setTimeout(r, 1100));
      const fresh = await store.incidents.saveDraft(actor, { draft: { schemaVersion: 1, when: { date: '2025-04-02' } } });
      assert.ok((await store.incidents.purgeDrafts(cutoff)) >= 1);
      await assert.rejects(store.incidents.get(actor, old.id), (e) => e instanceof StoreError && e.code === 'not_found');
      assert.equal((await store.incidents.get(actor, fresh.id)).status, 'draft', 'a draft changed after the cutoff stays');
      assert.equal((await store.incidents.get(actor, submitted.record.id)).status, 'submitted', 'submitted reports are never purged');
      const log = await store.audit.list(actor, { entityId: old.id });
      assert.ok(log.some((e) => e.action === 'incident.draft.purge' && e.entityId === old.id));
      await assert.rejects(store.incidents.purgeDrafts(new Date('nope')), (e) => e instanceof StoreError && e.code === 'invalid');
    });
  });
}
