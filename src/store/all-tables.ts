/**
 * Every table of the one migration set, parents before children: the order backup writes and restore inserts, and
 * the tables key rotation re-encrypts. The store's own tables (schema.ts), then the incident reports
 * (schema-incidents.ts, issue 7).
 */
import { ALL_TABLES as STORE_TABLES } from './schema.ts';
import { INCIDENT_TABLES } from './schema-incidents.ts';

export const ALL_TABLES = [...STORE_TABLES, ...INCIDENT_TABLES] as const;
