/** One task: shown, edited (with If-Match), marked done or deleted after a confirmation. */
import type { Task, TaskApiClient, TaskStatus, TaskUpdate } from '@task-api/sdk';
import { useState } from 'preact/hooks';
import { ErrorNote, Field } from '../ui/fields.js';
import { type FieldErrors, failureMessage, fieldErrors, problemMessage } from '../ui/problems.js';

export const STATUS_LABELS: Record<TaskStatus, string> = {
  pending: 'Pending',
  in_progress: 'In progress',
  completed: 'Completed',
};

/** The API's ETag is the task's version (openapi.yaml); list pages carry no headers. */
const etagOf = (task: Task) => `"${task.version}"`;

interface Props {
  task: Task;
  api: TaskApiClient;
  onChanged: (task: Task) => void;
  onDeleted: (taskId: string) => void;
}

export function TaskItem({ task, api, onChanged, onDeleted }: Props) {
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm-delete'>('view');
  const [draft, setDraft] = useState<TaskUpdate>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState(false);
  const id = `task-${task.task_id}`;

  async function send(body: TaskUpdate): Promise<boolean> {
    setBusy(true);
    setError(undefined);
    setErrors({});
    try {
      const result = await api.updateTask(task.task_id, body, { ifMatch: etagOf(task) });
      if (!result.error) {
        setConflict(false);
        onChanged(result.data);
        return true;
      }
      if (result.error.status === 412) {
        // Someone saved first: show their version and keep what this person typed.
        const current = await api.getTask(task.task_id);
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
      const result = await api.deleteTask(task.task_id, { ifMatch: etagOf(task) });
      if (!result.error || result.error.status === 404) return onDeleted(task.task_id);
      setError(problemMessage(result.error));
      if (result.error.status === 412) {
        const current = await api.getTask(task.task_id);
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
    setDraft({ title: task.title, description: task.description ?? '', status: task.status });
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
          <Field id={`${id}-edit-title`} label="Title" error={errors.title}>
            {(aria) => (
              <input
                {...aria}
                required
                maxLength={200}
                value={draft.title}
                // biome-ignore lint/a11y/noAutofocus: the person asked to edit this task
                autoFocus
                onInput={(e) => setDraft({ ...draft, title: e.currentTarget.value })}
              />
            )}
          </Field>
          <Field id={`${id}-edit-description`} label="Description" error={errors.description}>
            {(aria) => (
              <textarea
                {...aria}
                maxLength={4000}
                value={draft.description}
                onInput={(e) => setDraft({ ...draft, description: e.currentTarget.value })}
              />
            )}
          </Field>
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
