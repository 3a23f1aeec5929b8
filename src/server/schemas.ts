/** Schemas shared by several route groups. Route-specific schemas sit in the route files. */
import { z } from 'zod';
import { ROLES } from '../store/types.ts';

/** Ids are random UUIDs made by the store. */
export const Id = z.uuid();
export const Timestamp = z.iso.datetime({ offset: true }).describe('ISO 8601 date-time');
export const IsoDate = z.iso.date().describe('YYYY-MM-DD');
export const Role = z.enum(ROLES);

export const CaseIdParams = z.object({ caseId: Id });

export const UserOut = z.object({
  id: Id,
  orgId: Id,
  email: z.string(),
  displayName: z.string(),
  role: Role,
  disabled: z.boolean(),
  createdAt: Timestamp,
});

export const Ok = z.object({ ok: z.literal(true) });


/** `X-Filename`: a file's name, percent-encoded UTF-8 (so any name fits in a header), decoded and trimmed. */
export function filenameHeader(description: string) {
  return z.object({
    'x-filename': z
      .string()
      .min(1)
      .max(1000)
      .transform((v, ctx) => {
        try {
          return decodeURIComponent(v);
        } catch {
          ctx.addIssue({ code: 'custom', message: 'percent-encode the name (encodeURIComponent)' });
          return z.NEVER;
        }
      })
      .pipe(z.string().trim().min(1).max(255))
      .describe(description),
  });
}
