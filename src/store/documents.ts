/**
 * Generated documents (filing packets): bytes encrypted at rest, with their SHA-256 and size.
 */
import { createHash } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { decryptBytes, decryptText, encryptBytes, encryptText, recordAad } from '../crypto/cipher.ts';
import { cases, documents } from './schema.ts';
import { StoreError, type DocumentRecord, type DocumentsApi } from './types.ts';
import { audit, isId, newId, notFound, requireCase, requireText, type StoreContext } from './context.ts';
import { cleanFilename } from './evidence.ts';

type DocumentRow = typeof documents.$inferSelect;

const MAX_DOCUMENT_BYTES = 200 * 1024 * 1024;

function toRecord(ctx: StoreContext, r: DocumentRow): DocumentRecord {
  return {
    id: r.id,
    caseId: r.caseId,
    kind: r.kind,
    filename: decryptText(ctx.ring, r.filenameEnc, recordAad('documents', r.id, 'filename')),
    contentType: r.contentType,
    sha256: r.sha256,
    size: r.size,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
  };
}

export function documentsApi(ctx: StoreContext): DocumentsApi {
  return {
    async put(actor, caseId, input) {
      await requireCase(ctx.db, actor, caseId);
      const kind = requireText(input.kind, 'kind', 100);
      const filename = cleanFilename(input.filename);
      const contentType = requireText(input.contentType, 'contentType', 200);
      if (!/^[a-z0-9.+-]+\/[a-z0-9.+-]+$/i.test(contentType)) {
        throw new StoreError('invalid', 'contentType must be a media type such as application/pdf.');
      }
      if (!(input.bytes instanceof Uint8Array)) throw new StoreError('invalid', 'bytes must be the document contents.');
      if (input.bytes.byteLength > MAX_DOCUMENT_BYTES) throw new StoreError('too_large', 'The document is larger than 200 MB.');
      const id = newId();
      const row: DocumentRow = {
        id,
        caseId,
        kind,
        filenameEnc: encryptText(ctx.ring, filename, recordAad('documents', id, 'filename')),
        contentType,
        sha256: createHash('sha256').update(input.bytes).digest('hex'),
        size: input.bytes.byteLength,
        blobEnc: encryptBytes(ctx.ring, input.bytes, recordAad('documents', id, 'blob')),
        fileRef: null,
        createdBy: actor.userId,
        createdAt: new Date(),
      };
      await ctx.db.transaction(async (tx) => {
        await tx.insert(documents).values(row);
        await audit(tx, actor, 'document.create', 'document', id);
      });
      return toRecord(ctx, row);
    },
    async list(actor, caseId) {
      await requireCase(ctx.db, actor, caseId);
      const rows = await ctx.db.select().from(documents).where(eq(documents.caseId, caseId)).orderBy(asc(documents.createdAt));
      await audit(ctx.db, actor, 'document.list', 'case', caseId);
      return rows.map((r) => toRecord(ctx, r));
    },
    async get(actor, id) {
      if (!isId(id)) throw notFound('document');
      const r = await ctx.db
        .select({ d: documents })
        .from(documents)
        .innerJoin(cases, eq(cases.id, documents.caseId))
        .where(and(eq(documents.id, id), eq(cases.orgId, actor.orgId)))
        .limit(1);
      const row = r[0]?.d;
      if (!row || !row.blobEnc) throw notFound('document');
      const bytes = decryptBytes(ctx.ring, row.blobEnc, recordAad('documents', id, 'blob'));
      await audit(ctx.db, actor, 'document.read', 'document', id);
      return { record: toRecord(ctx, row), bytes };
    },
  };
}
