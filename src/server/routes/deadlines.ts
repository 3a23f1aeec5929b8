/**
 * Deadlines: compute one (FRCP 6(a), with its steps), a case's deadlines, the organization's deadlines across its
 * cases (the dashboard), their status, and the case calendar (.ics).
 */
import { z } from 'zod';
import { computeDeadline, listDeadlineRules, SERVICE_METHODS, type DeadlineResult } from '../../core/deadlines/index.ts';
import { deadlinesToIcs } from '../../core/deadlines/to-ics.ts';
import { render, t } from '../../i18n/i18n.ts';
import { defineRoute, type AnyRoute } from '../route.ts';
import { CaseIdParams, Id, IsoDate, Timestamp } from '../schemas.ts';
import { withRenderedMessages } from '../render-messages.ts';
import { actorOf } from './actor.ts';

const DeadlineOut = z.object({
  id: Id,
  caseId: Id,
  ruleId: z.string(),
  dueDate: IsoDate,
  dueTime: z.string().nullable(),
  sourceEventId: Id.nullable(),
  status: z.enum(['open', 'met', 'dismissed']),
  computation: z.unknown(),
  createdAt: Timestamp,
});

const ComputeBody = z.object({
  rule: z.string().min(1).max(100).describe('A deadline rule id (GET /api/deadlines/rules).'),
  from: z
    .string()
    .min(10)
    .max(40)
    .describe('The trigger: YYYY-MM-DD, or a date-time with offset for hour-based rules (detainer hold limit).'),
  mailed: z.boolean().optional(),
  servedBy: z
    .enum(SERVICE_METHODS)
    .optional()
    .describe('How the paper starting the period was served (rules that run from service under FRCP 5(b)): mail, clerk or consent add the 3 days of FRCP 6(d); electronic adds none.'),
  state: z.string().length(2).optional(),
  timeZone: z.string().min(1).max(64).optional(),
  asOf: z.string().min(10).max(40).optional(),
  extraHolidays: z.array(IsoDate).max(50).optional(),
});

export function deadlineRoutes(): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/api/deadlines/rules',
      tag: 'deadlines',
      summary: 'The deadline rules Writ knows, with their citations.',
      access: 'deadline.compute',
      responses: [{ status: 200, description: 'Rules', schema: z.object({ rules: z.array(z.object({ id: z.string() }).loose()) }) }],
      handler: async ({ c }) => c.json({ rules: listDeadlineRules() }),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/deadlines/compute',
      tag: 'deadlines',
      summary: 'Compute one deadline under FRCP 6(a), with the steps, citations and warnings. Stores nothing.',
      access: 'deadline.compute',
      body: ComputeBody,
      responses: [
        {
          status: 200,
          description: 'The deadline (messages carry `text` in the request language)',
          schema: z.object({ ruleId: z.string(), dueDate: IsoDate, steps: z.array(z.unknown()) }).loose(),
        },
      ],
      handler: async ({ c, body, lang }) => {
        const { rule, from, ...options } = body;
        return c.json(withRenderedMessages(computeDeadline(rule, from, options), lang));
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/cases/:caseId/deadlines',
      tag: 'deadlines',
      summary: "A case's deadlines (attached from its docket events).",
      access: 'deadline.read',
      params: CaseIdParams,
      responses: [{ status: 200, description: 'Deadlines', schema: z.object({ deadlines: z.array(DeadlineOut) }) }],
      handler: async ({ c, deps, user, params, lang }) => {
        const list = await deps.store.docket.listDeadlines(actorOf(c, user), params.caseId);
        return c.json({ deadlines: withRenderedMessages(list, lang) });
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/deadlines',
      tag: 'deadlines',
      summary:
        "The deadlines of all the organization's cases, soonest first (the dashboard); optionally one `status` and only those due before `before` (YYYY-MM-DD, exclusive).",
      access: 'deadline.read',
      query: z.object({
        status: z.enum(['open', 'met', 'dismissed']).optional(),
        before: IsoDate.optional(),
      }),
      responses: [{ status: 200, description: 'Deadlines', schema: z.object({ deadlines: z.array(DeadlineOut) }) }],
      handler: async ({ c, deps, user, query, lang }) => {
        const list = await deps.store.docket.listOrgDeadlines(actorOf(c, user), {
          ...(query.status ? { status: query.status } : {}),
          ...(query.before ? { before: query.before } : {}),
        });
        return c.json({ deadlines: withRenderedMessages(list, lang) });
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/cases/:caseId/deadlines.ics',
      tag: 'deadlines',
      summary: "The case's open deadlines as an iCalendar file (steps, citations and warnings in each event; no names).",
      access: 'deadline.read',
      params: CaseIdParams,
      responses: [{ status: 200, description: 'iCalendar (RFC 5545)', contentType: 'text/calendar' }],
      handler: async ({ c, deps, user, params, lang }) => {
        const list = await deps.store.docket.listDeadlines(actorOf(c, user), params.caseId);
        const computed = list
          .filter((d) => d.status === 'open')
          .map((d) => d.computation as DeadlineResult | null)
          .filter((x): x is DeadlineResult => typeof x === 'object' && x !== null && typeof x.dueDate === 'string');
        const ics = deadlinesToIcs(computed, {
          render: (m) => render(lang, m),
          stamp: deps.config.now().toISOString(),
          caseId: params.caseId,
          calendarName: 'Writ',
          footer: t(lang, 'common:notLegalAdvice'),
        });
        return c.body(ics, 200, {
          'Content-Type': 'text/calendar; charset=utf-8',
          'Content-Disposition': 'attachment; filename="writ-deadlines.ics"',
        });
      },
    }),
    defineRoute({
      method: 'PATCH',
      path: '/api/deadlines/:deadlineId',
      tag: 'deadlines',
      summary: 'Mark a deadline met or dismissed (or open again).',
      access: 'docket.write',
      params: z.object({ deadlineId: Id }),
      body: z.object({ status: z.enum(['open', 'met', 'dismissed']) }),
      responses: [{ status: 200, description: 'Changed', schema: DeadlineOut }],
      handler: async ({ c, deps, user, params, body, lang }) =>
        c.json(withRenderedMessages(await deps.store.docket.setDeadlineStatus(actorOf(c, user), params.deadlineId, body.status), lang)),
    }),
  ];
}
