/**
 * The federal circuit of each state and territory. Every district of a state lies in the same circuit, so the state
 * alone settles the circuit even when the district (county) is not known yet.
 *
 * Derived from the reference data's federal_district_courts.csv (columns state, circuit; courts-db and
 * 28 U.S.C. §§ 81–131, see data/SOURCES.md) — 55 states/territories, each with exactly one circuit. Used only when
 * no Reference is passed in or the county is unknown; with a Reference the county lookup gives district and circuit.
 */
export const STATE_CIRCUIT: Readonly<Record<string, string>> = {
  AK: '9',
  AL: '11',
  AR: '8',
  AZ: '9',
  CA: '9',
  CO: '10',
  CT: '2',
  DC: 'DC',
  DE: '3',
  FL: '11',
  GA: '11',
  GU: '9',
  HI: '9',
  IA: '8',
  ID: '9',
  IL: '7',
  IN: '7',
  KS: '10',
  KY: '6',
  LA: '5',
  MA: '1',
  MD: '4',
  ME: '1',
  MI: '6',
  MN: '8',
  MO: '8',
  MP: '9',
  MS: '5',
  MT: '9',
  NC: '4',
  ND: '8',
  NE: '8',
  NH: '1',
  NJ: '3',
  NM: '10',
  NV: '9',
  NY: '2',
  OH: '6',
  OK: '10',
  OR: '9',
  PA: '3',
  PR: '1',
  RI: '1',
  SC: '4',
  SD: '8',
  TN: '6',
  TX: '5',
  UT: '10',
  VA: '4',
  VI: '3',
  VT: '2',
  WA: '9',
  WI: '7',
  WV: '4',
  WY: '10',
};

export function circuitForState(state: string | undefined): string | null {
  return (state && STATE_CIRCUIT[state]) || null;
}
