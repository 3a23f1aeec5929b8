/**
 * computeDeadline(ruleId, trigger, options): one deadline, with the steps that explain it. Pure: no I/O and no
 * clock — the trigger (and `asOf`, for detainers) come from the caller.
 */
import type { Message } from '../../i18n/i18n.ts';
import { addPeriodFrcp6a } from './add-days-frcp6a.ts';
import { assertIsoDate, dateParam, isIsoDate } from './calendar-date.ts';
import { FLAG_KINDS, findDeadlineRule, allDeadlineRules, ruleTextCode, type Citation, type DeadlineRule, type FlagKind } from './deadline-rule.ts';
import { detainerHoldLimit } from './detainer-hold-limit.ts';
import { addHoursFrcp6a } from './add-hours-frcp6a.ts';
import { addServiceDaysFrcp6d, isServiceMethod, SERVICE_METHODS, type ServiceMethod } from './add-days-frcp6d.ts';
import { DeadlineInputError } from './errors.ts';
import { timeZoneForState } from './time-zones.ts';

export interface ComputeDeadlineOptions {
  /** State holidays where the court sits (FRCP 6(a)(6)(C)); counted only for periods measured forward. */
  extraHolidays?: readonly string[];
  /** Days the clerk's office was inaccessible (FRCP 6(a)(3)(A)); a last day on one moves to the next court day. */
  inaccessibleDays?: readonly string[];
  /** The triggering decision was mailed (N-336: 33 days instead of 30). */
  mailed?: boolean;
  /**
   * How the paper that starts the period was served, for rules whose trigger is service under FRCP 5(b): mail, clerk
   * or consent adds FRCP 6(d)'s 3 days; electronic adds none. Other rules ignore it with a warning.
   */
  servedBy?: ServiceMethod;
  /** IANA zone of the court or place of detention, for hour-based rules. */
  timeZone?: string;
  /** Two-letter state, used for the zone when `timeZone` is not given. */
  state?: string;
  /** For the detainer limit: the instant to measure hours held until (the caller's "now"). */
  asOf?: string;
}

export interface DeadlineResult {
  ruleId: string;
  /** Message code of the rule's label. */
  label: Message;
  kind: DeadlineRule['kind'];
  /** The trigger as given, and its calendar date. */
  trigger: string;
  triggerDate: string;
  /** The last day (or, for eligibility rules, the day the period runs out), ISO. */
  dueDate: string;
  /** Hour-based rules: the trigger instant with the zone's offset. */
  triggerAt?: string;
  /** Hour-based rules: local time HH:MM, the instant with offset, and the zone. */
  dueTime?: string;
  dueAt?: string;
  timeZone?: string;
  /** The day the count reached before any rolling. */
  countedDate: string;
  steps: Message[];
  notes: Message[];
  citations: Citation[];
  warnings: Message[];
  flags: FlagKind[];
  /** Detainer only: clock hours from trigger to limit, days not counted, hours held as of `asOf`. */
  hours?: { elapsedHours: number; excludedDays: string[]; heldHours?: number; pastLimit?: boolean };
}

/** A date-time written YYYY-MM-DDTHH:MM[:SS][.sss][Z|±HH:MM] (for day rules only its date counts). */
const DATE_TIME_SHAPE = /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;

function unknownRule(id: string): DeadlineInputError {
  return new DeadlineInputError('deadlines:errors.unknownRule', {
    value: String(id),
    valid: allDeadlineRules().map((r) => r.id).join(', '),
  });
}

function ruleWarnings(rule: DeadlineRule): { flags: FlagKind[]; warnings: Message[] } {
  const flags = FLAG_KINDS.filter((f) => rule.flags[f] !== undefined);
  return { flags, warnings: flags.map((f) => ({ code: `deadlines:warnings.${f}`, params: { rule: rule.id } })) };
}

function computeHours(rule: DeadlineRule, trigger: string, options: ComputeDeadlineOptions, base: Partial<DeadlineResult>): DeadlineResult {
  if (isIsoDate(trigger)) throw new DeadlineInputError('deadlines:errors.needDateTime', { value: trigger });
  const warnings: Message[] = [];
  let timeZone = options.timeZone;
  if (timeZone === undefined && options.state !== undefined) {
    const st = timeZoneForState(options.state);
    timeZone = st.timeZone;
    if (st.spansZones) {
      warnings.push({ code: 'deadlines:warnings.stateSpansZones', params: { state: options.state.toUpperCase(), zone: st.timeZone, others: st.otherZones!.join(', ') } });
    }
  }
  const period = rule.periods[0]!;
  const zoneOption = timeZone !== undefined ? { timeZone } : {};
  if (!period.skipNonCourtDays) {
    // FRCP 6(a)(2): every hour counts; an end on a weekend or holiday runs to the same time on the next court day.
    const h = addHoursFrcp6a(trigger, period.amount, { ...zoneOption, extraHolidays: options.extraHolidays ?? [] });
    if (h.usedFixedOffset) warnings.push({ code: 'deadlines:warnings.fixedOffset', params: { zone: h.zone.name } });
    return {
      ...(base as DeadlineResult),
      triggerDate: h.startAt.slice(0, 10),
      triggerAt: h.startAt,
      dueDate: h.date,
      dueTime: h.time,
      dueAt: h.at,
      timeZone: h.zone.name,
      countedDate: h.countedDate,
      steps: h.steps,
      warnings: [...base.warnings!, ...warnings],
    };
  }
  const r = detainerHoldLimit(trigger, { ...zoneOption, ...(options.asOf !== undefined ? { asOf: options.asOf } : {}) });
  if (r.usedFixedOffset) warnings.push({ code: 'deadlines:warnings.fixedOffset', params: { zone: r.zone.name } });
  return {
    ...(base as DeadlineResult),
    triggerDate: r.releaseEligibleAt.slice(0, 10),
    triggerAt: r.releaseEligibleAt,
    dueDate: r.limitDate,
    dueTime: r.limitTime,
    dueAt: r.limitAt,
    timeZone: r.zone.name,
    countedDate: r.limitDate,
    steps: r.steps,
    warnings: [...base.warnings!, ...warnings],
    hours: {
      elapsedHours: r.elapsedHours,
      excludedDays: r.excludedDays,
      ...(r.heldHours !== undefined ? { heldHours: r.heldHours, pastLimit: r.pastLimit! } : {}),
    },
  };
}

