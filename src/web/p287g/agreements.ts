/**
 * The 287(g) page's data work, pure: filter agreements, count them by year signed, write them as CSV (RFC 4180
 * quoting, written here because csv-stringify needs Node's Buffer in the browser; the test reads it back with csv-parse).
 */

export interface Agreement {
  id: string;
  state: string;
  agency: string;
  agencyType: string | null;
  county: string | null;
  model: 'JEM' | 'TFM' | 'WSO';
  status: 'participating' | 'pending';
  signed: string | null;
  moaUrl: string | null;
  firstSeen: string;
  lastSeen: string;
  current: boolean;
}

export interface AgreementFilters {
  text: string;
  state: string; // '' = all
  model: string; // '' = all
  signedFrom: string; // YYYY-MM-DD or ''
  signedTo: string;
  currentOnly: boolean;
}

export const NO_FILTERS: AgreementFilters = { text: '', state: '', model: '', signedFrom: '', signedTo: '', currentOnly: false };

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export function filterAgreements(list: readonly Agreement[], f: AgreementFilters): Agreement[] {
  const words = fold(f.text).split(/\s+/).filter(Boolean);
  return list.filter((a) => {
    if (f.state && a.state !== f.state) return false;
    if (f.model && a.model !== f.model) return false;
    if (f.currentOnly && !a.current) return false;
    if ((f.signedFrom || f.signedTo) && !a.signed) return false;
    if (f.signedFrom && a.signed! < f.signedFrom) return false;
    if (f.signedTo && a.signed! > f.signedTo) return false;
    if (words.length) {
      const hay = fold(`${a.agency} ${a.county ?? ''} ${a.state}`);
      if (!words.every((w) => hay.includes(w))) return false;
    }
    return true;
  });
}

/** Agreements by the year they were signed, per model, every year from the first to the last (agreements without a signed date left out). */
export function countByYear(list: readonly Agreement[]): Array<{ year: number; JEM: number; TFM: number; WSO: number; total: number }> {
  const m = new Map<number, { JEM: number; TFM: number; WSO: number }>();
  for (const a of list) {
    if (!a.signed) continue;
    const y = Number(a.signed.slice(0, 4));
    const row = m.get(y) ?? { JEM: 0, TFM: 0, WSO: 0 };
    row[a.model]++;
    m.set(y, row);
  }
  if (m.size === 0) return [];
  const years = [...m.keys()];
  const out = [];
  // Every year from the first to the last, so years without new agreements show as zero on the time axis.
  for (let y = Math.min(...years); y <= Math.max(...years); y++) {
    const r = m.get(y) ?? { JEM: 0, TFM: 0, WSO: 0 };
    out.push({ year: y, ...r, total: r.JEM + r.TFM + r.WSO });
  }
  return out;
}

export const CSV_COLUMNS = ['state', 'agency', 'agencyType', 'county', 'model', 'status', 'signed', 'current', 'firstSeen', 'lastSeen', 'moaUrl'] as const;

const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function agreementsCsv(list: readonly Agreement[]): string {
  const rows = list.map((a) => CSV_COLUMNS.map((c) => (c === 'current' ? (a.current ? 'yes' : 'no') : String(a[c] ?? ''))));
  return [[...CSV_COLUMNS], ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
