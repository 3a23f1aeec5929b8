/**
 * Motions and proposed orders: the emergency TRO / order-to-show-cause motion (habeas), the proposed order for each
 * complaint or petition, and the proposed TRO.
 */
import { counter, fill, val, type Block, type DocModel, type Inline } from '../model.ts';
import type { PacketCase } from '../packet-case.ts';
import { citeRuns, forCourt, formName, plaintiffName, pleadingDoc, pleadingHead, signature } from './common.ts';
import { habeasTheory } from './complaint.ts';

const H = (text: string): Block => ({ kind: 'heading', text: [text] });


function judgeSignature(): Block {
  return { kind: 'signature', lines: [['IT IS SO ORDERED.'], [''], ['Dated: ____________'], [''], ['______________________________'], ['United States District Judge']] };
}

export function troMotion(pc: PacketCase): DocModel {
  const title = 'EMERGENCY MOTION FOR TEMPORARY RESTRAINING ORDER AND ORDER TO SHOW CAUSE';
  const n = counter();
  const blocks: Block[] = [...pleadingHead(pc, title)];
  blocks.push(H('MOTION'));
  blocks.push({ kind: 'para', number: n(), text: [`${pc.plaintiffRole} `, plaintiffName(pc), ' moves on an emergency basis for (1) an order directing Respondents to show cause why the writ of habeas corpus should not be granted, with a return within 3 days as ', ...citeRuns('HABEAS_2243'), ' provides, and (2) a temporary restraining order barring Respondents from transferring ', pc.plaintiffRole, ' outside this district while the petition is pending, to protect the Court’s jurisdiction.'] });
  blocks.push(H('GROUNDS'));
  blocks.push({ kind: 'para', number: n(), text: ['The Court "shall forthwith" award the writ or issue an order to show cause unless the petition shows the person is not entitled to relief. ', ...citeRuns('HABEAS_2243'), '.'] });
  const theory = habeasTheory(pc);
  const merits: Inline[] =
    theory === 'zadvydas'
      ? ['The petition is likely to succeed: detention has passed the six-month presumptive period and removal is not significantly likely in the reasonably foreseeable future. ', ...citeRuns('CASE_ZADVYDAS'), '.']
      : theory === 'detainer'
        ? ['The petition is likely to succeed: holding a person solely on a detainer after the person would otherwise go free is a new seizure that requires probable cause. ', ...citeRuns('CASE_MORALES'), '.']
        : theory === 'bond'
          ? ['The petition is likely to succeed: ', pc.plaintiffRole, ' is detained under ', ...citeRuns('BOND_1226A'), ' and is entitled to a bond hearing. ', ...citeRuns('CASE_CUNHA'), '.']
          : [fill('Why the petition is likely to succeed')];
  blocks.push({ kind: 'para', number: n(), text: merits });
  blocks.push({ kind: 'para', number: n(), text: [`${pc.plaintiffRole} remains in custody`, pc.facts.detention?.transferRisk === 'yes' ? ` and faces transfer out of this district at any moment` : '', '.'] });
  blocks.push({ kind: 'para', number: n(), text: [fill('The standard for a temporary restraining order in this circuit, with its authority, applied to these facts')] });
  blocks.push({ kind: 'para', number: n(), text: [`${pc.plaintiffRole} has notified or will promptly notify Respondents and the United States Attorney of this motion: `, fill('How and when Respondents were notified')] });
  blocks.push(signature(pc));
  return pleadingDoc(pc, 'tro-motion', title, blocks);
}

export function proposedTroOrder(pc: PacketCase): DocModel {
  const title = '[PROPOSED] TEMPORARY RESTRAINING ORDER';
  const blocks: Block[] = [...pleadingHead(pc, title)];
  blocks.push({ kind: 'para', text: [`Having considered ${pc.plaintiffRole}'s emergency motion, the Court ORDERS:`] });
  blocks.push({
    kind: 'list',
    ordered: true,
    items: [
      [`Respondents, their agents and all persons acting with them shall not transfer ${pc.plaintiffRole} outside this district while the petition is pending, unless the Court orders otherwise.`],
      ['This order remains in effect until further order of the Court.'],
    ],
  });
  blocks.push(judgeSignature());
  return pleadingDoc(pc, 'proposed-tro-order', title, blocks);
}

export function proposedOrder(pc: PacketCase): DocModel {
  const br = pc.facts.benefitRequest ?? {};
  const days = val(pc.facts.reliefSought?.adjudicateWithinDays, 'Number of days');
  let title = '[PROPOSED] ORDER';
  const items: Inline[][] = [];
  let intro: Inline[] = [];
  switch (pc.caseType) {
    case 'delay':
      title = '[PROPOSED] ORDER GRANTING RELIEF';
      intro = [`Having considered the complaint and the record, the Court finds that Defendants have unreasonably delayed adjudicating ${pc.plaintiffRole}'s application and ORDERS:`];
      items.push(['Defendants shall adjudicate ', `${pc.plaintiffRole}'s ${formName(br.form)}, receipt number `, val(br.receiptNumber, 'Receipt number'), ', within ', days, ' days of this Order.']);
      break;
    case 'natz1447b':
      title = '[PROPOSED] ORDER OF REMAND WITH INSTRUCTIONS';
      intro = ['The Court having jurisdiction under ', ...citeRuns('NATZ_1447B'), ', ORDERS:'];
      items.push([`This matter is remanded to U.S. Citizenship and Immigration Services with instructions to adjudicate ${pc.plaintiffRole}'s Form N-400, receipt number `, val(br.receiptNumber, 'Receipt number'), ', within ', days, ' days of this Order.']);
      items.push(['The Court retains jurisdiction to determine the matter if the application is not adjudicated within that time.']);
      break;
    case 'natz1421c':
      title = '[PROPOSED] ORDER SETTING DE NOVO HEARING';
      intro = ['On the petition for review under ', ...citeRuns('NATZ_1421C'), ', the Court ORDERS:'];
      items.push(['A hearing de novo on the naturalization application is set for ', forCourt('date set by the Court'), '.']);
      items.push(['Respondents shall file the certified administrative record by ', forCourt('date set by the Court'), '.']);
      break;
    case 'habeas':
      title = '[PROPOSED] ORDER TO SHOW CAUSE';
      intro = ['On the petition for a writ of habeas corpus under ', ...citeRuns('HABEAS_2241'), ', and under ', ...citeRuns('HABEAS_2243'), ', the Court ORDERS:'];
      items.push(['Respondents shall file a return showing cause why the writ should not be granted within 3 days of service of this Order (or by ', forCourt('a later date, up to 20 days, for good cause'), ').']);
      items.push([`${pc.plaintiffRole} may file a traverse within `, forCourt('number set by the Court'), ' days after the return.']);
      items.push(['A hearing is set for ', forCourt('no more than 5 days after the return unless good cause is shown'), '.']);
      items.push([`Respondents shall not transfer ${pc.plaintiffRole} outside this district while the petition is pending.`]);
      items.push([`${pc.plaintiffRole} shall serve this Order and the petition on Respondents and the United States Attorney for this district by `, forCourt('date set by the Court'), '.']);
      break;
  }
  const blocks: Block[] = [...pleadingHead(pc, title)];
  blocks.push({ kind: 'para', text: intro });
  blocks.push({ kind: 'list', ordered: true, items });
  blocks.push(judgeSignature());
  return pleadingDoc(pc, 'proposed-order', title, blocks);
}
