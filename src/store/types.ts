/**
 * The store's public types: what the API, the CLI and the jobs build on. `openStore()` (./index.ts) returns a Store.
 *
 * Every use-case function that touches case data takes an `Actor` and is scoped to the actor's organization:
 * ids of another organization behave exactly like ids that do not exist (StoreError 'not_found'). Who may do
 * what (role policy) is decided by src/auth/policy.ts before the store is called; the store enforces scoping and
 * writes an audit entry (actor, action, ids — never content) for every read and write of case data.
 */
import type { Message } from '../i18n/i18n.ts';
import type { Sheet287g } from '../core/reference/parse-287g-sheet.ts';
import type { IncidentsApi } from './incidents.ts';

export const ROLES = ['admin', 'attorney', 'paralegal', 'advocate'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(x: unknown): x is Role {
  return typeof x === 'string' && (ROLES as readonly string[]).includes(x);
}

/** Who is acting. `requestId` (optional) is copied into the audit log. */
export interface Actor {
  userId: string;
  orgId: string;
  role: Role;
  requestId?: string;
}

export type StoreErrorCode =
  | 'not_found'
  | 'conflict'
  | 'invalid'
  | 'too_large'
  | 'forbidden_type'
  | 'locked'
  | 'not_empty'
  | 'bad_backup'
  | 'key'
  /** The database server cannot be reached (PostgreSQL down, wrong DATABASE_URL). */
  | 'unavailable';

/** An expected failure, with a stable code (the API maps it to a 4xx) and a message saying what to do. */
export class StoreError extends Error {
  readonly code: StoreErrorCode;
  /** When the problem comes from a core module with its own message code (e.g. the deadline engine), that code. */
  readonly problem?: Message;
  constructor(code: StoreErrorCode, message: string, problem?: Message) {
    super(message);
    this.name = 'StoreError';
    this.code = code;
    if (problem) this.problem = problem;
  }
}

export interface Organization {
  id: string;
  name: string;
  createdAt: Date;
}

export interface User {
  id: string;
  orgId: string;
  email: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  createdAt: Date;
}

/** A user with the stored password hash (only for the auth module's login check). */
export interface UserWithSecret extends User {
  passwordHash: string | null;
}

export interface Session {
  id: string;
  userId: string;
  csrfSecret: string;
  createdAt: Date;
  expiresAt: Date;
  lastSeenAt: Date;
}

export interface ApiToken {
  id: string;
  userId: string;
  label: string;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

export type CaseStatus = 'open' | 'closed' | 'archived';
export const CASE_STATUSES: readonly CaseStatus[] = ['open', 'closed', 'archived'];

export interface CaseSummary {
  id: string;
  orgId: string;
  title: string;
  status: CaseStatus;
  currentRevision: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface CaseRevision {
  caseId: string;
  revision: number;
  /** The facts JSON as given (see src/core/facts for its schema). */
  facts: unknown;
  note: string | null;
  authorId: string;
  createdAt: Date;
}

/** A case with its latest facts. */
export interface CaseDetail extends CaseSummary {
  facts: unknown;
}

export interface Party {
  id: string;
  caseId: string;
  /** e.g. 'petitioner', 'plaintiff', 'respondent', 'defendant' (free text; the facts schema decides). */
  role: string;
  name: string;
  /** Address, A-number, date of birth, official title... (encrypted at rest). */
  details: Record<string, unknown> | null;
  createdBy: string;
  createdAt: Date;
}

export interface DocketEvent {
  id: string;
  caseId: string;
  /** A docket event kind the deadline engine knows (e.g. 'complaint_filed'), or any other label. */
  kind: string;
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM (local) or null. */
  time: string | null;
  note: string | null;
  createdBy: string;
  createdAt: Date;
}

export type DeadlineStatus = 'open' | 'met' | 'dismissed';

export interface CaseDeadline {
  id: string;
  caseId: string;
  ruleId: string;
  /** YYYY-MM-DD */
  dueDate: string;
  /** HH:MM or null (end of the day). */
  dueTime: string | null;
  sourceEventId: string | null;
  status: DeadlineStatus;
  /** The deadline engine's result (steps, citation, warnings). */
  computation: unknown;
  createdAt: Date;
}

export interface DocumentRecord {
  id: string;
  caseId: string;
  kind: string;
  filename: string;
  contentType: string;
  sha256: string;
  size: number;
  createdBy: string;
  createdAt: Date;
}

export interface EvidenceLink {
  /** A path in the facts JSON, e.g. 'detention.startDate'. */
  factsPath?: string;
  /** A claim or remedy id, e.g. 'HABEAS_2241'. */
  claim?: string;
}

export interface EvidenceRecord {
  id: string;
  caseId: string;
  filename: string;
  /** Sniffed from the bytes, never taken from the name. */
  contentType: string;
  size: number;
  /** SHA-256 of the original bytes, hex. */
  sha256: string;
  exhibitNumber: string | null;
  batesStart: string | null;
  batesEnd: string | null;
  links: EvidenceLink[];
  createdBy: string;
  createdAt: Date;
}

export type CustodyAction = 'added' | 'viewed' | 'exported' | 'linked';

export interface CustodyEvent {
  id: string;
  evidenceId: string;
  actorId: string;
  action: CustodyAction;
  at: Date;
}

export interface AuditEntry {
  id: string;
  at: Date;
  actorId: string | null;
  orgId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  requestId: string | null;
}

export interface NewUser {
  orgId: string;
  email: string;
  displayName: string;
  role: Role;
  /** Already hashed by the caller (argon2, src/auth). Null: cannot log in until a password is set. */
  passwordHash: string | null;
}

export interface OrgsApi {
  create(input: { name: string }): Promise<Organization>;
  get(id: string): Promise<Organization | null>;
  list(): Promise<Organization[]>;
}

export interface UsersApi {
  /** Creates a user (email stored lower-cased, unique). StoreError 'conflict' when the email is taken. */
  create(input: NewUser): Promise<User>;
  get(id: string): Promise<User | null>;
  /** For login: the user with the password hash, by email (case-insensitive). */
  findForLogin(email: string): Promise<UserWithSecret | null>;
  /** Users of the actor's organization. */
  list(actor: Actor): Promise<User[]>;
  /** Changes a user of the actor's organization. */
  update(
    actor: Actor,
    id: string,
    patch: { displayName?: string; role?: Role; disabled?: boolean; passwordHash?: string },
  ): Promise<User>;
  count(): Promise<number>;
}

export interface SessionsApi {
  create(input: { userId: string; tokenHash: string; csrfSecret: string; expiresAt: Date; now?: Date }): Promise<Session>;
  /** A session that has not expired at `now`, with its user; null otherwise. */
  findByTokenHash(tokenHash: string, now?: Date): Promise<{ session: Session; user: User } | null>;
  touch(id: string, at?: Date): Promise<void>;
  delete(id: string): Promise<void>;
  deleteForUser(userId: string): Promise<number>;
  deleteExpired(now?: Date): Promise<number>;
}

export interface ApiTokensApi {
  create(input: { userId: string; tokenHash: string; label: string }): Promise<ApiToken>;
  /** A token that is not revoked, with its user; null otherwise. Records last use. */
  findByHash(tokenHash: string): Promise<{ token: ApiToken; user: User } | null>;
  list(actor: Actor): Promise<ApiToken[]>;
  revoke(actor: Actor, id: string): Promise<void>;
}

export interface LoginAttemptsApi {
  record(input: { key: string; success: boolean; at?: Date }): Promise<void>;
  countFailuresSince(key: string, since: Date): Promise<number>;
  /** Deletes attempts older than `before` (housekeeping). */
  prune(before: Date): Promise<number>;
}

export interface CasesApi {
  create(actor: Actor, input: { title: string; facts?: unknown; note?: string }): Promise<CaseDetail>;
  get(actor: Actor, id: string): Promise<CaseDetail>;
  list(actor: Actor, opts?: { status?: CaseStatus }): Promise<CaseSummary[]>;
  update(actor: Actor, id: string, patch: { title?: string; status?: CaseStatus }): Promise<CaseSummary>;
  /** Stores new facts as the next revision; nothing is overwritten. */
  addRevision(actor: Actor, id: string, input: { facts: unknown; note?: string }): Promise<CaseRevision>;
  listRevisions(actor: Actor, id: string): Promise<CaseRevision[]>;
  getRevision(actor: Actor, id: string, revision: number): Promise<CaseRevision>;
}

export interface PartiesApi {
  add(
    actor: Actor,
    caseId: string,
    input: { role: string; name: string; details?: Record<string, unknown> },
  ): Promise<Party>;
  list(actor: Actor, caseId: string): Promise<Party[]>;
}

export interface DocketApi {
  /** Adds a docket event and attaches the deadlines the deadline engine derives from it. */
  addEvent(
    actor: Actor,
    caseId: string,
    input: {
      kind: string;
      date: string;
      time?: string;
      note?: string;
      /** IANA zone of the court or place of detention, for hour-based deadlines (the detainer hold). */
      timeZone?: string;
    },
  ): Promise<{ event: DocketEvent; deadlines: CaseDeadline[] }>;
  listEvents(actor: Actor, caseId: string): Promise<DocketEvent[]>;
  listDeadlines(actor: Actor, caseId: string): Promise<CaseDeadline[]>;
  /** The deadlines of every case of the actor's organization, soonest first; optionally one status and due before a date (exclusive). */
  listOrgDeadlines(actor: Actor, opts?: { status?: DeadlineStatus; before?: string }): Promise<CaseDeadline[]>;
  setDeadlineStatus(actor: Actor, deadlineId: string, status: DeadlineStatus): Promise<CaseDeadline>;
}

export interface DocumentsApi {
  put(
    actor: Actor,
    caseId: string,
    input: { kind: string; filename: string; contentType: string; bytes: Uint8Array },
  ): Promise<DocumentRecord>;
  list(actor: Actor, caseId: string): Promise<DocumentRecord[]>;
  get(actor: Actor, id: string): Promise<{ record: DocumentRecord; bytes: Buffer }>;
}

export interface EvidenceApi {
  /**
   * Streams a file in: size limit, SHA-256 while streaming, type sniffed from the bytes, executables refused
   * (StoreError 'forbidden_type'), too large refused ('too_large'), encrypted, custody 'added' recorded.
   */
  put(
    actor: Actor,
    caseId: string,
    input: { filename: string; stream: AsyncIterable<Uint8Array> | Iterable<Uint8Array> },
  ): Promise<EvidenceRecord>;
  list(actor: Actor, caseId: string): Promise<EvidenceRecord[]>;
  /** Metadata only (no custody event). */
  getRecord(actor: Actor, id: string): Promise<EvidenceRecord>;
  /** The bytes; records custody 'viewed' (default) or 'exported'. */
  read(actor: Actor, id: string, purpose?: 'viewed' | 'exported'): Promise<{ record: EvidenceRecord; bytes: Buffer }>;
  update(
    actor: Actor,
    id: string,
    patch: { exhibitNumber?: string | null; batesStart?: string | null; batesEnd?: string | null },
  ): Promise<EvidenceRecord>;
  /** Adds a link to facts or a claim; records custody 'linked'. */
  link(actor: Actor, id: string, link: EvidenceLink): Promise<EvidenceRecord>;
  custody(actor: Actor, id: string): Promise<CustodyEvent[]>;
}

export interface AuditApi {
  /** Audit entries of the actor's organization, newest first. */
  list(actor: Actor, opts?: { entity?: string; entityId?: string; limit?: number }): Promise<AuditEntry[]>;
  /** Writes an entry (for actions outside the store, e.g. login, packet generation). */
  record(actor: Actor | null, entry: { action: string; entity: string; entityId?: string; orgId?: string }): Promise<void>;
}

export type JobHandler<T = unknown> = (data: T) => Promise<void>;

export interface JobsApi {
  /** Always 'pg-boss' (on PGlite it runs on the embedded connection; see docs/store.md). */
  readonly kind: 'pg-boss' | 'in-process';
  /** `expireInSeconds`: how long one run may take before the queue gives it to another worker (default 15 minutes). */
  enqueue<T extends object>(name: string, data: T, opts?: { expireInSeconds?: number }): Promise<string>;
  work<T extends object>(name: string, handler: JobHandler<T>): Promise<void>;
  /** Kept for compatibility; pg-boss has no local notion of idle. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/** Kinds of long work run as jobs (issue 5). */
export const JOB_KINDS = ['packet-batch', 'import-287g'] as const;
export type JobKind = (typeof JOB_KINDS)[number];
export type JobStatus = 'queued' | 'running' | 'done' | 'failed';
/** Counts and options of a job: numbers, booleans, short codes. Never personal data (it is not encrypted). */
export type JobSummary = Record<string, number | boolean | string | null>;

export interface JobRecord {
  id: string;
  orgId: string;
  kind: JobKind;
  createdBy: string;
  status: JobStatus;
  progress: { done: number; total: number };
  summary: JobSummary;
  /** Why the job failed (a stable code), or null. */
  errorCode: string | null;
  hasResult: boolean;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/**
 * Job records: src/store/jobs/job-records.ts. The user-facing functions take an Actor (organization-scoped,
 * audited); the worker-side ones (`readInput`, `start`, `progress`, `finish`) take the job id the queue carried.
 */
export interface JobRecordsApi {
  /** A queued job with its input (encrypted at rest). Queue it with `store.jobs.enqueue(name, { jobId })`. */
  create(actor: Actor, input: { kind: JobKind; input: Uint8Array; summary?: JobSummary; total?: number }): Promise<JobRecord>;
  get(actor: Actor, id: string): Promise<JobRecord>;
  /** The organization's jobs, newest first (default 50, at most 200). */
  list(actor: Actor, opts?: { limit?: number }): Promise<JobRecord[]>;
  /** The result bytes (a done job's output, or a failed import's report); StoreError 'conflict' when none. Audited. */
  readResult(actor: Actor, id: string): Promise<{ record: JobRecord; bytes: Buffer }>;
  readInput(id: string): Promise<{ record: JobRecord; input: Buffer }>;
  /** Marks the job running (null when it already finished: a duplicate delivery). */
  start(id: string, total?: number): Promise<JobRecord | null>;
  progress(id: string, done: number, total?: number): Promise<void>;
  finish(
    id: string,
    outcome: { status: 'done'; summary?: JobSummary; result?: Uint8Array } | { status: 'failed'; errorCode: string; summary?: JobSummary; result?: Uint8Array },
  ): Promise<JobRecord>;
  /**
   * Retention: deletes jobs that finished (done or failed) before `before`, with their encrypted input and result;
   * returns how many. The server runs it hourly with JOB_RETENTION_DAYS (src/server/start-server.ts). Audited.
   */
  deleteFinished(before: Date): Promise<number>;
}

/**
 * Whole-database operations (admin only: the caller checks the role). Each writes an audit entry. On PGlite these
 * run inside the process that holds the data directory, e.g. from `writ serve`; the CLI commands use them too.
 */
export interface MaintenanceApi {
  /** Encrypted, consistent backup to a file (see docs/store.md). */
  backup(file: string, opts?: { passphrase?: string; actor?: Actor }): Promise<{ file: string; bytes: number; counts: Record<string, number> }>;
  /** Restores a backup in one transaction; StoreError 'not_empty' unless `force`. */
  restore(file: string, opts?: { passphrase?: string; force?: boolean; actor?: Actor }): Promise<{ counts: Record<string, number> }>;
  /** New current key, everything re-encrypted, old keys removed unless `keepOld`. This process switches keys at once. */
  rotateKeys(opts?: { keepOld?: boolean; actor?: Actor }): Promise<{ newKeyId: string; reencrypted: Record<string, number>; oldKeysRemoved: boolean }>;
  /** Where the keys come from (never the keys themselves). */
  keyInfo(): { keyFile: string | null; source: 'file' | 'env'; currentKeyId: string };
}

export interface FirstAdminResult {
  created: boolean;
  org?: Organization;
  user?: User;
  /** The generated password, returned once when WRIT_ADMIN_PASSWORD was not set: print it once, never log it. */
  generatedPassword?: string;
}

export interface StoreInfo {
  driver: 'pglite' | 'postgres';
  /** The data directory (PGlite), or null on PostgreSQL. */
  dataDir: string | null;
  /** The evidence size limit in bytes this store enforces. */
  evidenceMaxBytes: number;
}

/** A parsed 287(g) sheet as the store keeps it (public data: stored as JSON, not encrypted). */
export interface ImportedSheet {
  sheet: Sheet287g;
  /** What the import repaired and the problems it found (kept with the sheet, as the import reported them). */
  repairs?: unknown[];
  problems?: unknown[];
}

export interface ReferenceSheetsApi {
  /** Stores an imported sheet; one of the same kind, date and edition is replaced. Audited (null actor: the command line). */
  save(actor: Actor | null, stored: ImportedSheet): Promise<{ id: string; replaced: boolean }>;
  /** Every imported sheet, oldest first. */
  list(): Promise<Sheet287g[]>;
  /** A fingerprint that changes whenever a sheet is stored (cheap: one aggregate query). */
  version(): Promise<string>;
}

export interface Store {
  readonly info: StoreInfo;
  orgs: OrgsApi;
  users: UsersApi;
  sessions: SessionsApi;
  apiTokens: ApiTokensApi;
  loginAttempts: LoginAttemptsApi;
  cases: CasesApi;
  parties: PartiesApi;
  docket: DocketApi;
  documents: DocumentsApi;
  evidence: EvidenceApi;
  audit: AuditApi;
  maintenance: MaintenanceApi;
  /** Community incident reports (issue 7): src/store/incidents.ts. */
  incidents: IncidentsApi;
  jobs: JobsApi;
  /** Job records (status, progress, encrypted input and result) of the work run on `jobs`. */
  jobRecords: JobRecordsApi;
  /** Imported 287(g) sheets, shared by every server on the database (src/store/reference-sheets.ts). */
  referenceSheets: ReferenceSheetsApi;
  /**
   * When there are no users: creates an organization and an admin. Password from `password` (e.g.
   * WRIT_ADMIN_PASSWORD) or generated and returned once. `hashPassword` is the auth module's argon2 function.
   */
  ensureFirstAdmin(input: {
    hashPassword: (password: string) => Promise<string>;
    password?: string;
    email?: string;
    orgName?: string;
  }): Promise<FirstAdminResult>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** PGlite data directory (and default key file location). Default: src/data/user-data-dir.ts (WRIT_DATA_DIR, ...). */
  dataDir?: string;
  /** PostgreSQL URL. Default: DATABASE_URL. When set, PostgreSQL is used instead of PGlite. */
  databaseUrl?: string;
  /** PGlite in memory (tests only): no data directory, no lock. */
  inMemory?: boolean;
  /** PGlite only, for tests: start from this database tarball (`pgliteTemplate()` in testing/) instead of creating one. */
  pgliteTemplate?: Blob;
  /** Key file. Default: WRIT_KEY_FILE, else <data-dir>/keys.json. */
  keyFile?: string;
  /** Create the key file with a fresh key when it is missing (default true; `writ restore` passes false). */
  createKeyFile?: boolean;
  /** Base64 key. Default: WRIT_KEY. */
  envKey?: string;
  /** Evidence size limit in bytes (default 50 MB, or WRIT_EVIDENCE_MAX_BYTES). */
  evidenceMaxBytes?: number;
  /** Where the store writes its log lines (never personal data). Default: nothing. */
  log?: (line: string) => void;
  /** Start job workers (pg-boss) — default true. */
  jobs?: boolean;
  /** Environment to read defaults from (default process.env). */
  env?: NodeJS.ProcessEnv;
}
