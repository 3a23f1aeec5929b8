import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blockInlines, inlinesText } from '../documents/model.ts';
import { sampleReport } from '../core/incidents/sample-report.ts';
import { incidentFacets } from '../core/incidents/incident-facets.ts';
import { incidentExhibitModel } from './report-exhibit.ts';

const report = sampleReport();
const facets = { ...incidentFacets('r1', report, null), agreementIds: ['FL:collier-county-sheriff-office:JEM', 'FL:collier-county-sheriff-office:TFM'] };

test('the exhibit shows every field as reported, the agreements in force and the media hashes', () => {
  const model = incidentExhibitModel('r1', report, facets, { lang: 'en', org: 'Test Network', date: '2026-11-23' });
  const text = model.blocks.flatMap(blockInlines).map(inlinesText).join('\n');
  for (const s of ['Community incident report r1', 'Test Witness', 'Officer Example — #1234 — Unit 56', 'FL:collier-county-sheriff-office:TFM', 'a'.repeat(64), 'Handed to ICE', 'A made-up narrative for tests.', 'SYNTHETIC TEST DATA', '53.0']) {
    assert.ok(text.includes(s), `exhibit has "${s}"`);
  }
});

test('the exhibit in Spanish', () => {
  const model = incidentExhibitModel('r1', report, facets, { lang: 'es', org: 'Red', date: '2026-11-23' });
  const text = model.blocks.flatMap(blockInlines).map(inlinesText).join('\n');
  for (const s of ['Reporte comunitario de incidente r1', 'Preguntaron por el estatus migratorio', 'Entregada a ICE', 'Hispana o latina']) assert.ok(text.includes(s), s);
});
