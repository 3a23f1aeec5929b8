/**
 * Legal terms the app explains in plain language the first time a screen uses them. The words are in
 * web:terms.<id> (en/es); each explanation restates the legal spec's own definition, cited here beside it.
 */
export const GLOSSARY = {
  MANDAMUS_1361: { spec: 'SPEC §1.1; §7 Glossary "Mandamus" (28 U.S.C. § 1361)' },
  APA_706_1: { spec: 'SPEC §1.2 (5 U.S.C. §§ 555(b), 706(1))' },
  APA_706_2: { spec: 'SPEC §1.2 (5 U.S.C. § 706(2))' },
  NATZ_1447B: { spec: 'SPEC §1.3 (8 U.S.C. § 1447(b))' },
  NATZ_1421C: { spec: 'SPEC §1.3 (8 U.S.C. § 1421(c))' },
  HABEAS_2241: { spec: 'SPEC §1.4 (28 U.S.C. § 2241)' },
  SEC1983: { spec: 'SPEC §1.5 (42 U.S.C. § 1983)' },
  BIVENS: { spec: 'SPEC §7 Glossary "Bivens"' },
  FTCA: { spec: 'SPEC §7 Glossary "FTCA"' },
  EQUAL_PROTECTION: { spec: 'SPEC §1.7' },
  TRAC: { spec: 'SPEC §7 Glossary "TRAC"' },
  DETAINER: { spec: 'SPEC §7 Glossary "Detainer" (8 C.F.R. § 287.7; Form I-247A)' },
  PROGRAM_287G: { spec: 'SPEC §2.1–2.2 (8 U.S.C. § 1357(g))' },
  FRCP_5_2: { spec: 'SPEC §5.8 (FRCP 5.2)' },
} as const;

export type TermId = keyof typeof GLOSSARY;

export function isTermId(x: string): x is TermId {
  return Object.prototype.hasOwnProperty.call(GLOSSARY, x);
}

/** Interview questions whose words need a term explained (by the start of their facts path). */
const TERM_FOR_FIELD: Array<[prefix: string, term: TermId]> = [
  ['detainer.', 'DETAINER'],
  ['detention.heldSolelyOnDetainer', 'DETAINER'],
  ['enforcement.has287g', 'PROGRAM_287G'],
  ['enforcement.models287g', 'PROGRAM_287G'],
  ['enforcement.agency.name', 'PROGRAM_287G'],
];

export function termForField(path: string): TermId | null {
  return TERM_FOR_FIELD.find(([prefix]) => path.startsWith(prefix))?.[1] ?? null;
}
