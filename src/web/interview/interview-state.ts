/**
 * What the interview keeps besides the facts: the questions the person chose to skip (per case, in this browser's
 * localStorage; facts never go there) and the order the questions were answered in (for "back"), which comes from
 * the notes of the case's revisions, so it follows the case to any device.
 */
export interface InterviewLocal {
  skipped: string[];
  trail: string[];
}

const key = (caseId: string) => `writ.interview.${caseId}`;

export function readLocal(caseId: string): InterviewLocal {
  try {
    const raw = localStorage.getItem(key(caseId));
    const v = raw ? (JSON.parse(raw) as Partial<InterviewLocal>) : {};
    return {
      skipped: Array.isArray(v.skipped) ? v.skipped.filter((x) => typeof x === 'string') : [],
      trail: Array.isArray(v.trail) ? v.trail.filter((x) => typeof x === 'string') : [],
    };
  } catch {
    return { skipped: [], trail: [] };
  }
}

export function writeLocal(caseId: string, v: InterviewLocal): void {
  try {
    localStorage.setItem(key(caseId), JSON.stringify(v));
  } catch {
    /* storage unavailable: the interview still works, without remembered skips */
  }
}

const ANSWER_NOTE_PREFIX = 'interview:answer=';
/** The note written on each revision the interview saves: which question was answered (a path, never a value). */
export const START_NOTE_PREFIX = 'interview:start=';
export const answerNote = (path: string) => `${ANSWER_NOTE_PREFIX}${path}`;
export const startNote = (choiceId: string) => `${START_NOTE_PREFIX}${choiceId}`;

/** The answered questions in the order they were last answered, from the revisions' notes (oldest first). */
export function trailFromNotes(notes: Array<string | null>): string[] {
  const out: string[] = [];
  for (const n of notes) {
    if (!n?.startsWith(ANSWER_NOTE_PREFIX)) continue;
    const path = n.slice(ANSWER_NOTE_PREFIX.length);
    const i = out.indexOf(path);
    if (i >= 0) out.splice(i, 1);
    out.push(path);
  }
  return out;
}

export function startChoiceFromNotes(notes: Array<string | null>): string | null {
  for (const n of notes) if (n?.startsWith(START_NOTE_PREFIX)) return n.slice(START_NOTE_PREFIX.length);
  return null;
}
