/**
 * analyze(facts, context): the pure analysis engine. For every remedy in rules/remedies, evaluates each element and
 * each applicable bar, scores TRAC for delay claims, combines them into a viability (combineViability below), and
 * attaches citations, warnings, the questions that would settle unknowns, and the deadlines the facts imply.
 * No I/O; the Reference (venue, facilities, 287(g)) is passed in.
 */
import type { Facts } from '../facts/facts-schema.ts';
import type { Message } from '../../i18n/i18n.ts';
import type { Analysis, AnalysisContext, BarResult, Citation, ElementResult, Question, RemedyId, RemedyResult, ReliefResult, Viability } from './types.ts';
import type { EvalContext } from './eval-context.ts';
import { msg } from './eval-context.ts';
import { ELEMENT_EVALUATORS, BAR_EVALUATORS } from './evaluators/index.ts';
import { REMEDY_RULES, RULES_VERSION, barRule } from './rules.ts';
import type { RemedyRule, RuleFlag } from './rule-schema.ts';
import { buildEvalContext } from './derive-venue.ts';
import { scoreTrac } from './score-trac.ts';
import { impliedDeadlines } from './implied-deadlines.ts';

/**
 * The combination rule, in one place:
 * 1. a triggered bar (scope remedy) whose effect is 'barred', or a not-met element whose effect is 'barred' → barred;
 * 2. else a not-met element or a triggered bar with effect 'weak' → weak;
 * 3. else any unknown element, or a bar that may apply ('unknown') → unknown;
 * 4. else (every element met, no bar) → viable.
 * Returns the viability and the elements/bars that decided it.
 */
export function combineViability(elements: ElementResult[], effects: Map<string, 'barred' | 'weak'>, bars: BarResult[]): { viability: Viability; decidedBy: (ElementResult | BarResult)[] } {
  const remedyBars = bars.filter((b) => b.scope === 'remedy');
  const barredBy = [
    ...remedyBars.filter((b) => b.triggered === true && b.effect === 'barred'),
    ...elements.filter((e) => e.finding === 'not_met' && effects.get(e.id) === 'barred'),
  ];
  if (barredBy.length) return { viability: 'barred', decidedBy: barredBy };
  const weakBy = [
    ...elements.filter((e) => e.finding === 'not_met' && effects.get(e.id) === 'weak'),
    ...remedyBars.filter((b) => b.triggered === true && b.effect === 'weak'),
  ];
  if (weakBy.length) return { viability: 'weak', decidedBy: weakBy };
  const unknownBy = [...elements.filter((e) => e.finding === 'unknown'), ...remedyBars.filter((b) => b.triggered === 'unknown')];
  if (unknownBy.length) return { viability: 'unknown', decidedBy: unknownBy };
  return { viability: 'viable', decidedBy: elements };
}

function flagMessages(flags: readonly RuleFlag[], c: EvalContext): Message[] {
  return flags.map((f) => msg(`flag.${f.id}`, { circuit: c.circuit ?? '?' }));
}

function pushUnique<T>(list: T[], seen: Set<string>, key: (x: T) => string, items: readonly T[]): void {
  for (const x of items) {
    const k = key(x);
    if (!seen.has(k)) {
      seen.add(k);
      list.push(x);
    }
  }
}

const msgKey = (m: Message) => m.code + JSON.stringify(m.params ?? {});

