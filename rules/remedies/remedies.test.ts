// Every remedy rule file's own cases: facts → expected element findings, bars, viability and reasons.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { REMEDY_RULES } from '../../src/core/analysis/rules.ts';
import { runRuleCase } from '../../src/core/analysis/run-rule-case.ts';

for (const rule of REMEDY_RULES) {
  for (const c of rule.cases) {
    test(`${rule.id}: ${c.name}`, () => {
      const { problems } = runRuleCase(c, rule.id);
      assert.deepEqual(problems, [], `why: ${c.why}`);
    });
  }
}
