/**
 * The incident report form's state and the report it stands for (src/core/incidents/incident-schema.ts): toReport
 * builds the report (empty fields left out; the affected person only when the reporter chose to identify them) and
 * fromReport reads a saved draft back into the form.
 */
export interface Form {
  role: string;
  countInStatistics: boolean;
  useAsEvidence: boolean;
  identifyAffectedPerson: boolean;
  affectedName: string;
  date: string;
  time: string;
  state: string;
  county: string;
  city: string;
  agencyName: string;
  agencyState: string;
  contactKind: string;
  statedReason: string;
  askedAboutStatus: string;
  arrested: string;
  detainerLodged: string;
  transferredToIce: string;
  outcome: string;
  narrative: string;
}

export const EMPTY: Form = {
  role: '', countInStatistics: true, useAsEvidence: false, identifyAffectedPerson: false, affectedName: '',
  date: '', time: '', state: '', county: '', city: '', agencyName: '', agencyState: '', contactKind: '', statedReason: '',
  askedAboutStatus: 'unknown', arrested: 'unknown', detainerLodged: 'unknown', transferredToIce: 'unknown', outcome: '', narrative: '',
};

/** The form as a report (incident-schema.ts). Empty fields are left out; the affected person only with consent. */
export function toReport(f: Form): Record<string, unknown> {
  const s = (v: string) => (v.trim() ? v.trim() : undefined);
  return {
    schemaVersion: 1,
    reporter: { role: s(f.role) },
    consent: { countInStatistics: f.countInStatistics, useAsEvidence: f.useAsEvidence, identifyAffectedPerson: f.identifyAffectedPerson },
    ...(f.identifyAffectedPerson && s(f.affectedName) ? { affectedPerson: { name: s(f.affectedName) } } : {}),
    when: { date: s(f.date), time: s(f.time) },
    where: { state: s(f.state)?.toUpperCase(), county: s(f.county), city: s(f.city) },
    agency: { name: s(f.agencyName), state: (s(f.agencyState) ?? s(f.state))?.toUpperCase() },
    contact: { kind: s(f.contactKind), statedReason: s(f.statedReason) },
    askedAboutStatus: f.askedAboutStatus,
    arrested: f.arrested,
    detainerLodged: f.detainerLodged,
    transferredToIce: f.transferredToIce,
    outcome: s(f.outcome),
    narrative: s(f.narrative),
  };
}

/** A saved draft back into the form (the inverse of toReport; anything missing stays empty). */
export function fromReport(r: Record<string, unknown>): Form {
  const at = (...path: string[]): unknown =>
    path.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), r);
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const bool = (v: unknown, d: boolean) => (typeof v === 'boolean' ? v : d);
  return {
    ...EMPTY,
    role: str(at('reporter', 'role')),
    countInStatistics: bool(at('consent', 'countInStatistics'), EMPTY.countInStatistics),
    useAsEvidence: bool(at('consent', 'useAsEvidence'), EMPTY.useAsEvidence),
    identifyAffectedPerson: bool(at('consent', 'identifyAffectedPerson'), EMPTY.identifyAffectedPerson),
    affectedName: str(at('affectedPerson', 'name')),
    date: str(at('when', 'date')),
    time: str(at('when', 'time')),
    state: str(at('where', 'state')),
    county: str(at('where', 'county')),
    city: str(at('where', 'city')),
    agencyName: str(at('agency', 'name')),
    agencyState: str(at('agency', 'state')) === str(at('where', 'state')) ? '' : str(at('agency', 'state')),
    contactKind: str(at('contact', 'kind')),
    statedReason: str(at('contact', 'statedReason')),
    askedAboutStatus: str(at('askedAboutStatus')) || 'unknown',
    arrested: str(at('arrested')) || 'unknown',
    detainerLodged: str(at('detainerLodged')) || 'unknown',
    transferredToIce: str(at('transferredToIce')) || 'unknown',
    outcome: str(at('outcome')),
    narrative: str(at('narrative')),
  };
}

