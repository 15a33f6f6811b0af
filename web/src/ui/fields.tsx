/** Labelled fields with their error beside them, and the app's error line. */
import type { Problem } from '@task-api/sdk';
import type { ComponentChildren } from 'preact';

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

/** What a field's control spreads onto itself: its id and the ARIA links to hint and error. */
export interface FieldAria {
  id: string;
  'aria-invalid': 'true' | undefined;
  'aria-describedby': string | undefined;
}

interface FieldProps {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  children: (aria: FieldAria) => ComponentChildren;
}

export function Field({ id, label, error, hint, children }: FieldProps) {
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children({
        id,
        'aria-invalid': error ? 'true' : undefined,
        'aria-describedby': describedBy || undefined,
      })}
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

export function ErrorNote({ message }: { message: string | undefined }) {
  return (
    <p class="error" role="alert">
      {message ?? ''}
    </p>
  );
}

/** What went wrong, for any thrown value: a network failure keeps what was typed. */
export function failureMessage(err: unknown): string {
  if (err instanceof Error && err.name === 'TaskApiNetworkError') {
    return 'Cannot reach the server. Nothing you typed is lost: try again when you are online.';
  }
  if (err instanceof TypeError) return 'Cannot reach the server. Try again when you are online.';
  return err instanceof Error ? err.message : String(err);
}
