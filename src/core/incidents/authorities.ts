/**
 * The authorities the incident tools cite, by id, from ./authorities.json (copied from the legal spec with the
 * section each comes from). `warningsFor` turns their verify / fastMoving / circuitDependent flags into the
 * warnings shown beside every result that relies on them.
 */
import data from './authorities.json' with { type: 'json' };
import type { Citation } from '../analysis/types.ts';
import type { Message } from '../../i18n/i18n.ts';

export type AuthorityId = keyof typeof data.authorities;

interface Authority {
  cite: string;
  what: string;
  spec: string;
  url: string;
  verify?: boolean;
  fastMoving?: boolean;
  circuitDependent?: boolean;
}

const AUTHORITIES = data.authorities as Record<AuthorityId, Authority>;

export const AUTHORITY_IDS = Object.keys(AUTHORITIES) as AuthorityId[];

export function authority(id: AuthorityId): Authority {
  return AUTHORITIES[id];
}

/** The citation in the analysis engine's shape. */
export function citation(id: AuthorityId): Citation & { spec: string } {
  const a = AUTHORITIES[id];
  return { cite: a.cite, title: a.what, url: a.url, verified_on: data.verifiedOn, spec: a.spec };
}

/** Warnings for the flags of the given authorities (each flag once per authority). */
export function warningsFor(ids: readonly AuthorityId[]): Message[] {
  const out: Message[] = [];
  for (const id of ids) {
    const a = AUTHORITIES[id];
    if (a.verify) out.push({ code: 'incidents:warning.verify', params: { cite: a.cite } });
    if (a.fastMoving) out.push({ code: 'incidents:warning.fastMoving', params: { cite: a.cite } });
    if (a.circuitDependent) out.push({ code: 'incidents:warning.circuitDependent', params: { cite: a.cite } });
  }
  return out;
}
