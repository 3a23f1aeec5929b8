/**
 * A deadline rule as data (rules/deadlines/<id>.json): what starts it, how long it runs, whether FRCP 6(a)
 * rolling applies, its authority, and the warnings the legal spec attaches to it.
 */
import { z } from 'zod';
import { DEADLINE_RULE_FILES } from '../../../rules/deadlines/index.ts';
import { DOCKET_EVENT_KINDS } from './docket-event-kinds.ts';

const LocalizedText = z.object({ en: z.string().min(1), es: z.string().min(1) }).strict();
export type LocalizedText = z.infer<typeof LocalizedText>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const CitationSchema = z
  .object({
    cite: z.string().min(1),
    title: z.string().min(1),
    /** The source the spec's Sources line gives; null when the spec cites the authority without a link. */
    url: z.url().nullable(),
    /** Date the point was checked against its source in the spec's verification pass; null = not rechecked. */
    verified_on: IsoDate.nullable(),
    /** Section of the legal spec (SPEC.md) the rule is copied from. */
    spec: z.string().regex(/^§ \d+(\.\d+)?$/),
  })
  .strict();
export type Citation = z.infer<typeof CitationSchema>;

const PeriodSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    amount: z.number().int().positive(),
    unit: z.enum(['days', 'months', 'years', 'hours']),
    /** FRCP 6(a)(1)(C) rolling of a last day on a weekend or holiday (false for eligibility dates). */
    roll: z.boolean(),
    /** The amount when the trigger was mailed (N-336: 33 days). */
    mailedAmount: z.number().int().positive().optional(),
    /**
     * Hours only. true: hours on Saturdays, Sundays and legal holidays are not counted (8 C.F.R. § 287.7(d));
     * false/absent: FRCP 6(a)(2) — every hour counts and an end on such a day runs to the same time next court day.
     */
    skipNonCourtDays: z.boolean().optional(),
    /** What this period is (required when a rule chains several periods). */
    label: LocalizedText.optional(),
  })
  .strict();
export type Period = z.infer<typeof PeriodSchema>;

export const FLAG_KINDS = ['verify', 'circuitDependent', 'fastMoving'] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

export const DeadlineRuleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    label: LocalizedText,
    /** deadline: last day to act; eligibility: the day after which one may act; limit: latest allowed. */
    kind: z.enum(['deadline', 'eligibility', 'limit']),
    trigger: z.object({ event: z.enum(DOCKET_EVENT_KINDS), label: LocalizedText }).strict(),
    direction: z.enum(['forward', 'backward']),
    /** Counted one after another (EAJA: the 60-day appeal period, then 30 days). */
    periods: z.array(PeriodSchema).min(1),
    /**
     * The trigger is service of a paper under FRCP 5(b), so FRCP 6(d) adds 3 days when it was served by mail, by
     * leaving it with the clerk, or by other consented means (not electronically). Absent: the trigger is service of
     * the summons and complaint under Rule 4, a statute's event or a court's act, and 6(d) does not apply.
     */
    serviceUnderRule5b: z.boolean().optional(),
    note: LocalizedText.optional(),
    citations: z.array(CitationSchema).min(1),
    flags: z
      .object({ verify: LocalizedText.optional(), circuitDependent: LocalizedText.optional(), fastMoving: LocalizedText.optional() })
      .strict(),
  })
  .strict()
  .refine((r) => r.periods.length === 1 || r.periods.every((p) => p.label), {
    message: 'a rule with several periods must label each period',
  })
  .refine((r) => !r.periods.some((p) => p.unit === 'hours') || r.periods.length === 1, {
    message: 'an hour-based rule has exactly one period',
  })
  .refine((r) => r.periods.every((p) => p.unit === 'hours' || p.skipNonCourtDays === undefined), {
    message: 'skipNonCourtDays applies only to hours',
  })
  .refine((r) => !r.periods.some((p) => p.skipNonCourtDays) || r.periods[0]!.amount === 48, {
    message: 'skipNonCourtDays is the 8 C.F.R. § 287.7(d) 48-hour count',
  })
  .refine((r) => !r.serviceUnderRule5b || (r.direction === 'forward' && r.periods.every((p) => p.unit === 'days' && p.roll)), {
    message: 'serviceUnderRule5b (FRCP 6(d)) is for deadlines counted forward in days from service',
  })
  .refine((r) => !r.serviceUnderRule5b || r.citations.some((c) => c.cite === 'Fed. R. Civ. P. 6(d)'), {
    message: 'a rule with serviceUnderRule5b cites Fed. R. Civ. P. 6(d)',
  });
export type DeadlineRule = z.infer<typeof DeadlineRuleSchema>;

let cache: DeadlineRule[] | null = null;

/** Every rule, validated (a malformed rule file fails loudly here and in rules/deadlines tests). */
export function allDeadlineRules(): DeadlineRule[] {
  if (cache) return cache;
  cache = Object.entries(DEADLINE_RULE_FILES).map(([file, data]) => {
    const parsed = DeadlineRuleSchema.safeParse(data);
    if (!parsed.success) throw new Error(`rules/deadlines/${file}.json is invalid: ${parsed.error.message}`);
    if (parsed.data.id !== file) throw new Error(`rules/deadlines/${file}.json has id ${parsed.data.id}`);
    return parsed.data;
  });
  return cache;
}

export function findDeadlineRule(id: string): DeadlineRule | undefined {
  return allDeadlineRules().find((r) => r.id === id);
}

/** Message code of a rule's text (copied from the rule file into the `deadlines` locale files). */
export function ruleTextCode(ruleId: string, path: 'label' | 'trigger' | 'note' | `flags.${FlagKind}` | `periods.${string}`): string {
  return `deadlines:rules.${ruleId}.${path}`;
}

/** For menus: id, label, kind, trigger event, period summary. */
export interface DeadlineRuleSummary {
  id: string;
  label: LocalizedText;
  labelCode: string;
  kind: DeadlineRule['kind'];
  triggerEvent: DeadlineRule['trigger']['event'];
  periods: Array<{ amount: number; unit: Period['unit'] }>;
  citations: string[];
}

export function listDeadlineRules(): DeadlineRuleSummary[] {
  return allDeadlineRules().map((r) => ({
    id: r.id,
    label: r.label,
    labelCode: ruleTextCode(r.id, 'label'),
    kind: r.kind,
    triggerEvent: r.trigger.event,
    periods: r.periods.map((p) => ({ amount: p.amount, unit: p.unit })),
    citations: r.citations.map((c) => c.cite),
  }));
}
