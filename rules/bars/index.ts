/**
 * Every bar rule file (id = file name). Add one: add its JSON file and import it here.
 * Validated by src/core/analysis/rules.ts; its cases run in rules/bars/bars.test.ts.
 */
import adequateAltRemedy from './adequate-alt-remedy.json' with { type: 'json' };
import b1252a2bii from './b1252a2bii.json' with { type: 'json' };
import b1252b9 from './b1252b9.json' with { type: 'json' };
import b1252f1 from './b1252f1.json' with { type: 'json' };
import b1252g from './b1252g.json' with { type: 'json' };
import bivensNewContext from './bivens-new-context.json' with { type: 'json' };
import consularNonreviewability from './consular-nonreviewability.json' with { type: 'json' };
import ftcaNoAdminClaim from './ftca-no-admin-claim.json' with { type: 'json' };
import moot from './moot.json' with { type: 'json' };
import noDiscreteDuty from './no-discrete-duty.json' with { type: 'json' };

export const BAR_FILES: Record<string, unknown> = {
  'adequate-alt-remedy': adequateAltRemedy,
  'b1252a2bii': b1252a2bii,
  'b1252b9': b1252b9,
  'b1252f1': b1252f1,
  'b1252g': b1252g,
  'bivens-new-context': bivensNewContext,
  'consular-nonreviewability': consularNonreviewability,
  'ftca-no-admin-claim': ftcaNoAdminClaim,
  'moot': moot,
  'no-discrete-duty': noDiscreteDuty,
};
