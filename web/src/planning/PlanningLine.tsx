/** A task's due (marked when overdue), repeat mark, priority badge and label chips, on its row. */
import { localTimeZone } from '@task-api/sdk';
import { useNow } from '../ui/RelativeTime.js';
import { formatDue, isOverdue } from './due.js';
import { type Planning, PRIORITY_LABELS } from './planning.js';
import { describeRepeat } from './repeat.js';

interface Props {
  task: Planning & { status: string };
  /** Clicking a label shows only the tasks with it; without this, labels are plain chips. */
  onLabel?: ((label: string) => void) | undefined;
}

export function PlanningLine({ task, onLabel }: Props) {
  const now = useNow();
  const { due, recurrence, priority, labels } = task;
  if (!due && priority === 'none' && labels.length === 0) return null;
  const zone = localTimeZone();
  const overdue = isOverdue(task, now, zone);
  const repeats = recurrence && `Repeats: ${describeRepeat(recurrence)}`;
  return (
    <p class="planning">
      {due && (
        <span class={overdue ? 'due overdue' : 'due'}>
          {overdue && <strong>Overdue · </strong>}Due {formatDue(due, now, zone)}
        </span>
      )}
      {repeats && (
        <span class="repeats" role="img" aria-label={repeats} title={repeats}>
          ↻
        </span>
      )}
      {priority !== 'none' && (
        <span class={`priority ${priority}`}>{PRIORITY_LABELS[priority]} priority</span>
      )}
      {labels.map((label) =>
        onLabel ? (
          <button
            type="button"
            class="chip"
            key={label}
            aria-label={`Filter by label ${label}`}
            onClick={() => onLabel(label)}
          >
            {label}
          </button>
        ) : (
          <span class="chip" key={label}>
            {label}
          </span>
        ),
      )}
    </p>
  );
}
