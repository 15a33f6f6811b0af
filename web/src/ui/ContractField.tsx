/** A text field of a request body: required and limited as its operation's schema says. */
import { Field } from './fields.js';
import { type BodyOperation, fieldRule, mustFill } from './rules.js';

interface Props {
  id: string;
  label: string;
  /** The operation and body field it fills: their rule marks it required and sets maxLength. */
  operation: BodyOperation;
  field: string;
  value: string;
  onInput: (value: string) => void;
  error?: string | undefined;
  multiline?: boolean;
  type?: 'text' | 'email';
  /** Only where the person just asked for this form. */
  autoFocus?: boolean;
}

export function ContractField(props: Props) {
  const rule = fieldRule(props.operation, props.field);
  return (
    <Field id={props.id} label={props.label} error={props.error} required={mustFill(rule)}>
      {(aria) => {
        const common = {
          ...aria,
          maxLength: rule.maxLength,
          value: props.value,
          autoFocus: props.autoFocus,
        };
        return props.multiline ? (
          <textarea {...common} onInput={(e) => props.onInput(e.currentTarget.value)} />
        ) : (
          <input
            {...common}
            type={props.type ?? 'text'}
            // Preact's types ask a text or e-mail input whether it has a datalist.
            list={undefined}
            onInput={(e) => props.onInput(e.currentTarget.value)}
          />
        );
      }}
    </Field>
  );
}
