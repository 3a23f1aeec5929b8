/**
 * The analysis engine's public interface (pure; no I/O). Callers: the CLI (`writ analyze`), the API, the web app,
 * the packet builder and batch jobs.
 *
 *   const parsed = parseFacts(json);                  // src/core/facts
 *   if (parsed.ok) analyze(parsed.facts, { reference, today });
 */
export { analyze, analyzeRemedy, combineViability, evaluateRemedy } from './analyze.ts';
export { renderAnalysisText, renderRemedyText } from './render-analysis-text.ts';
export { REMEDY_RULES, BAR_RULES, RULES_VERSION, remedyRule, barRule } from './rules.ts';
export { runRuleCase, reasonCodes } from './run-rule-case.ts';
export { circuitForState } from './state-circuit.ts';
export * from './types.ts';
