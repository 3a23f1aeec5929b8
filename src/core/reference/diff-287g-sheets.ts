/**
 * The difference between two 287(g) sheets of the same kind: agreements added, removed, and changed
 * (model, signed date, MOA link). An agency whose only change is its model (e.g. WSO → TFM) is reported
 * as a model change rather than as one removal and one addition. Pure.
 */
import type { Model287g, StateCode } from './reference.ts';
import { agencyKey, agreementId } from './history-287g.ts';
import type { Row287g, Sheet287g } from './parse-287g-sheet.ts';
import { pairRenames } from './same-agency.ts';

export interface DiffEntry {
  id: string;
  state: StateCode;
  agency: string;
  model: Model287g;
  signed: string | null;
  moaUrl: string | null;
  row: number;
}

export interface FieldChange {
  field: 'model' | 'signed' | 'moaUrl' | 'agency';
  from: string | null;
  to: string | null;
}

export interface ChangedEntry {
  id: string; // id in the new sheet
  state: StateCode;
  agency: string;
  row: number; // row in the new sheet
  changes: FieldChange[];
}

export interface SheetDiff {
  from: { date: string; edition: string | null; source: string; kind: Sheet287g['kind'] } | null;
  to: { date: string; edition: string | null; source: string; kind: Sheet287g['kind'] };
  added: DiffEntry[];
  removed: DiffEntry[];
  changed: ChangedEntry[];
  counts: { before: number; after: number; added: number; removed: number; changed: number; unchanged: number };
}

function entry(r: Row287g): DiffEntry {
  return { id: agreementId(r.state, r.agency, r.model), state: r.state, agency: r.agency, model: r.model, signed: r.signed, moaUrl: r.moaUrl, row: r.row };
}

function byId(sheet: Sheet287g): Map<string, DiffEntry> {
  const m = new Map<string, DiffEntry>();
  for (const r of sheet.rows) {
    const e = entry(r);
    if (!m.has(e.id)) m.set(e.id, e);
  }
  return m;
}

export function diff287gSheets(before: Sheet287g | null, after: Sheet287g): SheetDiff {
  const old = before ? byId(before) : new Map<string, DiffEntry>();
  const neu = byId(after);
  let added: DiffEntry[] = [];
  let removed: DiffEntry[] = [];
  const changed: ChangedEntry[] = [];
  let unchanged = 0;
  for (const [id, e] of neu) {
    const o = old.get(id);
    if (!o) {
      added.push(e);
      continue;
    }
    const changes: FieldChange[] = [];
    if (o.signed !== e.signed) changes.push({ field: 'signed', from: o.signed, to: e.signed });
    if (o.moaUrl !== e.moaUrl) changes.push({ field: 'moaUrl', from: o.moaUrl, to: e.moaUrl });
    if (changes.length) changed.push({ id, state: e.state, agency: e.agency, row: e.row, changes });
    else unchanged++;
  }
  for (const [id, o] of old) if (!neu.has(id)) removed.push(o);

  // Model changes: one agreement of an agency removed and one of the same agency added.
  const removedByAgency = new Map<string, DiffEntry[]>();
  for (const r of removed) {
    const k = agencyKey(r.state, r.agency);
    removedByAgency.set(k, [...(removedByAgency.get(k) ?? []), r]);
  }
  const addedByAgency = new Map<string, DiffEntry[]>();
  for (const a of added) {
    const k = agencyKey(a.state, a.agency);
    addedByAgency.set(k, [...(addedByAgency.get(k) ?? []), a]);
  }
  const pairedAdded = new Set<string>();
  const pairedRemoved = new Set<string>();
  for (const [k, adds] of addedByAgency) {
    const rems = removedByAgency.get(k);
    if (!rems || rems.length !== 1 || adds.length !== 1) continue;
    const a = adds[0]!;
    const r = rems[0]!;
    const changes: FieldChange[] = [{ field: 'model', from: r.model, to: a.model }];
    if (r.signed !== a.signed) changes.push({ field: 'signed', from: r.signed, to: a.signed });
    if (r.moaUrl !== a.moaUrl) changes.push({ field: 'moaUrl', from: r.moaUrl, to: a.moaUrl });
    changed.push({ id: a.id, state: a.state, agency: a.agency, row: a.row, changes });
    pairedAdded.add(a.id);
    pairedRemoved.add(r.id);
  }
  added = added.filter((a) => !pairedAdded.has(a.id));
  removed = removed.filter((r) => !pairedRemoved.has(r.id));

  // Spelling corrections ("Berrian County Sheriff's Offic" → "Berrian County Sheriff's Office").
  for (const [r, a] of pairRenames(removed, added)) {
    const changes: FieldChange[] = [{ field: 'agency', from: r.agency, to: a.agency }];
    if (r.signed !== a.signed) changes.push({ field: 'signed', from: r.signed, to: a.signed });
    if (r.moaUrl !== a.moaUrl) changes.push({ field: 'moaUrl', from: r.moaUrl, to: a.moaUrl });
    changed.push({ id: a.id, state: a.state, agency: a.agency, row: a.row, changes });
    added = added.filter((x) => x !== a);
    removed = removed.filter((x) => x !== r);
  }
  const sortKey = (x: { state: string; agency: string; id: string }) => `${x.state}|${x.agency.toLowerCase()}|${x.id}`;
  added.sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
  removed.sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
  changed.sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
  return {
    from: before ? { date: before.date, edition: before.edition, source: before.source, kind: before.kind } : null,
    to: { date: after.date, edition: after.edition, source: after.source, kind: after.kind },
    added,
    removed,
    changed,
    counts: { before: old.size, after: neu.size, added: added.length, removed: removed.length, changed: changed.length, unchanged },
  };
}
