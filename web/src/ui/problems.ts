/** API problems and thrown failures as the words and per-field messages the forms show. */
import type { Problem, TaskApiProblemError } from '@task-api/sdk';

export type FieldErrors = Record<string, string>;

/** `errors[].path` is a JSON pointer such as `/body/title`: the last segment names the field. */
export function fieldErrors(problem: Problem | undefined): FieldErrors {
  const out: FieldErrors = {};
  for (const { path, message } of problem?.errors ?? []) {
    const field = path.split('/').pop();
    if (field && !(field in out)) out[field] = message;
  }
  return out;
}

export function problemMessage(problem: Problem): string {
  return problem.detail ?? problem.title;
}

/** What went wrong, for any thrown value: a network failure keeps what was typed. */
export function failureMessage(err: unknown): string {
  // A page of a listing refused (the SDK's paginators throw the problem). By name, as below:
  // this module loads without the SDK's runtime.
  if (err instanceof Error && err.name === 'TaskApiProblemError') {
    return problemMessage((err as TaskApiProblemError).problem);
  }
  if (err instanceof Error && err.name === 'TaskApiNetworkError') {
    return 'Cannot reach the server. Nothing you typed is lost: try again when you are online.';
  }
  if (err instanceof TypeError) return 'Cannot reach the server. Try again when you are online.';
  return err instanceof Error ? err.message : String(err);
}
