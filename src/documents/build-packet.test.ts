import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildPacket, sha256 } from './build-packet.ts';
import { filingRules, feeTotal } from './filing-rules.ts';
import { FIXTURE_ANALYSES } from '../../test/golden/fixture-analysis.ts';
import type { Analysis } from '../core/analysis/types.ts';

test('missing facts give marked blanks and a list of what to fill, not a crash', async () => {
  const p = await buildPacket({ facts: { version: 1 }, analysis: FIXTURE_ANALYSES.F4!, options: { formats: ['pdf'] } });
  const complaint = p.documents.find((d) => d.id === 'complaint')!;
  assert.match(complaint.text, /\[\[FILL: Receipt number\]\]/);
  assert.ok(p.blanks.some((b) => b.label === 'Receipt number'));
  assert.ok(p.blanks.some((b) => b.label === "Plaintiff's full name"));
  assert.equal(complaint.docx, undefined);
  assert.ok(complaint.pdf && complaint.pdf.byteLength > 1000);
});

test('only what viable remedies call for: weak remedies give no papers, and the manifest hashes every file', async () => {
  const weak: Analysis = { ...FIXTURE_ANALYSES.F4!, remedies: FIXTURE_ANALYSES.F4!.remedies.map((r) => ({ ...r, viability: 'weak' as const })) };
  const none = await buildPacket({ facts: { version: 1 }, analysis: weak });
  assert.equal(none.documents.length, 0);
  assert.equal(none.warnings[0]?.code, 'documents:warnings.noViableRemedy');
  const p = await buildPacket({ facts: { version: 1 }, analysis: FIXTURE_ANALYSES.F1!, options: { formats: ['docx'] } });
  assert.ok(p.documents.some((d) => d.id === 'complaint' && /1447\(b\)/.test(d.text)));
  for (const f of p.manifest.files) assert.equal(f.sha256, sha256(p.documents.find((d) => d.id === f.document)!.docx!));
});

test('the delay complaint asks to adjudicate, never to approve; fee and NOS come from the rules', async () => {
  const p = await buildPacket({ facts: { version: 1, reliefSought: { adjudicateWithinDays: 45 } }, analysis: FIXTURE_ANALYSES.F4!, options: { formats: ['pdf'] } });
  const text = p.documents.find((d) => d.id === 'complaint')!.text;
  assert.match(text, /adjudicate .* within 45 days/);
  assert.doesNotMatch(text, /\bapprove\b/i);
  const sheet = p.documents.find((d) => d.id === 'civil-cover-sheet')!.text;
  assert.match(sheet, new RegExp(`${filingRules().caseTypes.delay.nos} Other Immigration Actions`));
  assert.equal(feeTotal('civil'), 405);
  assert.equal(feeTotal('habeas'), 5);
});

test('every authority id the case types use exists, and each cites a SPEC section or says where it is from', () => {
  const r = filingRules();
  for (const ct of Object.values(r.caseTypes)) for (const id of [...ct.jurisdiction, ...ct.venue]) assert.ok(r.authorities[id], id);
  for (const [id, a] of Object.entries(r.authorities)) assert.ok(a.spec || (a.source && a.verify), `${id} needs spec or a flagged source`);
});

test('a user-supplied fillable JS 44 is filled by field name instead of the typeset sheet', async () => {
  const { PDFDocument } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  const page = doc.addPage();
  const form = doc.getForm();
  ['Plaintiffs', 'Nature of Suit', 'Cause of Action'].forEach((n, k) => form.createTextField(n).addToPage(page, { x: 20, y: 700 - k * 40, width: 400, height: 20 }));
  const js44 = await doc.save();
  const p = await buildPacket({ facts: { version: 1, person: { name: 'Jane Roe' } }, analysis: FIXTURE_ANALYSES.F1!, options: { formats: ['pdf'], officialPdfs: { js44 } } });
  const sheet = p.documents.find((d) => d.id === 'civil-cover-sheet')!;
  const filled = (await PDFDocument.load(sheet.pdf!)).getForm();
  assert.equal(filled.getTextField('Plaintiffs').getText(), 'Jane Roe');
  assert.equal(filled.getTextField('Nature of Suit').getText(), '462 Naturalization Application');
  assert.equal(filled.getTextField('Cause of Action').getText(), '8 U.S.C. § 1447(b)');
});

test('dates in the papers match the spec worked examples (F1 120 days, F2 120 days after the N-336, F6 hold limit)', async () => {
  const f1 = await buildPacket({ facts: { version: 1, benefitRequest: { form: 'N-400', interviewDate: '2025-09-10' } }, analysis: FIXTURE_ANALYSES.F1!, options: { formats: ['pdf'] } });
  assert.match(f1.documents.find((d) => d.id === 'complaint')!.text, /The 120-day period ended on January 8, 2026\./);

  const natz1421c = { ...FIXTURE_ANALYSES.F1!, remedies: [{ ...FIXTURE_ANALYSES.F1!.remedies[0]!, remedy: 'NATZ_1421C' as const }] };
  const f2 = await buildPacket({
    facts: { version: 1, benefitRequest: { form: 'N-400', status: 'denied', decisionDate: '2025-10-01', n336: { filed: 'yes', filedDate: '2025-10-26', decisionDate: '2026-01-15', outcome: 'upheld_denial' } } },
    analysis: natz1421c,
    options: { formats: ['pdf'] },
  });
  const petition = f2.documents.find((d) => d.id === 'complaint')!.text;
  assert.match(petition, /within 120 days after the decision on the administrative hearing, which ends on May 15, 2026/);
  assert.match(petition, /8 C\.F\.R\. § 336\.9\(b\)/);

  const f6 = await buildPacket({
    facts: { version: 1, analysisDate: '2026-06-06', detention: { custodianType: 'county_jail_ice_hold', facility: { name: 'County Jail', state: 'OR' }, releaseEligibleAt: '2026-06-04T17:00', heldSolelyOnDetainer: 'yes' } },
    analysis: FIXTURE_ANALYSES.F6!,
    options: { formats: ['pdf'] },
  });
  assert.match(f6.documents.find((d) => d.id === 'complaint')!.text, /which here ends on June 8, 2026, at 5:00 p\.m\./);
});
