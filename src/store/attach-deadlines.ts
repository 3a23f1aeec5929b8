/**
 * The bridge from a docket event to the deadline engine (src/core/deadlines): which deadlines the event starts,
 * each computed under FRCP 6(a) by `deadlinesForDocketEvent()` (which calls `computeDeadline()` per rule).
 * Events of kinds the engine does not know (e.g. a hearing) are stored without deadlines.
 */
import { DeadlineInputError, deadlinesForDocketEvent, isDocketEventKind, type DeadlineResult } from '../core/deadlines/index.ts';
import { render } from '../i18n/i18n.ts';
import { StoreError } from './types.ts';

export interface ComputedDeadline {
  ruleId: string;
  dueDate: string;
  dueTime: string | null;
  /** The engine's result: steps, citations, warnings, flags (message codes and dates; no personal data). */
  computation: DeadlineResult;
}

export function deadlinesForEvent(event: { kind: string; date: string; time: string | null; timeZone?: string }): ComputedDeadline[] {
  if (!isDocketEventKind(event.kind)) return [];
  // Hour-based rules (the detainer hold) start at an instant: the date and time, in the given zone.
  const trigger = event.time ? `${event.date}T${event.time}` : event.date;
  try {
    return deadlinesForDocketEvent({ kind: event.kind, date: trigger, ...(event.timeZone ? { timeZone: event.timeZone } : {}) }).map((r) => ({
      ruleId: r.ruleId,
      dueDate: r.dueDate,
      dueTime: r.dueTime ?? null,
      computation: r,
    }));
  } catch (e) {
    if (e instanceof DeadlineInputError) throw new StoreError('invalid', render('en', e.problem), e.problem);
    throw e;
  }
}
