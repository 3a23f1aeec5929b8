// drizzle-kit configuration: `npx drizzle-kit generate` writes SQL migrations from the one schema.
// The same migrations run on PGlite and PostgreSQL (src/store/migrate.ts).
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  // One migration set from both schema modules: the store's tables and the incident reports (issue 7).
  schema: ['./src/store/schema.ts', './src/store/schema-incidents.ts'],
  out: './src/store/migrations',
});
