/**
 * The "how to file" sheet for the chosen court, in English or Spanish (namespace `documents`): fee or IFP,
 * the filing channel, what to serve and when, the deadlines that start on filing, and the warnings.
 */
import { render, t, type Lang } from '../../i18n/i18n.ts';
import { addDaysFrcp6a } from '../../core/deadlines/add-days-frcp6a.ts';
import { deadlinesFor, feeTotal, filingRules } from '../filing-rules.ts';
import { fill, inlinesText, type Block, type DocModel, type Inline } from '../model.ts';
import type { PacketCase } from '../packet-case.ts';
import { serviceRecipients } from './service.ts';
import { dateIn } from './common.ts';


export function howToFile(pc: PacketCase, lang: Lang): DocModel {
  const r = filingRules();
  const ct = r.caseTypes[pc.caseType];
  const fees = r.fees;
  const H = (key: string): Block => ({ kind: 'heading', align: 'left', text: [t(lang, `documents:howToFile.${key}`)] });
  const P = (text: string): Block => ({ kind: 'para', single: true, text: [text] });
  const blocks: Block[] = [{ kind: 'heading', text: [t(lang, 'documents:howToFile.title')] }];
  blocks.push(P(t(lang, 'common:notLegalAdvice')));
  blocks.push(H('courtHeading'));
  blocks.push({ kind: 'para', single: true, text: [pc.court.fullName ?? fill(t(lang, 'documents:blanks.court')), pc.court.division ? ` — ${pc.court.division}` : ''] });

  blocks.push(H('feeHeading'));
  if (ct.fee === 'civil') {
    const civil = fees.fees.find((f) => f.id === 'CIVIL_FILING_FEE')!;
    const admin = fees.fees.find((f) => f.id === 'ADMINISTRATIVE_FEE')!;
    blocks.push(P(t(lang, 'documents:howToFile.feeCivil', { total: feeTotal('civil'), filing: civil.amountUsd, filingCite: civil.cite, admin: admin.amountUsd, adminSince: admin.effectiveDate ? dateIn(lang, admin.effectiveDate) : '' })));
  } else {
    const h = fees.fees.find((f) => f.id === 'HABEAS_FILING_FEE')!;
    blocks.push(P(t(lang, 'documents:howToFile.feeHabeas', { total: feeTotal('habeas'), cite: h.cite })));
  }
  blocks.push(P(t(lang, 'documents:howToFile.ifp', { forms: fees.ifp.forms.join(' / '), statute: fees.ifp.statute, screening: fees.ifp.screening, marshal: fees.ifp.marshalServes })));

  blocks.push(H('channelHeading'));
  blocks.push(P(t(lang, pc.input.filer?.kind === 'attorney' ? 'documents:howToFile.channelAttorney' : 'documents:howToFile.channelProSe')));
  if (pc.pleading) blocks.push(P(t(lang, 'documents:howToFile.pleadingPaper', { rule: pc.pleading.cite, lines: pc.pleading.linesPerPage, size: pc.pleading.fontSizePt })));

  blocks.push(H('serveHeading'));
  const s = r.service;
  blocks.push(P(pc.caseType === 'habeas' ? t(lang, 'documents:howToFile.serveHabeas') : t(lang, 'documents:howToFile.serveCivil', { method: t(lang, 'documents:howToFile.method') })));
  blocks.push({ kind: 'list', items: serviceRecipients(pc).map((x) => [inlinesText(x.who), ` (${x.rule})`]) });

  blocks.push(H('deadlinesHeading'));
  const items: Inline[][] = [];
  for (const d of deadlinesFor(pc.caseType)) {
    const base = t(lang, `documents:howToFile.deadline.${d.id}`, { days: d.days, max: d.maxDays ?? '', rule: d.rule });
    if (d.id === 'SERVE_90' && pc.filingDate) {
      const due = addDaysFrcp6a(pc.filingDate, d.days).date;
      items.push([base, ' ', t(lang, 'documents:howToFile.dueOn', { date: dateIn(lang, due), rule: r.deadlines.counting.rule })]);
    } else items.push([base]);
  }
  blocks.push({ kind: 'list', items });
  if (!pc.filingDate) blocks.push(P(t(lang, 'documents:howToFile.noFilingDate')));

  if (pc.warnings.length) {
    blocks.push(H('warningsHeading'));
    const seen = new Set<string>();
    const ws: Inline[][] = [];
    for (const w of pc.warnings) {
      const text = render(lang, w);
      if (!seen.has(text)) {
        seen.add(text);
        ws.push([text]);
      }
    }
    blocks.push({ kind: 'list', items: ws });
  }
  const id = lang === 'en' ? 'how-to-file' : `how-to-file-${lang}`;
  const pageWords = { page: t(lang, 'documents:page.page'), of: t(lang, 'documents:page.of') };
  return { id, title: t(lang, 'documents:howToFile.title'), spacing: 'single', pleading: null, footer: t(lang, 'documents:howToFile.title'), pageWords, blocks };
}
