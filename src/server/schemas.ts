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

