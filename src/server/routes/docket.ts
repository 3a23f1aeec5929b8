/** Docket events of a case; adding one attaches the deadlines it starts. */
import { z } from 'zod';
import { DOCKET_EVENT_KINDS } from '../../core/deadlines/index.ts';
import { defineRoute, type AnyRoute } from '../route.ts';
import { CaseIdParams, Id, IsoDate, Timestamp } from '../schemas.ts';
import { withRenderedMessages } from '../render-messages.ts';
import { actorOf } from './actor.ts';

const EventOut = z.object({
  id: Id,
  caseId: Id,
  kind: z.string(),
  date: IsoDate,
  time: z.string().nullable(),
  note: z.string().nullable(),
  createdBy: Id,
  createdAt: Timestamp,
});

export function docketRoutes(): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/api/cases/:caseId/docket',
      tag: 'docket',
      summary: "A case's docket events.",
      access: 'docket.read',
      params: CaseIdParams,
      responses: [{ status: 200, description: 'Events', schema: z.object({ events: z.array(EventOut) }) }],
      handler: async ({ c, deps, user, params }) =>
        c.json({ events: await deps.store.docket.listEvents(actorOf(c, user), params.caseId) }),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/cases/:caseId/docket',
      tag: 'docket',
      summary: 'Record a docket event; the deadlines it starts are computed and attached.',
      access: 'docket.write',
      params: CaseIdParams,
      body: z.object({
        kind: z
          .string()
          .trim()
          .min(1)
          .max(100)
          .describe(`An event kind; these start deadlines: ${DOCKET_EVENT_KINDS.join(', ')}.`),
        date: IsoDate,
        time: z
          .string()
          .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM, 24-hour clock')
          .optional(),
        note: z.string().trim().max(2000).optional(),
      }),
      responses: [
        {
          status: 201,
          description: 'The event and the deadlines attached',
          schema: z.object({ event: EventOut, deadlines: z.array(z.object({ id: Id, ruleId: z.string(), dueDate: IsoDate }).loose()) }),
        },
      ],
      handler: async ({ c, deps, user, params, body, lang }) =>
        c.json(withRenderedMessages(await deps.store.docket.addEvent(actorOf(c, user), params.caseId, body), lang), 201),
    }),
  ];
}
