/**
 * What the interview keeps in the browser besides the case itself: the questions the person chose to skip and the
 * order they answered in (for "back"). Kept per case in localStorage; facts never go there.
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

/** The note written on each revision the interview saves: which question was answered (a path, never a value). */
export const START_NOTE_PREFIX = 'interview:start=';
export const answerNote = (path: string) => `interview:answer=${path}`;
export const startNote = (choiceId: string) => `${START_NOTE_PREFIX}${choiceId}`;

export function startChoiceFromNotes(notes: Array<string | null>): string | null {
  for (const n of notes) if (n?.startsWith(START_NOTE_PREFIX)) return n.slice(START_NOTE_PREFIX.length);
  return null;
}
