/**
 * Plain-text rendering of an Analysis in one language (for the CLI and plain-text exports). Pure: every string comes
 * from the i18n catalogue (`analysis`, `common`, `deadlines` namespaces) or from the rule files' en/es labels.
 */
import { render, t, type Lang, type Message } from '../../i18n/i18n.ts';
import type { Analysis, Deadline, RemedyResult, VenueResult } from './types.ts';

function dateText(lang: Lang, due: string): string {
  if (due.length > 10) {
    // An instant with its offset (e.g. the detainer hold limit): show the local clock time and the offset.
    return t(lang, 'deadlines:dateTime', { at: Date.parse(`${due.slice(0, 19)}Z`), zone: `UTC${due.slice(19) || ''}` });
  }
  return t(lang, 'deadlines:date', { date: Date.parse(`${due}T00:00:00Z`) });
}

function venueLine(lang: Lang, v: VenueResult): string {
  const where = v.courtId ? `${v.districtName ?? v.courtId} (${v.courtId})` : t(lang, 'analysis:ui.noVenue');
  const circuit = v.circuit ? ` — ${t(lang, 'analysis:ui.heading.circuit', { circuit: v.circuit })}` : '';
  return `${where}${circuit}`;
}

function deadlineLine(lang: Lang, d: Deadline): string {
  if (!d.due) return `${render(lang, d.message)} — ${t(lang, 'analysis:ui.deadline.noDate')}`;
  const when = t(lang, `analysis:ui.deadline.${d.kind}`);
  const passed = d.passed ? ` ${t(lang, 'analysis:ui.deadline.passed')}` : '';
  return `${when} ${dateText(lang, d.due)}${passed} — ${render(lang, d.message)}`;
}

export interface RenderTextOptions {
  /** Show element-by-element findings with citations (default true). */
  details?: boolean;
}

export function renderRemedyText(lang: Lang, r: RemedyResult, options: RenderTextOptions = {}): string {
  const details = options.details ?? true;
  const lines: string[] = [];
  const out = (s = '') => lines.push(s);
  const msgs = (ms: Message[], indent: string, mark: string) => ms.forEach((m) => out(`${indent}${mark} ${render(lang, m)}`));
  out(`== ${r.title[lang]} — ${t(lang, `analysis:ui.viability.${r.viability}`).toUpperCase()}`);
  if (r.summary.length) {
    out(`${t(lang, 'analysis:ui.heading.why')}:`);
    msgs(r.summary, '  ', '-');
  }
  if (r.viability !== 'barred') {
    const court = r.venue.court?.courtId ? ` → ${r.venue.court.districtName ?? r.venue.court.courtId} (${r.venue.court.courtId})` : '';
    out(`${t(lang, 'analysis:ui.heading.where')}: ${r.venue.rule[lang]}${court}`);
  }
  if (details) {
    out(`${t(lang, 'analysis:ui.heading.elements')}:`);
    for (const e of r.elements) {
      out(`  [${t(lang, `analysis:ui.finding.${e.finding}`)}] ${e.id} ${e.label[lang]}`);
      msgs(e.reasons, '      ', '·');
      out(`      ${t(lang, 'analysis:ui.heading.citations')}: ${e.citations.map((c) => c.cite).join('; ')}`);
    }
    const bars = r.bars.filter((b) => b.triggered !== false || b.reasons.length);
    if (bars.length) {
      out(`${t(lang, 'analysis:ui.heading.bars')}:`);
      for (const b of bars) {
        out(`  [${t(lang, `analysis:ui.bar.${String(b.triggered)}`)}] ${b.label[lang]}`);
        msgs(b.reasons, '      ', '·');
      }
    }
  }
  if (r.trac) {
    out(`${t(lang, 'analysis:ui.heading.trac')}:`);
    for (const f of r.trac) {
      out(`  ${t(lang, `analysis:ui.trac.${f.factor}`)}: ${t(lang, `analysis:ui.favors.${f.favors}`)}`);
      msgs(f.reasons, '      ', '·');
    }
  }
  if (r.reliefs.length) {
    out(`${t(lang, 'analysis:ui.heading.reliefs')}:`);
    for (const x of r.reliefs) {
      out(`  ${t(lang, `analysis:ui.relief.${x.relief}`)}: ${t(lang, `analysis:ui.viability.${x.viability}`)}`);
      msgs(x.reasons, '      ', '·');
    }
  }
  if (r.deadlines.length) {
    out(`${t(lang, 'analysis:ui.heading.deadlines')}:`);
    for (const d of r.deadlines) out(`  ${deadlineLine(lang, d)}`);
  }
  if (r.warnings.length) {
    out(`${t(lang, 'analysis:ui.heading.warnings')}:`);
    msgs(r.warnings, '  ', '!');
  }
  if (r.questions.length) {
    out(`${t(lang, 'analysis:ui.heading.questions')}:`);
    for (const q of r.questions) out(`  ? ${render(lang, q.message)} (${q.path})`);
  }
  return lines.join('\n');
}

export function renderAnalysisText(lang: Lang, a: Analysis, options: RenderTextOptions = {}): string {
  const lines: string[] = [];
  const out = (s = '') => lines.push(s);
  out(`${t(lang, 'analysis:ui.heading.analysis', { date: dateText(lang, a.analysisDate) })} · ${t(lang, 'analysis:ui.rulesVersion', { version: a.rulesVersion })}`);
  out();
  out(`${t(lang, 'analysis:ui.heading.notices')}:`);
  for (const n of a.notices) out(`  * ${render(lang, n)}`);
  out();
  out(`${t(lang, 'analysis:ui.heading.venue')}: ${venueLine(lang, a.venue)}`);
  for (const m of a.venue.reasons) out(`  ${render(lang, m)}`);
  if (a.confinementVenue) {
    out(`${t(lang, 'analysis:ui.heading.confinement')}: ${venueLine(lang, a.confinementVenue)}`);
    for (const m of a.confinementVenue.reasons) out(`  ${render(lang, m)}`);
  }
  for (const w of a.warnings) out(`! ${render(lang, w)}`);
  // Most useful first: viable, weak, barred, then unknown (the JSON keeps the rule order).
  const order = { viable: 0, weak: 1, barred: 2, unknown: 3 } as const;
  const remedies = [...a.remedies].sort((x, y) => order[x.viability] - order[y.viability]);
  for (const r of remedies) {
    out();
    out(renderRemedyText(lang, r, options));
  }
  out();
  out(render(lang, { code: 'common:notLegalAdvice' }));
  return lines.join('\n') + '\n';
}
