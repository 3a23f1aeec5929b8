/**
 * The rules as data: every remedy and bar file, validated once at module load (static JSON imports — no file I/O,
 * so the engine stays pure and also runs in the browser).
 */
import { REMEDY_FILES } from '../../../rules/remedies/index.ts';
import { BAR_FILES } from '../../../rules/bars/index.ts';
import { BarRuleSchema, RemedyRuleSchema, type BarRule, type RemedyRule } from './rule-schema.ts';
import { BAR_IDS, REMEDY_IDS, type BarId, type RemedyId } from './types.ts';

/** Bumped whenever a rule file changes meaningfully (shown in every analysis). */
export const RULES_VERSION = '2026-11-23.2';

function load<T>(kind: string, files: Record<string, unknown>, schema: { safeParse: (x: unknown) => { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }): T[] {
  return Object.entries(files).map(([name, data]) => {
    const r = schema.safeParse(data);
    if (!r.success) {
      const first = r.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`rules/${kind}/${name}.json is invalid: ${first}`);
    }
    return r.data;
  });
}

export const REMEDY_RULES: readonly RemedyRule[] = load('remedies', REMEDY_FILES, RemedyRuleSchema).sort(
  (a, b) => REMEDY_IDS.indexOf(a.id) - REMEDY_IDS.indexOf(b.id),
);
export const BAR_RULES: readonly BarRule[] = load('bars', BAR_FILES, BarRuleSchema);

const barById = new Map<BarId, BarRule>(BAR_RULES.map((b) => [b.id, b]));
const remedyById = new Map<RemedyId, RemedyRule>(REMEDY_RULES.map((r) => [r.id, r]));

export function barRule(id: BarId): BarRule {
  const b = barById.get(id);
  if (!b) throw new Error(`no rule file for bar ${id}`);
  return b;
}
export function remedyRule(id: RemedyId): RemedyRule {
  const r = remedyById.get(id);
  if (!r) throw new Error(`no rule file for remedy ${id}`);
  return r;
}
export { REMEDY_IDS, BAR_IDS };
