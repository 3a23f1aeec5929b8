/**
 * The TRAC factors (Telecommunications Research & Action Center v. FCC, 750 F.2d 70, 80 (D.C. Cir. 1984); SPEC § 1.2),
 * scored one by one with the facts behind each score. Used for mandamus and APA § 706(1) delay claims.
 */
import type { TracScore } from './types.ts';
import type { EvalContext } from './eval-context.ts';
import { isNo, isYes, msg, yearsBetween } from './eval-context.ts';

const QUEUES = new Set(['fifo', 'lifo', 'priority_date', 'visa_bulletin']);

export function scoreTrac(c: EvalContext): TracScore[] | undefined {
  const b = c.facts.benefitRequest;
  if (!b?.form) return undefined;
  const h = c.facts.harms;
  const order = b.queue?.order;
  const out = b.queue?.outOfOrder;
  const years = b.filedDate ? yearsBetween(b.filedDate, c.date) : null;

  // T1 rule of reason
  let t1: TracScore;
  const t1facts = ['benefitRequest.filedDate', 'benefitRequest.queue.order', 'benefitRequest.queue.outOfOrder'];
  if (isYes(out)) t1 = { factor: 'T1', favors: 'plaintiff', reasons: [msg('trac.t1OutOfOrder')], facts: t1facts };
  else if (order && QUEUES.has(order)) t1 = { factor: 'T1', favors: 'government', reasons: [msg('trac.t1Queue', { order })], facts: t1facts };
  else if (order === 'none') t1 = { factor: 'T1', favors: 'plaintiff', reasons: [msg('trac.t1Hold', { years: years ?? '?' })], facts: t1facts };
  else t1 = { factor: 'T1', favors: 'unknown', reasons: [msg('trac.t1Unknown')], facts: t1facts };
  const st = b.securityChecks?.agencyStatement;
  if (st && st !== 'none' && st !== 'unknown') t1.reasons.push(msg('trac.t1SecurityChecks', { complete: b.securityChecks?.complete ?? 'unknown' }));

  // T2 statutory timetable
  let t2: TracScore;
  if (b.form === 'I-589') t2 = { factor: 'T2', favors: 'government', reasons: [msg('trac.t2Asylum')], facts: ['benefitRequest.form'] };
  else if (b.form === 'N-400' && b.interviewDate) t2 = { factor: 'T2', favors: 'plaintiff', reasons: [msg('trac.t2N400')], facts: ['benefitRequest.interviewDate'] };
  else t2 = { factor: 'T2', favors: 'neutral', reasons: [msg('trac.t2SenseOfCongress')], facts: ['benefitRequest.form', 'benefitRequest.filedDate'] };

  // T3 health and welfare; T5 interests prejudiced
  const t3facts = ['harms.health', 'harms.family', 'harms.grave'];
  let t3: TracScore;
  if (isYes(h?.health) || isYes(h?.family) || isYes(h?.grave)) t3 = { factor: 'T3', favors: 'plaintiff', reasons: [msg(isYes(h?.grave) ? 'trac.t3Grave' : 'trac.t3HealthWelfare')], facts: t3facts };
  else if (isNo(h?.health) && isNo(h?.family)) t3 = { factor: 'T3', favors: 'neutral', reasons: [msg('trac.t3None')], facts: t3facts };
  else t3 = { factor: 'T3', favors: 'unknown', reasons: [msg('trac.t3Unknown')], facts: t3facts };

  // T4 effect of expediting (queue-jumping, In re Barr Labs)
  let t4: TracScore;
  const t4facts = ['benefitRequest.queue.outOfOrder', 'benefitRequest.queue.order'];
  if (isYes(out)) t4 = { factor: 'T4', favors: 'plaintiff', reasons: [msg('trac.t4TreatedDifferently')], facts: t4facts };
  else if (order === 'none') t4 = { factor: 'T4', favors: 'neutral', reasons: [msg('trac.t4NoQueue')], facts: t4facts };
  else if (isNo(out) || (order && QUEUES.has(order))) t4 = { factor: 'T4', favors: 'government', reasons: [msg('trac.t4QueueJumping')], facts: t4facts };
  else t4 = { factor: 'T4', favors: 'unknown', reasons: [msg('trac.t4Unknown')], facts: t4facts };

  // T5 interests prejudiced
  const t5facts = ['harms.work', 'harms.family', 'harms.health'];
  let t5: TracScore;
  if (isYes(h?.work) || isYes(h?.family) || isYes(h?.health)) t5 = { factor: 'T5', favors: 'plaintiff', reasons: [msg('trac.t5Prejudice')], facts: t5facts };
  else if ([h?.work, h?.family, h?.health].every((v) => isNo(v))) t5 = { factor: 'T5', favors: 'neutral', reasons: [msg('trac.t5None')], facts: t5facts };
  else t5 = { factor: 'T5', favors: 'unknown', reasons: [msg('trac.t5Unknown')], facts: t5facts };

  // T6 impropriety not required
  const t6: TracScore = { factor: 'T6', favors: 'neutral', reasons: [msg('trac.t6NoImproprietyNeeded')], facts: [] };
  if (isYes(b.inquiries)) t6.reasons.push(msg('trac.t6Inquiries'));
  return [t1, t2, t3, t4, t5, t6];
}
