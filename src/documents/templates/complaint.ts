/**
 * The opening pleading for each case type: the mandamus/APA delay complaint, the § 1447(b) complaint, the
 * § 1421(c) petition for review, and the § 2241 habeas petition (with its § 2242 verification).
 * Every authority comes from rules/filing (citeRuns / cite); facts come from the case; missing facts are blanks.
 */
import { addDaysFrcp6a } from '../../core/deadlines/add-days-frcp6a.ts';
import { detainerHoldLimit } from '../../core/deadlines/detainer-hold-limit.ts';
import { timeZoneForState } from '../../core/deadlines/time-zones.ts';
import { cite, filingRules } from '../filing-rules.ts';
import { counter, fill, val, type Block, type DocModel, type Inline } from '../model.ts';
import type { PacketCase } from '../packet-case.ts';
import { citeRuns, dateOr, elapsed, formName, longDate, plaintiffName, pleadingDoc, pleadingHead, signature } from './common.ts';

const H = (text: string): Block => ({ kind: 'heading', text: [text] });

function jurisdictionList(pc: PacketCase): Inline[] {
  const ids = filingRules().caseTypes[pc.caseType].jurisdiction;
  const out: Inline[] = [];
  ids.forEach((id, k) => {
    if (k > 0) out.push(k === ids.length - 1 ? '; and ' : '; ');
    out.push(...citeRuns(id));
  });
  return out;
}

function partiesParas(pc: PacketCase, n: () => number): Block[] {
  const out: Block[] = [];
  const city = pc.input.plaintiff?.city;
  const state = pc.input.plaintiff?.state ?? pc.facts.person?.residence?.state;
  out.push({
    kind: 'para',
    number: n(),
    text: [
      `${pc.plaintiffRole} `,
      plaintiffName(pc),
      pc.caseType === 'habeas' ? ' is detained as described below.' : ' resides in ',
      ...(pc.caseType === 'habeas' ? [] : [val(city, 'City of residence'), ', ', val(state, 'State'), '.']),
    ],
  });
  for (const d of pc.defendants) {
    const who: Inline[] = d.isAgency ? [d.title] : d.name ? [d.name] : d.nameRequired ? [fill(`Name of the ${d.title}`)] : [d.title];
    const text: Inline[] = [`${pc.defendantRole.slice(0, -1)} `, ...who];
    if (d.isAgency) text.push(' is an agency of the United States responsible for adjudicating the application at issue.');
    else if (d.name || d.nameRequired) text.push(` is the ${d.title} and is sued in official capacity.`);
    else text.push(' is sued in official capacity and designated by official title under ', ...citeRuns('FRCP_17D'), '.');
    if (d.asOf) text.push(` The officeholder's name is stated as of ${longDate(d.asOf)}.`);
    out.push({ kind: 'para', number: n(), text });
  }
  out.push({
    kind: 'para',
    number: n(),
    text: ['If an officer named here leaves office while this action is pending, the successor is automatically substituted as a party under ', ...citeRuns('FRCP_25D'), '.'],
  });
  return out;
}

