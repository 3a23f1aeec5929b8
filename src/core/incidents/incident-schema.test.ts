import { test } from 'node:test';
import assert from 'node:assert/strict';
import { incidentJsonSchema, IncidentReportSchema } from './incident-schema.ts';
import { sampleReport } from './sample-report.ts';

type Node = { description?: string; properties?: Record<string, Node>; items?: Node; anyOf?: Node[] };

test('every field of the report format has a plain-language description (for the form and the API)', () => {
  const missing: string[] = [];
  const walk = (n: Node, path: string) => {
    for (const [k, v] of Object.entries(n.properties ?? {})) {
      const p = path ? `${path}.${k}` : k;
      const described = v.description ?? v.anyOf?.find((x) => x.description)?.description;
      if (!described) missing.push(p);
      walk(v, p);
      if (v.items) walk(v.items, `${p}[]`);
    }
  };
  walk(incidentJsonSchema() as Node, '');
  assert.deepEqual(missing, []);
});

test('the sample report is valid, and unknown fields are refused (strict objects)', () => {
  assert.equal(IncidentReportSchema.safeParse(sampleReport()).success, true);
  assert.equal(IncidentReportSchema.safeParse({ ...sampleReport(), extra: 1 }).success, false);
  assert.equal(IncidentReportSchema.safeParse({ ...sampleReport(), where: { ...sampleReport().where, gps: '1,2' } }).success, false);
});
