/** "New task": one form for every container, its draft and Idempotency-Keys kept across reloads. */
import type { TaskUpdate } from '@task-api/sdk';
import { useState } from 'preact/hooks';
import { takeTypedLabel } from '../planning/LabelsField.js';
import { PlanningFields } from '../planning/PlanningFields.js';
import { useAction } from '../ui/action.js';
import { ErrorNote } from '../ui/fields.js';
import { AssigneeSelect, type People } from '../workspaces/assignees.js';
import type { TaskContainer, TaskLike } from './container.js';
import { attempt, type Draft, emptyDraft, loadDraft, saveDraft } from './draft.js';
import { TaskFields } from './TaskFields.js';

interface Props<T extends TaskLike, U extends TaskUpdate> {
  container: TaskContainer<T, U>;
  /** A workspace's members, for the assignee field. */
  people?: People;
  onCreated: (task: T) => void;
}

export function AddTask<T extends TaskLike, U extends TaskUpdate>({
  container,
  people,
  onCreated,
}: Props<T, U>) {
  const store = container.name;
  const [draft, setDraftState] = useState<Draft>(() => loadDraft(localStorage, store));
  const action = useAction();
  const setDraft = (next: Draft) => {
    setDraftState(next);
    saveDraft(next, localStorage, store);
  };

  async function submit(event: Event) {
    event.preventDefault();
    const typed = takeTypedLabel(event.currentTarget as HTMLFormElement);
    const current = typed
      ? { ...draft, planning: { ...draft.planning, labels: [...draft.planning.labels, typed] } }
      : draft;
    // Kept before the send: after a lost answer, a reload still retries under the same key.
    const { body, idempotencyKey, draft: sending } = attempt(current);
    setDraft(sending);
    const created = await action.run(() => container.create(body, idempotencyKey), {
      operation: container.createOperation,
      body: { ...body },
    });
    if (!created) return;
    setDraft(emptyDraft());
    onCreated(created.data);
  }

  return (
    <form class="add" onSubmit={submit} aria-labelledby="add-title" noValidate>
      <h3 id="add-title">New task</h3>
      <TaskFields
        id="new"
        operation={container.createOperation}
        title={draft.title}
        description={draft.description}
        onChange={(patch) => setDraft({ ...draft, ...patch })}
        errors={action.errors}
      />
      {people && (
        <AssigneeSelect
          id="new-assignee"
          people={people}
          value={draft.assignee}
          error={action.errors.assignee}
          onChange={(assignee) => setDraft({ ...draft, assignee })}
        />
      )}
      <PlanningFields
        id="new"
        value={draft.planning}
        errors={action.errors}
        onChange={(patch) => setDraft({ ...draft, planning: { ...draft.planning, ...patch } })}
      />
      <ErrorNote message={action.error} />
      <button type="submit" class="primary" disabled={action.busy}>
        Add task
      </button>
    </form>
  );
}