function factsParasBenefit(pc: PacketCase, n: () => number): Block[] {
  const br = pc.facts.benefitRequest ?? {};
  const out: Block[] = [];
  const p = (text: Inline[]) => out.push({ kind: 'para', number: n(), text });
  p([`On `, dateOr(br.filedDate, 'Filing date of the application'), `, ${pc.plaintiffRole} filed ${formName(br.form)}`, br.category ? ` (${br.category})` : '', ' with ', br.agency === 'state_department' ? 'the Department of State' : 'USCIS', ', receipt number ', val(br.receiptNumber, 'Receipt number'), '.']);
  if (br.office?.name) p([`The application is pending at the ${br.office.name}.`]);
  if (br.biometricsDate) p([`${pc.plaintiffRole} completed biometrics on ${longDate(br.biometricsDate)}.`]);
  else if (br.biometricsDone === 'yes') p([`${pc.plaintiffRole} completed biometrics.`]);
  if (br.interviewDate) p([`USCIS interviewed ${pc.plaintiffRole} on ${longDate(br.interviewDate)}.`]);
  if (br.rfe?.issued === 'yes' && br.rfe.allAnswered === 'yes') p([`${pc.plaintiffRole} answered every request for evidence`, br.rfe.lastResponseDate ? `, most recently on ${longDate(br.rfe.lastResponseDate)}` : '', '.']);
  if (br.applicantCausedDelay === 'no') p([`${pc.plaintiffRole} has done everything asked and has not caused any delay.`]);
  if (br.lastAgencyActionDate) p([`The last action the agency took on the application was on ${longDate(br.lastAgencyActionDate)}.`]);
  if (br.securityChecks?.agencyStatement === 'pending_background_checks') p(['In response to inquiries, the agency has said only that the case is "pending background checks."']);
  if (br.securityChecks?.agencyStatement === 'administrative_processing') p(['The consulate has placed the case in "administrative processing."']);
  if (br.queue?.order === 'none') p(['The application is not waiting in any published queue; it has been set aside without explanation.']);
  if (br.queue?.outOfOrder === 'yes') p(['Applications filed later at the same office have already been decided.']);
  if (br.inquiries === 'yes') p([`${pc.plaintiffRole} has made case inquiries, without result.`]);
  const ex = pc.facts.priorRequests?.expedite;
  if (ex?.requested === 'yes') p([`${pc.plaintiffRole} asked the agency to expedite the application`, ex.date ? ` on ${longDate(ex.date)}` : '', ex.result ? `; the request is ${ex.result}` : '', '.']);
  if (br.filedDate && pc.caseType === 'delay') p([`As of ${longDate(pc.analysisDate)}, the application has been pending for ${elapsed(br.filedDate, pc.analysisDate)} without a decision.`]);
  const h = pc.facts.harms;
  if (h?.work === 'yes') p([`The delay harms ${pc.plaintiffRole}'s work and income.`]);
  if (h?.family === 'yes') p([`The delay keeps ${pc.plaintiffRole}'s family apart or in danger.`]);
  if (h?.health === 'yes') p([`The delay harms ${pc.plaintiffRole}'s health.`]);
  if (h?.narrative) p([h.narrative]);
  for (const f of pc.input.additionalFacts ?? []) p([f]);
  return out;
}

function tracParas(pc: PacketCase, n: () => number): Block[] {
  const apa = pc.analysis.remedies.find((r) => r.remedy === 'APA_706_1' || r.remedy === 'MANDAMUS_1361');
  const names: Record<string, string> = {
    T1: 'First, the time agencies take to make decisions must be governed by a rule of reason.',
    T2: 'Second, where Congress has provided a timetable, it supplies content for the rule of reason.',
    T3: 'Third, delays that might be reasonable in economic regulation are less tolerable when human health and welfare are at stake.',
    T4: 'Fourth, the Court considers the effect of expediting delayed action on agency activities of a higher or competing priority.',
    T5: 'Fifth, the Court considers the nature and extent of the interests prejudiced by delay.',
    T6: 'Sixth, the Court need not find impropriety to hold that agency action is unreasonably delayed.',
  };
  const out: Block[] = [
    { kind: 'para', number: n(), text: ['Courts weigh unreasonable-delay claims under the factors of ', ...citeRuns('CASE_TRAC'), '. Weighed together, they favor relief here.'] },
  ];
  for (const f of ['T1', 'T2', 'T3', 'T4', 'T5', 'T6']) {
    // The analysis explains each factor to the user; the complaint argues it from the facts. Where the analysis
    // finds a factor favors the government, the lawyer writes the answer (a marked blank), Writ does not gloss it.
    const score = apa?.trac?.find((t) => t.factor === f);
    const argued = score?.favors === 'government' ? null : tracFromFacts(pc, f);
    const blank = score?.favors === 'government' ? `Answer on TRAC factor ${f.slice(1)} (the analysis finds it favors the government)` : `Facts showing TRAC factor ${f.slice(1)} favors ${pc.plaintiffRole}`;
    out.push({ kind: 'para', number: n(), text: [names[f] ?? '', ' ', ...(argued ?? [fill(blank)])] });
  }
  return out;
}

