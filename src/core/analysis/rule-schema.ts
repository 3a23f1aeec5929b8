/**
 * The shape of a rule file (rules/remedies/<id>.json, rules/bars/<id>.json), validated once when the rules load.
 * See docs/rules.md for how to write one.
 */
import { z } from 'zod';
import { BAR_IDS, REMEDY_IDS } from './types.ts';

export const LocalizedTextSchema = z.strictObject({ en: z.string().min(1), es: z.string().min(1) });

export const CitationSchema = z.strictObject({
  cite: z.string().min(1),
  title: z.string().min(1),
  url: z.string().url().nullable(),
  /** Date of the legal spec's verification pass the point was checked in; null = not rechecked there. */
  verified_on: z.iso.date().nullable(),
  /** Spec section the citation is copied from. */
  spec: z.string().regex(/^§ \d+(\.\d+)?$/),
});

export const FLAG_KINDS = ['verify', 'circuitDependent', 'fastMoving'] as const;
/**
 * A warning attached to a rule; its text is the i18n message `analysis:flag.<id>`. `reason` quotes where the spec marks
 * the point [VERIFY], fastMoving or circuitDependent. `dynamic` flags are raised by the evaluators only when the facts
 * make them relevant (e.g. the § 1225(b)(2) split only in bond cases); the others are shown whenever the rule applies.
 */
export const FlagSchema = z.strictObject({
  kind: z.enum(FLAG_KINDS),
  id: z.string().regex(/^[a-zA-Z0-9]+$/),
  reason: z.string().min(10),
  dynamic: z.boolean().default(false),
});

export const ElementRuleSchema = z.strictObject({
  id: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
  label: LocalizedTextSchema,
  /** What a not-met finding does to the remedy (an evaluator may override it for a given finding). */
  onNotMet: z.enum(['barred', 'weak']),
  citations: z.array(CitationSchema).min(1),
  flags: z.array(FlagSchema).default([]),
});

const Viability = z.enum(['viable', 'weak', 'barred', 'unknown']);
const Finding = z.enum(['met', 'not_met', 'unknown']);

export const RuleCaseSchema = z.strictObject({
  name: z.string().min(1),
  /** The reasoning, in plain words, from the spec (the comment that shows why the expectation holds). */
  why: z.string().min(1),
  /** Bar files: which remedy the case is evaluated for. */
  remedy: z.enum(REMEDY_IDS).optional(),
  facts: z.record(z.string(), z.unknown()),
  expect: z.strictObject({
    viability: z.union([Viability, z.array(Viability).min(1)]).optional(),
    elements: z.record(z.string(), Finding).optional(),
    bars: z.record(z.string(), z.union([z.boolean(), z.literal('unknown')])).optional(),
    /** Reason codes (without the `analysis:` prefix) that must appear somewhere in the remedy's result. */
    reasons: z.array(z.string()).optional(),
    /** Deadline id → expected due date (or instant); null = listed without a date. */
    deadlines: z.record(z.string(), z.string().nullable()).optional(),
  }),
});

export const RemedyRuleSchema = z.strictObject({
  id: z.enum(REMEDY_IDS),
  title: LocalizedTextSchema,
  description: LocalizedTextSchema,
  spec: z.string().regex(/^§ \d+(\.\d+)?$/),
  /** Where to file (SPEC § 3.1): the rule in plain words, its authority, and which place decides it. */
  venue: z.strictObject({
    basis: z.enum(['residence', 'confinement', 'events']),
    text: LocalizedTextSchema,
    citations: z.array(CitationSchema).min(1),
  }),
  elements: z.array(ElementRuleSchema).min(1),
  bars: z.array(z.strictObject({ id: z.enum(BAR_IDS), effect: z.enum(['barred', 'weak']) })),
  exceptions: z.array(z.strictObject({ id: z.string(), text: LocalizedTextSchema, citations: z.array(CitationSchema).min(1) })),
  flags: z.array(FlagSchema),
  /** What the rule deliberately does not decide (left to the court or a lawyer). */
  doesNotDecide: z.array(LocalizedTextSchema),
  cases: z.array(RuleCaseSchema).min(1),
});

export const BarRuleSchema = z.strictObject({
  id: z.enum(BAR_IDS),
  label: LocalizedTextSchema,
  rule: LocalizedTextSchema,
  spec: z.string().regex(/^§ \d+(\.\d+)?$/),
  citations: z.array(CitationSchema).min(1),
  exceptions: z.array(z.strictObject({ id: z.string(), text: LocalizedTextSchema, citations: z.array(CitationSchema).min(1) })),
  flags: z.array(FlagSchema),
  doesNotDecide: z.array(LocalizedTextSchema),
  cases: z.array(RuleCaseSchema).min(1),
});

export type RemedyRule = z.infer<typeof RemedyRuleSchema>;
export type BarRule = z.infer<typeof BarRuleSchema>;
export type ElementRule = z.infer<typeof ElementRuleSchema>;
export type RuleCase = z.infer<typeof RuleCaseSchema>;
export type RuleFlag = z.infer<typeof FlagSchema>;
