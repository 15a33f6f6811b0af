/** The due picker: a date, an optional time, and that time's zone (the browser's by default). */
import { type Due, dueAt, localTimeZone } from '@task-api/sdk';
import { useMemo } from 'preact/hooks';
import { Field } from '../ui/fields.js';
import { zoneChoices } from './due.js';

interface Props {
  id: string;
  due: Due | null;
  onChange: (due: Due | null) => void;
  error?: string | undefined;
}

export function DueField({ id, due, onChange, error }: Props) {
  const zones = useMemo(() => zoneChoices(due?.time_zone, localTimeZone()), [due?.time_zone]);
  const zone = due?.time_zone ?? localTimeZone();
  return (
    <fieldset class="due">
      <legend>Due</legend>
      <Field id={`${id}-due-date`} label="Due date" error={error}>
        {(aria) => (
          <input
            {...aria}
            type="date"
            value={due?.date ?? ''}
            onInput={(e) => {
              const date = e.currentTarget.value;
              onChange(date ? { ...due, date } : null);
            }}
          />
        )}
      </Field>
      <Field id={`${id}-due-time`} label="Due time (optional)">
        {(aria) => (
          <input
            {...aria}
            type="time"
            disabled={!due}
            value={due?.time ?? ''}
            onInput={(e) => {
              const time = e.currentTarget.value;
              if (due) onChange(time ? dueAt(due.date, time, zone) : { date: due.date });
            }}
          />
        )}
      </Field>
      <Field id={`${id}-due-zone`} label="Time zone">
        {(aria) => (
          <select
            {...aria}
            disabled={!due?.time}
            value={zone}
            onChange={(e) => due?.time && onChange({ ...due, time_zone: e.currentTarget.value })}
          >
            {zones.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
        )}
      </Field>
      {due && (
        <button type="button" class="clear-due" onClick={() => onChange(null)}>
          Clear due
        </button>
      )}
    </fieldset>
  );
}
