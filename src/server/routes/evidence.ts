/**
 * The evidence locker over HTTP. Upload is the raw file as the request body (streamed; the size limit answers 413),
 * the file name in the `X-Filename` header (percent-encoded UTF-8; not in the URL, which proxies log). The type is
 * sniffed from the bytes by the store. Download is always an attachment; only a safe sniffed type (PDF, raster image,
 * plain text) is served as itself, anything else as application/octet-stream, and never HTML, SVG or a program.
 */
import { z } from 'zod';
import { limitedBody } from '../http-body.ts';
import { defineRoute, type AnyRoute } from '../route.ts';
import { CaseIdParams, filenameHeader, Id, Timestamp } from '../schemas.ts';
import { actorOf } from './actor.ts';

/** Sniffed types served as themselves. Everything else is application/octet-stream. */
export const SAFE_DOWNLOAD_TYPES = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'text/plain',
]);

export function downloadContentType(sniffed: string): string {
  const base = sniffed.split(';')[0]!.trim().toLowerCase();
  if (!SAFE_DOWNLOAD_TYPES.has(base)) return 'application/octet-stream';
  return base === 'text/plain' ? 'text/plain; charset=utf-8' : base;
}

/** `attachment; filename="ascii"; filename*=UTF-8''…` (RFC 6266), with quotes and control characters removed. */
export function contentDisposition(filename: string): string {
  const clean = filename.replace(/[\u0000-\u001f\u007f"\\]/g, '_');
  const ascii = clean.replace(/[^\x20-\x7e]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(clean).replace(/['()*]/g, (ch) => '%' + ch.charCodeAt(0).toString(16).toUpperCase())}`;
}

/**
 * A stored file (evidence or a generated document) sent as an attachment: the given type (callers pass only a safe
 * one), the length, the SHA-256 the store recorded, never sniffed by the browser and never run (CSP sandbox).
 */
export function fileDownload(bytes: Uint8Array, file: { contentType: string; filename: string; sha256: string }): Response {
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': contentDisposition(file.filename),
      'Content-Length': String(bytes.byteLength),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'X-Writ-SHA256': file.sha256,
    },
  });
}

const EvidenceIdParams = z.object({ evidenceId: Id });
const Link = z
  .object({
    factsPath: z.string().regex(/^[A-Za-z0-9_.[\]-]{1,200}$/).optional().describe('A path in the facts, e.g. detention.startDate'),
    claim: z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/).optional().describe('A claim or remedy id, e.g. HABEAS_2241'),
  })
  .strict();

const EvidenceOut = z.object({
  id: Id,
  caseId: Id,
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  exhibitNumber: z.string().nullable(),
  batesStart: z.string().nullable(),
  batesEnd: z.string().nullable(),
  links: z.array(Link),
  createdBy: Id,
  createdAt: Timestamp,
});

const CustodyOut = z.object({
  id: Id,
  evidenceId: Id,
  actorId: Id,
  action: z.enum(['added', 'viewed', 'exported', 'linked']),
  at: Timestamp,
});

const UploadHeaders = filenameHeader("The file's name, percent-encoded UTF-8, e.g. decl%C3%A1raci%C3%B3n.pdf");

export function evidenceRoutes(): AnyRoute[] {
  return [
    defineRoute({
      method: 'POST',
      path: '/api/cases/:caseId/evidence',
      tag: 'evidence',
      summary:
        'Upload a file as evidence: the raw bytes as the body, the name in X-Filename (percent-encoded). Size-limited (413), type sniffed, programs refused (415), encrypted at rest.',
      access: 'evidence.upload',
      params: CaseIdParams,
      headers: UploadHeaders,
      rawBody: { contentTypes: ['application/octet-stream'], description: 'The file itself. Any Content-Type; the type is sniffed from the bytes.' },
      responses: [{ status: 201, description: 'Stored', schema: EvidenceOut }],
      handler: async ({ c, deps, user, params, headers }) => {
        const record = await deps.store.evidence.put(actorOf(c, user), params.caseId, {
          filename: headers['x-filename'],
          stream: limitedBody(c, deps.config.maxEvidenceBytes),
        });
        return c.json(record, 201);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/cases/:caseId/evidence',
      tag: 'evidence',
      summary: "A case's evidence (metadata).",
      access: 'evidence.list',
      params: CaseIdParams,
      responses: [{ status: 200, description: 'Evidence', schema: z.object({ evidence: z.array(EvidenceOut) }) }],
      handler: async ({ c, deps, user, params }) =>
        c.json({ evidence: await deps.store.evidence.list(actorOf(c, user), params.caseId) }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/evidence/:evidenceId',
      tag: 'evidence',
      summary: 'One item of evidence (metadata).',
      access: 'evidence.list',
      params: EvidenceIdParams,
      responses: [{ status: 200, description: 'The item', schema: EvidenceOut }],
      handler: async ({ c, deps, user, params }) =>
        c.json(await deps.store.evidence.getRecord(actorOf(c, user), params.evidenceId)),
    }),
    defineRoute({
      method: 'PATCH',
      path: '/api/evidence/:evidenceId',
      tag: 'evidence',
      summary: 'Set the exhibit number and Bates range.',
      access: 'evidence.annotate',
      params: EvidenceIdParams,
      body: z
        .object({
          exhibitNumber: z.string().trim().min(1).max(50).nullable().optional(),
          batesStart: z.string().trim().min(1).max(50).nullable().optional(),
          batesEnd: z.string().trim().min(1).max(50).nullable().optional(),
        })
        .strict(),
      responses: [{ status: 200, description: 'Changed', schema: EvidenceOut }],
      handler: async ({ c, deps, user, params, body }) =>
        c.json(await deps.store.evidence.update(actorOf(c, user), params.evidenceId, body)),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/evidence/:evidenceId/links',
      tag: 'evidence',
      summary: 'Link the item to a fact (facts path) or a claim; recorded in the chain of custody.',
      access: 'evidence.annotate',
      params: EvidenceIdParams,
      body: Link.refine((l) => l.factsPath !== undefined || l.claim !== undefined, { message: 'Give factsPath or claim.' }),
      responses: [{ status: 200, description: 'The item with its links', schema: EvidenceOut }],
      handler: async ({ c, deps, user, params, body }) =>
        c.json(await deps.store.evidence.link(actorOf(c, user), params.evidenceId, body)),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/evidence/:evidenceId/download',
      tag: 'evidence',
      summary: 'The file, as an attachment; recorded in the chain of custody as viewed (or exported).',
      access: 'evidence.download',
      params: EvidenceIdParams,
      query: z.object({ purpose: z.enum(['viewed', 'exported']).default('viewed') }),
      responses: [{ status: 200, description: 'The file', contentType: 'application/octet-stream' }],
      handler: async ({ c, deps, user, params, query }) => {
        const { record, bytes } = await deps.store.evidence.read(actorOf(c, user), params.evidenceId, query.purpose);
        return fileDownload(bytes, { ...record, contentType: downloadContentType(record.contentType) });
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/evidence/:evidenceId/custody',
      tag: 'evidence',
      summary: 'The chain of custody: who added, viewed, exported or linked the item, and when.',
      access: 'custody.read',
      params: EvidenceIdParams,
      responses: [{ status: 200, description: 'Custody events, oldest first', schema: z.object({ custody: z.array(CustodyOut) }) }],
      handler: async ({ c, deps, user, params }) =>
        c.json({ custody: await deps.store.evidence.custody(actorOf(c, user), params.evidenceId) }),
    }),
  ];
}
