// The legal spec's sample fact patterns F1–F11 (SPEC § 8) and their variants, shipped as examples/facts/*.json, are the
// acceptance tests: each asserts the viability SPEC gives for every remedy it names, the key reason codes, and the
// dates. Remedies SPEC does not name for a fixture are still analysed but not asserted. Runs with the real reference
// data (county → district → circuit, facility → district).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { parseFacts } from '../facts/parse-facts.ts';
import { loadReference } from '../../data/load-reference.ts';
import { analyze } from './analyze.ts';
import { reasonCodes } from './run-rule-case.ts';
import type { Analysis, RemedyId, RemedyResult, Viability } from './types.ts';

const dir = new URL('../../../examples/facts/', import.meta.url);
const reference = loadReference();

function run(name: string): Analysis {
  const parsed = parseFacts(readFileSync(new URL(`${name}.json`, dir), 'utf8'));
  assert.ok(parsed.ok, `${name}: ${JSON.stringify(!parsed.ok && parsed.problems)}`);
  return analyze(parsed.facts, { reference });
}
function remedy(a: Analysis, id: RemedyId): RemedyResult {
  return a.remedies.find((r) => r.remedy === id)!;
}
function expectRemedy(a: Analysis, id: RemedyId, viability: Viability | Viability[], reasons: string[] = []): RemedyResult {
  const r = remedy(a, id);
  const want = Array.isArray(viability) ? viability : [viability];
  assert.ok(want.includes(r.viability), `${id}: expected ${want.join('/')}, got ${r.viability} (${r.summary.map((m) => m.code).join(', ')})`);
  const codes = reasonCodes(r);
  for (const c of reasons) assert.ok(codes.has(c), `${id}: reason ${c} missing; have ${[...codes].join(', ')}`);
  return r;
}
function deadline(r: RemedyResult, id: string): string | null {
  const d = r.deadlines.find((x) => x.id === id);
  assert.ok(d, `${r.remedy}: deadline ${id} missing; have ${r.deadlines.map((x) => x.id).join(', ')}`);
  return d!.due;
}
const hasWarning = (r: RemedyResult, code: string) => r.warnings.some((w) => w.code === `analysis:${code}`);

test('every example facts file parses and every fixture below exists', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  assert.ok(files.length >= 23);
  for (const f of files) assert.ok(parseFacts(readFileSync(new URL(f, dir), 'utf8')).ok, f);
});

test('F1: N-400 interview Sept. 10, 2025, no decision — § 1447(b) viable from Thu. Jan. 8, 2026; mandamus/APA weak (M3)', () => {
  const a = run('f1-naturalization-interview-no-decision');
  // Alameda County, CA → N.D. Cal., 9th Cir. (28 U.S.C. § 84)
  assert.equal(a.venue.courtId, 'cand');
  assert.equal(a.circuit, '9');
  const n = expectRemedy(a, 'NATZ_1447B', 'viable', ['reason.passed120']);
  assert.equal(deadline(n, 'NATZ_1447B_ELIGIBLE'), '2026-01-08');
  // 9th Cir.: a USCIS decision after filing is ineffective (Hovsepian)
  assert.ok(hasWarning(n, 'flag.exclusiveJurisdiction'));
  expectRemedy(a, 'MANDAMUS_1361', 'weak', ['reason.alt1447b']);
  expectRemedy(a, 'APA_706_1', 'weak', ['reason.alt1447b']);
  assert.deepEqual(a.notices, [{ code: 'common:notLegalAdvice' }]);
});

test('F2: N-336 upheld Thu. Jan. 15, 2026 — § 1421(c) viable, file by Fri. May 15, 2026', () => {
  const a = run('f2-naturalization-denied-n336-upheld');
  const r = expectRemedy(a, 'NATZ_1421C', 'viable', ['reason.fileBy1421c']);
  assert.equal(deadline(r, 'NATZ_1421C_FILE'), '2026-05-15');
  assert.equal(a.venue.courtId, 'cand');
});

test('F2 variant: no N-336 — § 1421(c) barred (exhaustion); the 33-day N-336 deadline is shown instead', () => {
  const a = run('f2b-naturalization-denied-no-n336');
  const r = expectRemedy(a, 'NATZ_1421C', 'barred', ['reason.n336NotFiled']);
  // Denial mailed Mon. Jan. 5, 2026 + 33 days = Sat. Feb. 7 → Mon. Feb. 9, 2026 (FRCP 6(a)(1)(C))
  assert.equal(deadline(r, 'N336_FILE'), '2026-02-09');
});

