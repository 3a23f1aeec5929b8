/**
 * analyze(facts, context): the pure analysis engine. For every remedy in rules/remedies, evaluates each element and
 * each applicable bar, scores TRAC for delay claims, combines them into a viability (combineViability below), and
 * attaches citations, warnings, the questions that would settle unknowns, and the deadlines the facts imply.
 * No I/O; the Reference (venue, facilities, 287(g)) is passed in.
 */
import type { Facts } from '../facts/facts-schema.ts';
import type { Message } from '../../i18n/i18n.ts';
import type { Analysis, AnalysisContext, BarId, BarResult, Citation, ElementResult, Question, RemedyId, RemedyResult, ReliefResult, Viability } from './types.ts';
import type { ElementEval, EvalContext } from './eval-context.ts';
import { evalOnce, msg } from './eval-context.ts';
import { ELEMENT_EVALUATORS, BAR_EVALUATORS } from './evaluators/index.ts';
import { REMEDY_RULES, RULES_VERSION, barRule } from './rules.ts';
import type { BarRule, RemedyRule, RuleFlag } from './rule-schema.ts';
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
  // One pass collects the candidates of each level; the order inside a level is bars then elements for "barred",
  // elements then bars for "weak" and "unknown".
  const barredBars: BarResult[] = [];
  const weakBars: BarResult[] = [];
  const unknownBars: BarResult[] = [];
  for (const b of bars) {
    if (b.scope !== 'remedy') continue;
    if (b.triggered === true) (b.effect === 'barred' ? barredBars : weakBars).push(b);
    else if (b.triggered === 'unknown') unknownBars.push(b);
  }
  const barredEls: ElementResult[] = [];
  const weakEls: ElementResult[] = [];
  const unknownEls: ElementResult[] = [];
  for (const e of elements) {
    if (e.finding === 'not_met') (effects.get(e.id) === 'barred' ? barredEls : weakEls).push(e);
    else if (e.finding === 'unknown') unknownEls.push(e);
  }
  if (barredBars.length || barredEls.length) return { viability: 'barred', decidedBy: [...barredBars, ...barredEls] };
  if (weakEls.length || weakBars.length) return { viability: 'weak', decidedBy: [...weakEls, ...weakBars] };
  if (unknownEls.length || unknownBars.length) return { viability: 'unknown', decidedBy: [...unknownEls, ...unknownBars] };
  return { viability: 'viable', decidedBy: elements };
}

const flagCache = new WeakMap<readonly RuleFlag[], Map<string, Message[]>>();
/** The non-dynamic flags of a rule as warnings naming the circuit; computed once per flag list and circuit (shared). */
function flagMessages(flags: readonly RuleFlag[], circuit: string | null): Message[] {
  if (flags.length === 0) return [];
  let byCircuit = flagCache.get(flags);
  if (!byCircuit) {
    byCircuit = new Map();
    flagCache.set(flags, byCircuit);
  }
  const key = circuit ?? '?';
  let list = byCircuit.get(key);
  if (!list) {
    list = flags.filter((f) => !f.dynamic).map((f) => msg(`flag.${f.id}`, { circuit: key }));
    byCircuit.set(key, list);
  }
  return list;
}

function sameMessage(a: Message, b: Message): boolean {
  if (a === b) return true;
  if (a.code !== b.code) return false;
  const pa = a.params;
  const pb = b.params;
  if (!pa || !pb) return pa === pb;
  for (const k in pa) if (pa[k] !== pb[k]) return false;
  for (const k in pb) if (!(k in pa)) return false;
  return true;
}

/** Appends the messages not already in the list (lists are short: a linear scan beats hashing). */
function addMessages(list: Message[], items: readonly Message[]): void {
  outer: for (const m of items) {
    for (const x of list) if (sameMessage(x, m)) continue outer;
    list.push(m);
  }
}

/** Warnings are de-duplicated by code: the same flag raised by the rule file and by an evaluator shows once. */
function addWarnings(list: Message[], items: readonly Message[]): void {
  outer: for (const m of items) {
    for (const x of list) if (x.code === m.code) continue outer;
    list.push(m);
  }
}

function addQuestions(list: Question[], items: readonly Question[]): void {
  outer: for (const q of items) {
    for (const x of list) if (x.path === q.path) continue outer;
    list.push(q);
  }
}

function addCitations(list: Citation[], items: readonly Citation[]): void {
  outer: for (const c of items) {
    for (const x of list) if (x.cite === c.cite) continue outer;
    list.push(c);
  }
}

