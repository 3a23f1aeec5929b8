/**
 * Imported 287(g) sheets (table reference_sheets): stored by `writ data import-287g` and the server's import job,
 * read by every server sharing the database (src/data/imported-sheets.ts merges them with the shipped sheets). Public
 * data, so stored as JSON. `version()` is a cheap fingerprint (count and newest import time) a server checks every few
 * seconds to see that another server imported a sheet.
 */
import { and, count, eq, max } from 'drizzle-orm';
import type { Sheet287g } from '../core/reference/parse-287g-sheet.ts';
import { audit, newId, type StoreContext } from './context.ts';
import { referenceSheets } from './schema.ts';
import { StoreError, type ReferenceSheetsApi } from './types.ts';

function isSheet(x: unknown): x is Sheet287g {
  const s = x as Sheet287g;
  return Boolean(s && (s.kind === 'participating' || s.kind === 'pending') && /^\d{4}-\d{2}-\d{2}$/.test(s.date) && Array.isArray(s.rows));
}

export function referenceSheetsApi(ctx: StoreContext): ReferenceSheetsApi {
  return {
    async save(actor, stored) {
      const { sheet } = stored;
      if (!isSheet(sheet)) throw new StoreError('invalid', 'An imported 287(g) sheet needs a kind (participating or pending), a date (YYYY-MM-DD) and rows.');
      const edition = sheet.edition ?? '';
      const id = newId();
      let replaced = false;
      await ctx.db.transaction(async (tx) => {
        const gone = await tx
          .delete(referenceSheets)
          .where(and(eq(referenceSheets.kind, sheet.kind), eq(referenceSheets.sheetDate, sheet.date), eq(referenceSheets.edition, edition)))
          .returning({ id: referenceSheets.id });
        replaced = gone.length > 0;
        await tx.insert(referenceSheets).values({
          id,
          kind: sheet.kind,
          sheetDate: sheet.date,
          edition,
          sheet: { ...sheet, repairs: stored.repairs ?? [], problems: stored.problems ?? [] },
          importedBy: actor?.userId ?? null,
          importedAt: new Date(),
        });
        await audit(tx, actor, replaced ? 'reference.287g.replace' : 'reference.287g.import', 'reference_sheet', id);
      });
      ctx.log(`reference: 287(g) ${sheet.kind} sheet of ${sheet.date}${edition} stored (${sheet.rows.length} rows)`);
      return { id, replaced };
    },

    async list() {
      const rows = await ctx.db.select().from(referenceSheets).orderBy(referenceSheets.sheetDate, referenceSheets.edition, referenceSheets.kind);
      const out: Sheet287g[] = [];
      for (const r of rows) {
        const s = r.sheet as Sheet287g;
        if (isSheet(s)) out.push({ kind: s.kind, date: s.date, edition: s.edition ?? null, source: s.source, blankRows: s.blankRows ?? 0, rows: s.rows });
      }
      return out;
    },

    async version() {
      const [v] = await ctx.db.select({ n: count(), last: max(referenceSheets.importedAt) }).from(referenceSheets);
      return `${v?.n ?? 0}:${v?.last ? new Date(v.last).getTime() : 0}`;
    },
  };
}
