/**
 * The one database schema (drizzle), used on both PGlite and PostgreSQL. Migrations in ./migrations are made from it
 * with `npx drizzle-kit generate` (config: drizzle.config.ts).
 *
 * Columns ending in `_enc` hold AES-256-GCM envelopes (src/crypto/cipher.ts) bound to the row id: names, narratives,
 * file names, facts and file bytes never reach the database in plaintext. Ids are random UUIDs made by the store
 * (no sequences), so a backup restores on either database unchanged.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/** bytea as a Node Buffer on both drivers (PGlite returns Uint8Array, pg returns Buffer). */
export const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (v) => v,
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v.buffer, v.byteOffset, v.byteLength)),
});

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const organizations = pgTable('organizations', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: ts('created_at').notNull(),
});

export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organizations.id),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role').notNull(),
    passwordHash: text('password_hash'),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('users_email_unique').on(t.email),
    index('users_org_idx').on(t.orgId),
    check('users_role_check', sql`${t.role} in ('admin', 'attorney', 'paralegal', 'advocate')`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    tokenHash: text('token_hash').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfSecret: text('csrf_secret').notNull(),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull(),
  },
  (t) => [uniqueIndex('sessions_token_hash_unique').on(t.tokenHash), index('sessions_user_idx').on(t.userId)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: text('id').primaryKey(),
    tokenHash: text('token_hash').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    label: text('label').notNull(),
    createdAt: ts('created_at').notNull(),
    revokedAt: ts('revoked_at'),
    lastUsedAt: ts('last_used_at'),
  },
  (t) => [uniqueIndex('api_tokens_token_hash_unique').on(t.tokenHash), index('api_tokens_user_idx').on(t.userId)],
);

export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: text('id').primaryKey(),
    /** What the limit is counted on (the auth module chooses, e.g. a hash of email or client address). */
    key: text('key').notNull(),
    success: boolean('success').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [index('login_attempts_key_at_idx').on(t.key, t.at)],
);

export const cases = pgTable(
  'cases',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organizations.id),
    titleEnc: bytea('title_enc').notNull(),
    status: text('status').notNull(),
    currentRevision: integer('current_revision').notNull(),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('cases_org_idx').on(t.orgId),
    check('cases_status_check', sql`${t.status} in ('open', 'closed', 'archived')`),
  ],
);

export const caseRevisions = pgTable(
  'case_revisions',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    revision: integer('revision').notNull(),
    factsEnc: bytea('facts_enc').notNull(),
    noteEnc: bytea('note_enc'),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('case_revisions_case_revision_unique').on(t.caseId, t.revision)],
);

export const parties = pgTable(
  'parties',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    role: text('role').notNull(),
    nameEnc: bytea('name_enc').notNull(),
    /** JSON object (address, A-number, date of birth, title...), encrypted. */
    detailsEnc: bytea('details_enc'),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('parties_case_idx').on(t.caseId)],
);

export const docketEvents = pgTable(
  'docket_events',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    /** Local time 'HH:MM' for hour-based periods, or null. */
    time: text('time'),
    noteEnc: bytea('note_enc'),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('docket_events_case_idx').on(t.caseId)],
);

export const deadlines = pgTable(
  'deadlines',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    ruleId: text('rule_id').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    /** Local time 'HH:MM' when the period is in hours, else null (end of day). */
    dueTime: text('due_time'),
    sourceEventId: text('source_event_id').references(() => docketEvents.id),
    status: text('status').notNull(),
    /** The deadline engine's computation (steps, citations, warnings): no personal data. */
    computation: jsonb('computation'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('deadlines_case_idx').on(t.caseId),
    check('deadlines_status_check', sql`${t.status} in ('open', 'met', 'dismissed')`),
  ],
);

export const documents = pgTable(
  'documents',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind').notNull(),
    filenameEnc: bytea('filename_enc').notNull(),
    contentType: text('content_type').notNull(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    blobEnc: bytea('blob_enc'),
    fileRef: text('file_ref'),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('documents_case_idx').on(t.caseId)],
);

export const evidence = pgTable(
  'evidence',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    filenameEnc: bytea('filename_enc').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    /** SHA-256 of the plaintext bytes, hex. */
    sha256: text('sha256').notNull(),
    exhibitNumber: text('exhibit_number'),
    batesStart: text('bates_start'),
    batesEnd: text('bates_end'),
    /** [{ factsPath?, claim? }]: where this item is relied on. No personal data (paths and claim ids only). */
    links: jsonb('links').notNull(),
    blobEnc: bytea('blob_enc').notNull(),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('evidence_case_idx').on(t.caseId)],
);