export function evaluateRemedy(rule: RemedyRule, c: EvalContext): RemedyResult {
  const warnings: Message[] = [];
  const wSeen = new Set<string>();
  const questions: Question[] = [];
  const qSeen = new Set<string>();
  const citations: Citation[] = [];
  const cSeen = new Set<string>();
  const effects = new Map<string, 'barred' | 'weak'>();
  pushUnique(warnings, wSeen, msgKey, flagMessages(rule.flags, c));

  const elements: ElementResult[] = rule.elements.map((el) => {
    const evaluate = ELEMENT_EVALUATORS[el.id];
    if (!evaluate) throw new Error(`no evaluator for element ${el.id}`);
    const r = evaluate(c);
    effects.set(el.id, r.effect ?? el.onNotMet);
    if (r.questions) pushUnique(questions, qSeen, (q) => q.path, r.questions);
    if (r.warnings) pushUnique(warnings, wSeen, msgKey, r.warnings);
    pushUnique(warnings, wSeen, msgKey, flagMessages(el.flags, c));
    pushUnique(citations, cSeen, (x) => x.cite, el.citations);
    return { id: el.id, label: el.label, finding: r.finding, reasons: r.reasons, citations: el.citations, facts: r.facts };
  });

  const reliefs: ReliefResult[] = [];
  const bars: BarResult[] = rule.bars.map(({ id, effect }) => {
    const br = barRule(id);
    const r = BAR_EVALUATORS[id](c, rule.id);
    if (r.questions) pushUnique(questions, qSeen, (q) => q.path, r.questions);
    if (r.warnings) pushUnique(warnings, wSeen, msgKey, r.warnings);
    if (r.triggered !== false) {
      pushUnique(warnings, wSeen, msgKey, flagMessages(br.flags, c));
      pushUnique(citations, cSeen, (x) => x.cite, br.citations);
    }
    for (const rel of r.reliefs ?? []) reliefs.push({ ...rel, bars: [id] });
    return { id, label: br.label, triggered: r.triggered, scope: r.scope ?? 'remedy', effect: r.effect ?? effect, reasons: r.reasons, citations: br.citations, facts: r.facts };
  });

  const { viability, decidedBy } = combineViability(elements, effects, bars);
  const summary: Message[] = [];
  const sSeen = new Set<string>();
  for (const d of decidedBy) pushUnique(summary, sSeen, msgKey, d.reasons);

  const trac = rule.id === 'MANDAMUS_1361' || rule.id === 'APA_706_1' ? scoreTrac(c) : undefined;
  const deadlines = impliedDeadlines(rule.id, c);
  for (const d of deadlines) pushUnique(warnings, wSeen, msgKey, d.warnings.filter((w) => w.code.startsWith('analysis:')));

  const result: RemedyResult = {
    remedy: rule.id,
    title: rule.title,
    viability,
    summary,
    elements,
    bars,
    reliefs,
    warnings,
    questions,
    deadlines,
    citations,
  };
  if (trac) result.trac = trac;
  return result;
}

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Runs every remedy over the facts. `facts` must already be valid (parseFacts). */
export function analyze(facts: Facts, context: AnalysisContext = {}): Analysis {
  const date = facts.analysisDate ?? context.today ?? todayUtc();
  const c = buildEvalContext(facts, date, context.reference);
  const remedies = REMEDY_RULES.map((r) => evaluateRemedy(r, c));
  const detained = facts.person?.custody === 'detained';
  const notices: Message[] = [{ code: 'common:notLegalAdvice' }];
  if (detained) notices.push({ code: 'common:detainedGetLawyer' });
  const warnings: Message[] = [];
  if (c.has287gSource === 'reference') warnings.push(msg('warning.agency287gFromSheets'));
  if (c.has287g === 'yes' && c.models287g.length) warnings.push(msg('warning.models287g', { models: c.models287g.join(', ') }));
  return {
    factsVersion: 1,
    analysisDate: date,
    rulesVersion: RULES_VERSION,
    venue: c.venue,
    confinementVenue: c.confinement,
    circuit: c.circuit,
    remedies,
    notices,
    warnings,
  };
}

/** One remedy's result (e.g. for a rule file's test cases). */
export function analyzeRemedy(facts: Facts, remedy: RemedyId, context: AnalysisContext = {}): RemedyResult {
  const a = analyze(facts, context);
  return a.remedies.find((r) => r.remedy === remedy)!;
}
