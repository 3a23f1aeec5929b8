/**
 * The golden packets use fixed analyses (fixture-analysis.ts). This checks that the real analysis engine, on the
 * same facts, calls for the same case types, so the goldens stay representative.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../src/core/analysis/analyze.ts';
import { loadReference } from '../../src/data/load-reference.ts';
import { chooseCaseTypes } from '../../src/documents/packet-case.ts';
import { parsePacketFile } from '../../src/documents/write-packet.ts';
import { FIXTURE_ANALYSES } from './fixture-analysis.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const reference = loadReference();

for (const name of ['F1', 'F4', 'F6', 'F8', 'F9']) {
  test(`${name}: the analysis engine chooses the same papers and court as the golden fixture`, () => {
    const { facts } = parsePacketFile(readFileSync(`${here}facts/${name}.json`, 'utf8'), name);
    const real = analyze(facts, { reference });
    const fixture = FIXTURE_ANALYSES[name]!;
    assert.deepEqual(chooseCaseTypes(real).map((c) => c.caseType), chooseCaseTypes(fixture).map((c) => c.caseType));
    const court = (a: typeof real) => (chooseCaseTypes(a)[0]?.caseType === 'habeas' ? a.confinementVenue ?? a.venue : a.venue).courtId;
    assert.equal(court(real), court(fixture));
  });
}
