import { test } from 'node:test';
import assert from 'node:assert/strict';
import { answerNote, startChoiceFromNotes, startNote, trailFromNotes } from './interview-state.ts';

test('the answer order comes from the revision notes, a re-answered question moving to the end', () => {
  const notes = [startNote('iceHold'), answerNote('a.b'), null, answerNote('c'), 'a lawyer edited this', answerNote('a.b')];
  assert.deepEqual(trailFromNotes(notes), ['c', 'a.b']);
  assert.equal(startChoiceFromNotes(notes), 'iceHold');
  assert.equal(startChoiceFromNotes([null, 'x']), null);
});
