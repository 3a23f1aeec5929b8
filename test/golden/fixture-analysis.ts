/**
 * Analyses for the golden packets, written out by hand from the expected analysis of the legal spec's fixtures
 * (SPEC § 8: F1, F4, F6, F8 variant B, F9). The packet builder is tested on a fixed analysis so its goldens change
 * only when the documents change; the analysis engine has its own tests.
 */
import type { Analysis, RemedyId, RemedyResult, Viability } from '../../src/core/analysis/types.ts';

function remedy(remedy: RemedyId, viability: Viability, warnings: RemedyResult['warnings'] = []): RemedyResult {
  const basis = remedy === 'HABEAS_2241' ? 'confinement' : 'residence';
  return {
    remedy,
    title: { en: remedy, es: remedy },
    viability,
    // The court is left to the case-level venue here; the packet builder falls back to it.
    venue: { basis, rule: { en: basis, es: basis }, citations: [], court: null },
    summary: [],
    elements: [],
    bars: [],
    reliefs: [],
    warnings,
    questions: [],
    deadlines: [],
    citations: [],
  };
}

function venue(courtId: string, districtName: string, circuit: string, source: Analysis['venue']['source']): Analysis['venue'] {
  return { source, courtId, districtName, circuit, reasons: [] };
}

const base = (analysisDate: string, v: Analysis['venue'], remedies: RemedyResult[], confinement: Analysis['venue'] | null = null): Analysis => ({
  factsVersion: 1,
  analysisDate,
  rulesVersion: 'fixture',
  venue: v,
  confinementVenue: confinement,
  circuit: (confinement ?? v).circuit,
  remedies,
  notices: [],
  warnings: [],
});

export const FIXTURE_ANALYSES: Record<string, Analysis> = {
  F1: base('2026-02-02', venue('cand', 'Northern District of California', '9', 'residence'), [
    remedy('NATZ_1447B', 'viable'),
    remedy('MANDAMUS_1361', 'weak'),
    remedy('APA_706_1', 'weak'),
  ]),
  F4: base('2026-06-15', venue('cand', 'Northern District of California', '9', 'residence'), [
    remedy('APA_706_1', 'viable', [{ code: 'common:circuitDependentWarning', params: { circuit: '9' } }]),
    remedy('MANDAMUS_1361', 'viable'),
  ]),
  F6: base('2026-06-06', venue('ord', 'District of Oregon', '9', 'residence'), [remedy('HABEAS_2241', 'viable'), remedy('SEC1983', 'viable')], venue('ord', 'District of Oregon', '9', 'facility')),
  F8: base('2026-06-20', venue('nywd', 'Western District of New York', '2', 'facility'), [remedy('HABEAS_2241', 'viable', [{ code: 'common:fastMovingWarning' }])], venue('nywd', 'Western District of New York', '2', 'facility')),
  F9: base('2026-06-01', venue('gamd', 'Middle District of Georgia', '11', 'facility'), [remedy('HABEAS_2241', 'viable')], venue('gamd', 'Middle District of Georgia', '11', 'facility')),
};
