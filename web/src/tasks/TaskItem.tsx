/** One task: shown, edited (with If-Match), marked done or deleted after a confirmation. */
import type { TaskUpdate } from '@task-api/sdk';
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { PlanningLine } from '../planning/PlanningLine.js';
import { useAction } from '../ui/action.js';
import { ErrorNote } from '../ui/fields.js';
import { RelativeTime } from '../ui/RelativeTime.js';
import type { TaskLike, TaskOps } from './container.js';
import { STATUS_LABELS } from './status.js';
import { type ExtraFields, etagOf, TaskEditor, useTaskSave } from './TaskEditor.js';

interface Props<T extends TaskLike, U extends TaskUpdate> {
  task: T;
  ops: TaskOps<T, U>;
  onChanged: (task: T) => void;
  onDeleted: (taskId: string) => void;
  /** More of the meta line (who it is assigned to, its workspace). */
  meta?: ComponentChildren;
  extraFields?: ExtraFields<T> | undefined;
  /** A label chip was clicked: filter by it (on a board). */
  onLabel?: ((label: string) => void) | undefined;
  /** The title's heading level: 3 on a board, 4 under a day's heading in Upcoming. */
  level?: 3 | 4;
}

export function TaskItem<T extends TaskLike, U extends TaskUpdate = TaskUpdate>({
  task,
  ops,
  onChanged,
  onDeleted,
  meta,
  extraFields,
  onLabel,
  level = 3,
}: Props<T, U>) {
  const Heading = level === 4 ? 'h4' : 'h3';
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm-delete'>('view');
  const save = useTaskSave(task, ops, onChanged);
  const removal = useAction();
  const id = `task-${task.task_id}`;

  async function remove() {
    let status: number | undefined;
    const removed = await removal.run(async () => {
      const result = await ops.remove(task, etagOf(task));
      status = result.error?.status;
      return result;
    });
    // Gone already (404) is what the person asked for.
    if (removed || status === 404) return onDeleted(task.task_id);
    if (status === 412) {
      const current = await ops.get(task).catch(() => undefined);
      if (current?.data) onChanged(current.data);
    }
    setMode('view');
  }

  if (mode === 'edit') {
    return (
      <TaskEditor
        task={task}
        save={save}
        extraFields={extraFields}
        level={level}
        onClose={() => setMode('view')}
      />
    );
  }
  const busy = save.action.busy || removal.busy;
  return (
    <li class={`task ${task.status}`} aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`}>{task.title}</Heading>
      {task.description && <p class="description">{task.description}</p>}
      <PlanningLine task={task} onLabel={onLabel} />
      <p class="meta">
        <span class={`status ${task.status}`}>{STATUS_LABELS[task.status]}</span>
        {' · '}
        <RelativeTime iso={task.updated_at} label="Updated" />
        {meta}
      </p>
      <ErrorNote message={save.action.error ?? removal.error} />
      {mode === 'confirm-delete' ? (
        <fieldset class="actions confirm">
          <legend>Delete this task?</legend>
          <button type="button" class="danger primary" disabled={busy} onClick={remove}>
            Yes, delete
          </button>
          <button type="button" onClick={() => setMode('view')}>
            Keep it
          </button>
        </fieldset>
      ) : (
        <div class="actions">
          {task.status !== 'completed' && (
            <button
              type="button"
              disabled={busy}
              onClick={() => save.send({ status: 'completed' })}
            >
              Mark done
            </button>
          )}
          <button type="button" onClick={() => setMode('edit')}>
            Edit
          </button>
          <button type="button" class="danger" onClick={() => setMode('confirm-delete')}>
            Delete
          </button>
        </div>
      )}
    </li>
  );
}