/** Per rule, computed once: the evaluators in element order, the bar rules, and the elements' citations. */
interface PreparedRule {
  evaluators: ((c: EvalContext) => ElementEval)[];
  bars: { id: BarId; effect: 'barred' | 'weak'; rule: BarRule }[];
  elementCitations: Citation[];
}
const prepared = new Map<RemedyId, PreparedRule>();
function prepare(rule: RemedyRule): PreparedRule {
  let p = prepared.get(rule.id);
  if (p) return p;
  const elementCitations: Citation[] = [];
  for (const el of rule.elements) addCitations(elementCitations, el.citations);
  p = {
    evaluators: rule.elements.map((el) => {
      const e = ELEMENT_EVALUATORS[el.id];
      if (!e) throw new Error(`no evaluator for element ${el.id}`);
      return e;
    }),
    bars: rule.bars.map(({ id, effect }) => ({ id, effect, rule: barRule(id) })),
    elementCitations,
  };
  prepared.set(rule.id, p);
  return p;
}

export function evaluateRemedy(rule: RemedyRule, c: EvalContext): RemedyResult {
  const prep = prepare(rule);
  const warnings: Message[] = [];
  const questions: Question[] = [];
  const citations: Citation[] = prep.elementCitations.slice();
  const effects = new Map<string, 'barred' | 'weak'>();
  // Habeas is filed in the district of confinement: its circuit-dependent warnings name that circuit.
  const circuit = rule.id === 'HABEAS_2241' ? (c.habeasCircuit ?? c.circuit) : c.circuit;
  addWarnings(warnings, flagMessages(rule.flags, circuit));

  const elements: ElementResult[] = [];
  for (let i = 0; i < rule.elements.length; i++) {
    const el = rule.elements[i]!;
    const r = evalOnce(c, prep.evaluators[i]!);
    effects.set(el.id, r.effect ?? el.onNotMet);
    if (r.questions) addQuestions(questions, r.questions);
    if (r.warnings) addWarnings(warnings, r.warnings);
    if (el.flags.length) addWarnings(warnings, flagMessages(el.flags, circuit));
    elements.push({ id: el.id, label: el.label, finding: r.finding, reasons: r.reasons, citations: el.citations, facts: r.facts });
  }

  const reliefs: ReliefResult[] = [];
  const bars: BarResult[] = [];
  for (const { id, effect, rule: br } of prep.bars) {
    const r = BAR_EVALUATORS[id](c, rule.id);
    if (r.questions) addQuestions(questions, r.questions);
    if (r.warnings) addWarnings(warnings, r.warnings);
    if (r.triggered !== false) {
      if (br.flags.length) addWarnings(warnings, flagMessages(br.flags, circuit));
      addCitations(citations, br.citations);
    }
    if (r.reliefs) for (const rel of r.reliefs) reliefs.push({ ...rel, bars: [id] });
    bars.push({ id, label: br.label, triggered: r.triggered, scope: r.scope ?? 'remedy', effect: r.effect ?? effect, reasons: r.reasons, citations: br.citations, facts: r.facts });
  }

  const { viability, decidedBy } = combineViability(elements, effects, bars);
  const summary: Message[] = [];
  for (const d of decidedBy) addMessages(summary, d.reasons);

  const trac = rule.id === 'MANDAMUS_1361' || rule.id === 'APA_706_1' ? evalOnce(c, scoreTrac) : undefined;
  const deadlines = impliedDeadlines(rule.id, c);
  for (const d of deadlines) addWarnings(warnings, d.warnings.filter((w) => w.code.startsWith('analysis:')));

  const v = rule.venue;
  // FTCA: the plaintiff's residence, or where the act occurred (§ 1402(b)).
  const court =
    v.basis === 'confinement' ? c.confinement : v.basis === 'events' ? c.events : rule.id === 'FTCA' && c.venue.source === 'none' ? c.events : c.venue;
  const result: RemedyResult = {
    remedy: rule.id,
    title: rule.title,
    viability,
    venue: { basis: v.basis, rule: v.text, citations: v.citations, court: court && court.source !== 'none' ? court : null },
    summary,
    elements,
    bars,
    reliefs,
    warnings,
    // A barred remedy stays barred whatever the answers: its questions would only be noise.
    questions: viability === 'barred' ? [] : questions,
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
  // Detention cases get the "find a lawyer now" line: detained, or custody not stated while detention facts show no release.
  const custody = facts.person?.custody;
  const detained = custody === 'detained' || ((custody === undefined || custody === 'unknown') && facts.detention !== undefined && !facts.detention.releasedAt);
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