export function computeDeadline(ruleId: string, trigger: string, options: ComputeDeadlineOptions = {}): DeadlineResult {
  const rule = findDeadlineRule(ruleId);
  if (!rule) throw unknownRule(ruleId);
  if (typeof trigger !== 'string') throw new DeadlineInputError('deadlines:errors.badDate', { field: 'from', value: String(trigger) });
  const { flags, warnings } = ruleWarnings(rule);
  if (options.servedBy !== undefined && !isServiceMethod(options.servedBy)) {
    throw new DeadlineInputError('deadlines:errors.badServedBy', { value: String(options.servedBy), valid: SERVICE_METHODS.join(', ') });
  }
  if (options.servedBy !== undefined && !rule.serviceUnderRule5b) {
    warnings.push({ code: 'deadlines:warnings.servedByIgnored', params: { rule: rule.id } });
  }
  const notes: Message[] = rule.note ? [{ code: ruleTextCode(rule.id, 'note') }] : [];
  const base: Partial<DeadlineResult> = {
    ruleId: rule.id,
    label: { code: ruleTextCode(rule.id, 'label') },
    kind: rule.kind,
    trigger,
    citations: rule.citations,
    notes,
    warnings,
    flags,
  };
  if (rule.periods.some((p) => p.unit === 'hours')) return computeHours(rule, trigger, options, base);

  // Day-based: the trigger is a calendar date (a date-time counts from its written date).
  if (trigger.includes('T') && !DATE_TIME_SHAPE.test(trigger)) {
    throw new DeadlineInputError('deadlines:errors.badDateTime', { value: trigger });
  }
  const triggerDate = assertIsoDate(trigger.includes('T') ? trigger.slice(0, 10) : trigger, 'from');
  if (options.mailed && !rule.periods.some((p) => p.mailedAmount !== undefined)) {
    warnings.push({ code: 'deadlines:warnings.mailedIgnored' });
  }

  const steps: Message[] = [];
  let from = triggerDate;
  let counted = triggerDate;
  let anyRoll = false;
  rule.periods.forEach((p, i) => {
    const amount = options.mailed && p.mailedAmount !== undefined ? p.mailedAmount : p.amount;
    if (options.mailed && p.mailedAmount !== undefined) {
      steps.push({ code: 'deadlines:steps.mailed', params: { n: amount, base: p.amount } });
    }
    if (rule.periods.length > 1) steps.push({ code: ruleTextCode(rule.id, `periods.${p.id}`) });
    const r = addPeriodFrcp6a(from, amount, p.unit as 'days' | 'months' | 'years', {
      direction: rule.direction,
      extraHolidays: options.extraHolidays ?? [],
      inaccessibleDays: options.inaccessibleDays ?? [],
      roll: p.roll,
    });
    // A chained period starts on the previous period's last day, which is already named: skip its "exclude" step.
    steps.push(...(i === 0 ? r.steps : r.steps.slice(1)));
    counted = r.counted;
    from = r.date;
    anyRoll ||= p.roll;
  });
  if (rule.serviceUnderRule5b && options.servedBy !== undefined) {
    const d = addServiceDaysFrcp6d(from, options.servedBy, {
      extraHolidays: options.extraHolidays ?? [],
      inaccessibleDays: options.inaccessibleDays ?? [],
    });
    steps.push(...d.steps);
    counted = d.counted;
    from = d.date;
  } else if (rule.serviceUnderRule5b) {
    warnings.push({ code: 'deadlines:warnings.servedByMissing' });
  }
  if (anyRoll) warnings.push({ code: 'deadlines:warnings.checkCourtCalendar' });
  if (rule.kind === 'deadline' && anyRoll) notes.push({ code: 'deadlines:notes.lastDayEnds' });
  if (rule.kind === 'eligibility') steps.push({ code: 'deadlines:steps.eligibilityNoRoll', params: { date: dateParam(from) } });
  return { ...(base as DeadlineResult), triggerDate, dueDate: from, countedDate: counted, steps, notes, warnings };
}
