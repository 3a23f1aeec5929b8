/**
 * What input to show for a facts path, read from the facts JSON Schema (generated from the zod facts schema — the one
 * source of the format): the kind of control, its options, its limits and the schema's plain-language description.
 * Nothing here knows the law; it only knows the shape of the data.
 */
export type FieldKind = 'yesNoUnknown' | 'choice' | 'multiChoice' | 'text' | 'date' | 'dateTime' | 'integer';

export interface FieldSpec {
  path: string;
  kind: FieldKind;
  /** Allowed values for choice / multiChoice / yesNoUnknown. */
  options: string[];
  /** English description from the schema (the web.json label/help is shown when present). */
  description: string;
  pattern: string | null;
  minimum: number | null;
  maximum: number | null;
  /** Marked sensitive in the schema (names, A-numbers, birth dates, narratives). */
  sensitive: boolean;
}

type JsonSchema = {
  type?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  description?: string;
  sensitive?: boolean;
};

/** The schema node at a dotted path, or null when the path is not part of the facts format. */
export function schemaAt(root: unknown, path: string): JsonSchema | null {
  let node = root as JsonSchema | undefined;
  for (const key of path.split('.')) {
    node = node?.properties?.[key];
    if (!node) return null;
  }
  return node ?? null;
}

/** A string field is a date-time when its pattern takes a date with a time and refuses a bare date. */
function isDateTimePattern(pattern: string | undefined): boolean {
  if (!pattern) return false;
  try {
    const re = new RegExp(pattern);
    return re.test('2026-01-15T17:00') && !re.test('2026-01-15');
  } catch {
    return false;
  }
}

export function fieldSpec(root: unknown, path: string): FieldSpec | null {
  const node = schemaAt(root, path);
  if (!node || node.type === 'object') return null;
  const base = {
    path,
    options: [] as string[],
    description: node.description ?? '',
    pattern: null as string | null,
    minimum: null as number | null,
    maximum: null as number | null,
    sensitive: node.sensitive === true,
  };
  if (node.type === 'array' && node.items?.enum) {
    return { ...base, kind: 'multiChoice', options: node.items.enum.map(String) };
  }
  if (node.enum) {
    const options = node.enum.map(String);
    const ynu = options.length === 3 && ['yes', 'no', 'unknown'].every((o) => options.includes(o));
    return { ...base, kind: ynu ? 'yesNoUnknown' : 'choice', options };
  }
  if (node.type === 'integer' || node.type === 'number') {
    return { ...base, kind: 'integer', minimum: node.minimum ?? null, maximum: node.maximum ?? null };
  }
  if (node.type === 'string') {
    if (node.format === 'date') return { ...base, kind: 'date', pattern: node.pattern ?? null };
    if (isDateTimePattern(node.pattern)) return { ...base, kind: 'dateTime', pattern: node.pattern ?? null };
    return { ...base, kind: 'text', pattern: node.pattern ?? null };
  }
  return null;
}

function isRealDate(ymd: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

export type ValidationProblem = 'required' | 'pattern' | 'date' | 'dateTime' | 'integer' | 'range' | 'option';

/**
 * Turns what the person typed into the value to store, or says what is wrong (a code the screen renders in the
 * person's language, tied to the field). Empty input is 'required' (the screen offers "I don't know" / "skip").
 */
export function coerceAnswer(spec: FieldSpec, raw: string | string[]): { ok: true; value: unknown } | { ok: false; problem: ValidationProblem } {
  if (spec.kind === 'multiChoice') {
    const list = Array.isArray(raw) ? raw : [raw];
    if (list.length === 0) return { ok: false, problem: 'required' };
    if (!list.every((v) => spec.options.includes(v))) return { ok: false, problem: 'option' };
    return { ok: true, value: spec.options.filter((o) => list.includes(o)) };
  }
  const text = (Array.isArray(raw) ? raw[0] ?? '' : raw).trim();
  if (text === '') return { ok: false, problem: 'required' };
  switch (spec.kind) {
    case 'yesNoUnknown':
    case 'choice':
      return spec.options.includes(text) ? { ok: true, value: text } : { ok: false, problem: 'option' };
    case 'integer': {
      if (!/^-?\d+$/.test(text)) return { ok: false, problem: 'integer' };
      const n = Number(text);
      if ((spec.minimum !== null && n < spec.minimum) || (spec.maximum !== null && n > spec.maximum)) return { ok: false, problem: 'range' };
      return { ok: true, value: n };
    }
    case 'date':
      return spec.pattern && !new RegExp(spec.pattern).test(text) ? { ok: false, problem: 'date' } : { ok: true, value: text };
    case 'dateTime': {
      // <input type="datetime-local"> gives "2026-01-15T17:00"; the schema accepts it as a local time.
      const fits = !spec.pattern || new RegExp(spec.pattern).test(text);
      return fits && isRealDate(text.slice(0, 10)) ? { ok: true, value: text } : { ok: false, problem: 'dateTime' };
    }
    case 'text':
      return spec.pattern && !new RegExp(spec.pattern).test(text) ? { ok: false, problem: 'pattern' } : { ok: true, value: text };
  }
}
