/**
 * The analysis engine's input context and output shape. Stable contract for the packet builder, the API and the web
 * app: fields are only ever added, never renamed.
 *
 * Every text a person sees is a Message (code + params, rendered per locale with src/i18n/i18n.ts `render`).
 * The CLI's --json output adds rendered `text` beside each message (see RenderedAnalysis in render-analysis.ts).
 */
import type { Message } from '../../i18n/i18n.ts';
import type { Reference } from '../reference/reference.ts';

export type Viability = 'viable' | 'weak' | 'barred' | 'unknown';
export type Finding = 'met' | 'not_met' | 'unknown';

export const REMEDY_IDS = [
  'MANDAMUS_1361',
  'APA_706_1',
  'APA_706_2',
  'NATZ_1447B',
  'NATZ_1421C',
  'HABEAS_2241',
  'SEC1983',
  'BIVENS',
  'FTCA',
  'EQUAL_PROTECTION',
] as const;
export type RemedyId = (typeof REMEDY_IDS)[number];

export const BAR_IDS = [
  'B1252G',
  'B1252A2Bii',
  'B1252B9',
  'B1252F1',
  'CONSULAR_NONREVIEWABILITY',
  'MOOT',
  'ADEQUATE_ALT_REMEDY',
  'NO_DISCRETE_DUTY',
  'BIVENS_NEW_CONTEXT',
  'FTCA_NO_ADMIN_CLAIM',
] as const;
export type BarId = (typeof BAR_IDS)[number];

/** An authority, copied from the legal spec's text and Sources lines. */
export interface Citation {
  cite: string; // e.g. '28 U.S.C. § 1361', 'Norton v. SUWA, 542 U.S. 55, 64 (2004)'
  title: string; // what the source is
  url: string | null;
  /** ISO date the point was checked in the legal spec's verification pass it was copied from; null = not rechecked. */
  verified_on: string | null;
  /** Section of the legal spec the citation is copied from, e.g. '§ 1.1'. */
  spec?: string;
}

/** en + es text carried in rule files (labels, titles). */
export interface LocalizedText {
  en: string;
  es: string;
}

export interface AnalysisContext {
  /** Reference data (venue, facilities, 287(g)); optional — without it, Writ uses facts.venue and the state's circuit. */
  reference?: Reference;
  /** ISO date used when facts.analysisDate is absent. Defaults to the current UTC date. */
  today?: string;
}

export interface ElementResult {
  id: string;
  label: LocalizedText;
  finding: Finding;
  /** Why: message codes with parameters. */
  reasons: Message[];
  citations: Citation[];
  /** Facts paths that drove the finding, e.g. ['benefitRequest.interviewDate']. */
  facts: string[];
}

export interface BarResult {
  id: BarId;
  label: LocalizedText;
  triggered: true | false | 'unknown';
  /** 'remedy' = the bar defeats or weakens the remedy; 'relief' = it defeats only a form of relief (listed in `reliefs`). */
  scope: 'remedy' | 'relief';
  /** What the bar does to the remedy when triggered: 'barred' or 'weak'. */
  effect: 'barred' | 'weak';
  reasons: Message[];
  citations: Citation[];
  facts: string[];
}

export type TracFactor = 'T1' | 'T2' | 'T3' | 'T4' | 'T5' | 'T6';
export interface TracScore {
  factor: TracFactor;
  favors: 'plaintiff' | 'government' | 'neutral' | 'unknown';
  reasons: Message[];
  facts: string[];
}

export interface Question {
  /** The facts path whose answer would settle an unknown. */
  path: string;
  message: Message;
}

export interface Deadline {
  /** Stable id, e.g. 'NATZ_1447B_ELIGIBLE', 'N336_FILE', 'NATZ_1421C_FILE', 'FTCA_PRESENT', 'DETAINER_HOLD_LIMIT'. */
  id: string;
  /** What the date means (rendered per locale). */
  message: Message;
  /** Due date (YYYY-MM-DD) or instant (ISO date-time) when computable; null when the rule gives no date (e.g. a state period). */
  due: string | null;
  /** 'deadline' = last day to act; 'earliest' = first day an action becomes available. */
  kind: 'deadline' | 'earliest';
  /** Trigger date and the rule used. */
  trigger: string | null;
  /** True when `due` is before the analysis date. */
  passed: boolean | null;
  citations: Citation[];
  /** Steps from the deadline engine (how the date was counted), when it computed the date. */
  steps: Message[];
  warnings: Message[];
}

/** An outcome for one form of relief inside a remedy (e.g. a classwide injunction barred while individual habeas is viable). */
export interface ReliefResult {
  relief: string;
  viability: Viability;
  reasons: Message[];
  bars: BarId[];
}

/** Where this remedy is filed (SPEC § 3.1) and, when the facts tell, which court that is. */
export interface RemedyVenue {
  /** What decides the court: the plaintiff's residence, the place of confinement, or where the events happened. */
  basis: 'residence' | 'confinement' | 'events';
  rule: LocalizedText;
  citations: Citation[];
  /** The court the facts point to (residence, confinement, or where the events happened); null when not known. */
  court: VenueResult | null;
}

export interface RemedyResult {
  remedy: RemedyId;
  title: LocalizedText;
  viability: Viability;
  venue: RemedyVenue;
  /** The reasons that decided the viability (the deciding elements and bars), in order. */
  summary: Message[];
  elements: ElementResult[];
  bars: BarResult[];
  trac?: TracScore[];
  reliefs: ReliefResult[];
  /** [VERIFY], fast-moving and circuit-dependent warnings touched by this result. */
  warnings: Message[];
  questions: Question[];
  deadlines: Deadline[];
  citations: Citation[];
}

export interface VenueResult {
  /** Where the venue came from. */
  source: 'facts.venue' | 'residence' | 'facility' | 'events' | 'state' | 'none';
  courtId: string | null;
  districtName: string | null;
  circuit: string | null;
  /** How the venue was derived (or why it could not be). */
  reasons: Message[];
}

export interface Analysis {
  factsVersion: 1;
  analysisDate: string;
  /** Version of the rules data (bumped when rule files change). */
  rulesVersion: string;
  venue: VenueResult;
  /** Habeas venue (district of confinement) when it differs from the residence venue. */
  confinementVenue: VenueResult | null;
  circuit: string | null;
  remedies: RemedyResult[];
  /** Not-legal-advice notice; for detention cases also "find a lawyer now". */
  notices: Message[];
  /** Warnings that apply to the whole case (e.g. state-law overlays, 287(g) model limits). */
  warnings: Message[];
}
