// Every bar rule file's own cases, each run for the remedy it names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BAR_RULES } from '../../src/core/analysis/rules.ts';
import { runRuleCase } from '../../src/core/analysis/run-rule-case.ts';

for (const rule of BAR_RULES) {
  for (const c of rule.cases) {
    test(`${rule.id}: ${c.name}`, () => {
      assert.ok(c.remedy, 'a bar case names the remedy it is evaluated for');
      const { problems } = runRuleCase(c, c.remedy!);
      assert.deepEqual(problems, [], `why: ${c.why}`);
    });
  }
}