/** A TRAC factor argued from the facts, when the facts say enough; null leaves a blank. */
function tracFromFacts(pc: PacketCase, factor: string): Inline[] | null {
  const br = pc.facts.benefitRequest ?? {};
  const h = pc.facts.harms ?? {};
  const who = pc.plaintiffRole;
  const pending = br.filedDate ? elapsed(br.filedDate, pc.analysisDate) : null;
  switch (factor) {
    case 'T1':
      if (br.queue?.order === 'none' || br.queue?.outOfOrder === 'yes')
        return [`No rule of reason governs this delay: the application${pending ? `, pending for ${pending},` : ''} has been set aside outside any queue`, br.securityChecks?.agencyStatement === 'pending_background_checks' ? ', with no explanation beyond "pending background checks"' : '', '.'];
      return null;
    case 'T2':
      if (!br.filedDate) return null;
      return ['Congress has stated its sense that a benefit application should be completed within 180 days of filing. ', ...citeRuns('SENSE_1571B'), `. ${who}'s application has been pending for ${pending}.`];
    case 'T3':
      if (h.health === 'yes' || h.family === 'yes') return [`The delay affects ${who}'s ${[h.health === 'yes' ? 'health' : '', h.family === 'yes' ? 'family' : ''].filter(Boolean).join(' and ')}.`];
      return null;
    case 'T4':
      if (br.queue?.order === 'none' || br.queue?.outOfOrder === 'yes')
        return [`Relief would not move ${who} ahead of others waiting in line: the application is not in a line, and ${who} asks only that it be decided.`];
      return null;
    case 'T5':
      if (h.work === 'yes' || h.family === 'yes') return [`The delay prejudices ${who}'s ${[h.work === 'yes' ? 'work and income' : '', h.family === 'yes' ? 'family life' : ''].filter(Boolean).join(' and ')}.`];
      return null;
    case 'T6':
      if (br.inquiries === 'yes') return [`${who} need not show impropriety, but the agency has left ${who}'s inquiries unanswered.`];
      return [`${who} need not show impropriety to obtain relief.`];
  }
  return null;
}

function delayComplaint(pc: PacketCase): DocModel {
  const title = 'COMPLAINT FOR WRIT OF MANDAMUS AND FOR RELIEF UNDER THE ADMINISTRATIVE PROCEDURE ACT';
  const n = counter();
  const br = pc.facts.benefitRequest ?? {};
  const days = pc.facts.reliefSought?.adjudicateWithinDays;
  const thing: Inline[] = [`${pc.plaintiffRole}'s ${formName(br.form)}, receipt number `, val(br.receiptNumber, 'Receipt number')];
  const blocks: Block[] = [...pleadingHead(pc, title)];
  blocks.push(H('INTRODUCTION'));
  blocks.push({ kind: 'para', number: n(), text: [`${pc.plaintiffRole} `, plaintiffName(pc), ' asks the Court to compel Defendants to adjudicate ', ...thing, ', which has been pending since ', dateOr(br.filedDate, 'Filing date'), '.'] });
  blocks.push({ kind: 'para', number: n(), text: [`${pc.plaintiffRole} does not ask the Court to decide how the agency should rule, only to order it to decide, within `, val(days, 'Number of days'), ' days, a discrete action the law requires it to take. ', ...citeRuns('CASE_NORTON'), '.'] });
  blocks.push(H('JURISDICTION'));
  blocks.push({ kind: 'para', number: n(), text: ['This Court has jurisdiction under ', ...jurisdictionList(pc), '. ', ...citeRuns('APA_555B'), ' requires the agency to conclude matters presented to it within a reasonable time, and ', ...citeRuns('APA_706_1'), ' directs the Court to compel agency action unlawfully withheld or unreasonably delayed.'] });
  blocks.push(H('VENUE'));
  blocks.push({ kind: 'para', number: n(), text: ['Venue is proper in this district under ', ...citeRuns('VENUE_1391E'), ' because Defendants are officers and an agency of the United States sued in their official capacities, ', `${pc.plaintiffRole} resides in this district`, ', and no real property is involved in this action.'] });
  blocks.push(H('PARTIES'));
  blocks.push(...partiesParas(pc, n));
  blocks.push(H('FACTS'));
  blocks.push(...factsParasBenefit(pc, n));
  let count = 0;
  const roman = ['I', 'II', 'III'];
  if (pc.remedies.includes('APA_706_1')) {
    blocks.push(H(`COUNT ${roman[count++]} — ADMINISTRATIVE PROCEDURE ACT, UNREASONABLE DELAY`));
    blocks.push({ kind: 'para', number: n(), text: [`${pc.plaintiffRole} realleges the paragraphs above.`] });
    blocks.push({ kind: 'para', number: n(), text: ['Adjudicating the application is a discrete agency action that Defendants are required to take. ', ...citeRuns('APA_555B'), '; ', ...citeRuns('CASE_NORTON'), '.'] });
    blocks.push(...tracParas(pc, n));
    blocks.push({ kind: 'para', number: n(), text: ['Defendants have unreasonably delayed the adjudication, and the Court should compel it under ', ...citeRuns('APA_706_1'), '. There is no other adequate remedy in a court. ', ...citeRuns('APA_704'), '.'] });
  }
  if (pc.remedies.includes('MANDAMUS_1361')) {
    blocks.push(H(`COUNT ${roman[count++]} — MANDAMUS, ${cite('JURIS_1361').toUpperCase()}`));
    blocks.push({ kind: 'para', number: n(), text: [`${pc.plaintiffRole} realleges the paragraphs above.`] });
    blocks.push({ kind: 'para', number: n(), text: [`${pc.plaintiffRole} has a clear right to a decision on a properly filed application, Defendants have a clear, nondiscretionary duty to decide it, and no other adequate remedy is available. `, ...citeRuns('CASE_CHENEY'), '.'] });
  }
  blocks.push(H('PRAYER FOR RELIEF'));
  blocks.push({ kind: 'para', text: [`${pc.plaintiffRole} asks the Court to:`] });
  blocks.push({
    kind: 'list',
    ordered: true,
    items: [
      ['Assume jurisdiction over this action;'],
      ['Declare that Defendants have unreasonably delayed adjudicating the application;'],
      ['Order Defendants to adjudicate ', ...thing, ' within ', val(days, 'Number of days'), ' days of the Court’s order;'],
      ['Award costs and reasonable attorney’s fees under ', ...citeRuns('EAJA_2412'), ';'],
      ['Grant any other relief the Court finds just.'],
    ],
  });
  blocks.push(signature(pc));
  return pleadingDoc(pc, 'complaint', title, blocks);
}

