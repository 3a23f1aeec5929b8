import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyPrivacyCheck } from './privacy-check.ts';
import { documentText, type DocModel } from './model.ts';

const doc = (text: string): DocModel => ({ id: 'd', title: 'Doc', spacing: 'single', pleading: null, blocks: [{ kind: 'para', text: [text] }] });

test('FRCP 5.2(a): SSN and account → last four, birth date → year, minor → initials; report holds only redacted values', () => {
  const { docs, report } = applyPrivacyCheck(
    [doc('SSN 123-45-6789; bank account no. 12345678901; born on 1985-04-12; daughter Ana Ruiz attends school.')],
    { courtId: null, asOf: '2026-06-01', minors: [{ name: 'Ana Ruiz', birthDate: '2014-05-01' }] },
  );
  const text = documentText(docs[0]!);
  assert.match(text, /XXX-XX-6789/);
  assert.match(text, /account no\. XXXX8901/);
  assert.match(text, /born on 1985\b/);
  assert.doesNotMatch(text, /1985-04-12|123-45|Ana Ruiz/);
  assert.match(text, /A\.R\./);
  assert.deepEqual(report.changes.map((c) => c.kind).sort(), ['account', 'dob', 'minorName', 'ssn']);
  assert.ok(report.changes.every((c) => !/123-45|1985-04-12|Ana Ruiz/.test(JSON.stringify(c))));
});

test('an adult named in the list of minors keeps the name; A-numbers are masked only on request', () => {
  const input = [doc('Carlos Diaz, A-123-456-789, testified.')];
  const r1 = applyPrivacyCheck(input, { courtId: null, asOf: '2026-06-01', minors: [{ name: 'Carlos Diaz', birthDate: '2000-01-01' }] });
  assert.match(documentText(r1.docs[0]!), /Carlos Diaz, A-123-456-789/);
  const r2 = applyPrivacyCheck(input, { courtId: null, asOf: '2026-06-01', maskANumber: true });
  assert.match(documentText(r2.docs[0]!), /A-XXX-XXX-789/);
});

test('a known birth date is reduced to the year in any common format; the pro se habeas exemption is noted', () => {
  const r = applyPrivacyCheck([doc('He was born April 12, 1985 (4/12/1985).')], { courtId: null, asOf: '2026-06-01', birthDates: ['1985-04-12'], proSeHabeas: true });
  assert.equal(documentText(r.docs[0]!).trim(), 'He was born 1985 (1985).');
  assert.ok(r.report.notes.some((n) => n.code === 'documents:privacy.proSeHabeas'));
});
