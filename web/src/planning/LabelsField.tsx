/**
 * Labels as chips: typed and added with Enter, each removed with its own button. A label typed
 * but not added when the form is sent is sent with it (`takeTypedLabel`), not dropped.
 */
import { Field } from '../ui/fields.js';

/** The name of the field's text input in its form. */
const TYPED = 'label';

/** The label typed in `form`'s labels field and not added yet, taken out of the field. */
export function takeTypedLabel(form: HTMLFormElement): string | undefined {
  const input = form.elements.namedItem(TYPED);
  if (!(input instanceof HTMLInputElement)) return undefined;
  const label = input.value.trim();
  input.value = '';
  return label || undefined;
}

interface Props {
  id: string;
  labels: string[];
  onChange: (labels: string[]) => void;
  error?: string | undefined;
}

export function LabelsField({ id, labels, onChange, error }: Props) {
  return (
    <Field id={`${id}-labels`} label="Labels" hint="Type a label and press Enter." error={error}>
      {(aria) => (
        <>
          {labels.length > 0 && (
            <span class="chips">
              {labels.map((label, i) => (
                <span class="chip" key={`${i}:${label}`}>
                  {label}
                  <button
                    type="button"
                    class="chip-remove"
                    aria-label={`Remove label ${label}`}
                    onClick={() => onChange(labels.filter((_, j) => j !== i))}
                  >
                    ×
                  </button>
                </span>
              ))}
            </span>
          )}
          <input
            {...aria}
            type="text"
            name={TYPED}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return;
              // Enter adds the label; it does not send the form.
              e.preventDefault();
              const label = e.currentTarget.value.trim();
              e.currentTarget.value = '';
              if (label) onChange([...labels, label]);
            }}
          />
        </>
      )}
    </Field>
  );
}