test('F3: affirmative asylum under LIFO, about 4.2 years — APA § 706(1) and mandamus weak; TRAC T1, T2, T4 for the government', () => {
  const a = run('f3-asylum-pending-lifo');
  for (const id of ['APA_706_1', 'MANDAMUS_1361'] as const) {
    const r = expectRemedy(a, id, 'weak', ['reason.queueRuleOfReason', 'reason.suggestExpedite']);
    const t = Object.fromEntries(r.trac!.map((x) => [x.factor, x.favors]));
    assert.equal(t.T1, 'government'); // LIFO is a rule of reason
    assert.equal(t.T2, 'government'); // § 1158(d)(7): time frames unenforceable
    assert.equal(t.T4, 'government'); // queue-jumping (Barr Labs)
    assert.ok(r.trac!.every((x) => x.reasons.length > 0));
  }
});

test('F3 variant: grave documented harm — still weak, but T3 and T5 favor the plaintiff; out of queue order → unknown', () => {
  const b = run('f3b-asylum-lifo-grave-harm');
  const r = expectRemedy(b, 'APA_706_1', 'weak');
  const t = Object.fromEntries(r.trac!.map((x) => [x.factor, x.favors]));
  assert.equal(t.T3, 'plaintiff');
  assert.equal(t.T5, 'plaintiff');
  const c = run('f3c-asylum-lifo-grave-harm-out-of-order');
  expectRemedy(c, 'APA_706_1', 'unknown', ['reason.queueOutOfOrder']);
});

test('F4: I-485 on a background-check hold since 2019 in N.D. Cal. — APA § 706(1) viable, mandamus alongside; § 1252(a)(2)(B)(ii) circuit-dependent', () => {
  const a = run('f4-adjustment-stuck-on-hold');
  assert.equal(a.venue.courtId, 'cand');
  const apa = expectRemedy(a, 'APA_706_1', 'viable', ['reason.holdOutsideQueue']);
  expectRemedy(a, 'MANDAMUS_1361', 'viable');
  assert.equal(apa.bars.find((b) => b.id === 'B1252A2Bii')!.triggered, false);
  assert.ok(hasWarning(apa, 'flag.paceCircuitDependent'));
});

test('F4 variants: 11th Cir. with a retrogressed priority date → barred (Kanapuram); decided after filing → moot', () => {
  const b = run('f4b-adjustment-hold-11th-circuit-retrogressed');
  assert.equal(b.circuit, '11');
  expectRemedy(b, 'APA_706_1', ['barred', 'weak'], ['reason.kanapuram']);
  const c = run('f4c-adjustment-decided-after-filing');
  const r = expectRemedy(c, 'APA_706_1', 'barred', ['reason.agencyActedMoot']);
  assert.equal(r.bars.find((x) => x.id === 'MOOT')!.triggered, true);
});

test('F5: spouse visa in § 221(g) administrative processing 15 months — delay weak; the refusal itself barred (Muñoz); S.D. Ohio', () => {
  const a = run('f5-spouse-visa-administrative-processing');
  const delay = expectRemedy(a, 'APA_706_1', 'weak', ['reason.adminProcessingUnder2Years']);
  assert.ok(hasWarning(delay, 'flag.ddcConsularAdverse')); // home district preferred over D.D.C.
  expectRemedy(a, 'APA_706_2', 'barred', ['reason.consularRefusalBarred']);
  assert.equal(a.venue.courtId, 'ohsd');
  assert.equal(a.circuit, '6');
});

test('F6: county hold on a detainer, no 287(g) — habeas viable now (hold limit Mon. 5 p.m.), § 1983 viable; lawyer-now notice', () => {
  const a = run('f6-county-detainer-hold-no-287g');
  const h = expectRemedy(a, 'HABEAS_2241', 'viable', ['reason.detainerHoldNewSeizure', 'reason.mootIfIceTakesCustody']);
  // Released-eligible Thu. Mar. 5, 2026 5 p.m. → 48 hours excluding Sat./Sun. → Mon. Mar. 9, 2026 5 p.m. (Pacific)
  assert.equal(deadline(h, 'DETAINER_HOLD_LIMIT'), '2026-03-09T17:00:00-07:00');
  assert.equal(a.confinementVenue!.courtId, 'ord');
  expectRemedy(a, 'SEC1983', 'viable', ['reason.detainerHoldSeizure', 'reason.localNo287g', 'reason.monellPolicy']);
  const s = remedy(a, 'SEC1983');
  assert.equal(deadline(s, 'SEC1983_STATE_PERIOD'), null); // state period: no table yet, shown with a [VERIFY] warning
  assert.ok(hasWarning(s, 'flag.sec1983StatePeriod'));
  assert.ok(a.notices.some((n) => n.code === 'common:detainedGetLawyer'));
});

