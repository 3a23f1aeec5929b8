/**
 * The order of the interview, in one place: the start choice's "ask first" facts, then the analysis engine's
 * questions in the engine's order (each remedy's missing facts), each path once. A question is pending while its
 * fact has no answer and the person has not skipped it. Progress counts answered against answered + pending.
 */
import { getAt, type FactsObject } from './facts-paths.ts';

export interface EngineMessage {
  code: string;
  params?: Record<string, string | number>;
  text?: string;
}

export interface EngineQuestion {
  path: string;
  message: EngineMessage;
}

export interface PlannedQuestion {
  path: string;
  /** The engine's reason for asking (why this fact matters), when the engine asked it. */
  why: EngineMessage | null;
}

/** Collects the questions of every remedy in an analysis (engine order, first occurrence wins). */
export function engineQuestions(analysis: { remedies?: Array<{ questions?: EngineQuestion[] }> } | null): EngineQuestion[] {
  const out: EngineQuestion[] = [];
  for (const r of analysis?.remedies ?? []) for (const q of r.questions ?? []) out.push(q);
  return out;
}

export function planQuestions(input: {
  askFirst: readonly string[];
  engine: readonly EngineQuestion[];
  facts: FactsObject;
  skipped: ReadonlySet<string>;
  /** Paths the interview can ask (the facts schema has a field for them). */
  askable: (path: string) => boolean;
}): PlannedQuestion[] {
  const seen = new Set<string>();
  const out: PlannedQuestion[] = [];
  const why = new Map<string, EngineMessage>();
  for (const q of input.engine) if (!why.has(q.path)) why.set(q.path, q.message);
  for (const path of [...input.askFirst, ...input.engine.map((q) => q.path)]) {
    if (seen.has(path)) continue;
    seen.add(path);
    if (input.skipped.has(path) || getAt(input.facts, path) !== undefined || !input.askable(path)) continue;
    out.push({ path, why: why.get(path) ?? null });
  }
  return out;
}

export function progress(answered: number, pending: number): { answered: number; total: number; percent: number } {
  const total = answered + pending;
  return { answered, total, percent: total === 0 ? 100 : Math.round((answered / total) * 100) };
}
