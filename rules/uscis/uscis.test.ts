/**
 * Tests over rules/uscis/uscis.json itself (law as data, tested like code): every entry resolves, every remedy it
 * names is a Writ remedy, every citation links its source and names a SPEC section, every text has its message in
 * English (Spanish parity: src/i18n/i18n.test.ts), and every citation, URL and case name is found in the project's
 * copy of the legal specification (legal/SPEC.md), so nothing here can be invented or drift from it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import data from './uscis.json' with { type: 'json' };
import { uscisForms, uscisOffices, type UscisCitation } from '../../src/core/uscis/uscis-lookup.ts';
import { REMEDY_IDS } from '../../src/core/analysis/types.ts';
import { BENEFIT_FORMS } from '../../src/core/facts/facts-schema.ts';
import { render } from '../../src/i18n/i18n.ts';

// The project's copy of the legal specification (legal/README.md says where it comes from).
const spec = readFileSync(fileURLToPath(new URL('../../legal/SPEC.md', import.meta.url)), 'utf8');

const forms = uscisForms();
const offices = uscisOffices();

function allCitations(): UscisCitation[] {
  const out: UscisCitation[] = [];
  for (const f of forms) for (const p of f.paths) {
    out.push(...p.citations, ...p.flags.flatMap((x) => x.citations));
    if (p.defendants) out.push(...p.defendants.citations);
    if (p.venue) out.push(...p.venue.citations);
  }
  for (const o of offices) out.push(...o.flags.flatMap((x) => x.citations), ...o.defendants.flatMap((d) => d.citations), ...o.venues.flatMap((v) => v.citations));
  return out;
}

function allMessages(): string[] {
  const codes: string[] = [];
  for (const f of forms) {
    codes.push(f.name.code, f.agencyName.code);
    for (const p of f.paths) codes.push(p.text.code, ...p.flags.map((x) => x.message.code), p.defendants?.message.code ?? '', p.venue?.message.code ?? '');
    for (const d of f.durations) codes.push(d.context.code, d.delay.code, d.result.code);
  }
  for (const o of offices) codes.push(o.name.code, o.agencyName.code, ...o.flags.map((x) => x.message.code), ...o.defendants.map((d) => d.message.code), ...o.venues.map((v) => v.message.code));
  codes.push('uscis:lookup.noDirectory', 'uscis:lookup.notFound', 'uscis:lookup.notInSpec', 'uscis:lookup.durationsNote');
  for (const k of ['fastMoving', 'verify', 'circuitDependent', 'caution']) codes.push(`uscis:flagKinds.${k}`);
  return [...new Set(codes.filter(Boolean))];
}

test('every entry resolves (ids of flags, defendants, venues and durations exist) and form ids are unique', () => {
  assert.equal(new Set(forms.map((f) => f.id)).size, forms.length);
  assert.equal(new Set(offices.map((o) => o.kind)).size, offices.length);
  for (const f of forms) assert.ok(f.paths.length > 0, `${f.id} has at least one path`);
});

test('the forms SPEC names (§ 1.1 fact checklist; § 7 glossary; N-336 in § 1.3) are all there, and each is a facts-schema form or N-336', () => {
  const ids = forms.map((f) => f.id).sort();
  assert.deepEqual(ids, ['I-130', 'I-485', 'I-589', 'I-751', 'I-765', 'N-336', 'N-400', 'visa'].sort());
  for (const id of ids) assert.ok(id === 'N-336' || (BENEFIT_FORMS as readonly string[]).includes(id), id);
});

test('the office kinds are the facts schema office types SPEC § 1.1 lists (field office, service center, asylum office, consulate, NVC)', () => {
  assert.deepEqual(offices.map((o) => o.kind).sort(), ['asylum_office', 'consulate', 'field_office', 'nvc', 'service_center']);
});

test('every remedy a path leads to is a Writ remedy, and the SPEC routes hold (N-400 → § 1447(b), N-336 → § 1421(c), I-589/I-485 → APA + mandamus)', () => {
  for (const f of forms) for (const p of f.paths) for (const r of p.remedies) assert.ok((REMEDY_IDS as readonly string[]).includes(r), `${f.id}/${p.id}: ${r}`);
  const remedies = (id: string) => forms.find((f) => f.id === id)!.paths.flatMap((p) => p.remedies);
  assert.ok(remedies('N-400').includes('NATZ_1447B'));
  assert.ok(remedies('N-336').includes('NATZ_1421C'));
  for (const id of ['I-589', 'I-485', 'I-130', 'I-751', 'I-765', 'visa']) assert.deepEqual(remedies(id), ['MANDAMUS_1361', 'APA_706_1'], id);
  assert.equal(forms.find((f) => f.id === 'N-400')!.paths.find((p) => p.id === 'n400Denied')!.nextForm, 'N-336');
});

test('the I-589 path carries the § 1158(d)(7) caution, and every delay path carries the fast-moving screening warning', () => {
  const i589 = forms.find((f) => f.id === 'I-589')!.paths[0]!;
  assert.ok(i589.flags.some((x) => x.id === 'asylumNoPrivateRight'));
  for (const f of forms) for (const p of f.paths) {
    if (p.remedies.includes('APA_706_1')) assert.ok(p.flags.some((x) => x.id === 'screening' && x.kinds.includes('fastMoving') && x.kinds.includes('verify')), `${f.id}/${p.id}`);
  }
});

test('every citation has a cite, an http(s) URL and a SPEC section', () => {
  const cites = allCitations();
  assert.ok(cites.length > 20);
  for (const c of cites) {
    assert.ok(c.cite.length > 3, JSON.stringify(c));
    assert.match(c.url, /^https?:\/\//, c.cite);
    assert.match(c.spec, /^§ \d/, c.cite);
  }
  for (const f of forms) assert.match(f.nameSource, /^(§ \d|https:\/\/www\.uscis\.gov\/)/, f.id);
  assert.equal(data.processingTimes.url, 'https://egov.uscis.gov/processing-times/');
});

test('every message has English text (not the bare code) and Spanish text', () => {
  for (const code of allMessages()) {
    for (const lang of ['en', 'es'] as const) {
      const text = render(lang, { code, params: { form: 'I-129F' } });
      assert.ok(text && text !== code && !text.startsWith('uscis:'), `${lang} ${code}`);
    }
  }
});

test('every citation, URL and case name is in SPEC.md', () => {
  const s = spec;
  // "8 U.S.C. § 1447(b)" → "§ 1447(b)"; "Walji v. Gonzales, 500 F.3d …" → "Walji"; "Form N-336; …" → "N-336".
  const key = (cite: string): string[] =>
    cite.split(';').map((part) => {
      const p = part.trim();
      const sec = p.match(/§ [\dA-Za-z.()]+/);
      if (sec) return sec[0];
      if (p.startsWith('Form ')) return p.slice(5);
      return p.replace(/^Dep't of State v\. /, '').split(/ v\. | \(|,/)[0]!.trim();
    });
  for (const c of allCitations()) {
    assert.ok(s.includes(c.url), `URL not in SPEC: ${c.url} (${c.cite})`);
    for (const k of key(c.cite)) assert.ok(s.includes(k), `not in SPEC: ${k} (${c.cite})`);
  }
  for (const f of forms) for (const d of f.durations) for (const name of d.cases) {
    const first = name.split(/ v\. | \(|,/)[0]!.trim();
    assert.ok(s.includes(`*${first}`), `case not in SPEC's delay table: ${name}`);
  }
  for (const f of forms) if (f.id !== 'visa') assert.ok(s.includes(f.id), f.id);
});
