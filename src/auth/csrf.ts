/**
 * CSRF protection for cookie-authenticated requests, two checks together:
 * 1. the synchronizer token: each session has a random CSRF secret (kept by the store with the session);
 *    state-changing requests send it in the `X-CSRF-Token` header, which a cross-site page can neither read nor set;
 * 2. the Origin (or, without it, Sec-Fetch-Site) must be this server's own.
 * Bearer-token requests need neither (browsers never attach a bearer token on their own).
 */
import { randomBytes } from 'node:crypto';
import { safeEqual } from './secret-token.ts';

export const CSRF_HEADER = 'x-csrf-token';

export function newCsrfSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function isSafeMethod(method: string): boolean {
  return method === 'GET' || method === 'HEAD' || method === 'OPTIONS';
}

export interface OriginCheck {
  /** The request's Origin header, if any. */
  origin: string | undefined;
  /** The Sec-Fetch-Site header, if any. */
  secFetchSite: string | undefined;
  /** Origins this server answers on (its own origin, plus any configured public origin). */
  allowedOrigins: string[];
}

/** True when the request comes from one of our own origins (or from a non-browser client that sends neither header). */
export function isSameOrigin({ origin, secFetchSite, allowedOrigins }: OriginCheck): boolean {
  if (origin !== undefined && origin !== '') return allowedOrigins.includes(origin);
  if (secFetchSite !== undefined) return secFetchSite === 'same-origin' || secFetchSite === 'none';
  return true;
}

/** True when the header carries the session's CSRF secret. */
export function csrfTokenMatches(expected: string, headerToken: string | undefined): boolean {
  return typeof headerToken === 'string' && headerToken.length > 0 && safeEqual(headerToken, expected);
}
