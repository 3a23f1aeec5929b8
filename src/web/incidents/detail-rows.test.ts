import { test } from 'node:test';
import assert from 'node:assert/strict';
import { t as translate } from '../../i18n/i18n.ts';
import { sampleReport } from '../../core/incidents/sample-report.ts';
import { stripIdentifying } from '../../core/incidents/identifying-fields.ts';
import { detailRows, type IncidentView } from './detail-rows.ts';

const t = (key: string, opts?: Record<string, unknown>) => translate('es', key.includes(':') ? key : `web:${key}`, opts as Record<string, string | number>);
const view = (body: Record<string, unknown>): IncidentView => ({
  id: 'x', status: 'submitted', body, facets: null, submittedAt: null, identifyingHidden: false, duplicateOf: null, mergedIds: [],
});

test('every part of the report is a row in the reader\'s language; identifying rows only when the API sent them', async () => {
  const full = detailRows(view(sampleReport() as unknown as Record<string, unknown>), t);
  const labels = full.map(([l]) => l);
  assert.ok(labels.includes(t('incidents.detail.field.officers')));
  assert.ok(labels.includes(t('incidents.detail.field.narrative')));
  assert.ok(full.every(([l, v]) => l && v && !l.startsWith('incidents.')), 'every row has a translated label and a value');
  const stripped = detailRows(view(stripIdentifying(sampleReport()) as unknown as Record<string, unknown>), t);
  const text = JSON.stringify(stripped);
  assert.doesNotMatch(text, /made-up narrative|Test Witness/);
  assert.ok(!stripped.some(([l]) => l === t('incidents.detail.field.narrative')));
});
