/**
 * Tables for community incident reports (issue 7), a separate schema module in the store's one migration set
 * (drizzle.config.ts lists it beside schema.ts; ALL_TABLES includes it for backup, restore and key rotation).
 *
 * What is encrypted and what is not (docs/incidents.md explains why):
 * - `body_enc`: the whole report (or draft) as given — names, contacts, addresses, officers, witnesses, narratives,
 *   file names, and also every facet below — AES-256-GCM bound to the row id.
 * - clear columns: the non-identifying facets pattern statistics count in SQL (date, county, agency, 287(g) models
 *   and agreement ids, kind of contact, stated-reason category, outcome, yes/no answers, custody durations in
 *   minutes, reporter role, demographic categories, consent to statistics, synthetic flag). Drafts have none of them
 *   (only the body). Demographic categories are in clear because equal-protection statistics group by them and
 *   decrypting every report for each chart is too slow at 100,000 reports; the trade-off is written in
 *   docs/incidents.md.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { bytea, cases, organizations, users } from './schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const incidentReports = pgTable(
  'incident_reports',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organizations.id),
    status: text('status').notNull(),
    bodyEnc: bytea('body_enc').notNull(),
    synthetic: boolean('synthetic').notNull().default(false),
    countable: boolean('countable').notNull().default(false),
    /** The primary report of a confirmed duplicate group; null when counted on its own. */
    duplicateOf: text('duplicate_of'),
    caseId: text('case_id').references(() => cases.id),
    date: date('date', { mode: 'string' }),
    state: text('state'),
    county: text('county'),
    agency: text('agency'),
    agencyKey: text('agency_key'),
    models: text('models').array(),
    hadAgreement: text('had_agreement'),
    agreementIds: jsonb('agreement_ids'),
    contactKind: text('contact_kind'),
    stopReason: text('stop_reason'),
    outcome: text('outcome'),
    askedAboutStatus: text('asked_about_status'),
    arrested: text('arrested'),
    detainerLodged: text('detainer_lodged'),
    transferredToIce: text('transferred_to_ice'),
    heldMinutes: integer('held_minutes'),
    minutesBeyondRelease: integer('minutes_beyond_release'),
    reporterRole: text('reporter_role'),
    ethnicity: text('ethnicity'),
    language: text('language'),
    ageRange: text('age_range'),
    gender: text('gender'),
    /**
     * The same clear facets once more, packed as the inside of a JSON array (see packFacets in incidents.ts), so
     * statistics load every report of an organization as ONE value instead of 100,000 rows. No identifying data.
     */
    facetsPacked: text('facets_packed'),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    submittedAt: ts('submitted_at'),
  },
  (t) => [
    index('incident_reports_org_status_idx').on(t.orgId, t.status),
    index('incident_reports_org_agency_date_idx').on(t.orgId, t.agencyKey, t.date),
    index('incident_reports_duplicate_of_idx').on(t.duplicateOf),
    check('incident_reports_status_check', sql`${t.status} in ('draft', 'submitted')`),
  ],
);

export const INCIDENT_TABLES = [{ name: 'incident_reports', table: incidentReports }] as const;
