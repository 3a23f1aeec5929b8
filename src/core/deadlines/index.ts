/**
 * The deadline engine (pure): FRCP 6(a) counting, legal holidays, the detainer hold limit, the deadline rules
 * (rules/deadlines) and what docket events start. See docs/deadlines.md.
 */
export { computeDeadline, type ComputeDeadlineOptions, type DeadlineResult } from './compute-deadline.ts';
export { addDaysFrcp6a, addPeriodFrcp6a, rollToCourtDay, type CountOptions, type CountResult, type Direction } from './add-days-frcp6a.ts';
export { addHoursFrcp6a, type HoursResult } from './add-hours-frcp6a.ts';
export { addServiceDaysFrcp6d, isServiceMethod, SERVICE_METHODS, FRCP_6D_DAYS, type ServiceMethod } from './add-days-frcp6d.ts';
export { detainerHoldLimit, DETAINER_HOLD_HOURS, type DetainerHoldLimit } from './detainer-hold-limit.ts';
export { federalHolidays, isLegalHoliday, isCourtDay, legalHolidayOn, observedDate, type Holiday } from './holidays.ts';
export { listDeadlineRules, findDeadlineRule, type DeadlineRule, type DeadlineRuleSummary, type Citation, type LocalizedText } from './deadline-rule.ts';
export { DOCKET_EVENT_KINDS, isDocketEventKind, type DocketEventKind } from './docket-event-kinds.ts';
export { deadlinesForDocketEvent, rulesStartedBy, type DocketEvent } from './docket-events.ts';
export { STATE_TIME_ZONES, timeZoneForState } from './time-zones.ts';
export { DeadlineInputError } from './errors.ts';
export { isIsoDate } from './calendar-date.ts';
export { deadlinesToIcs, type IcsOptions } from './to-ics.ts';
