// Worker-thread entry for the render pool: loads the TypeScript sources through tsx, then the worker itself.
import { register } from 'tsx/esm/api';
register();
await import('./render-worker.ts');