function natz1447bComplaint(pc: PacketCase): DocModel {
  const title = `COMPLAINT FOR HEARING ON NATURALIZATION APPLICATION UNDER ${cite('NATZ_1447B')}`;
  const n = counter();
  const br = pc.facts.benefitRequest ?? {};
  const days = pc.facts.reliefSought?.adjudicateWithinDays;
  const eligible = br.interviewDate ? addDaysFrcp6a(br.interviewDate, 120, { roll: false }).date : null;
  const blocks: Block[] = [...pleadingHead(pc, title)];
  blocks.push(H('INTRODUCTION'));
  blocks.push({ kind: 'para', number: n(), text: [`${pc.plaintiffRole} `, plaintiffName(pc), ' applied to naturalize. USCIS examined ', pc.plaintiffRole, ' on ', dateOr(br.interviewDate, 'Interview date'), ' and has not decided the application in the 120 days since. ', ...citeRuns('NATZ_1447B'), ' lets the applicant ask this Court to determine the matter or remand it with instructions.'] });
  blocks.push(H('JURISDICTION'));
  blocks.push({ kind: 'para', number: n(), text: ['This Court has jurisdiction under ', ...jurisdictionList(pc), '.'] });
  if (pc.court.circuit === '9' || pc.court.circuit === '2' || pc.court.circuit === '4') {
    blocks.push({ kind: 'para', number: n(), text: ['In this circuit, the filing of this action vests exclusive jurisdiction in this Court; USCIS may not decide the application while it is pending here unless the Court remands. ', ...citeRuns('CASE_BUSTAMANTE'), '.'] });
  }
  blocks.push(H('VENUE'));
  blocks.push({ kind: 'para', number: n(), text: ['Venue is proper in this district because ', pc.plaintiffRole, ' resides here. ', ...citeRuns('NATZ_1447B'), '.'] });
  blocks.push(H('PARTIES'));
  blocks.push(...partiesParas(pc, n));
  blocks.push(H('FACTS'));
  blocks.push({ kind: 'para', number: n(), text: [`${pc.plaintiffRole} filed Form N-400, Application for Naturalization, on `, dateOr(br.filedDate, 'N-400 filing date'), ', receipt number ', val(br.receiptNumber, 'Receipt number'), '.'] });
  blocks.push({ kind: 'para', number: n(), text: ['USCIS interviewed ', pc.plaintiffRole, ' on ', dateOr(br.interviewDate, 'Interview date'), '. The interview is the examination under the statute. ', ...citeRuns('CASE_WALJI'), '; ', ...citeRuns('NATZ_335_3'), '.'] });
  blocks.push({ kind: 'para', number: n(), text: ['The 120-day period ended on ', eligible ? longDate(eligible) : fill('Date 120 days after the interview'), '. USCIS has issued no decision', br.n14Issued === 'no' ? ' and has requested no further evidence' : '', '.'] });
  if (pc.facts.removal?.proceedings === 'none') blocks.push({ kind: 'para', number: n(), text: [`No removal proceedings are pending against ${pc.plaintiffRole}.`] });
  for (const f of pc.input.additionalFacts ?? []) blocks.push({ kind: 'para', number: n(), text: [f] });
  blocks.push(H(`COUNT I — ${cite('NATZ_1447B').toUpperCase()}`));
  blocks.push({ kind: 'para', number: n(), text: [`${pc.plaintiffRole} realleges the paragraphs above. More than 120 days have passed since the examination without a determination, so this Court may determine the matter or remand it to USCIS with appropriate instructions. `, ...citeRuns('NATZ_1447B'), '.'] });
  blocks.push(H('PRAYER FOR RELIEF'));
  blocks.push({ kind: 'para', text: [`${pc.plaintiffRole} asks the Court to:`] });
  blocks.push({
    kind: 'list',
    ordered: true,
    items: [
      ['Assume jurisdiction over the naturalization application;'],
      ['Determine the matter and, after a hearing, grant the application; or, in the alternative, remand the matter to USCIS with instructions to adjudicate the application within ', val(days, 'Number of days'), ' days;'],
      ['Award costs and reasonable attorney’s fees under ', ...citeRuns('EAJA_2412'), ';'],
      ['Grant any other relief the Court finds just.'],
    ],
  });
  blocks.push(signature(pc));
  return pleadingDoc(pc, 'complaint', title, blocks);
}

