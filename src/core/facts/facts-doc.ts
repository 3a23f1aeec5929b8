/**
 * docs/facts.md is generated from the facts schema (the same descriptions the JSON Schema carries), so the
 * documentation cannot drift from the format. Regenerate with
 * `FIX_DOCS=1 node scripts/run-tests.mjs src/core/facts/facts-doc` after changing the schema.
 */
import { factsJsonSchema } from './facts-json-schema.ts';

type Json = Record<string, any>;

const INTRO = `# The facts format (version 1)

<!-- Generated from src/core/facts/facts-schema.ts by src/core/facts/facts-doc.ts. Do not edit by hand:
     change the schema, then run FIX_DOCS=1 node scripts/run-tests.mjs src/core/facts/facts-doc -->

Writ's analysis starts from **facts**: one JSON object per case that says what is known about the person, the
application or the detention, the agency that acted, and what the person wants from the court. The web interview,
the command line (\`writ analyze facts.json\`), the API and the packet builder all read this same format.

- **Leave out what you do not know.** Every field except \`version\` is optional. Writ never guesses: a missing fact
  makes the affected remedy \`unknown\` and Writ lists the question whose answer would settle it. Where people
  often do not know, the field also accepts \`"unknown"\`, which means the same as leaving it out.
- **Dates** are written \`YYYY-MM-DD\` (\`2026-01-15\`). Moments (\`releaseEligibleAt\`, \`releasedAt\`) are a date and
  time, \`2026-03-05T17:00\` (local time of the place) or with an offset, \`2026-03-05T17:00-08:00\`.
- **Yes/no questions** take \`"yes"\`, \`"no"\` or \`"unknown"\`.
- **One case, one request.** If a person has two applications stuck, make two facts files.
- **Sensitive fields** (marked 🔒 below: names, A-numbers, birth dates, ZIP codes, narratives, notes) are used only to
  prepare papers. Writ never writes them to logs and never puts them in an analysis.
- **Version.** This is version 1. Version 1 only grows: new optional fields may be added; nothing is renamed or
  removed. \`writ schema facts\` prints the JSON Schema; \`examples/facts/\` has the legal spec's sample cases F1–F11.

Bad input is never a crash: \`writ analyze\` lists every problem with its path (for example
\`benefitRequest.filedDate: must be a date written YYYY-MM-DD\`) and exits with code 2.

## A small example

\`\`\`json
{
  "version": 1,
  "analysisDate": "2026-02-02",
  "person": { "citizenship": "lpr", "residence": { "state": "CA", "county": "Alameda County" } },
  "benefitRequest": { "form": "N-400", "status": "pending", "interviewDate": "2025-09-10", "n14Issued": "no" },
  "removal": { "proceedings": "none" },
  "reliefSought": { "kinds": ["decide_naturalization"] }
}
\`\`\`
`;

function typeText(s: Json): string {
  if (s.const !== undefined) return `always \`${JSON.stringify(s.const)}\``;
  if (s.enum) return s.enum.map((v: unknown) => `\`${String(v)}\``).join(', ');
  if (s.type === 'array') {
    const items = s.items as Json;
    return items.enum ? `list of: ${items.enum.map((v: unknown) => `\`${String(v)}\``).join(', ')}` : `list of ${items.type ?? 'values'}`;
  }
  if (s.format === 'date') return 'date `YYYY-MM-DD`';
  if (s.format === 'date-time') return 'date and time';
  if (s.type === 'integer') {
    const range = s.minimum !== undefined && s.maximum !== undefined ? ` (${s.minimum}–${s.maximum})` : '';
    return `whole number${range}`;
  }
  if (s.type === 'string' && typeof s.pattern === 'string' && s.pattern.includes('T(')) return 'date and time `YYYY-MM-DDTHH:MM` (offset optional)';
  if (s.type === 'string') return s.pattern ? 'text (checked format)' : 'text';
  return String(s.type ?? 'value');
}

function esc(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function rows(s: Json, path: string, out: string[]): void {
  for (const [key, child] of Object.entries((s.properties ?? {}) as Json)) {
    const p = path ? `${path}.${key}` : key;
    if (child.type === 'object' && child.properties) {
      out.push(`| \`${p}\` | group | ${esc(child.description ?? '')} |`);
      rows(child, p, out);
    } else {
      const lock = child.sensitive ? ' 🔒' : '';
      out.push(`| \`${p}\`${lock} | ${esc(typeText(child))} | ${esc(child.description ?? '')} |`);
    }
  }
}

export function renderFactsDoc(): string {
  const schema = factsJsonSchema() as Json;
  const parts: string[] = [INTRO];
  const top = schema.properties as Json;
  const simple: string[] = [];
  for (const [key, child] of Object.entries(top)) {
    if (!(child.type === 'object' && child.properties)) simple.push(`| \`${key}\`${child.sensitive ? ' 🔒' : ''} | ${esc(typeText(child))} | ${esc(child.description ?? '')} |`);
  }
  parts.push('## Top level\n\n| Field | Kind | Meaning |\n|---|---|---|\n' + simple.join('\n') + '\n');
  for (const [key, child] of Object.entries(top)) {
    if (!(child.type === 'object' && child.properties)) continue;
    const out: string[] = [];
    rows(child, key, out);
    parts.push(`## \`${key}\`\n\n${child.description ?? ''}\n\n| Field | Kind | Meaning |\n|---|---|---|\n${out.join('\n')}\n`);
  }
  return parts.join('\n');
}
