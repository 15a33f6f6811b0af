/** One task: shown, edited (with If-Match), marked done or deleted after a confirmation. */
import type { TaskStatus, TaskUpdate } from '@task-api/sdk';
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ErrorNote, Field } from '../ui/fields.js';
import { type FieldErrors, failureMessage, fieldErrors, problemMessage } from '../ui/problems.js';
import type { TaskLike, TaskOps } from './container.js';
import { TaskFields } from './TaskFields.js';

export const STATUS_LABELS: Record<TaskStatus, string> = {
  pending: 'Pending',
  in_progress: 'In progress',
  completed: 'Completed',
};

/** What the edit form holds: a workspace task's adds its assignee. */
export type EditDraft = TaskUpdate & { assignee?: string | null };

/** Fields beyond title, description and status (a workspace task's assignee). */
export interface ExtraFields<T, U = EditDraft> {
  initial: (task: T) => Partial<U>;
  render: (
    id: string,
    draft: U,
    setDraft: (draft: U) => void,
    errors: FieldErrors,
  ) => ComponentChildren;
}

/** The API's ETag is the task's version (openapi.yaml); list pages carry no headers. */
const etagOf = (task: TaskLike) => `"${task.version}"`;

interface Props<T extends TaskLike, U extends TaskUpdate> {
  task: T;
  ops: TaskOps<T, U>;
  onChanged: (task: T) => void;
  onDeleted: (taskId: string) => void;
  /** More of the meta line (who it is assigned to, its workspace). */
  meta?: ComponentChildren;
  extraFields?: ExtraFields<T> | undefined;
}

export function TaskItem<T extends TaskLike, U extends TaskUpdate = TaskUpdate>({
  task,
  ops,
  onChanged,
  onDeleted,
  meta,
  extraFields,
}: Props<T, U>) {
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm-delete'>('view');
  const [draft, setDraft] = useState<EditDraft>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState(false);
  const id = `task-${task.task_id}`;

  async function send(body: EditDraft): Promise<boolean> {
    setBusy(true);
    setError(undefined);
    setErrors({});
    try {
      // The container's update body: EditDraft holds only the fields its form offers.
      const result = await ops.update(task, body as U, etagOf(task));
      if (!result.error) {
        setConflict(false);
        onChanged(result.data);
        return true;
      }
      if (result.error.status === 412) {
        // Someone saved first: show their version and keep what this person typed.
        const current = await ops.get(task);
        if (current.data) onChanged(current.data);
        setConflict(true);
        setError(
          'This task was changed elsewhere. The current version is shown; save again to replace it with your changes.',
        );
        return false;
      }
      setErrors(fieldErrors(result.error));
      setError(problemMessage(result.error));
    } catch (err) {
      setError(failureMessage(err));
    } finally {
      setBusy(false);
    }
    return false;
  }

  async function remove() {
    setBusy(true);
    setError(undefined);
    try {
      const result = await ops.remove(task, etagOf(task));
      if (!result.error || result.error.status === 404) return onDeleted(task.task_id);
      setError(problemMessage(result.error));
      if (result.error.status === 412) {
        const current = await ops.get(task);
        if (current.data) onChanged(current.data);
      }
    } catch (err) {
      setError(failureMessage(err));
    } finally {
      setBusy(false);
    }
    setMode('view');
  }

  const startEdit = () => {
    setDraft({
      title: task.title,
      description: task.description ?? '',
      status: task.status,
      ...extraFields?.initial(task),
    });
    setMode('edit');
  };

  if (mode === 'edit') {
    return (
      <li class="task editing" aria-labelledby={`${id}-title`}>
        <h3 id={`${id}-title`} class="visually-hidden">
          Editing {task.title}
        </h3>
        {conflict && (
          <p class="current">
            Saved elsewhere: <strong>{task.title}</strong> ({STATUS_LABELS[task.status]})
          </p>
        )}
        <form
          onSubmit={async (event) => {
            event.preventDefault();
            if (await send(draft)) setMode('view');
          }}
        >
          <TaskFields
            id={`${id}-edit`}
            title={draft.title ?? ''}
            description={draft.description ?? ''}
            onChange={(patch) => setDraft({ ...draft, ...patch })}
            errors={errors}
            autoFocus
          />
          <Field id={`${id}-edit-status`} label="Status" error={errors.status}>
            {(aria) => (
              <select
                {...aria}
                value={draft.status}
                onChange={(e) =>
                  setDraft({ ...draft, status: e.currentTarget.value as TaskStatus })
                }
              >
                {Object.entries(STATUS_LABELS).map(([value, label]) => (
                  <option value={value}>{label}</option>
                ))}
              </select>
            )}
          </Field>
          {extraFields?.render(id, draft, setDraft, errors)}
          <ErrorNote message={error} />
          <div class="actions">
            <button type="submit" disabled={busy}>
              Save
            </button>
            <button
              type="button"
              onClick={() => {
                setConflict(false);
                setMode('view');
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      </li>
    );
  }

  return (
    <li class={`task ${task.status}`} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{task.title}</h3>
      {task.description && <p class="description">{task.description}</p>}
      <p class="meta">
        <span class={`status ${task.status}`}>{STATUS_LABELS[task.status]}</span>
        {' · '}
        <time dateTime={task.created_at}>{new Date(task.created_at).toLocaleString()}</time>
        {meta}
      </p>
      <ErrorNote message={error} />
      {mode === 'confirm-delete' ? (
        <fieldset class="actions confirm">
          <legend>Delete this task?</legend>
          <button type="button" class="danger" disabled={busy} onClick={remove}>
            Yes, delete
          </button>
          <button type="button" onClick={() => setMode('view')}>
            Keep it
          </button>
        </fieldset>
      ) : (
        <div class="actions">
          {task.status !== 'completed' && (
            <button type="button" disabled={busy} onClick={() => send({ status: 'completed' })}>
              Mark done
            </button>
          )}
          <button type="button" onClick={startEdit}>
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