test('F6 state overlays: California adds SB 54; Texas → § 1983 unknown pending probable cause [VERIFY]; ICE custody → habeas moot', () => {
  expectRemedy(run('f6b-county-detainer-hold-california'), 'SEC1983', 'viable', ['reason.stateLimits.sb54']);
  const tx = expectRemedy(run('f6c-county-detainer-hold-texas'), 'SEC1983', 'unknown', ['reason.stateRequires.TX']);
  assert.ok(hasWarning(tx, 'flag.requiringStateProbableCause'));
  expectRemedy(run('f6d-county-detainer-hold-ice-took-custody'), 'HABEAS_2241', 'barred', ['reason.iceTookCustodyRefile']);
});

test('F7: Florida TFM deputy stop and arrest of an LPR — § 1983 weak/barred (federal color), Bivens weak, FTCA viable, equal protection weak', () => {
  const a = run('f7-287g-task-force-stop');
  expectRemedy(a, 'SEC1983', ['weak', 'barred'], ['reason.within287gFederalColor', 'reason.whrenStopValid']);
  expectRemedy(a, 'BIVENS', 'weak', ['reason.egbertNewContext']);
  const f = expectRemedy(a, 'FTCA', 'viable', ['reason.sec1357g7FederalEmployee', 'reason.presentClaimFirst']);
  // Released Wed. Mar. 4, 2026 → 2 years → Sat. Mar. 4, 2028 → Mon. Mar. 6, 2028
  assert.equal(deadline(f, 'FTCA_PRESENT'), '2028-03-06');
  expectRemedy(a, 'EQUAL_PROTECTION', 'weak', ['reason.noPatternEvidence']);
  assert.ok(a.warnings.some((w) => w.code === 'analysis:warning.models287g' && w.params?.models === 'TFM'));
});

test('F8: § 1225(b)(2) bond denial — Texas (5th Cir.) barred on the statutory theory; New York (2d Cir.) viable; both fast-moving', () => {
  const tx = run('f8a-bond-denied-applicant-for-admission-texas');
  assert.equal(tx.confinementVenue!.courtId, 'txsd');
  const a = expectRemedy(tx, 'HABEAS_2241', 'barred', ['reason.statutoryTheoryBarred', 'reason.constitutionalClaimUnknown']);
  const ny = run('f8b-bond-denied-applicant-for-admission-new-york');
  assert.equal(ny.confinementVenue!.courtId, 'nywd');
  const b = expectRemedy(ny, 'HABEAS_2241', 'viable', ['reason.cunhaBondHearing', 'reason.exhaustionFutile']);
  for (const r of [a, b]) {
    assert.ok(hasWarning(r, 'flag.bondSplit1225b'));
    assert.ok(hasWarning(r, 'flag.futilityYajure'));
  }
});

test('F9: post-order detention 9 months without travel documents — habeas viable (Zadvydas); 4 months → weak', () => {
  const a = run('f9-post-order-detention-no-travel-documents');
  const r = expectRemedy(a, 'HABEAS_2241', 'viable', ['reason.zadvydasPastSix', 'reason.noStatutoryBondArteaga']);
  assert.equal(deadline(r, 'ZADVYDAS_SIX_MONTHS'), '2026-03-01');
  expectRemedy(run('f9b-post-order-detention-four-months'), 'HABEAS_2241', 'weak', ['reason.zadvydasWithinSix']);
});

test('F10(a): bond hearings for everyone at a facility — classwide injunction barred by § 1252(f)(1), individual habeas viable, class declaratory relief unknown', () => {
  const a = run('f10a-classwide-bond-hearings');
  const r = expectRemedy(a, 'HABEAS_2241', 'viable');
  const f1 = r.bars.find((b) => b.id === 'B1252F1')!;
  assert.equal(f1.triggered, true);
  assert.equal(f1.scope, 'relief');
  const reliefs = Object.fromEntries(r.reliefs.map((x) => [x.relief, x.viability]));
  assert.equal(reliefs.classwide_injunction, 'barred');
  assert.equal(reliefs.class_declaratory_or_vacatur, 'unknown');
});

test('F10(b): stopping ICE from starting proceedings — barred under § 1252(g) (AADC); if detained, detention habeas is unknown/possible (Khalil)', () => {
  const a = run('f10b-stop-removal-proceedings-retaliation');
  expectRemedy(a, 'APA_706_2', 'barred', ['reason.b1252gTriggered']);
  expectRemedy(a, 'EQUAL_PROTECTION', 'barred', ['reason.aadcNoSelectiveEnforcementDefense']);
  const c = run('f10c-retaliation-detained');
  const h = expectRemedy(c, 'HABEAS_2241', 'unknown', ['reason.b1252gDetentionKhalil']);
  assert.equal(h.bars.find((b) => b.id === 'B1252G')!.triggered, 'unknown');
});

