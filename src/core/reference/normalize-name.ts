/**
 * Name normalisation shared by every reference lookup (counties, agencies, facilities):
 * case, accents (Doña → dona), apostrophe styles (’ and '), punctuation, "St."/"Ste."/"Saint",
 * and the abbreviations people type for agencies ("Co", "SO", "PD").
 */

/** Lower-case ASCII letters, digits and single spaces; accents dropped, apostrophes removed, other punctuation → space. */
export function foldText(input: string): string {
  return input
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['\u2018\u2019\u02bc`´]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Abbreviations expanded to the words ICE and the Census spell out. Multi-word expansions are allowed. */
const ABBREVIATIONS: Record<string, string> = {
  co: 'county',
  cnty: 'county',
  cty: 'county',
  so: 'sheriff office',
  sheriffs: 'sheriff',
  sherrifs: 'sheriff',
  pd: 'police department',
  dept: 'department',
  dep: 'department',
  doc: 'department of corrections',
  dc: 'detention center',
  dps: 'department of public safety',
  hp: 'highway patrol',
  twp: 'township',
  st: 'saint',
  ste: 'saint',
  sainte: 'saint',
  ft: 'fort',
  mt: 'mount',
  univ: 'university',
  corr: 'correctional',
  ctr: 'center',
  cntr: 'center',
  det: 'detention',
  fac: 'facility',
  spc: 'service processing center',
  ipc: 'ice processing center',
  reg: 'regional',
};

/** Tokens of a name with abbreviations expanded: "Harris Co. SO" → ["harris", "county", "sheriff", "office"]. */
export function nameTokens(input: string): string[] {
  const out: string[] = [];
  for (const word of foldText(input).split(' ')) {
    if (!word) continue;
    const expanded = ABBREVIATIONS[word];
    if (expanded) out.push(...expanded.split(' '));
    else out.push(word);
  }
  return out;
}

/** A compact key for exact comparison: tokens joined without spaces ("De Kalb" and "DeKalb" → "dekalb"). */
export function nameKey(input: string): string {
  return nameTokens(input).join('');
}

/** Damerau-Levenshtein distance (optimal string alignment), stopping early once it exceeds `max`. */
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  if (rowA.length < n + 1) {
    rowA = new Int32Array(n + 1);
    rowB = new Int32Array(n + 1);
    rowC = new Int32Array(n + 1);
  }
  // Three reused rows: two back (for transpositions), previous, current.
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n]!;
}

/** How many typos a word of this length may carry and still match. */
export function typoAllowance(length: number): number {
  if (length >= 8) return 2;
  if (length >= 4) return 1;
  return 0;
}
