// The authorization matrix (test/api/authorization-matrix.case.ts) on the embedded database (PGlite in memory).
import { authorizationMatrix } from './authorization-matrix.case.ts';

authorizationMatrix('PGlite', async () => ({}));
