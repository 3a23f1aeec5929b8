/**
 * The evidence locker: files streamed in with a size limit, hashed (SHA-256) while streaming, typed by their bytes,
 * encrypted at rest, with a chain of custody (added, viewed, exported, linked) and exhibit / Bates numbering.
 */
import { createHash } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { decryptBytes, decryptText, encryptText, recordAad, startEncryption } from '../crypto/cipher.ts';
import { cases, custodyEvents, evidence } from './schema.ts';
import {
  StoreError,
  type Actor,
  type CustodyAction,
  type CustodyEvent,
  type EvidenceApi,
  type EvidenceLink,
  type EvidenceRecord,
} from './types.ts';
import { audit, isId, newId, notFound, optionalText, requireCase, requireText, type StoreContext } from './context.ts';
import { sniffContentType, TextDetector } from './sniff-content-type.ts';
import type { Db } from './open-database.ts';

type EvidenceRow = typeof evidence.$inferSelect;

const HEAD_BYTES = 4100;

function formatBytes(n: number): string {
  if (n >= 1048576) return `${+(n / 1048576).toFixed(1)} MB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}

/** Keeps the last path segment of a file name and refuses control characters. */
export function cleanFilename(name: unknown): string {
  const base = requireText(name, 'filename', 1000).split(/[\\/]/).pop()!.trim();
  if (base === '' || base === '.' || base === '..') throw new StoreError('invalid', 'filename must name a file (e.g. "notice.pdf").');
  if (/[\u0000-\u001f\u007f]/.test(base)) throw new StoreError('invalid', 'filename must not contain control characters.');
  if (base.length > 255) throw new StoreError('invalid', 'filename is too long (at most 255 characters).');
  return base;
}

function toRecord(ctx: StoreContext, r: EvidenceRow): EvidenceRecord {
  return {
    id: r.id,
    caseId: r.caseId,
    filename: decryptText(ctx.ring, r.filenameEnc, recordAad('evidence', r.id, 'filename')),
    contentType: r.contentType,
    size: r.size,
    sha256: r.sha256,
    exhibitNumber: r.exhibitNumber,
    batesStart: r.batesStart,
    batesEnd: r.batesEnd,
    links: r.links as EvidenceLink[],
    createdBy: r.createdBy,
    createdAt: r.createdAt,
  };
}

async function custody(db: Db, evidenceId: string, actor: Actor, action: CustodyAction): Promise<void> {
  await db.insert(custodyEvents).values({ id: newId(), evidenceId, actorId: actor.userId, action, at: new Date() });
}

/** The evidence row when its case belongs to the actor's organization. */
async function requireEvidence(db: Db, actor: Actor, id: string): Promise<EvidenceRow> {
  if (!isId(id)) throw notFound('evidence');
  const r = await db
    .select({ e: evidence })
    .from(evidence)
    .innerJoin(cases, eq(cases.id, evidence.caseId))
    .where(and(eq(evidence.id, id), eq(cases.orgId, actor.orgId)))
    .limit(1);
  if (!r[0]) throw notFound('evidence');
  return r[0].e;
}

function checkLink(link: unknown): EvidenceLink {
  const l = link as EvidenceLink;
  if (!l || typeof l !== 'object') throw new StoreError('invalid', 'A link is {"factsPath": "..."} and/or {"claim": "..."}.');
  const out: EvidenceLink = {};
  if (l.factsPath !== undefined) {
    if (typeof l.factsPath !== 'string' || !/^[A-Za-z0-9_.[\]-]{1,200}$/.test(l.factsPath)) {
      throw new StoreError('invalid', 'factsPath is a path in the facts, e.g. "detention.startDate".');
    }
    out.factsPath = l.factsPath;
  }
  if (l.claim !== undefined) {
    if (typeof l.claim !== 'string' || !/^[A-Za-z0-9_.-]{1,100}$/.test(l.claim)) {
      throw new StoreError('invalid', 'claim is a claim or remedy id, e.g. "HABEAS_2241".');
    }
    out.claim = l.claim;
  }
  if (!out.factsPath && !out.claim) throw new StoreError('invalid', 'A link needs factsPath or claim.');
  return out;
}

export function evidenceApi(ctx: StoreContext): EvidenceApi {
  return {
    async put(actor, caseId, input) {
      await requireCase(ctx.db, actor, caseId);
      const filename = cleanFilename(input.filename);
      if (!input.stream || (typeof (input.stream as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] !== 'function' && typeof (input.stream as Iterable<Uint8Array>)[Symbol.iterator] !== 'function')) {
        throw new StoreError('invalid', 'stream must be the file contents (a readable stream).');
      }
      const id = newId();
      const limit = ctx.evidenceMaxBytes;
      const hash = createHash('sha256');
      const enc = startEncryption(ctx.ring, recordAad('evidence', id, 'blob'));
      const text = new TextDetector();
      const parts: Buffer[] = [];
      const head: Buffer[] = [];
      let headLen = 0;
      let size = 0;
      for await (const raw of input.stream) {
        const chunk = typeof raw === 'string' ? Buffer.from(raw as string) : raw;
        size += chunk.byteLength;
        if (size > limit) {
          const destroy = (input.stream as { destroy?: () => void }).destroy;
          if (typeof destroy === 'function') destroy.call(input.stream);
          throw new StoreError('too_large', `The file is larger than the limit of ${formatBytes(limit)}. Split it, or ask an administrator to raise WRIT_EVIDENCE_MAX_BYTES.`);
        }
        hash.update(chunk);
        text.push(chunk);
        if (headLen < HEAD_BYTES) {
          const take = Buffer.from(chunk.subarray(0, HEAD_BYTES - headLen));
          head.push(take);
          headLen += take.length;
        }
        parts.push(enc.update(chunk));
      }
      if (size === 0) throw new StoreError('invalid', 'The file is empty.');
      parts.push(enc.final());
      const sniffed = await sniffContentType(Buffer.concat(head), text.end());
      if (!sniffed.ok) {
        throw new StoreError(
          'forbidden_type',
          `This file is a program (${sniffed.detected}); programs cannot be stored as evidence. Upload a document, image, audio or video file.`,
        );
      }
      const row: EvidenceRow = {
        id,
        caseId,
        filenameEnc: encryptText(ctx.ring, filename, recordAad('evidence', id, 'filename')),
        contentType: sniffed.contentType,
        size,
        sha256: hash.digest('hex'),
        exhibitNumber: null,
        batesStart: null,
        batesEnd: null,
        links: [],
        blobEnc: enc.seal(Buffer.concat(parts)),
        createdBy: actor.userId,
        createdAt: new Date(),
      };
      await ctx.db.transaction(async (tx) => {
        await tx.insert(evidence).values(row);
        await custody(tx, id, actor, 'added');
        await audit(tx, actor, 'evidence.create', 'evidence', id);
      });
      ctx.log(`evidence: stored ${id} (${size} bytes, ${sniffed.contentType})`);
      return toRecord(ctx, row);
    },

    async list(actor, caseId) {
      await requireCase(ctx.db, actor, caseId);
      const rows = await ctx.db.select().from(evidence).where(eq(evidence.caseId, caseId)).orderBy(asc(evidence.createdAt));
      await audit(ctx.db, actor, 'evidence.list', 'case', caseId);
      return rows.map((r) => toRecord(ctx, r));
    },

    async getRecord(actor, id) {
      const r = await requireEvidence(ctx.db, actor, id);
      await audit(ctx.db, actor, 'evidence.read_metadata', 'evidence', id);
      return toRecord(ctx, r);
    },

    async read(actor, id, purpose = 'viewed') {
      if (purpose !== 'viewed' && purpose !== 'exported') throw new StoreError('invalid', 'purpose is "viewed" or "exported".');
      const r = await requireEvidence(ctx.db, actor, id);
      const bytes = decryptBytes(ctx.ring, r.blobEnc, recordAad('evidence', id, 'blob'));
      await ctx.db.transaction(async (tx) => {
        await custody(tx, id, actor, purpose);
        await audit(tx, actor, purpose === 'viewed' ? 'evidence.view' : 'evidence.export', 'evidence', id);
      });
      return { record: toRecord(ctx, r), bytes };
    },

    async update(actor, id, patch) {
      await requireEvidence(ctx.db, actor, id);
      const set: Partial<EvidenceRow> = {};
      for (const k of ['exhibitNumber', 'batesStart', 'batesEnd'] as const) {
        if (patch[k] !== undefined) set[k] = optionalText(patch[k], k, 50);
      }
      if (Object.keys(set).length === 0) return this.getRecord(actor, id);
      const row = await ctx.db.transaction(async (tx) => {
        const [u] = await tx.update(evidence).set(set).where(eq(evidence.id, id)).returning();
        await audit(tx, actor, 'evidence.update', 'evidence', id);
        return u!;
      });
      return toRecord(ctx, row);
    },

    async link(actor, id, link) {
      const l = checkLink(link);
      return ctx.db.transaction(async (tx) => {
        const r = await requireEvidence(tx, actor, id);
        const links = [...(r.links as EvidenceLink[])];
        if (!links.some((x) => x.factsPath === l.factsPath && x.claim === l.claim)) links.push(l);
        const [u] = await tx.update(evidence).set({ links }).where(eq(evidence.id, id)).returning();
        await custody(tx, id, actor, 'linked');
        await audit(tx, actor, 'evidence.link', 'evidence', id);
        return toRecord(ctx, u!);
      });
    },

    async custody(actor, id) {
      await requireEvidence(ctx.db, actor, id);
      const rows = await ctx.db.select().from(custodyEvents).where(eq(custodyEvents.evidenceId, id)).orderBy(asc(custodyEvents.at));
      await audit(ctx.db, actor, 'evidence.custody.read', 'evidence', id);
      return rows.map((r): CustodyEvent => ({ ...r, action: r.action as CustodyAction }));
    },
  };
}
