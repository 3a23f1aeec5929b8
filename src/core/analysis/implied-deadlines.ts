/**
 * The deadlines a case's facts imply, per remedy, computed by the deadline engine (src/core/deadlines) — this file
 * only picks the triggers from the facts. Dates the deadline engine has no rule for (the Zadvydas six months, the
 * § 2401(a) six years, the state § 1983 period) are reported with the calendar helpers of the same engine, or
 * without a date when the spec gives none.
 */
import { computeDeadline, type DeadlineResult, type ComputeDeadlineOptions } from '../deadlines/index.ts';
import { addCalendarMonths } from '../deadlines/calendar-date.ts';
import type { Deadline, RemedyId, Citation } from './types.ts';
import type { EvalContext } from './eval-context.ts';
import { dateOnly, msg } from './eval-context.ts';
import { ftcaAccrual } from './evaluators/damages-elements.ts';
import { detentionTheory, isLocalHold } from './evaluators/habeas-elements.ts';

/**
 * computeDeadline, or null when the trigger is outside what the engine supports (the caller then shows no date).
 * Results are memoized: computeDeadline is pure, and batch runs see the same triggers again and again.
 * The cached results are shared, so callers must not mutate them.
 */
const memo = new Map<string, DeadlineResult | null>();
const MEMO_MAX = 20_000;

export function tryDeadline(ruleId: string, trigger: string, options: ComputeDeadlineOptions = {}): DeadlineResult | null {
  const key = `${ruleId}|${trigger}|${options.mailed ? 'm' : ''}|${options.state ?? ''}`;
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  let r: DeadlineResult | null;
  try {
    r = computeDeadline(ruleId, trigger, options);
  } catch {
    r = null;
  }
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(key, r);
  return r;
}

function fromEngine(id: string, r: DeadlineResult | null, date: string): Deadline | null {
  if (!r) return null;
  const due = r.dueAt ?? r.dueDate;
  return {
    id,
    message: r.label,
    due,
    kind: r.kind === 'eligibility' ? 'earliest' : 'deadline',
    trigger: r.trigger,
    passed: r.kind === 'eligibility' ? null : r.dueDate < date,
    citations: r.citations as Citation[],
    steps: r.steps,
    warnings: r.warnings,
  };
}

function own(id: string, due: string | null, kind: Deadline['kind'], trigger: string | null, date: string, citations: Citation[], warnings = [] as Deadline['warnings']): Deadline {
  return { id, message: msg(`deadline.${id}`), due, kind, trigger, passed: due && kind === 'deadline' ? due < date : null, citations, steps: [], warnings };
}

const ZADVYDAS: Citation = { cite: 'Zadvydas v. Davis, 533 U.S. 678, 701 (2001)', title: 'Six months of post-order detention presumptively reasonable', url: 'https://law.onecle.com/ussc/533/533us701.html', verified_on: '2026-11-22', spec: '§ 1.4' };
const SEC2401A: Citation = { cite: '28 U.S.C. § 2401(a); Corner Post, Inc. v. Board of Governors, No. 22-1008 (U.S. July 1, 2024)', title: 'Six-year limit; accrual at injury by final agency action', url: 'https://supreme.justia.com./cases/federal/us/603/22-1008', verified_on: '2026-11-22', spec: '§ 1.2' };
const WALLACE: Citation = { cite: 'Owens v. Okure, 488 U.S. 235 (1989); Wallace v. Kato', title: 'State personal-injury period; false imprisonment accrues when detention ends', url: 'https://supreme.justia.com/us/488/235', verified_on: null, spec: '§ 1.5' };

export function impliedDeadlines(remedy: RemedyId, c: EvalContext): Deadline[] {
  const f = c.facts;
  const b = f.benefitRequest;
  const out: (Deadline | null)[] = [];
  switch (remedy) {
    case 'NATZ_1447B':
      if (b?.form === 'N-400' && b.interviewDate) out.push(fromEngine('NATZ_1447B_ELIGIBLE', tryDeadline('natz-1447b', b.interviewDate), c.date));
      break;
    case 'NATZ_1421C':
      if (b?.form === 'N-400' && b.status === 'denied' && b.decisionDate) {
        out.push(fromEngine('N336_FILE', tryDeadline('n336', b.decisionDate, { mailed: b.decisionServedBy === 'mail' }), c.date));
      }
      if (b?.n336?.decisionDate) out.push(fromEngine('NATZ_1421C_FILE', tryDeadline('natz-1421c', b.n336.decisionDate), c.date));
      break;
    case 'APA_706_2':
      if (b?.decisionDate && (b.status === 'denied' || b.status === 'refused')) {
        out.push(own('APA_2401A', addCalendarMonths(b.decisionDate, 72), 'deadline', b.decisionDate, c.date, [SEC2401A]));
      }
      break;
    case 'HABEAS_2241': {
      const d = f.detention;
      if (d?.releaseEligibleAt && isLocalHold(c)) {
        const state = d.facility?.state ?? c.enforcementState ?? undefined;
        out.push(fromEngine('DETAINER_HOLD_LIMIT', tryDeadline('detainer-287-7d', d.releaseEligibleAt, state ? { state } : {}), c.date));
      }
      if (detentionTheory(c) === 'post_order') {
        const start = f.removal?.stayLiftedDate ?? f.removal?.finalOrderDate;
        if (start) out.push(own('ZADVYDAS_SIX_MONTHS', addCalendarMonths(start, 6), 'earliest', start, c.date, [ZADVYDAS]));
      }
      break;
    }
    case 'FTCA': {
      const accrual = ftcaAccrual(c);
      const s = f.priorRequests?.sf95;
      if (accrual) out.push(fromEngine('FTCA_PRESENT', tryDeadline('ftca-presentment', accrual), c.date));
      if (s?.denialDate) out.push(fromEngine('FTCA_SUE', tryDeadline('ftca-suit', s.denialDate), c.date));
      else if (s?.filedDate) out.push(fromEngine('FTCA_DEEMED_DENIAL', tryDeadline('ftca-deemed-denial', s.filedDate), c.date));
      break;
    }
    case 'SEC1983': {
      const end = f.detention?.releasedAt ? dateOnly(f.detention.releasedAt) : null;
      out.push(own('SEC1983_STATE_PERIOD', null, 'deadline', end, c.date, [WALLACE], [msg('flag.sec1983StatePeriod')]));
      break;
    }
    default:
      break;
  }
  return out.filter((d): d is Deadline => d !== null);
}
