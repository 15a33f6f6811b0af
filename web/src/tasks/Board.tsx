/** The person's tasks: newest first, a status filter, "load more", and the "Add task" form. */
import type { Task, TaskApiClient, TaskStatus, TaskUpdate } from '@task-api/sdk';
import { LIMITS } from '@task-api/sdk';
import { useCallback, useMemo, useState } from 'preact/hooks';
import { ErrorNote, Field } from '../ui/fields.js';
import { type FieldErrors, failureMessage, fieldErrors, problemMessage } from '../ui/problems.js';
import { attempt, type Draft, emptyDraft, loadDraft, saveDraft } from './draft.js';
import { usePagedList } from './paged.js';
import { STATUS_LABELS, TaskItem, type TaskOps } from './TaskItem.js';

/** The API's default page. */
export const PAGE_SIZE = LIMITS.parameters.LimitQuery.default;

export function Board({ api }: { api: TaskApiClient }) {
  const [status, setStatus] = useState<TaskStatus | ''>('');
  const load = useCallback(
    (cursor: string | undefined) =>
      api.listTasks({
        limit: PAGE_SIZE,
        ...(status ? { status } : {}),
        ...(cursor ? { cursor } : {}),
      }),
    [api, status],
  );
  const list = usePagedList(load);
  const ops = useMemo<TaskOps<Task, TaskUpdate>>(
    () => ({
      update: (task, body, ifMatch) => api.updateTask(task.task_id, body, { ifMatch }),
      get: (task) => api.getTask(task.task_id),
      remove: (task, ifMatch) => api.deleteTask(task.task_id, { ifMatch }),
    }),
    [api],
  );
  const onCreated = (task: Task) => {
    if (!status || task.status === status) list.setItems((items) => [task, ...items]);
  };

  return (
    <section aria-labelledby="board-title">
      <h2 id="board-title">My tasks</h2>
      <AddTask api={api} onCreated={onCreated} />
      <Field id="filter" label="Show">
        {(aria) => (
          <select
            {...aria}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as TaskStatus | '')}
          >
            <option value="">All tasks</option>
            {Object.entries(STATUS_LABELS).map(([value, label]) => (
              <option value={value}>{label}</option>
            ))}
          </select>
        )}
      </Field>
      <ErrorNote message={list.error} />
      <ul class="tasks" aria-label="Tasks" aria-busy={list.loading}>
        {list.items.map((task) => (
          <TaskItem
            key={task.task_id}
            task={task}
            ops={ops}
            onChanged={(changed) =>
              list.setItems((items) =>
                items.flatMap((t) =>
                  t.task_id !== changed.task_id
                    ? [t]
                    : !status || changed.status === status
                      ? [changed]
                      : [],
                ),
              )
            }
            onDeleted={(taskId) =>
              list.setItems((items) => items.filter((t) => t.task_id !== taskId))
            }
          />
        ))}
      </ul>
      {!list.loading && list.items.length === 0 && !list.error && <p>No tasks here yet.</p>}
      {list.hasMore && (
        <button type="button" disabled={list.loading} onClick={list.loadMore}>
          Load more
        </button>
      )}
    </section>
  );
}

function AddTask({ api, onCreated }: { api: TaskApiClient; onCreated: (task: Task) => void }) {
  const [draft, setDraftState] = useState<Draft>(() => loadDraft());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const setDraft = (next: Draft) => {
    setDraftState(next);
    saveDraft(next);
  };

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setErrors({});
    try {
      // Kept before the send: after a lost answer, a reload still retries under the same key.
      const { body, idempotencyKey, draft: sending } = attempt(draft);
      setDraft(sending);
      const result = await api.createTask(body, { idempotencyKey });
      if (result.error) {
        setErrors(fieldErrors(result.error));
        setError(problemMessage(result.error));
        return;
      }
      setDraft(emptyDraft());
      onCreated(result.data);
    } catch (err) {
      setError(failureMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="add" onSubmit={submit} aria-labelledby="add-title" noValidate>
      <h3 id="add-title">New task</h3>
      <Field id="new-title" label="Title" error={errors.title}>
        {(aria) => (
          <input
            {...aria}
            maxLength={LIMITS.schemas.TaskCreate.title.maxLength}
            value={draft.title}
            onInput={(e) => setDraft({ ...draft, title: e.currentTarget.value })}
          />
        )}
      </Field>
      <Field id="new-description" label="Description" error={errors.description}>
        {(aria) => (
          <textarea
            {...aria}
            maxLength={LIMITS.schemas.TaskCreate.description.maxLength}
            value={draft.description}
            onInput={(e) => setDraft({ ...draft, description: e.currentTarget.value })}
          />
        )}
      </Field>
      <ErrorNote message={error} />
      <button type="submit" disabled={busy}>
        Add task
      </button>
    </form>
  );
}
