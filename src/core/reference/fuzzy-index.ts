/**
 * A small forgiving search index over names (agencies, facilities): tokens are normalised (normalize-name.ts),
 * each query word may match a name word exactly, by prefix, or with a typo or two, and generic words
 * ("county", "sheriff", "office", "jail") count for less than distinctive ones ("harris", "krome").
 *
 * Built once at start-up; a search touches only the vocabulary (a few thousand words) and the posting
 * lists of the words that matched, so it stays well under a millisecond.
 */
import { editDistance, nameTokens, typoAllowance } from './normalize-name.ts';

export interface FuzzyHit<T> {
  item: T;
  score: number; // 0…1
}

interface Doc<T> {
  item: T;
  /** distinct tokens of all the document's fields, with each token's field weight */
  tokens: Map<string, number>;
  /** sum of the weights of the document's distinctive tokens (for coverage) */
  distinctiveWeight: number;
}

export interface FuzzyIndexOptions {
  /** Words that say little about which entry is meant (they still count, with weight `genericWeight`). */
  genericWords?: Iterable<string>;
  /** Words found in more than this share of the entries are generic too ("county", "sheriff", "jail"). Default 4%. */
  genericShare?: number;
  genericWeight?: number;
}

export class FuzzyIndex<T> {
  private readonly docs: Doc<T>[] = [];
  private readonly postings = new Map<string, number[]>();
  private readonly byLength = new Map<number, string[]>();
  private readonly generic = new Set<string>();
  private readonly genericWeight: number;

  /** `fields` gives each document's searchable texts with a weight (1 = the name itself). */
  constructor(items: readonly T[], fields: (item: T) => Array<[text: string | null | undefined, weight: number]>, options: FuzzyIndexOptions) {
    this.genericWeight = options.genericWeight ?? 0.25;
    for (const w of options.genericWords ?? []) this.generic.add(w);
    items.forEach((item) => {
      const tokens = new Map<string, number>();
      for (const [text, weight] of fields(item)) {
        if (!text) continue;
        for (const tok of nameTokens(text)) tokens.set(tok, Math.max(tokens.get(tok) ?? 0, weight));
      }
      this.docs.push({ item, tokens, distinctiveWeight: 0 });
    });
    // Generic by frequency: a word most entries share cannot tell them apart.
    const df = new Map<string, number>();
    for (const d of this.docs) for (const tok of d.tokens.keys()) df.set(tok, (df.get(tok) ?? 0) + 1);
    const limit = Math.max(3, this.docs.length * (options.genericShare ?? 0.04));
    for (const [tok, n] of df) if (n > limit) this.generic.add(tok);
    this.docs.forEach((doc, i) => {
      const { tokens } = doc;
      for (const [tok, w] of tokens) if (!this.generic.has(tok) && w >= 1) doc.distinctiveWeight += 1;
      for (const tok of tokens.keys()) {
        let list = this.postings.get(tok);
        if (!list) {
          list = [];
          this.postings.set(tok, list);
          const bucket = this.byLength.get(tok.length) ?? [];
          bucket.push(tok);
          this.byLength.set(tok.length, bucket);
        }
        list.push(i);
      }
    });
  }

  /** Vocabulary words a query word may stand for, with how well each matches (1 exact … 0.5 two typos). */
  private expand(word: string): Map<string, number> {
    const out = new Map<string, number>();
    // A word the index knows is taken as typed: typos are looked for only for unknown words.
    if (this.postings.has(word)) {
      out.set(word, 1);
      return out;
    }
    const allowance = typoAllowance(word.length);
    for (let len = Math.max(1, word.length - allowance); len <= word.length + allowance; len++) {
      for (const tok of this.byLength.get(len) ?? []) {
        if (tok === word) continue;
        const d = editDistance(word, tok, allowance);
        if (d <= allowance) out.set(tok, Math.max(out.get(tok) ?? 0, d === 1 ? 0.8 : 0.6));
      }
    }
    // A prefix of three letters or more ("stew" for "stewart"), when nothing matched exactly.
    if (word.length >= 3 && !out.has(word)) {
      for (const [len, toks] of this.byLength) {
        if (len <= word.length) continue;
        for (const tok of toks) if (tok.startsWith(word)) out.set(tok, Math.max(out.get(tok) ?? 0, 0.7));
      }
    }
    return out;
  }

  /**
   * Documents ranked by score. The score is the weighted share of the query's words found in the document
   * (distinctive words weigh 1, generic words less), nudged by how much of the document's own distinctive
   * words the query covered, so "Harris County" prefers "Harris County Sheriff's Office" to
   * "Harris County Constable Precinct 1".
   */
  search(query: string, filter?: (item: T) => boolean, limit = 10): FuzzyHit<T>[] {
    const all = [...new Set(nameTokens(query))];
    if (all.length === 0) return [];
    // Distinctive words first; once they matched documents, generic words ("county", "sheriff") only
    // score those documents instead of walking their long posting lists.
    const words = [...all.filter((w) => !this.generic.has(w)), ...all.filter((w) => this.generic.has(w))];
    const perDoc = new Map<number, { matched: number; covered: Set<string>; distinctiveHits: number }>();
    let totalWeight = 0;
    let distinctiveWords = 0;
    for (const word of words) {
      const isGeneric = this.generic.has(word);
      const w = isGeneric ? this.genericWeight : 1;
      totalWeight += w;
      const expansions = this.expand(word);
      // Only words the index knows (or a typo of one) must be found; a word matching nothing anywhere is
      // more likely a misspelling than a reason to reject every entry.
      if (!isGeneric && expansions.size > 0) distinctiveWords++;
      const best = new Map<number, { quality: number; tok: string }>();
      const restrict = isGeneric && perDoc.size > 0;
      for (const [tok, quality] of expansions) {
        const docs = restrict ? [...perDoc.keys()].filter((d) => this.docs[d]!.tokens.has(tok)) : this.postings.get(tok) ?? [];
        for (const d of docs) {
          const fieldWeight = this.docs[d]!.tokens.get(tok) ?? 1;
          const q = quality * fieldWeight;
          const prev = best.get(d);
          if (!prev || prev.quality < q) best.set(d, { quality: q, tok });
        }
      }
      for (const [d, { quality, tok }] of best) {
        let acc = perDoc.get(d);
        if (!acc) {
          acc = { matched: 0, covered: new Set(), distinctiveHits: 0 };
          perDoc.set(d, acc);
        }
        acc.matched += w * quality;
        if (!isGeneric) acc.distinctiveHits++;
        acc.covered.add(tok);
      }
    }
    const hits: FuzzyHit<T>[] = [];
    for (const [d, acc] of perDoc) {
      const doc = this.docs[d]!;
      if (filter && !filter(doc.item)) continue;
      let coveredDistinctive = 0;
      for (const tok of acc.covered) if (!this.generic.has(tok) && (doc.tokens.get(tok) ?? 0) >= 1) coveredDistinctive++;
      const coverage = doc.distinctiveWeight ? coveredDistinctive / doc.distinctiveWeight : 1;
      // Every distinctive word of the query should be found: "Texas Department of Public Safety" is not
      // "Georgia Department of Public Safety".
      const allFound = distinctiveWords ? acc.distinctiveHits / distinctiveWords : 1;
      const score = ((acc.matched / totalWeight) * 0.85 + coverage * 0.15) * allFound;
      hits.push({ item: doc.item, score: Math.round(score * 1000) / 1000 });
    }
    hits.sort((a, b) => b.score - a.score);
    return hits.slice(0, limit);
  }
}
