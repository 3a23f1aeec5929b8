/**
 * The ONE role policy: which role may take which action. Every API route names exactly one action (or is public),
 * and the authorization matrix test (test/api/authorization-matrix.test.ts) checks every route against this table.
 *
 * Organization boundaries are enforced separately and always: a user only ever sees data of their own organization
 * (another organization's case answers 404, as if it did not exist).
 *
 * Why the table looks like this:
 * - admin runs the office's Writ: everything, plus users and the audit log.
 * - attorney and paralegal do the case work: cases, analysis, packets, deadlines, docket, evidence, custody.
 * - advocate (community advocate, not a lawyer) starts cases and records facts, runs the analysis and the lookups,
 *   adds evidence; they do not generate or read filing packets, change the docket, number exhibits, or read back evidence
 *   files and their chain of custody (those stay with legal staff, so an evidence file leaves the locker only
 *   through them).
 * - jobs: batch packets are packet generation at scale (legal staff); a 287(g) sheet import changes the reference data
 *   every user relies on (admin).
 */
import { ROLES, isRole, type Role } from '../store/types.ts';

export { ROLES, isRole, type Role };

const ALL: readonly Role[] = ROLES;
const LEGAL_STAFF: readonly Role[] = ['admin', 'attorney', 'paralegal'];
const ADMIN: readonly Role[] = ['admin'];

export const POLICY = {
  'case.create': ALL,
  'case.read': ALL,
  'case.update': ALL,
  'analysis.run': ALL,
  'packet.generate': LEGAL_STAFF,
  'document.read': LEGAL_STAFF,
  'lookup.read': ALL,
  'deadline.compute': ALL,
  'deadline.read': ALL,
  'docket.read': ALL,
  'docket.write': LEGAL_STAFF,
  'evidence.list': ALL,
  'evidence.upload': ALL,
  'evidence.download': LEGAL_STAFF,
  'evidence.annotate': LEGAL_STAFF,
  'custody.read': LEGAL_STAFF,
  'audit.read': ADMIN,
  'org.read': ALL,
  'user.manage': ADMIN,
  'token.manage': ALL,
  // Community incident reports (issue 7): everyone in the organization records, reads, merges and counts them and
  // exports them without identifying fields; only attorneys and admins export names, contacts, officers, narratives.
  'incident.report': ALL,
  'incident.read': ALL,
  'incident.merge': ALL,
  'incident.export': ALL,
  'incident.exportIdentifying': ['admin', 'attorney'],
  // Long work run as jobs (issue 5): legal staff start batch packets and read the organization's jobs and their
  // results (a batch's zip holds complaints); only admins import a 287(g) sheet (it changes the office's reference data).
  'batch.create': LEGAL_STAFF,
  'job.read': LEGAL_STAFF,
  'reference.import': ADMIN,
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof POLICY;
export const ACTIONS = Object.keys(POLICY) as Action[];

/** True when a user with `role` may take `action`. Unknown roles may do nothing. */
export function can(role: string, action: Action): boolean {
  return isRole(role) && (POLICY[action] as readonly Role[]).includes(role);
}
