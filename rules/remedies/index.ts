/**
 * Every remedy rule file (id = file name). Add one: add its JSON file and import it here.
 * Validated by src/core/analysis/rules.ts; its cases run in rules/remedies/remedies.test.ts.
 */
import apa7061 from './apa-706-1.json' with { type: 'json' };
import apa7062 from './apa-706-2.json' with { type: 'json' };
import bivens from './bivens.json' with { type: 'json' };
import equalProtection from './equal-protection.json' with { type: 'json' };
import ftca from './ftca.json' with { type: 'json' };
import habeas2241 from './habeas-2241.json' with { type: 'json' };
import mandamus1361 from './mandamus-1361.json' with { type: 'json' };
import natz1421c from './natz-1421c.json' with { type: 'json' };
import natz1447b from './natz-1447b.json' with { type: 'json' };
import sec1983 from './sec1983.json' with { type: 'json' };

export const REMEDY_FILES: Record<string, unknown> = {
  'apa-706-1': apa7061,
  'apa-706-2': apa7062,
  'bivens': bivens,
  'equal-protection': equalProtection,
  'ftca': ftca,
  'habeas-2241': habeas2241,
  'mandamus-1361': mandamus1361,
  'natz-1421c': natz1421c,
  'natz-1447b': natz1447b,
  'sec1983': sec1983,
};
