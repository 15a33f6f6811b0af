/**
 * Plain words for a refused planning field (`/body/due/date`, `/body/labels/3`,
 * `/body/recurrence`), from the contract's limits and the value that was sent.
 */
import { LIMITS } from '../../../src/contract/limits.generated.js';

const LABEL = LIMITS.schemas.Label;
const MAX_LABELS = LIMITS.schemas.Labels.maxItems;

function labelMessage(labels: unknown, index: string | undefined): string {
  const list = Array.isArray(labels) ? labels.map(String) : [];
  if (index === undefined) {
    return list.length > MAX_LABELS
      ? `A task can have at most ${MAX_LABELS} labels`
      : 'Labels are not valid';
  }
  const i = Number(index);
  const label = list[i] ?? '';
  if (label.trim() === '') return 'A label needs at least one visible character';
  if ([...label].length > LABEL.maxLength) {
    return `Label "${label}" can be at most ${LABEL.maxLength} characters`;
  }
  const key = label.toLowerCase();
  if (list.slice(0, i).some((l) => l.toLowerCase() === key)) {
    return `Label "${label}" is there already (labels are the same whatever their case)`;
  }
  return `Label "${label}" is not valid`;
}

function dueMessage(due: unknown, part: string | undefined): string {
  const sent = (due ?? {}) as Record<string, unknown>;
  if (part === 'date') return `Due date ${String(sent.date)} is not a date on the calendar`;
  if (part === 'time_zone') return `Time zone ${String(sent.time_zone)} is not known`;
  if (part === 'time') return 'Due time must be a time of day, such as 09:30';
  return 'Due is not valid';
}

/** The message for a planning field, or undefined for any other field. */
export function planningMessage(
  field: string,
  deeper: string[],
  body: Record<string, unknown>,
): string | undefined {
  switch (field) {
    case 'labels':
      return labelMessage(body.labels, deeper[0]);
    case 'due':
      return dueMessage(body.due, deeper[0]);
    case 'recurrence':
      return body.due ? 'Repeat is not valid' : 'Repeat needs a due date';
    case 'priority':
      return 'Priority is not valid';
    default:
      return undefined;
  }
}
