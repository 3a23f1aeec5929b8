/**
 * The bridge from a docket event to the deadline engine (src/core/deadlines): which deadlines the event starts,
 * each computed under FRCP 6(a). Kept in one place so the store does not depend on the engine's internals.
 */

export interface ComputedDeadline {
  ruleId: string;
  dueDate: string;
  dueTime: string | null;
  /** The engine's result: steps, citation, warnings (no personal data). */
  computation: unknown;
}

export async function deadlinesForEvent(_event: { kind: string; date: string; time: string | null }): Promise<ComputedDeadline[]> {
  // Filled in once src/core/deadlines exports deadlinesForDocketEvent() and computeDeadline().
  return [];
}
