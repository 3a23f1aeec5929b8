/**
 * Build of the web app (src/web → dist/web). `writ serve` serves dist/web when it exists.
 *
 * The facts JSON Schema (generated from the zod facts schema, the one source of the format) is handed to the app as
 * the virtual module `virtual:writ/facts-schema`, so the browser bundle carries the schema's data, not zod itself.
 */
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { factsJsonSchema } from './src/core/facts/facts-json-schema.ts';

const FACTS_SCHEMA_ID = 'virtual:writ/facts-schema';

function factsSchemaModule(): Plugin {
  return {
    name: 'writ-facts-schema',
    resolveId(id) {
      return id === FACTS_SCHEMA_ID ? '\0' + FACTS_SCHEMA_ID : null;
    },
    load(id) {
      return id === '\0' + FACTS_SCHEMA_ID ? `export default ${JSON.stringify(factsJsonSchema())};` : null;
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  base: '/',
  plugins: [react(), factsSchemaModule()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // The server's CSP allows no inline script: keep the module preload polyfill out of index.html.
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
