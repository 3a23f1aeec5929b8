/**
 * The deadlines a docket event starts, so the store can attach them to a case. Rules name their trigger event
 * (rules/deadlines/*.json `trigger.event`); this returns every rule's computed deadline for the event.
 */
import { allDeadlineRules } from './deadline-rule.ts';
import { computeDeadline, type ComputeDeadlineOptions, type DeadlineResult } from './compute-deadline.ts';
import { DOCKET_EVENT_KINDS, isDocketEventKind, type DocketEventKind } from './docket-event-kinds.ts';
import { DeadlineInputError } from './errors.ts';

export interface DocketEvent extends ComputeDeadlineOptions {
  kind: DocketEventKind | string;
  /** ISO date ('2026-03-02'); for `detainer-release-eligible` a date-time with offset or with `timeZone`. */
  date: string;
}

export function rulesStartedBy(kind: DocketEventKind): string[] {
  return allDeadlineRules().filter((r) => r.trigger.event === kind).map((r) => r.id);
}

export function deadlinesForDocketEvent(event: DocketEvent): DeadlineResult[] {
  if (!isDocketEventKind(event.kind)) {
    throw new DeadlineInputError('deadlines:errors.unknownEventKind', { value: String(event.kind), valid: DOCKET_EVENT_KINDS.join(', ') });
  }
  const { kind, date, ...options } = event;
  return rulesStartedBy(kind).map((id) => computeDeadline(id, date, options));
}
