/** The facts format (version 1): schema, type and parser. */
export { FactsSchema, FACTS_VERSION, BENEFIT_FORMS, RELIEF_KINDS, CIRCUITS, YesNoUnknown, type Facts, type Circuit } from './facts-schema.ts';
export { parseFacts, formatPath, type FactsProblem, type ParseFactsResult } from './parse-facts.ts';
export { factsJsonSchema } from './facts-json-schema.ts';
