/** The case-level API calls the screens make (paths as in /api/openapi.json). */
import { api, apiBlob, apiUpload, type CaseDetail, type Revision } from './api.ts';
import type { EngineMessage, EngineQuestion } from './interview/plan-questions.ts';

const c = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}`;

export interface CaseDeadline {
  id: string;
  ruleId: string;
  dueDate: string;
  dueTime: string | null;
  status: 'open' | 'met' | 'dismissed';
  computation: unknown;
}

export async function listCaseDeadlines(caseId: string): Promise<CaseDeadline[]> {
  return (await api<{ deadlines: CaseDeadline[] }>('GET', `${c(caseId)}/deadlines`)).deadlines;
}

export const getCase = (caseId: string) => api<CaseDetail>('GET', c(caseId));

export const createCase = (title: string, facts: Record<string, unknown>, note: string) =>
  api<CaseDetail>('POST', '/api/cases', { title, facts, note });

export const addRevision = (caseId: string, facts: Record<string, unknown>, note: string) =>
  api<Revision>('POST', `${c(caseId)}/revisions`, { facts, note });

export const listRevisions = async (caseId: string) =>
  (await api<{ revisions: Revision[] }>('GET', `${c(caseId)}/revisions`)).revisions;

// ---- analysis (the engine's output, messages with `text` in the request language) ----

export interface Citation {
  cite: string;
  title: string;
  url: string | null;
  verified_on: string;
}
export interface LocalizedText {
  en: string;
  es: string;
}
export interface ElementResult {
  id: string;
  label: LocalizedText;
  finding: 'met' | 'not_met' | 'unknown';
  reasons: EngineMessage[];
  citations: Citation[];
  facts: string[];
}
export interface BarResult {
  id: string;
  label: LocalizedText;
  triggered: boolean | 'unknown';
  scope: 'remedy' | 'relief';
  effect: 'barred' | 'weak';
  reasons: EngineMessage[];
  citations: Citation[];
  facts: string[];
}
export interface TracScore {
  factor: string;
  favors: 'plaintiff' | 'government' | 'neutral' | 'unknown';
  reasons: EngineMessage[];
  facts: string[];
}
export interface AnalysisDeadline {
  id: string;
  message: EngineMessage;
  due: string | null;
  kind: 'deadline' | 'earliest';
  passed: boolean | null;
  citations: Citation[];
  warnings: EngineMessage[];
}
export interface RemedyResult {
  remedy: string;
  title: LocalizedText;
  viability: 'viable' | 'weak' | 'barred' | 'unknown';
  summary: EngineMessage[];
  elements: ElementResult[];
  bars: BarResult[];
  trac?: TracScore[];
  reliefs: Array<{ relief: string; viability: string; reasons: EngineMessage[] }>;
  warnings: EngineMessage[];
  questions: EngineQuestion[];
  deadlines: AnalysisDeadline[];
  citations: Citation[];
}
export interface VenueResult {
  source: string;
  courtId: string | null;
  districtName: string | null;
  circuit: string | null;
  reasons: EngineMessage[];
}
export interface Analysis {
  analysisDate: string;
  venue: VenueResult;
  confinementVenue: VenueResult | null;
  circuit: string | null;
  remedies: RemedyResult[];
  notices: EngineMessage[];
  warnings: EngineMessage[];
}

/** Runs the engine on the case's latest facts (POST: the API computes; nothing is stored). */
export const getAnalysis = async (caseId: string): Promise<Analysis> =>
  (await api<{ revision: number; analysis: Analysis }>('POST', `${c(caseId)}/analysis`, {})).analysis;

// ---- packet ----

export interface PacketDocument {
  id?: string;
  kind: string;
  filename: string;
  title?: string;
}

export const downloadFile = (path: string) => apiBlob('GET', path);

// ---- evidence ----

export interface EvidenceItem {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  exhibitNumber: string | null;
  createdBy: string;
  createdAt: string;
}
export interface CustodyEvent {
  id: string;
  actorId: string;
  action: 'added' | 'viewed' | 'exported' | 'linked';
  at: string;
}

export const listEvidence = async (caseId: string) =>
  (await api<{ evidence: EvidenceItem[] }>('GET', `${c(caseId)}/evidence`)).evidence;
export const uploadEvidence = (caseId: string, file: File) => apiUpload<EvidenceItem>(`${c(caseId)}/evidence`, file);
export const getCustody = async (evidenceId: string) =>
  (await api<{ custody: CustodyEvent[] }>('GET', `/api/evidence/${encodeURIComponent(evidenceId)}/custody`)).custody;
