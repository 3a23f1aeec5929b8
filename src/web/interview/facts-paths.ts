/**
 * Reading and writing one answer in a facts object by its dotted path (the paths the engine's questions and the facts
 * schema use, e.g. "detention.facility.name"). Writing never mutates: it returns a new object. Writing `undefined`
 * removes the answer and prunes objects left empty, so "clear this answer" leaves no trace in the next revision.
 */
export type FactsObject = Record<string, unknown>;

export function splitPath(path: string): string[] {
  return path.split('.').filter((s) => s.length > 0);
}

export function getAt(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const key of splitPath(path)) {
    if (typeof cur !== 'object' || cur === null || Array.isArray(cur)) return undefined;
    cur = (cur as FactsObject)[key];
  }
  return cur;
}

export function setAt(obj: FactsObject, path: string, value: unknown): FactsObject {
  const keys = splitPath(path);
  if (keys.length === 0) throw new Error('empty facts path');
  const write = (node: unknown, i: number): FactsObject | undefined => {
    const base: FactsObject = typeof node === 'object' && node !== null && !Array.isArray(node) ? { ...(node as FactsObject) } : {};
    const key = keys[i]!;
    const next = i === keys.length - 1 ? value : write(base[key], i + 1);
    if (next === undefined) delete base[key];
    else base[key] = next;
    return Object.keys(base).length === 0 && i > 0 ? undefined : base;
  };
  return write(obj, 0) ?? {};
}

/** Every answered leaf as [path, value] (arrays are leaves), in the object's order. */
export function answeredPaths(obj: unknown, prefix = ''): Array<[string, unknown]> {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return prefix ? [[prefix, obj]] : [];
  return Object.entries(obj as FactsObject).flatMap(([k, v]) => answeredPaths(v, prefix ? `${prefix}.${k}` : k));
}

/** A deep merge of a patch into facts (used for the first answer, "what happened?"). */
export function mergeFacts(base: FactsObject, patch: FactsObject): FactsObject {
  let out = base;
  for (const [path, value] of answeredPaths(patch)) out = setAt(out, path, value);
  return out;
}
