/**
 * Filing packets: built by the packet builder (src/documents) from a case's latest facts and their analysis, each
 * file stored with its SHA-256 as a generated document of the case; documents are downloaded as attachments.
 */
import { z } from 'zod';
import { PacketInputSchema } from '../../documents/packet-input.ts';
import type { ServerDeps } from '../deps.ts';
import { requireValidFacts } from '../facts-input.ts';
import { defineRoute, type AnyRoute } from '../route.ts';
import { CaseIdParams, Id, Timestamp } from '../schemas.ts';
import { withRenderedMessages } from '../render-messages.ts';
import { actorOf } from './actor.ts';
import { fileDownload } from './evidence.ts';

const CONTENT_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

const DocumentOut = z.object({
  id: Id,
  caseId: Id,
  kind: z.string(),
  filename: z.string(),
  contentType: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int(),
  createdBy: Id,
  createdAt: Timestamp,
});

// The engine and the packet builder (fonts, templates) load on first use, not at server start.
async function engines() {
  const [{ analyze }, { buildPacket }] = await Promise.all([
    import('../../core/analysis/analyze.ts'),
    import('../../documents/build-packet.ts'),
  ]);
  return { analyze, buildPacket };
}

function context(deps: ServerDeps) {
  return { ...(deps.reference ? { reference: deps.reference } : {}), today: deps.config.now().toISOString().slice(0, 10) };
}

export function packetRoutes(): AnyRoute[] {
  return [
    defineRoute({
      method: 'POST',
      path: '/api/cases/:caseId/packets',
      tag: 'packets',
      summary:
        "Build the filing packet from the case's latest facts: the documents its viable remedies call for, as DOCX and PDF, each stored with its SHA-256.",
      access: 'packet.generate',
      params: CaseIdParams,
      body: z.object({
        formats: z.array(z.enum(['docx', 'pdf'])).min(1).max(2).optional(),
        maskANumber: z.boolean().optional(),
        input: PacketInputSchema.optional(),
      }),
      responses: [
        {
          status: 201,
          description: 'The manifest (files, blanks to fill, warnings) and the stored documents',
          schema: z.object({
            revision: z.number().int(),
            manifest: z.object({ files: z.array(z.object({ name: z.string(), sha256: z.string() }).loose()) }).loose(),
            documents: z.array(DocumentOut),
            warnings: z.array(z.unknown()),
            privacyReport: z
              .object({ changes: z.array(z.object({ document: z.string(), kind: z.string(), rule: z.string() }).loose()), notes: z.array(z.unknown()) })
              .describe('The FRCP 5.2 privacy check: what was masked in which document, and notes'),
            previews: z
              .array(z.object({ id: z.string(), title: z.string(), text: z.string(), blanks: z.array(z.string()) }))
              .describe('Each document as plain text (as filed, after redaction), for a preview before download'),
          }),
        },
      ],
      handler: async ({ c, deps, user, params, body, lang }) => {
        const actor = actorOf(c, user);
        const kase = await deps.store.cases.get(actor, params.caseId);
        const facts = requireValidFacts(kase.facts ?? { version: 1 });
        const { analyze, buildPacket } = await engines();
        const ctx = context(deps);
        const analysis = analyze(facts, ctx);
        const packet = await buildPacket({
          facts,
          analysis,
          ...(ctx.reference ? { reference: ctx.reference } : {}),
          options: {
            ...(body.input ? { input: body.input } : {}),
            ...(body.formats ? { formats: body.formats } : {}),
            ...(body.maskANumber !== undefined ? { maskANumber: body.maskANumber } : {}),
          },
        });
        const documents = [];
        for (const doc of packet.documents) {
          for (const format of ['docx', 'pdf'] as const) {
            const bytes = doc[format];
            if (!bytes) continue;
            documents.push(
              await deps.store.documents.put(actor, params.caseId, {
                kind: doc.id,
                filename: `${doc.id}.${format}`,
                contentType: CONTENT_TYPES[format],
                bytes,
              }),
            );
          }
        }
        await deps.store.audit.record(actor, { action: 'packet.generate', entity: 'case', entityId: params.caseId });
        return c.json(
          withRenderedMessages(
            {
              revision: kase.currentRevision,
              manifest: packet.manifest,
              documents,
              warnings: packet.warnings,
              privacyReport: packet.privacyReport,
              previews: packet.documents.map((d) => ({ id: d.id, title: d.title, text: d.text, blanks: d.blanks })),
            },
            lang,
          ),
          201,
        );
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/cases/:caseId/documents',
      tag: 'packets',
      summary: "A case's generated documents.",
      access: 'document.read',
      params: CaseIdParams,
      responses: [{ status: 200, description: 'Documents', schema: z.object({ documents: z.array(DocumentOut) }) }],
      handler: async ({ c, deps, user, params }) =>
        c.json({ documents: await deps.store.documents.list(actorOf(c, user), params.caseId) }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/documents/:documentId/download',
      tag: 'packets',
      summary: 'A generated document (DOCX or PDF), as an attachment.',
      access: 'document.read',
      params: z.object({ documentId: Id }),
      responses: [{ status: 200, description: 'The file', contentType: 'application/octet-stream' }],
      handler: async ({ c, deps, user, params }) => {
        const { record, bytes } = await deps.store.documents.get(actorOf(c, user), params.documentId);
        const type = Object.values(CONTENT_TYPES).includes(record.contentType as never) ? record.contentType : 'application/octet-stream';
        return fileDownload(bytes, { ...record, contentType: type });
      },
    }),
  ];
}
