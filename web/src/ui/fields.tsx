/** Labelled fields with their error beside them, and the app's error line. */
import type { ComponentChildren } from 'preact';

/** What a field's control spreads onto itself: its id and the ARIA links to hint and error. */
export interface FieldAria {
  id: string;
  'aria-invalid': 'true' | undefined;
  'aria-describedby': string | undefined;
  required: boolean | undefined;
  'aria-required': 'true' | undefined;
}

interface FieldProps {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  /** Marked beside the label, and `required` on the control. */
  required?: boolean | undefined;
  children: (aria: FieldAria) => ComponentChildren;
}

export function Field({ id, label, error, hint, required, children }: FieldProps) {
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={id}>
        {label}
        {required && (
          <span class="required" aria-hidden="true" title="required">
            {' *'}
          </span>
        )}
      </label>
      {children({
        id,
        'aria-invalid': error ? 'true' : undefined,
        'aria-describedby': describedBy || undefined,
        required: required || undefined,
        'aria-required': required ? 'true' : undefined,
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
