/** The planning fields of the "New task" and edit forms: due, priority, labels and repeat. */
import type { Priority } from '@task-api/sdk';
import { Field } from '../ui/fields.js';
import type { FieldErrors } from '../ui/problems.js';
import { DueField } from './DueField.js';
import { LabelsField } from './LabelsField.js';
import { type Planning, PRIORITY_LABELS } from './planning.js';
import { choiceOf, describeRepeat, REPEAT_CHOICES } from './repeat.js';

interface Props {
  /** Prefix of the fields' ids (`new`, `task-<id>-edit`). */
  id: string;
  value: Planning;
  onChange: (patch: Partial<Planning>) => void;
  errors: FieldErrors;
}

export function PlanningFields({ id, value, onChange, errors }: Props) {
  const rule = value.recurrence ? (choiceOf(value.recurrence)?.rule ?? value.recurrence) : '';
  return (
    <div class="planning-fields">
      <DueField
        id={id}
        due={value.due}
        error={errors.due}
        // Only a task with a due may repeat.
        onChange={(due) => onChange(due ? { due } : { due: null, recurrence: null })}
      />
      <Field id={`${id}-priority`} label="Priority" error={errors.priority}>
        {(aria) => (
          <select
            {...aria}
            value={value.priority}
            onChange={(e) => onChange({ priority: e.currentTarget.value as Priority })}
          >
            {Object.entries(PRIORITY_LABELS).map(([v, label]) => (
              <option key={v} value={v}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <LabelsField
        id={id}
        labels={value.labels}
        error={errors.labels}
        onChange={(labels) => onChange({ labels })}
      />
      <Field
        id={`${id}-repeat`}
        label="Repeat"
        hint={value.due ? undefined : 'Set a due date to repeat the task.'}
        error={errors.recurrence}
      >
        {(aria) => (
          <select
            {...aria}
            disabled={!value.due}
            value={rule}
            onChange={(e) => onChange({ recurrence: e.currentTarget.value || null })}
          >
            {REPEAT_CHOICES.map((c) => (
              <option key={c.rule} value={c.rule}>
                {c.label}
              </option>
            ))}
            {rule && !choiceOf(rule) && (
              <option value={rule}>Custom: {describeRepeat(rule)}</option>
            )}
          </select>
        )}
      </Field>
    </div>
  );
}