function natz1421cPetition(pc: PacketCase): DocModel {
  const title = `PETITION FOR DE NOVO REVIEW OF DENIAL OF NATURALIZATION APPLICATION UNDER ${cite('NATZ_1421C')}`;
  const n = counter();
  const br = pc.facts.benefitRequest ?? {};
  const n336 = br.n336;
  const due = n336?.decisionDate ? addDaysFrcp6a(n336.decisionDate, 120).date : null;
  const blocks: Block[] = [...pleadingHead(pc, title)];
  blocks.push(H('INTRODUCTION'));
  blocks.push({ kind: 'para', number: n(), text: [`${pc.plaintiffRole} `, plaintiffName(pc), ' seeks de novo review of the denial of the naturalization application. ', ...citeRuns('NATZ_1421C'), '.'] });
  blocks.push(H('JURISDICTION AND VENUE'));
  blocks.push({ kind: 'para', number: n(), text: ['This Court has jurisdiction under ', ...jurisdictionList(pc), '. Venue is proper because ', pc.plaintiffRole, ' resides in this district. ', ...citeRuns('NATZ_336_9B'), '.'] });
  blocks.push({ kind: 'para', number: n(), text: ['This petition is timely: it is filed within 120 days after the decision on the administrative hearing', due ? `, which ends on ${longDate(due)}` : '', '. ', ...citeRuns('NATZ_336_9B'), '.'] });
  blocks.push(H('PARTIES'));
  blocks.push(...partiesParas(pc, n));
  blocks.push(H('FACTS'));
  blocks.push({ kind: 'para', number: n(), text: [`${pc.plaintiffRole} filed Form N-400 on `, dateOr(br.filedDate, 'N-400 filing date'), ', receipt number ', val(br.receiptNumber, 'Receipt number'), '.'] });
  blocks.push({ kind: 'para', number: n(), text: ['USCIS denied the application on ', dateOr(br.decisionDate, 'Denial date'), '.'] });
  blocks.push({ kind: 'para', number: n(), text: [`${pc.plaintiffRole} requested a hearing on the denial on Form N-336 on `, dateOr(n336?.filedDate, 'N-336 filing date'), ' under ', ...citeRuns('NATZ_1447A'), '. On ', dateOr(n336?.decisionDate, 'N-336 decision date'), ', USCIS upheld the denial.'] });
  for (const f of pc.input.additionalFacts ?? []) blocks.push({ kind: 'para', number: n(), text: [f] });
  blocks.push({ kind: 'para', number: n(), text: [`${pc.plaintiffRole} meets every requirement for naturalization: `, fill('Why the denial was wrong (each reason USCIS gave, and the evidence)')] });
  blocks.push(H(`COUNT I — ${cite('NATZ_1421C').toUpperCase()}`));
  blocks.push({ kind: 'para', number: n(), text: [`${pc.plaintiffRole} realleges the paragraphs above. The Court reviews the denial de novo, makes its own findings of fact and conclusions of law, and holds a hearing de novo on the application at ${pc.plaintiffRole}'s request. `, ...citeRuns('NATZ_1421C'), '.'] });
  blocks.push(H('PRAYER FOR RELIEF'));
  blocks.push({ kind: 'para', text: [`${pc.plaintiffRole} asks the Court to:`] });
  blocks.push({
    kind: 'list',
    ordered: true,
    items: [
      ['Review the denial de novo and hold a hearing on the application;'],
      [`Find that ${pc.plaintiffRole} is eligible for naturalization and grant the application;`],
      ['Award costs and reasonable attorney’s fees under ', ...citeRuns('EAJA_2412'), ';'],
      ['Grant any other relief the Court finds just.'],
    ],
  });
  blocks.push(signature(pc));
  return pleadingDoc(pc, 'complaint', title, blocks);
}

