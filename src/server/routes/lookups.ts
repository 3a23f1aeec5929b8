/**
 * Reference lookups (venue by county or ZIP, district courts, detention facilities, 287(g) agencies, ICE field
 * offices), answered from the reference data loaded once at start; USCIS forms and office kinds from rules/uscis. Searches answer 200 with
 * `status: found | ambiguous | not_found`; lookups by id answer 404 when the id is unknown.
 */
import { z } from 'zod';
import type { Reference } from '../../core/reference/reference.ts';
import type { ServerDeps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { defineRoute, type AnyRoute } from '../route.ts';
import { IsoDate } from '../schemas.ts';
import { withRenderedMessages } from '../render-messages.ts';
import { uscisLookup } from '../../core/uscis/uscis-lookup.ts';

const State = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/, 'two-letter state code')
  .transform((s) => s.toUpperCase());
const Text = z.string().trim().min(1).max(200);
const LookupOut = z.object({ status: z.enum(['found', 'ambiguous', 'not_found']) }).loose();

function reference(deps: ServerDeps): Reference {
  if (!deps.reference) throw new ApiError('not_available');
  return deps.reference;
}

export function lookupRoutes(): AnyRoute[] {
  const search = 'A lookup result: status found (value), ambiguous (candidates) or not_found (message)';
  return [
    defineRoute({
      method: 'GET',
      path: '/api/lookups/venue',
      tag: 'lookups',
      summary: 'The federal district (and division) for a county.',
      access: 'lookup.read',
      query: z.object({ state: State, county: Text }),
      responses: [{ status: 200, description: search, schema: LookupOut }],
      handler: async ({ c, deps, query, lang }) => c.json(withRenderedMessages(reference(deps).countyVenue(query), lang)),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/lookups/zip/:zip',
      tag: 'lookups',
      summary: 'The counties (and their districts) a ZIP code lies in.',
      access: 'lookup.read',
      params: z.object({ zip: z.string().regex(/^\d{5}$/, 'five digits') }),
      responses: [{ status: 200, description: search, schema: LookupOut }],
      handler: async ({ c, deps, params, lang }) => c.json(withRenderedMessages(reference(deps).zipVenue(params.zip), lang)),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/lookups/courts/:courtId',
      tag: 'lookups',
      summary: 'A federal district court by its id (e.g. cand).',
      access: 'lookup.read',
      params: z.object({ courtId: z.string().regex(/^[a-z]{2,10}$/, 'a court id such as cand') }),
      responses: [{ status: 200, description: 'The court', schema: z.object({ courtId: z.string(), name: z.string() }).loose() }],
      handler: async ({ c, deps, params }) => {
        const court = reference(deps).court(params.courtId);
        if (!court) throw new ApiError('not_found');
        return c.json(court);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/lookups/facilities',
      tag: 'lookups',
      summary: 'Find an ICE detention facility by name (optionally within a state).',
      access: 'lookup.read',
      query: z.object({ q: Text, state: State.optional() }),
      responses: [{ status: 200, description: search, schema: LookupOut }],
      handler: async ({ c, deps, query, lang }) => c.json(withRenderedMessages(reference(deps).facility(query.q, query.state), lang)),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/lookups/facilities/:facilityId',
      tag: 'lookups',
      summary: 'A detention facility by id.',
      access: 'lookup.read',
      params: z.object({ facilityId: z.string().regex(/^[a-z0-9-]{1,120}$/, 'a facility id') }),
      responses: [{ status: 200, description: 'The facility', schema: z.object({ id: z.string(), name: z.string() }).loose() }],
      handler: async ({ c, deps, params }) => {
        const f = reference(deps).facilityById(params.facilityId);
        if (!f) throw new ApiError('not_found');
        return c.json(f);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/lookups/agency',
      tag: 'lookups',
      summary: "A law-enforcement agency's 287(g) agreements (optionally as of a date).",
      access: 'lookup.read',
      query: z.object({ name: Text, state: State.optional(), on: IsoDate.optional() }),
      responses: [{ status: 200, description: search, schema: LookupOut }],
      handler: async ({ c, deps, query, lang }) => c.json(withRenderedMessages(reference(deps).agency287g(query), lang)),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/lookups/287g/agreements',
      tag: 'lookups',
      summary: 'Every 287(g) agreement Writ knows (current and withdrawn), optionally for one state, and the ICE sheets behind them.',
      access: 'lookup.read',
      query: z.object({ state: State.optional() }),
      responses: [
        {
          status: 200,
          description: 'Agreements and sheets',
          schema: z.object({ agreements: z.array(z.object({ id: z.string() }).loose()), sheets: z.array(z.object({ date: z.string() }).loose()) }),
        },
      ],
      handler: async ({ c, deps, query }) => {
        const ref = reference(deps);
        return c.json({ agreements: ref.agreements287g(query.state ? { state: query.state } : {}), sheets: ref.sheets287g() });
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/lookups/uscis',
      tag: 'lookups',
      summary:
        'What Writ knows about a USCIS/consular form (I-485, N-400, visa, …) or office kind typed in q: remedies, delays courts weighed, defendants, venue, warnings. No office directory or processing times (it links USCIS\'s page).',
      access: 'lookup.read',
      query: z.object({ q: Text }),
      responses: [{ status: 200, description: search, schema: LookupOut }],
      handler: async ({ c, query, lang }) => c.json(withRenderedMessages(uscisLookup(query.q), lang)),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/lookups/field-office',
      tag: 'lookups',
      summary: 'The ICE field office responsible for a county.',
      access: 'lookup.read',
      query: z.object({ state: State, county: Text }),
      responses: [{ status: 200, description: search, schema: LookupOut }],
      handler: async ({ c, deps, query, lang }) => c.json(withRenderedMessages(reference(deps).fieldOfficeForCounty(query), lang)),
    }),
  ];
}
