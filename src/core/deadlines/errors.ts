/**
 * Bad input to the deadline engine: carries a message code (namespace `deadlines`) and its parameters, so the
 * CLI, the API and the web app can say what is wrong, and how to fix it, in the user's language.
 */
import type { Message } from '../../i18n/i18n.ts';

export class DeadlineInputError extends Error {
  readonly problem: Message;
  constructor(code: string, params: Record<string, string | number> = {}) {
    super(code); // the input values stay in `problem`, out of error logs
    this.name = 'DeadlineInputError';
    this.problem = { code, params };
  }
}
