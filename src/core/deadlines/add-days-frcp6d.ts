/**
 * FRCP 6(d): "When a party may or must act within a specified time after being served and service is made under
 * Rule 5(b)(2)(C) (mail), (D) (leaving with the clerk), or (F) (other means consented to), 3 days are added after the
 * period would otherwise expire under Rule 6(a)." No days for electronic (CM/ECF) service since Dec. 1, 2016
 * (SPEC § 5.5, step 6). The 3 days start on the period's last day as rolled under 6(a), and they are themselves a
 * period computed under 6(a) (which governs "any time period specified in these rules"): a third day on a Saturday,
 * Sunday or legal holiday runs to the next court day.
 */
import type { Message } from '../../i18n/i18n.ts';
import { addPeriodFrcp6a, type CountOptions } from './add-days-frcp6a.ts';
import { dateParam } from './calendar-date.ts';
import { DeadlineInputError } from './errors.ts';

/** How the paper that starts the period was served: Rule 5(b)(2)(C) mail, (D) clerk, (F) consent, (E) electronic. */
export const SERVICE_METHODS = ['mail', 'clerk', 'consent', 'electronic'] as const;
export type ServiceMethod = (typeof SERVICE_METHODS)[number];

/** The days FRCP 6(d) adds. */
export const FRCP_6D_DAYS = 3;

export function isServiceMethod(x: unknown): x is ServiceMethod {
  return typeof x === 'string' && (SERVICE_METHODS as readonly string[]).includes(x);
}

/**
 * The last day after FRCP 6(d), from `expires` (the last day under 6(a), already rolled). Electronic service adds
 * nothing (one step says so). `counted` is the third day before any rolling.
 */
export function addServiceDaysFrcp6d(
  expires: string,
  servedBy: ServiceMethod,
  options: Pick<CountOptions, 'extraHolidays' | 'inaccessibleDays'> = {},
): { date: string; counted: string; steps: Message[] } {
  if (!isServiceMethod(servedBy)) {
    throw new DeadlineInputError('deadlines:errors.badServedBy', { value: String(servedBy), valid: SERVICE_METHODS.join(', ') });
  }
  if (servedBy === 'electronic') {
    return { date: expires, counted: expires, steps: [{ code: 'deadlines:steps.frcp6dElectronic', params: { date: dateParam(expires) } }] };
  }
  const r = addPeriodFrcp6a(expires, FRCP_6D_DAYS, 'days', { ...options, direction: 'forward', roll: true });
  // r.steps[0] would exclude the day the period expired; the 6(d) step names that day instead.
  const steps: Message[] = [
    { code: 'deadlines:steps.frcp6dAdded', params: { n: FRCP_6D_DAYS, method: servedBy, expires: dateParam(expires), date: dateParam(r.counted) } },
    ...r.steps.slice(2),
  ];
  return { date: r.date, counted: r.counted, steps };
}
