/**
 * Every deadline rule, one JSON file each (id = file name). Add a rule: add its file, import it here, and run
 * `FIX_JSON=1 node scripts/run-tests.mjs rules/deadlines` to copy its texts into the deadlines locale files.
 */
import detainer2877d from './detainer-287-7d.json' with { type: 'json' };
import eaja from './eaja.json' with { type: 'json' };
import frcp12a1b from './frcp-12a1b.json' with { type: 'json' };
import frcp12a2 from './frcp-12a2.json' with { type: 'json' };
import frcp12a3 from './frcp-12a3.json' with { type: 'json' };
import frcp4m from './frcp-4m.json' with { type: 'json' };
import ftcaDeemedDenial from './ftca-deemed-denial.json' with { type: 'json' };
import ftcaPresentment from './ftca-presentment.json' with { type: 'json' };
import ftcaSuit from './ftca-suit.json' with { type: 'json' };
import habeas2243Hearing from './habeas-2243-hearing.json' with { type: 'json' };
import habeas2243ReturnExtended from './habeas-2243-return-extended.json' with { type: 'json' };
import habeas2243Return from './habeas-2243-return.json' with { type: 'json' };
import n336 from './n336.json' with { type: 'json' };
import natz1421c from './natz-1421c.json' with { type: 'json' };
import natz1447b from './natz-1447b.json' with { type: 'json' };

export const DEADLINE_RULE_FILES: Record<string, unknown> = {
  'detainer-287-7d': detainer2877d,
  'eaja': eaja,
  'frcp-12a1b': frcp12a1b,
  'frcp-12a2': frcp12a2,
  'frcp-12a3': frcp12a3,
  'frcp-4m': frcp4m,
  'ftca-deemed-denial': ftcaDeemedDenial,
  'ftca-presentment': ftcaPresentment,
  'ftca-suit': ftcaSuit,
  'habeas-2243-hearing': habeas2243Hearing,
  'habeas-2243-return-extended': habeas2243ReturnExtended,
  'habeas-2243-return': habeas2243Return,
  'n336': n336,
  'natz-1421c': natz1421c,
  'natz-1447b': natz1447b,
};