/** Ends a sentence after an inline, without doubling the period of "p.m.". */
function stop(x: Inline): Inline[] {
  return typeof x === 'string' && x.endsWith('.') ? [x] : [x, '.'];
}

/** "2026-06-04T17:00" → "June 4, 2026, at 5:00 p.m." */
function dateTimeWords(iso: string): string {
  const [date, time = ''] = iso.split('T');
  const m = /^(\d{2}):(\d{2})/.exec(time);
  if (!m) return longDate(date!);
  const h = Number(m[1]);
  const clock = `${h % 12 === 0 ? 12 : h % 12}:${m[2]} ${h < 12 ? 'a.m.' : 'p.m.'}`;
  return `${longDate(date!)}, at ${clock}`;
}

/** The 8 C.F.R. § 287.7(d) hold limit in words, counted by the deadline engine in the facility's time zone. */
function holdLimit(releaseEligibleAt: string | undefined, state: string | undefined): { text: string; date: string } | null {
  if (!releaseEligibleAt) return null;
  try {
    const zone = state ? timeZoneForState(state).timeZone : undefined;
    const r = detainerHoldLimit(releaseEligibleAt, zone ? { timeZone: zone } : {});
    return { text: dateTimeWords(`${r.limitDate}T${r.limitTime}`), date: r.limitDate };
  } catch {
    return null;
  }
}

/** The detention theory the facts point to. */
export function habeasTheory(pc: PacketCase): 'zadvydas' | 'bond' | 'detainer' | 'other' {
  const d = pc.facts.detention;
  if (d?.custodianType === 'county_jail_ice_hold' || d?.heldSolelyOnDetainer === 'yes') return 'detainer';
  if (d?.statuteCited === '1231a' || pc.facts.removal?.proceedings === 'final_order') return 'zadvydas';
  if (d?.statuteCited === '1225b' || d?.bond?.result === 'no_jurisdiction') return 'bond';
  return 'other';
}

