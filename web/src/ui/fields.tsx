/** Labelled fields with their error beside them, and the app's error line. */
import type { ComponentChildren } from 'preact';

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