export const custodyEvents = pgTable(
  'custody_events',
  {
    id: text('id').primaryKey(),
    evidenceId: text('evidence_id')
      .notNull()
      .references(() => evidence.id),
    actorId: text('actor_id')
      .notNull()
      .references(() => users.id),
    action: text('action').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [
    index('custody_events_evidence_idx').on(t.evidenceId),
    check('custody_events_action_check', sql`${t.action} in ('added', 'viewed', 'exported', 'linked')`),
  ],
);

/** Append-only (a trigger in the migrations rejects UPDATE, DELETE and TRUNCATE). Never personal data. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    at: ts('at').notNull(),
    actorId: text('actor_id'),
    orgId: text('org_id'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    requestId: text('request_id'),
  },
  (t) => [index('audit_log_org_at_idx').on(t.orgId, t.at), index('audit_log_entity_idx').on(t.entity, t.entityId)],
);

/**
 * Long work run on the job queue (issue 5): batch packets and 287(g) sheet imports. The queue (pg-boss) carries only
 * the job id; the input (a batch CSV holds names) and the result (a zip of complaints) live here, encrypted with the
 * job id as associated data, so any server sharing the database can run the job. `summary` holds counts only.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organizations.id),
    kind: text('kind').notNull(),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    status: text('status').notNull(),
    progressDone: integer('progress_done').notNull().default(0),
    progressTotal: integer('progress_total').notNull().default(0),
    /** Counts and options (rows, files, failed rows...): never personal data. */
    summary: jsonb('summary').notNull(),
    /** A stable error code when the job failed (e.g. 'bad_sheet'), never a message quoting data. */
    errorCode: text('error_code'),
    inputEnc: bytea('input_enc').notNull(),
    resultEnc: bytea('result_enc'),
    createdAt: ts('created_at').notNull(),
    startedAt: ts('started_at'),
    finishedAt: ts('finished_at'),
  },
  (t) => [
    index('jobs_org_created_idx').on(t.orgId, t.createdAt),
    check('jobs_kind_check', sql`${t.kind} in ('packet-batch', 'import-287g')`),
    check('jobs_status_check', sql`${t.status} in ('queued', 'running', 'done', 'failed')`),
  ],
);

/**
 * 287(g) sheets imported on a server (`writ data import-287g`, POST /api/reference/287g/imports): every server sharing
 * the database merges them with the shipped sheets (src/data/imported-sheets.ts). Public data (ICE publishes the
 * sheets), so stored as plain JSON. One row per kind, date and edition; a new import of the same sheet replaces it.
 */
export const referenceSheets = pgTable(
  'reference_sheets',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    /** The sheet's date (ISO), and its edition ('am'/'pm', '' for none). */
    sheetDate: text('sheet_date').notNull(),
    edition: text('edition').notNull().default(''),
    /** The parsed sheet (Sheet287g), with the import's repairs and problems. */
    sheet: jsonb('sheet').notNull(),
    /** Who imported it (null: the command line). */
    importedBy: text('imported_by').references(() => users.id),
    importedAt: ts('imported_at').notNull(),
  },
  (t) => [
    uniqueIndex('reference_sheets_key_idx').on(t.kind, t.sheetDate, t.edition),
    check('reference_sheets_kind_check', sql`${t.kind} in ('participating', 'pending')`),
  ],
);

/** Every table, parents before children: the order backup writes and restore inserts. */
export const ALL_TABLES = [
  { name: 'organizations', table: organizations },
  { name: 'users', table: users },
  { name: 'sessions', table: sessions },
  { name: 'api_tokens', table: apiTokens },
  { name: 'login_attempts', table: loginAttempts },
  { name: 'cases', table: cases },
  { name: 'case_revisions', table: caseRevisions },
  { name: 'parties', table: parties },
  { name: 'docket_events', table: docketEvents },
  { name: 'deadlines', table: deadlines },
  { name: 'documents', table: documents },
  { name: 'evidence', table: evidence },
  { name: 'custody_events', table: custodyEvents },
  { name: 'audit_log', table: auditLog },
  { name: 'jobs', table: jobs },
  { name: 'reference_sheets', table: referenceSheets },
] as const;
