import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PDFDocument } from 'pdf-lib';
import { fillOfficialPdf, JS44_FIELDS, matchField, NotFillableError } from './fill-official-pdf.ts';

test('fills a fillable PDF by field name; the longest matching name wins (jury demand is not demand)', async () => {
  const doc = await PDFDocument.create();
  const page = doc.addPage();
  const form = doc.getForm();
  ['Plaintiffs', 'Defendants', 'Nature of Suit', 'Jury Demand', 'Demand $', 'Unrelated Box'].forEach((n, k) => form.createTextField(n).addToPage(page, { x: 20, y: 700 - k * 40, width: 300, height: 20 }));
  const bytes = await doc.save();
  const r = await fillOfficialPdf(bytes, { plaintiffs: 'Jane Roe', defendants: 'USCIS', natureOfSuit: '465 Other Immigration Actions', juryDemand: 'No', demand: 'None' }, JS44_FIELDS);
  const back = (await PDFDocument.load(r.pdf)).getForm();
  assert.equal(back.getTextField('Plaintiffs').getText(), 'Jane Roe');
  assert.equal(back.getTextField('Nature of Suit').getText(), '465 Other Immigration Actions');
  assert.equal(back.getTextField('Jury Demand').getText(), 'No');
  assert.equal(back.getTextField('Demand $').getText(), 'None');
  assert.deepEqual(r.unmatched, ['Unrelated Box']);
  assert.equal(matchField('JuryDemand', JS44_FIELDS), 'juryDemand');
});

test('a PDF without form fields is refused with a clear error', async () => {
  const doc = await PDFDocument.create();
  doc.addPage();
  await assert.rejects(fillOfficialPdf(await doc.save(), {}, JS44_FIELDS), NotFillableError);
  await assert.rejects(fillOfficialPdf(new Uint8Array([1, 2, 3]), {}, JS44_FIELDS), NotFillableError);
});
