// drizzle-kit configuration: `npx drizzle-kit generate` writes SQL migrations from the one schema.
// The same migrations run on PGlite and PostgreSQL (src/store/migrate.ts).
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/store/schema.ts',
  out: './src/store/migrations',
});