test('F11: U.S. citizen held 3 days on a database-match detainer — FTCA viable, § 1983 viable, Bivens weak; FTCA 2 years', () => {
  const a = run('f11-us-citizen-held-on-detainer');
  const f = expectRemedy(a, 'FTCA', 'viable', ['reason.presentClaimFirst']);
  // Released Thu. Feb. 5, 2026 → Sat. Feb. 5, 2028 → Mon. Feb. 7, 2028
  assert.equal(deadline(f, 'FTCA_PRESENT'), '2028-02-07');
  expectRemedy(a, 'SEC1983', 'viable', ['reason.detainerHoldSeizure', 'reason.citizenHeld', 'reason.databaseOnlyDetainer']);
  expectRemedy(a, 'BIVENS', 'weak', ['reason.egbertNewContext']);
});

test('without a Reference the engine still derives the circuit from the state (F1 → 9th), and the facts may carry a venue override', () => {
  const parsed = parseFacts(readFileSync(new URL('f1-naturalization-interview-no-decision.json', dir), 'utf8'));
  assert.ok(parsed.ok);
  const a = analyze(parsed.facts);
  assert.equal(a.circuit, '9');
  assert.equal(a.venue.courtId, null);
  const b = analyze({ ...parsed.facts, venue: { courtId: 'cacd' } });
  assert.equal(b.venue.source, 'facts.venue');
  assert.equal(b.venue.courtId, 'cacd');
  assert.equal(b.circuit, '9');
});

test('287(g) status comes from ICE sheets on the event date when the facts do not say (Polk County, FL: TFM)', () => {
  const parsed = parseFacts({
    version: 1,
    analysisDate: '2026-03-10',
    person: { citizenship: 'lpr', custody: 'released' },
    enforcement: { agency: { name: "Polk County Sheriff's Office", type: 'sheriff', state: 'FL' }, eventDate: '2025-07-20', actions: ['immigration_arrest'] },
  });
  assert.ok(parsed.ok);
  const a = analyze(parsed.facts, { reference });
  assert.ok(a.warnings.some((w) => w.code === 'analysis:warning.agency287gFromSheets'));
  const s = remedy(a, 'SEC1983');
  const color = s.elements.find((e) => e.id === 'S2_STATE_COLOR')!;
  assert.equal(color.finding, 'not_met');
  assert.ok(color.reasons.some((m) => m.code === 'analysis:reason.agency287gFromReference'));
});

test('a ZIP code alone gives the district when it lies in one district (94612 Oakland → N.D. Cal.)', () => {
  const parsed = parseFacts({ version: 1, person: { residence: { state: 'CA', zip: '94612' } } });
  assert.ok(parsed.ok);
  const a = analyze(parsed.facts, { reference, today: '2026-06-15' });
  assert.equal(a.venue.courtId, 'cand');
  assert.equal(a.circuit, '9');
});

test('each remedy says where it is filed: F1 § 1447(b) in N.D. Cal. (residence); F9 habeas in M.D. Ga. (confinement)', () => {
  const n = remedy(run('f1-naturalization-interview-no-decision'), 'NATZ_1447B');
  assert.equal(n.venue.basis, 'residence');
  assert.equal(n.venue.court!.courtId, 'cand');
  assert.match(n.venue.citations[0]!.cite, /1447\(b\)/);
  const h = remedy(run('f9-post-order-detention-no-travel-documents'), 'HABEAS_2241');
  assert.equal(h.venue.basis, 'confinement');
  assert.equal(h.venue.court!.courtId, 'gamd');
  // § 1983 where the events happened: the jail that held on the detainer (D. Or.)
  const s = remedy(run('f6-county-detainer-hold-no-287g'), 'SEC1983');
  assert.equal(s.venue.basis, 'events');
  assert.equal(s.venue.court!.courtId, 'ord');
  // an event county names the district directly
  const parsed = parseFacts({ version: 1, analysisDate: '2026-03-10', enforcement: { agency: { type: 'sheriff', state: 'FL' }, eventCounty: 'Polk County', actions: ['traffic_stop'] } });
  assert.ok(parsed.ok);
  assert.equal(remedy(analyze(parsed.facts, { reference }), 'EQUAL_PROTECTION').venue.court!.courtId, 'flmd');
});
