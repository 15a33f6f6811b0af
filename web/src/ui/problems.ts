/** API problems and thrown failures as the words and per-field messages the forms show. */
import type { Problem, TaskApiProblemError } from '@task-api/sdk';
import { planningMessage } from '../planning/messages.js';
import { type BodyOperation, fieldLabel, fieldMessage } from './rules.js';

export type FieldErrors = Record<string, string>;

/** The request a form sent, so a refusal can be told in the contract's words. */
export interface SentBody {
  operation: BodyOperation;
  body: Record<string, unknown>;
}

/**
 * `errors[].path` is a JSON pointer such as `/body/title`: a field of the body gets plain words
 * from the contract's rule for it and the value sent, never the validator's message. A planning
 * field's part (`/body/due/date`, `/body/labels/3`) is told under the field.
 */
export function fieldErrors(problem: Problem | undefined, sent?: SentBody): FieldErrors {
  const out: FieldErrors = {};
  for (const { path } of problem?.errors ?? []) {
    const [part, field, ...deeper] = path.split('/').slice(1);
    if (part !== 'body' || !field || field in out) continue;
    const planned = sent && planningMessage(field, deeper, sent.body);
    if (planned) out[field] = planned;
    else if (deeper.length > 0) continue;
    else {
      out[field] = sent
        ? fieldMessage(sent.operation, field, sent.body[field])
        : `${fieldLabel(field)} is not valid`;
    }
  }
  return out;
}

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function problemMessage(problem: Problem): string {
  // A validation problem's detail is the validator's; the fields say what to change.
  if (problem.errors?.length) return 'Please correct the fields marked below.';
  return sentence(problem.detail ?? problem.title);
}

const offline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

/**
 * What went wrong, for any thrown value. Only a browser that knows it is offline is told so; a
 * request that failed while online (a server down, an origin the API does not allow) is not.
 */
export function failureMessage(err: unknown): string {
  // A page of a listing refused (the SDK's paginators throw the problem). By name, as below:
  // this module loads without the SDK's runtime.
  if (err instanceof Error && err.name === 'TaskApiProblemError') {
    return problemMessage((err as TaskApiProblemError).problem);
  }
  if ((err instanceof Error && err.name === 'TaskApiNetworkError') || err instanceof TypeError) {
    return offline()
      ? 'Cannot reach the server: you are offline. Nothing you typed is lost: try again when you are back online.'
      : 'Cannot reach the server. Nothing you typed is lost: try again in a moment.';
  }
  return err instanceof Error ? err.message : String(err);
}