function habeasPetition(pc: PacketCase): DocModel {
  const title = `PETITION FOR WRIT OF HABEAS CORPUS UNDER ${cite('HABEAS_2241')}`;
  const n = counter();
  const d = pc.facts.detention ?? {};
  const fac = d.facility ?? {};
  const theory = habeasTheory(pc);
  const blocks: Block[] = [...pleadingHead(pc, title)];
  const where: Inline[] = [val(fac.name, 'Name of the jail or detention center'), ' in ', val(fac.city, 'City'), ', ', val(fac.state, 'State')];
  blocks.push(H('INTRODUCTION'));
  blocks.push({ kind: 'para', number: n(), text: [`${pc.plaintiffRole} `, plaintiffName(pc), ' is held at ', ...where, ' in violation of the laws and Constitution of the United States and asks for a writ of habeas corpus. ', ...citeRuns('HABEAS_2241C3'), '.'] });
  blocks.push(H('JURISDICTION AND VENUE'));
  blocks.push({ kind: 'para', number: n(), text: ['This Court has jurisdiction under ', ...jurisdictionList(pc), ' because ', pc.plaintiffRole, ' is in custody within this district.'] });
  const venue: Inline[] = ['Venue is proper in the district of confinement, and the immediate custodian is the proper respondent. ', ...citeRuns('CASE_PADILLA')];
  if (pc.court.circuit === '9') venue.push('; ', ...citeRuns('CASE_DOE_GARLAND'));
  venue.push('.');
  blocks.push({ kind: 'para', number: n(), text: venue });
  blocks.push(H('PARTIES'));
  blocks.push(...partiesParas(pc, n));
  blocks.push(H('FACTS'));
  const p = (text: Inline[]) => blocks.push({ kind: 'para', number: n(), text });
  if (pc.facts.person?.entry === 'without_inspection') p([`${pc.plaintiffRole} entered the United States without inspection`, pc.facts.person.entryYear ? ` in ${pc.facts.person.entryYear}` : '', '.']);
  if (pc.facts.person?.criminalHistory === 'none') p([`${pc.plaintiffRole} has no criminal record.`]);
  p([`${pc.plaintiffRole} has been detained since `, dateOr(d.startDate, 'Date detention began'), ' at ', ...where, '.']);
  if (theory === 'detainer') {
    p([`${pc.plaintiffRole} became entitled to release on `, ...stop(d.releaseEligibleAt ? dateTimeWords(d.releaseEligibleAt) : fill('Date and time of entitlement to release')), ' Since then the jail has held ', pc.plaintiffRole, ' solely because of an immigration detainer', pc.facts.detainer?.form ? ` (Form ${pc.facts.detainer.form}` + (pc.facts.detainer.warrant && pc.facts.detainer.warrant !== 'none' && pc.facts.detainer.warrant !== 'unknown' ? ` with Form ${pc.facts.detainer.warrant} attached)` : ')') : '', '.']);
    p(['No judge has found probable cause for this continued detention, and no judicial warrant authorizes it.']);
    const limit = holdLimit(d.releaseEligibleAt, fac.state);
    if (limit) p(['Even on its own terms, a detainer asks for a hold of no more than 48 hours, excluding Saturdays, Sundays and holidays, which here ', limit.date < pc.analysisDate ? 'ended' : 'ends', ' on ', ...stop(limit.text), ' ', ...citeRuns('DETAINER_287_7'), '(d).']);
  }
  if (theory === 'zadvydas') {
    p([`${pc.plaintiffRole}'s removal order became final on `, dateOr(pc.facts.removal?.finalOrderDate, 'Date the removal order became final'), '.']);
    const td = d.travelDocuments;
    if (td?.requestedByIce === 'yes' && td.issued === 'no') p(['ICE has asked the consulate for travel documents; none has been issued.']);
    if (td?.detaineeCooperating === 'yes') p([`${pc.plaintiffRole} has cooperated with every removal effort.`]);
  }
  if (theory === 'bond') {
    p(['Respondents hold ', pc.plaintiffRole, ' without a bond hearing on the theory that ', pc.plaintiffRole, ' is an applicant for admission detained under ', ...citeRuns('APPLICANT_1225B2A'), '.']);
    if (d.bond?.result === 'no_jurisdiction') p(['An immigration judge declined to hold a bond hearing for lack of jurisdiction.']);
  }
  if (d.transferRisk === 'yes') p([`${pc.plaintiffRole} fears being transferred out of this district at any moment.`]);
  if (pc.facts.harms?.usCitizenChildren === 'yes') p([`${pc.plaintiffRole} has children who are U.S. citizens.`]);
  if (pc.facts.harms?.narrative) p([pc.facts.harms.narrative]);
  for (const f of pc.input.additionalFacts ?? []) p([f]);
  blocks.push(H('CLAIM FOR RELIEF'));
  if (theory === 'zadvydas') {
    p(['Detention after a final order under ', ...citeRuns('POST_ORDER_1231A6'), ' is presumptively reasonable for six months. After that, once the detainee shows good reason to believe that removal is not significantly likely in the reasonably foreseeable future, the government must rebut that showing. ', ...citeRuns('CASE_ZADVYDAS'), '.']);
    const fo = pc.facts.removal?.finalOrderDate;
    p([`${pc.plaintiffRole} has been held past the six-month period`, fo ? ` (${elapsed(fo, pc.analysisDate)} since the removal order became final)` : '', ', and removal is not significantly likely in the reasonably foreseeable future. Continued detention is unlawful.']);
  } else if (theory === 'bond') {
    p([`${pc.plaintiffRole} is detained under `, ...citeRuns('BOND_1226A'), ', not ', ...citeRuns('APPLICANT_1225B2A'), ', and is entitled to an individualized bond hearing. ', ...citeRuns('CASE_CUNHA'), '.']);
  } else if (theory === 'detainer') {
    p(['An immigration detainer is a request, not a command. ', ...citeRuns('CASE_GALARZA'), '; ', ...citeRuns('DETAINER_287_7'), '.']);
    p(['Holding a person on a detainer after the person would otherwise go free is a new seizure that requires probable cause. ', ...citeRuns('CASE_MORALES'), '. The continued detention is unlawful.']);
  } else {
    p([fill('The legal grounds for release (statute or constitutional provision, and why the detention violates it)')]);
  }
  // Exhaustion is prudential (SPEC § 1.4 H4); it matters where a BIA bond appeal was available.
  if (theory === 'bond' || theory === 'other') p(['Exhaustion is prudential, not required by statute. ', ...citeRuns('CASE_HOSSAIN'), '. To the extent the Court considers it, it is complete or should be excused: ', fill('Why exhaustion is complete or excused (e.g. BIA appeal, futility)')]);
  blocks.push(H('PRAYER FOR RELIEF'));
  blocks.push({ kind: 'para', text: [`${pc.plaintiffRole} asks the Court to:`] });
  const relief: Inline[][] = [
    ['Issue the writ, or order Respondents to show cause why it should not be granted, with a return within 3 days as ', ...citeRuns('HABEAS_2243'), ' provides;'],
  ];
  if (theory === 'zadvydas') relief.push([`Order ${pc.plaintiffRole}'s release under appropriate conditions of supervision;`]);
  else if (theory === 'bond') relief.push(['Order Respondents to provide a bond hearing under ', ...citeRuns('BOND_1226A'), ' within ', val(pc.facts.reliefSought?.adjudicateWithinDays, 'Number of days'), ' days, or release ', pc.plaintiffRole, ';']);
  else if (theory === 'detainer') relief.push([`Order ${pc.plaintiffRole}'s immediate release from Respondents' custody;`]);
  else relief.push([fill('The release or hearing asked for')]);
  relief.push([`Order Respondents not to transfer ${pc.plaintiffRole} outside this district while this petition is pending;`]);
  relief.push(['Grant any other relief the Court finds just.']);
  blocks.push({ kind: 'list', ordered: true, items: relief });
  blocks.push(signature(pc));
  // Verification (28 U.S.C. § 2242).
  const nf = pc.input.nextFriend;
  blocks.push({ kind: 'pageBreak' });
  blocks.push(H('VERIFICATION'));
  if (nf) {
    blocks.push({ kind: 'para', text: ['I, ', val(nf.name, 'Next friend’s full name'), ', am ', pc.plaintiffRole, '’s ', val(nf.relationship, 'Relationship to the detained person'), ' and sign this petition on ', pc.plaintiffRole, '’s behalf under ', ...citeRuns('HABEAS_2242'), '. ', pc.plaintiffRole, ' cannot sign because ', val(nf.whyPetitionerCannotSign, 'Why the detained person cannot sign'), '. I have read the petition, and the facts stated in it are true to the best of my knowledge.'] });
  } else {
    blocks.push({ kind: 'para', text: ['I, ', plaintiffName(pc), ', am the ', pc.plaintiffRole, ' and verify this petition under ', ...citeRuns('HABEAS_2242'), '. I have read the petition, and the facts stated in it are true to the best of my knowledge.'] });
  }
  blocks.push({ kind: 'signature', lines: [['Dated: ', pc.filingDate ? longDate(pc.filingDate) : fill('Date of signing')], [''], ['/s/ ', nf ? val(nf.name, 'Next friend’s full name') : plaintiffName(pc)]] });
  return pleadingDoc(pc, 'complaint', title, blocks);
}

export function complaint(pc: PacketCase): DocModel {
  switch (pc.caseType) {
    case 'delay':
      return delayComplaint(pc);
    case 'natz1447b':
      return natz1447bComplaint(pc);
    case 'natz1421c':
      return natz1421cPetition(pc);
    case 'habeas':
      return habeasPetition(pc);
  }
}

