import { test } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { renderDocx } from './render-docx.ts';
import type { DocModel } from './model.ts';

const model = (over: Partial<DocModel> = {}): DocModel => ({
  id: 't',
  title: 'Motion & Order <draft>',
  spacing: 'double',
  pleading: null,
  blocks: [
    { kind: 'heading', text: ['INTRODUCTION'] },
    { kind: 'para', number: 1, text: ['Smith & Sons v. "Jones" <x>', { text: ' bold', bold: true }, { text: ' case', italic: true }, { text: ' under', underline: true }] },
    { kind: 'para', text: ['Name: ', { fill: 'Your name' }, '\nsecond line'] },
    { kind: 'table', header: [['A'], ['B']], rows: [[['1'], ['2']]], widths: [1, 3] },
    { kind: 'pageBreak' },
    { kind: 'list', items: [['one'], ['two']] },
  ],
  ...over,
});

async function parts(bytes: Uint8Array): Promise<Record<string, string>> {
  // JSZip checks every entry's CRC-32 when asked, so a wrong checksum or size fails here.
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) out[name] = await zip.file(name)!.async('string');
  return out;
}

test('the DOCX is a valid zip holding the WordprocessingML parts Word needs, with matching relationships', async () => {
  const p = await parts(await renderDocx(model()));
  for (const name of ['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/_rels/document.xml.rels', 'word/styles.xml', 'word/settings.xml', 'word/footer1.xml', 'docProps/core.xml'])
    assert.ok(p[name], `${name} present`);
  for (const part of ['/word/document.xml', '/word/styles.xml', '/word/settings.xml', '/word/footer1.xml', '/docProps/core.xml'])
    assert.ok(p['[Content_Types].xml']!.includes(`PartName="${part}"`), `${part} has a content type`);
  assert.match(p['word/document.xml']!, /<w:footerReference w:type="default" r:id="rIdFooter1"\/>/);
  assert.match(p['word/_rels/document.xml.rels']!, /Id="rIdFooter1"[^>]*Target="footer1.xml"/);
});

test('text is escaped, run formatting and fill blanks are kept, lines break inside a paragraph', async () => {
  const doc = (await parts(await renderDocx(model())))['word/document.xml']!;
  assert.ok(doc.includes('Smith &amp; Sons v. &quot;Jones&quot; &lt;x&gt;'));
  assert.ok(doc.includes('<w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve"> bold</w:t>'));
  assert.ok(doc.includes('<w:rPr><w:i/><w:iCs/></w:rPr><w:t xml:space="preserve"> case</w:t>'));
  assert.ok(doc.includes('<w:u w:val="single"/></w:rPr><w:t xml:space="preserve"> under</w:t>'));
  assert.ok(doc.includes('<w:highlight w:val="yellow"/></w:rPr><w:t xml:space="preserve">[[FILL: Your name]]</w:t>'));
  assert.match(doc, /\[\[FILL: Your name\]\]<\/w:t><\/w:r><w:r><w:br\/><\/w:r><w:r><w:t xml:space="preserve">second line/);
  assert.ok(doc.includes('<w:trPr><w:tblHeader/></w:trPr>'));
  assert.ok(doc.includes('<w:br w:type="page"/>'));
  assert.ok(doc.includes('<w:ind w:firstLine="720"/>'), 'numbered paragraph indented');
  assert.ok(doc.includes('w:line="480" w:lineRule="exact"'), 'double spacing is exact 24 pt');
  assert.equal((await parts(await renderDocx(model())))['docProps/core.xml']!.includes('<dc:title>Motion &amp; Order &lt;draft&gt;</dc:title>'), true);
});

test('pleading paper turns on line numbers restarting each page and the wider left margin; footer has page fields', async () => {
  const p = await parts(await renderDocx(model({ pleading: { linesPerPage: 28, fontSizePt: 12, cite: 'N.D. Cal. Civil L.R. 3-4' }, footer: 'COMPLAINT', pageWords: { page: 'Página', of: 'de' } })));
  assert.match(p['word/document.xml']!, /<w:lnNumType w:countBy="1" w:distance="360" w:restart="newPage"\/>/);
  assert.match(p['word/document.xml']!, /w:left="2160"/);
  assert.match(p['word/footer1.xml']!, /COMPLAINT — Página /);
  assert.match(p['word/footer1.xml']!, / PAGE [\s\S]* de [\s\S]* NUMPAGES /);
  assert.match(p['word/footer1.xml']!, /<w:suppressLineNumbers\/>/);
  const plain = await parts(await renderDocx(model()));
  assert.doesNotMatch(plain['word/document.xml']!, /lnNumType/);
});

test('the same model gives the same bytes (no clock in the package)', async () => {
  assert.deepEqual(await renderDocx(model()), await renderDocx(model()));
});

test('control characters that XML forbids are dropped instead of making a file Word cannot open', async () => {
  const doc = (await parts(await renderDocx(model({ blocks: [{ kind: 'para', text: ['a\u0001b\u000bc'] }] }))))['word/document.xml']!;
  assert.ok(doc.includes('>abc</w:t>'));
});
