/**
 * Docket events and the deadlines attached to them. Adding an event asks the deadline engine
 * (src/core/deadlines) which deadlines it starts and computes each (FRCP 6(a)); they are stored with the engine's
 * computation (steps, citation, warnings).
 */
import { and, asc, eq, lt, type Column, type SQL } from 'drizzle-orm';
import { decryptText, encryptText, recordAad } from '../crypto/cipher.ts';
import { cases, deadlines, docketEvents } from './schema.ts';
import {
  StoreError,
  type Actor,
  type CaseDeadline,
  type DeadlineStatus,
  type DocketApi,
  type DocketEvent,
} from './types.ts';
import { audit, isId, newId, notFound, optionalText, requireCase, requireDate, requireText, type StoreContext } from './context.ts';
import { deadlinesForEvent } from './attach-deadlines.ts';

type EventRow = typeof docketEvents.$inferSelect;
type DeadlineRow = typeof deadlines.$inferSelect;

const DEADLINE_STATUSES: readonly DeadlineStatus[] = ['open', 'met', 'dismissed'];

function toEvent(ctx: StoreContext, r: EventRow): DocketEvent {
  return {
    id: r.id,
    caseId: r.caseId,
    kind: r.kind,
    date: r.date,
    time: r.time,
    note: r.noteEnc ? decryptText(ctx.ring, r.noteEnc, recordAad('docket_events', r.id, 'note')) : null,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
  };
}

function toDeadline(r: DeadlineRow): CaseDeadline {
  return { ...r, status: r.status as DeadlineStatus };
}

/**
 * The rows of one docket table (events or deadlines) for a case of the actor's organization, ascending by `orderBy`;
 * the read is audited as `action` on the case. 'not_found' when the case is not the organization's.
 */
async function caseRows<T extends typeof docketEvents | typeof deadlines>(
  ctx: StoreContext,
  actor: Actor,
  caseId: string,
  table: T,
  orderBy: Column[],
  action: string,
): Promise<T['$inferSelect'][]> {
  await requireCase(ctx.db, actor, caseId);
  const rows = await ctx.db
    .select()
    .from(table as typeof docketEvents)
    .where(eq(table.caseId, caseId))
    .orderBy(...orderBy.map((c) => asc(c)));
  await audit(ctx.db, actor, action, 'case', caseId);
  return rows as T['$inferSelect'][];
}

export function docketApi(ctx: StoreContext): DocketApi {
  return {
    async addEvent(actor, caseId, input) {
      await requireCase(ctx.db, actor, caseId);
      const kind = requireText(input.kind, 'kind', 100);
      const date = requireDate(input.date, 'date');
      let time: string | null = null;
      if (input.time !== undefined && input.time !== null) {
        if (typeof input.time !== 'string' || !/^([01]\d|2[0-3]):[0-5]\d$/.test(input.time)) {
          throw new StoreError('invalid', 'time must be written HH:MM on a 24-hour clock (e.g. 17:00).');
        }
        time = input.time;
      }
      const note = optionalText(input.note, 'note');
      const id = newId();
      const now = new Date();
      const row: EventRow = {
        id,
        caseId,
        kind,
        date,
        time,
        noteEnc: note === null ? null : encryptText(ctx.ring, note, recordAad('docket_events', id, 'note')),
        createdBy: actor.userId,
        createdAt: now,
      };
      if (input.timeZone !== undefined && (typeof input.timeZone !== 'string' || input.timeZone.length > 100)) {
        throw new StoreError('invalid', 'timeZone must be an IANA time zone such as America/Chicago.');
      }
      const computed = deadlinesForEvent({ kind, date, time, ...(input.timeZone ? { timeZone: input.timeZone } : {}) });
      const dRows: DeadlineRow[] = computed.map((d) => ({
        id: newId(),
        caseId,
        ruleId: d.ruleId,
        dueDate: d.dueDate,
        dueTime: d.dueTime,
        sourceEventId: id,
        status: 'open',
        computation: d.computation as unknown,
        createdAt: now,
      }));
      await ctx.db.transaction(async (tx) => {
        await tx.insert(docketEvents).values(row);
        if (dRows.length) await tx.insert(deadlines).values(dRows);
        await tx.update(cases).set({ updatedAt: now }).where(eq(cases.id, caseId));
        await audit(tx, actor, 'docket_event.create', 'docket_event', id);
      });
      return { event: toEvent(ctx, row), deadlines: dRows.map(toDeadline) };
    },

    async listEvents(actor, caseId) {
      const rows = await caseRows(ctx, actor, caseId, docketEvents, [docketEvents.date, docketEvents.createdAt], 'docket_event.list');
      return rows.map((r) => toEvent(ctx, r));
    },

    async listDeadlines(actor, caseId) {
      return (await caseRows(ctx, actor, caseId, deadlines, [deadlines.dueDate, deadlines.dueTime], 'deadline.list')).map(toDeadline);
    },

    async listOrgDeadlines(actor, opts = {}) {
      if (opts.status !== undefined && !DEADLINE_STATUSES.includes(opts.status)) {
        throw new StoreError('invalid', `status must be one of ${DEADLINE_STATUSES.join(', ')}.`);
      }
      const where: SQL[] = [eq(cases.orgId, actor.orgId)];
      if (opts.status !== undefined) where.push(eq(deadlines.status, opts.status));
      if (opts.before !== undefined) where.push(lt(deadlines.dueDate, requireDate(opts.before, 'before')));
      const rows = await ctx.db
        .select({ d: deadlines })
        .from(deadlines)
        .innerJoin(cases, eq(cases.id, deadlines.caseId))
        .where(and(...where))
        .orderBy(asc(deadlines.dueDate), asc(deadlines.dueTime), asc(deadlines.id));
      await audit(ctx.db, actor, 'deadline.list', 'org', actor.orgId);
      return rows.map((r) => toDeadline(r.d));
    },

    async setDeadlineStatus(actor, deadlineId, status) {
      if (!DEADLINE_STATUSES.includes(status)) {
        throw new StoreError('invalid', `status must be one of ${DEADLINE_STATUSES.join(', ')}.`);
      }
      if (!isId(deadlineId)) throw notFound('deadline');
      const r = await ctx.db
        .select({ d: deadlines })
        .from(deadlines)
        .innerJoin(cases, eq(cases.id, deadlines.caseId))
        .where(and(eq(deadlines.id, deadlineId), eq(cases.orgId, actor.orgId)))
        .limit(1);
      if (!r[0]) throw notFound('deadline');
      const row = await ctx.db.transaction(async (tx) => {
        const [u] = await tx.update(deadlines).set({ status }).where(eq(deadlines.id, deadlineId)).returning();
        await audit(tx, actor, 'deadline.update', 'deadline', deadlineId);
        return u!;
      });
      return toDeadline(row);
    },
  };
}
