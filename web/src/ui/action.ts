/** One call behind a form or button: busy while it runs, its problem (or failure) shown after. */
import type { TaskApiResult } from '@task-api/sdk';
import { useState } from 'preact/hooks';
import {
  type FieldErrors,
  failureMessage,
  fieldErrors,
  problemMessage,
  type SentBody,
} from './problems.js';

export interface Action {
  error: string | undefined;
  errors: FieldErrors;
  busy: boolean;
  /** Shows a message of the caller's own (after a refusal it explains better). */
  say(message: string | undefined): void;
  /**
   * The answer's data when the call succeeded; undefined after a problem or failure (shown).
   * `sent` (the operation and body) lets a refused field be told in the contract's words.
   */
  run<T>(call: () => Promise<TaskApiResult<T>>, sent?: SentBody): Promise<{ data: T } | undefined>;
}

export function useAction(): Action {
  const [error, setError] = useState<string>();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  async function run<T>(call: () => Promise<TaskApiResult<T>>, sent?: SentBody) {
    setBusy(true);
    setError(undefined);
    setErrors({});
    try {
      const result = await call();
      if (!result.error) return { data: result.data };
      setErrors(fieldErrors(result.error, sent));
      setError(problemMessage(result.error));
    } catch (err) {
      setError(failureMessage(err));
    } finally {
      setBusy(false);
    }
    return undefined;
  }
  return { error, errors, busy, say: setError, run };
}
