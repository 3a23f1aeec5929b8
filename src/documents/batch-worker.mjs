// Worker-thread entry for `writ packet --batch`: loads the TypeScript sources through tsx, then the worker itself.
import { register } from 'tsx/esm/api';
register();
await import('./batch-worker.ts');
