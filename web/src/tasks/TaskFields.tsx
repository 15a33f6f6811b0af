/** A task's title and description fields, as the "New task" and edit forms both show them. */
import { ContractField } from '../ui/ContractField.js';
import type { FieldErrors } from '../ui/problems.js';
import type { BodyOperation } from '../ui/rules.js';

interface Props {
  /** Prefix of the fields' ids (`new`, `task-<id>-edit`). */
  id: string;
  /** The operation the form sends: its schema marks the required fields and sets the limits. */
  operation: BodyOperation;
  title: string;
  description: string;
  onChange: (patch: { title?: string; description?: string }) => void;
  errors: FieldErrors;
  /** Focus the title (the person asked to edit this task). */
  autoFocus?: boolean;
}

export function TaskFields({ id, operation, errors, onChange, ...props }: Props) {
  return (
    <>
      <ContractField
        id={`${id}-title`}
        label="Title"
        operation={operation}
        field="title"
        value={props.title}
        onInput={(title) => onChange({ title })}
        error={errors.title}
        autoFocus={props.autoFocus}
      />
      <ContractField
        id={`${id}-description`}
        label="Description"
        operation={operation}
        field="description"
        value={props.description}
        onInput={(description) => onChange({ description })}
        error={errors.description}
        multiline
      />
    </>
  );
}
