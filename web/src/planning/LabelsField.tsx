/** Labels as chips: typed and added with Enter, each removed with its own button. */
import { useState } from 'preact/hooks';
import { Field } from '../ui/fields.js';

interface Props {
  id: string;
  labels: string[];
  onChange: (labels: string[]) => void;
  error?: string | undefined;
}

export function LabelsField({ id, labels, onChange, error }: Props) {
  const [text, setText] = useState('');
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
            list={undefined}
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return;
              // Enter adds the label; it does not send the form.
              e.preventDefault();
              const label = text.trim();
              if (!label) return;
              onChange([...labels, label]);
              setText('');
            }}
          />
        </>
      )}
    </Field>
  );
}
