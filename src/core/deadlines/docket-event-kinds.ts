/**
 * The docket (and pre-suit) events that start a deadline. The store records events of these kinds on a case;
 * `deadlinesForDocketEvent` turns one into the deadlines it starts (rules/deadlines/*.json name their trigger).
 */
export const DOCKET_EVENT_KINDS = [
  'complaint-filed', // FRCP 4(m) service
  'usao-served', // FRCP 12(a)(2) answer
  'individual-officer-served', // FRCP 12(a)(3) answer (the later of the two services)
  'counterclaim-served', // FRCP 12(a)(1)(B) answer to a counterclaim or crossclaim (FRCP 6(d) may add 3 days)
  'habeas-order-served', // 28 U.S.C. § 2243 return
  'habeas-return-filed', // 28 U.S.C. § 2243 hearing
  'final-judgment', // EAJA fee application
  'n400-interview', // 8 U.S.C. § 1447(b) 120 days
  'n400-denied', // N-336 request for a hearing
  'n336-decision', // 8 U.S.C. § 1421(c) petition
  'ftca-claim-accrued', // FTCA presentment (2 years)
  'ftca-claim-presented', // FTCA deemed denial (6 months of inaction)
  'ftca-claim-denied', // FTCA suit (6 months)
  'detainer-release-eligible', // 8 C.F.R. § 287.7(d) hold limit
] as const;

export type DocketEventKind = (typeof DOCKET_EVENT_KINDS)[number];

export function isDocketEventKind(x: unknown): x is DocketEventKind {
  return typeof x === 'string' && (DOCKET_EVENT_KINDS as readonly string[]).includes(x);
}
