/**
 * The analysis engine over HTTP: a stateless run on facts sent in the body, and a run on a case's stored facts.
 * Messages in the result carry `text` in the request's language.
 */
import { z } from 'zod';
import { FactsSchema } from '../../core/facts/index.ts';
import type { ServerDeps } from '../deps.ts';
import { requireValidFacts } from '../facts-input.ts';
import { defineRoute, type AnyRoute } from '../route.ts';
import { CaseIdParams } from '../schemas.ts';
import { withRenderedMessages } from '../render-messages.ts';
import { actorOf } from './actor.ts';

const AnalysisOut = z
  .object({
    factsVersion: z.literal(1),
    analysisDate: z.string(),
    rulesVersion: z.string(),
    remedies: z.array(z.object({ remedy: z.string(), viability: z.enum(['viable', 'weak', 'barred', 'unknown']) }).loose()),
    notices: z.array(z.unknown()),
    warnings: z.array(z.unknown()),
  })
  .loose();

// The engine and its rules load on first use, not at server start.
let engine: Promise<typeof import('../../core/analysis/analyze.ts')> | null = null;
async function analyze(...args: Parameters<typeof import('../../core/analysis/analyze.ts').analyze>) {
  engine ??= import('../../core/analysis/analyze.ts');
  return (await engine).analyze(...args);
}

function context(deps: ServerDeps) {
  return { ...(deps.reference ? { reference: deps.reference } : {}), today: deps.config.now().toISOString().slice(0, 10) };
}

export function analysisRoutes(): AnyRoute[] {
  return [
    defineRoute({
      method: 'POST',
      path: '/api/analyze',
      tag: 'analysis',
      summary: 'Analyze facts sent in the body (nothing is stored): remedies, elements, bars, deadlines, citations.',
      access: 'analysis.run',
      body: z.object({ facts: FactsSchema }),
      responses: [{ status: 200, description: 'The analysis (not legal advice)', schema: AnalysisOut }],
      handler: async ({ c, deps, body, lang }) =>
        c.json(withRenderedMessages(await analyze(requireValidFacts(body.facts), context(deps)), lang)),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/cases/:caseId/analysis',
      tag: 'analysis',
      summary: "Analyze a case's facts: the latest revision, or the one named.",
      access: 'analysis.run',
      params: CaseIdParams,
      body: z.object({ revision: z.number().int().min(1).optional() }),
      responses: [
        {
          status: 200,
          description: 'The analysis and the revision it used',
          schema: z.object({ revision: z.number().int(), analysis: AnalysisOut }),
        },
      ],
      handler: async ({ c, deps, user, params, body, lang }) => {
        const actor = actorOf(c, user);
        const source = body.revision
          ? await deps.store.cases.getRevision(actor, params.caseId, body.revision)
          : await deps.store.cases.get(actor, params.caseId);
        const revision = 'revision' in source ? source.revision : source.currentRevision;
        const facts = requireValidFacts(source.facts ?? { version: 1 });
        return c.json({ revision, analysis: withRenderedMessages(await analyze(facts, context(deps)), lang) });
      },
    }),
  ];
}
