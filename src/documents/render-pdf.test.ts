import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderPdf } from './render-pdf.ts';
import type { Block, DocModel } from './model.ts';

test('pleading paper: 28 numbered lines a page, and every line of text sits on the 12 pt half-grid of the numbers', async () => {
  const blocks: Block[] = [
    { kind: 'contact', lines: [['Jane Roe'], ['Oakland, CA']] },
    { kind: 'heading', text: ['INTRODUCTION'] },
    ...Array.from({ length: 30 }, (_, k): Block => ({
      kind: 'para',
      number: k + 1,
      text: ['Plaintiff states a fact that runs long enough to wrap onto a second line, with ', { text: 'an italic case name', italic: true }, ' and ', { text: 'bold', bold: true }, ' words.'],
    })),
    { kind: 'heading', text: ['PRAYER FOR RELIEF'] },
    { kind: 'list', ordered: true, items: [['Order the agency to act.'], ['Other relief.']] },
  ];
  const model: DocModel = { id: 't', title: 'Test', spacing: 'double', pleading: { linesPerPage: 28, fontSizePt: 12, cite: 'N.D. Cal. Civil L.R. 3-4' }, blocks };
  const dir = mkdtempSync(join(tmpdir(), 'writ-grid-'));
  try {
    const path = join(dir, 't.pdf');
    writeFileSync(path, await renderPdf(model));
    const xml = execFileSync('pdftotext', ['-bbox-layout', path, '-'], { encoding: 'utf8' });
    const pages = xml.split('<page ').slice(1);
    assert.ok(pages.length >= 3);
    for (const page of pages) {
      const lines = [...page.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>\s*<word[^>]*>([^<]*)<\/word>/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), first: m[3]! }));
      const numbers = lines.filter((l) => l.x < 100).map((l) => Number(l.first));
      assert.deepEqual(numbers, Array.from({ length: 28 }, (_, k) => k + 1), 'line numbers 1–28');
      const top = lines.find((l) => l.x < 100)!.y;
      for (const l of lines.filter((l) => l.x >= 100 && l.y < 72 + 28 * 24)) {
        const off = (l.y - top) % 12;
        assert.ok(off < 0.5 || off > 11.5, `"${l.first}" at y=${l.y} is off the grid by ${off.toFixed(2)} pt`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the PDF embeds its fonts and its text can be extracted', async () => {
  const model: DocModel = { id: 't', title: 'Test', spacing: 'single', pleading: null, blocks: [{ kind: 'para', text: ['Número de recibo § 1447(b) — “texto”'] }] };
  const dir = mkdtempSync(join(tmpdir(), 'writ-fonts-'));
  try {
    const path = join(dir, 't.pdf');
    writeFileSync(path, await renderPdf(model));
    const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' });
    for (const line of fonts.split('\n').slice(2).filter(Boolean)) assert.match(line, /\byes\s+yes\s+yes\b/, `embedded, subset, unicode map: ${line}`);
    assert.match(execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }), /Número de recibo § 1447\(b\) — “texto”/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('each embedded font subset is a well-formed TrueType font whose glyphs keep the original advances and outlines', async () => {
  const fontkit = await import('fontkit');
  const { readFileSync } = await import('node:fs');
  const model: DocModel = {
    id: 't',
    title: 'Test',
    spacing: 'single',
    pleading: null,
    blocks: [{ kind: 'para', text: ['Plain Åé § 1447(b), ', { text: 'bold words', bold: true }, ' and ', { text: 'Italic ñ', italic: true }] }],
  };
  const dir = mkdtempSync(join(tmpdir(), 'writ-subset-'));
  try {
    const path = join(dir, 't.pdf');
    writeFileSync(path, await renderPdf(model));
    const fontFiles = [...execFileSync('qpdf', ['--show-xref', path], { encoding: 'utf8' }).matchAll(/^(\d+)\/0:/gm)]
      .map((m) => m[1]!)
      .filter((id) => /\/FontFile2 (\d+) 0 R/.test(execFileSync('qpdf', [`--show-object=${id}`, path], { encoding: 'utf8' })))
      .map((id) => execFileSync('qpdf', [`--show-object=${id}`, path], { encoding: 'utf8' }).match(/\/FontFile2 (\d+) 0 R/)![1]!);
    assert.equal(fontFiles.length, 3, 'regular, bold and italic embedded');
    const originals = ['DejaVuSerif.ttf', 'DejaVuSerif-Bold.ttf', 'DejaVuSerif-Italic.ttf'].map((f) =>
      fontkit.create(readFileSync(new URL(`./fonts/${f}`, import.meta.url))),
    );
    type G = { advanceWidth: number; path: { toSVG(): string }; _decode(): { components?: { glyphID: number }[] } | null };
    type F = { glyphForCodePoint(c: number): G; getGlyph(g: number): G };
    const candidates: G[] = [];
    for (const o of originals as unknown as F[])
      for (const ch of 'PlainÅé§1447(b),boldwordsandItalicñ Test — Page 1 of') { // the text and the footer
        const og = o.glyphForCodePoint(ch.codePointAt(0)!);
        candidates.push(og);
        for (const c of og._decode()?.components ?? []) candidates.push(o.getGlyph(c.glyphID));
      }
    for (const id of fontFiles) {
      const bytes = execFileSync('qpdf', [`--show-object=${id}`, '--filtered-stream-data', path]);
      const subset = fontkit.create(bytes) as unknown as { numGlyphs: number; getGlyph(g: number): { advanceWidth: number; path: { toSVG(): string } } };
      assert.ok(subset.numGlyphs > 3, 'glyphs present');
      // Every subset glyph matches, in advance and outline, a glyph of the text or a component of one (glyph 0 is .notdef).
      for (let g = 1; g < subset.numGlyphs; g++) {
        const sg = subset.getGlyph(g);
        const svg = sg.path.toSVG();
        const found = candidates.some((og) => og.advanceWidth === sg.advanceWidth && og.path.toSVG() === svg);
        assert.ok(found, `subset glyph ${g} matches an original glyph`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('punctuation after an italic case name that ends at the margin wraps with the name, never alone on a line', async () => {
  const PDFDocument = (await import('pdfkit')).default;
  const fonts = new URL('./fonts/', import.meta.url);
  const measure = new PDFDocument({ font: null } as unknown as PDFKit.PDFDocumentOptions);
  measure.registerFont('R', fileURLToPath(new URL('DejaVuSerif.ttf', fonts)));
  measure.registerFont('I', fileURLToPath(new URL('DejaVuSerif-Italic.ttf', fonts)));
  const width = 612 - 72 - 72; // a letter page with 1-inch margins (no pleading paper), 12 pt
  const name = 'Smith v. Jones';
  const nameWidth = measure.font('I').fontSize(12).widthOfString(name);
  // A roman prefix that puts the end of the italic name within a period's width of the margin: the name fits on
  // the first line, the "." or "," after it does not.
  const prefixFor = (room: number) => {
    for (let a = 0; a < 80; a++)
      for (let b = 0; b < 20; b++) {
        const p = 'See the case of ' + 'word '.repeat(a) + 'i'.repeat(b) + ' ';
        const end = measure.font('R').fontSize(12).widthOfString(p) + nameWidth;
        if (end > width - room + 0.2 && end < width - 0.2) return p;
      }
    throw new Error('no prefix found');
  };
  const dir = mkdtempSync(join(tmpdir(), 'writ-punct-'));
  try {
    for (const punct of ['.', ',']) {
      const room = measure.font('R').fontSize(12).widthOfString(punct);
      const model: DocModel = {
        id: 't',
        title: 'Test',
        spacing: 'single',
        pleading: null,
        blocks: [{ kind: 'para', text: [prefixFor(room), { text: name, italic: true }, `${punct} then the sentence goes on.`] }],
      };
      const path = join(dir, 't.pdf');
      writeFileSync(path, await renderPdf(model));
      const xml = execFileSync('pdftotext', ['-bbox-layout', path, '-'], { encoding: 'utf8' });
      const lines = [...xml.matchAll(/<line xMin="([\d.]+)"[^>]*>([\s\S]*?)<\/line>/g)].map((m) => ({
        x: Number(m[1]),
        words: [...m[2]!.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => w[1]!),
      }));
      const body = lines.filter((l) => !l.words.includes('Page'));
      assert.equal(body.length, 2, JSON.stringify(body));
      for (const l of body) assert.doesNotMatch(l.words.join(' '), /^[.,;:]/, `a line starts with punctuation: ${l.words.join(' ')}`);
      // "Jones" moved down with its punctuation, and the second line starts at the margin (no leading space).
      assert.equal(body[0]!.words.at(-1), 'v.');
      assert.deepEqual(body[1]!.words.slice(0, 2), [`Jones${punct}`, 'then']);
      assert.ok(Math.abs(body[1]!.x - 72) < 0.5, `second line starts at x=${body[1]!.x}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
