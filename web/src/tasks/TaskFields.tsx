/** A task's title and description fields, as the "New task" and edit forms both show them. */

import { Field } from '../ui/fields.js';
import type { FieldErrors } from '../ui/problems.js';

interface Props {
  /** Prefix of the fields' ids (`new`, `task-<id>-edit`). */
  id: string;
  title: string;
  description: string;
  onChange: (patch: { title?: string; description?: string }) => void;
  errors: FieldErrors;
  /** Focus the title (the person asked to edit this task). */
  autoFocus?: boolean;
}

export function TaskFields({ id, title, description, onChange, errors, autoFocus }: Props) {
  return (
    <>
      <Field id={`${id}-title`} label="Title" error={errors.title}>
        {(aria) => (
          <input
            {...aria}
            maxLength={200}
            value={title}
            // biome-ignore lint/a11y/noAutofocus: only when the person asked to edit this task
            autoFocus={autoFocus}
            onInput={(e) => onChange({ title: e.currentTarget.value })}
          />
        )}
      </Field>
      <Field id={`${id}-description`} label="Description" error={errors.description}>
        {(aria) => (
          <textarea
            {...aria}
            maxLength={4000}
            value={description}
            onInput={(e) => onChange({ description: e.currentTarget.value })}
          />
        )}
      </Field>
    </>
  );
}
