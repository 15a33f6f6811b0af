/**
 * Editing one task (with If-Match): its fields, and after a 412 every field of the version saved
 * elsewhere beside what this person typed, so they see what saving again would overwrite.
 */
import type { TaskStatus, TaskUpdate } from '@task-api/sdk';
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { planningRows } from '../planning/conflict.js';
import { takeTypedLabel } from '../planning/LabelsField.js';
import { PlanningFields } from '../planning/PlanningFields.js';
import { planningOf } from '../planning/planning.js';
import { type Action, useAction } from '../ui/action.js';
import { ErrorNote, Field } from '../ui/fields.js';
import type { FieldErrors } from '../ui/problems.js';
import type { TaskLike, TaskOps } from './container.js';
import { STATUS_LABELS, StatusOptions } from './status.js';
import { TaskFields } from './TaskFields.js';

/** What the edit form holds: a workspace task's adds its assignee. */
export type EditDraft = TaskUpdate & { assignee?: string | null };

/** One field of both versions in the conflict view. */
export interface ConflictRow {
  label: string;
  theirs: string;
  yours: string;
}

/** Fields beyond title, description and status (a workspace task's assignee). */
export interface ExtraFields<T> {
  initial: (task: T) => Partial<EditDraft>;
  render: (
    id: string,
    draft: EditDraft,
    setDraft: (draft: EditDraft) => void,
    errors: FieldErrors,
  ) => ComponentChildren;
  compare: (theirs: T, yours: EditDraft) => ConflictRow[];
}

/** The API's ETag is the task's version (openapi.yaml); list pages carry no headers. */
export const etagOf = (task: TaskLike) => `"${task.version}"`;

export interface TaskSave {
  action: Action;
  operation: TaskOps<TaskLike, TaskUpdate>['updateOperation'];
  /** A save was refused with 412: `task` is now the version saved elsewhere. */
  conflict: boolean;
  send(body: EditDraft): Promise<boolean>;
  /** Leaving the editor: no conflict or message is left for the next edit. */
  forget(): void;
}

/** Saves changes under If-Match; on a 412 shows the current version and keeps the draft. */
export function useTaskSave<T extends TaskLike, U extends TaskUpdate>(
  task: T,
  ops: TaskOps<T, U>,
  onChanged: (task: T) => void,
): TaskSave {
  const action = useAction();
  const [conflict, setConflict] = useState(false);
  async function send(body: EditDraft): Promise<boolean> {
    let stale = false;
    const saved = await action.run(
      async () => {
        // The container's update body: EditDraft holds only the fields its form offers.
        const result = await ops.update(task, body as U, etagOf(task));
        stale = result.error?.status === 412;
        return result;
      },
      { operation: ops.updateOperation, body },
    );
    if (saved) {
      setConflict(false);
      onChanged(saved.data);
      return true;
    }
    if (stale) {
      const current = await ops.get(task).catch(() => undefined);
      if (current?.data) onChanged(current.data);
      setConflict(true);
      action.say(
        'This task was changed elsewhere. Below are both versions; save again to replace theirs with yours.',
      );
    }
    return false;
  }
  const forget = () => {
    setConflict(false);
    action.say(undefined);
  };
  return { action, operation: ops.updateOperation, conflict, send, forget };
}

interface Props<T extends TaskLike> {
  task: T;
  save: TaskSave;
  extraFields: ExtraFields<T> | undefined;
  /** The heading level of the task's title where it is listed (TaskItem's `level`). */
  level?: 3 | 4;
  onClose: () => void;
}

export function TaskEditor<T extends TaskLike>({
  task,
  save,
  extraFields,
  level = 3,
  onClose,
}: Props<T>) {
  const Heading = level === 4 ? 'h4' : 'h3';
  const [draft, setDraft] = useState<EditDraft>(() => ({
    title: task.title,
    description: task.description ?? '',
    status: task.status,
    ...planningOf(task),
    ...extraFields?.initial(task),
  }));
  const id = `task-${task.task_id}`;
  const { action } = save;
  return (
    <li class="task editing" aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`} class="visually-hidden">
        Editing {task.title}
      </Heading>
      <form
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          const typed = takeTypedLabel(event.currentTarget);
          const sent = typed
            ? { ...draft, labels: [...planningOf({ ...task, ...draft }).labels, typed] }
            : draft;
          if (typed) setDraft(sent);
          if (await save.send(sent)) onClose();
        }}
      >
        <TaskFields
          id={`${id}-edit`}
          operation={save.operation}
          title={draft.title ?? ''}
          description={draft.description ?? ''}
          onChange={(patch) => setDraft({ ...draft, ...patch })}
          errors={action.errors}
          autoFocus
        />
        <Field id={`${id}-edit-status`} label="Status" error={action.errors.status}>
          {(aria) => (
            <select
              {...aria}
              value={draft.status}
              onChange={(e) => setDraft({ ...draft, status: e.currentTarget.value as TaskStatus })}
            >
              <StatusOptions />
            </select>
          )}
        </Field>
        {extraFields?.render(id, draft, setDraft, action.errors)}
        <PlanningFields
          id={`${id}-edit`}
          value={planningOf({ ...task, ...draft })}
          errors={action.errors}
          onChange={(patch) => setDraft({ ...draft, ...patch })}
        />
        <ErrorNote message={action.error} />
        {save.conflict && <Conflict task={task} draft={draft} extraFields={extraFields} />}
        <div class="actions">
          <button type="submit" class="primary" disabled={action.busy}>
            Save
          </button>
          <button
            type="button"
            onClick={() => {
              save.forget();
              onClose();
            }}
          >
            Cancel
          </button>
        </div>
      </form>
    </li>
  );
}

function Conflict<T extends TaskLike>(props: {
  task: T;
  draft: EditDraft;
  extraFields: ExtraFields<T> | undefined;
}) {
  const { task, draft } = props;
  const rows: ConflictRow[] = [
    { label: 'Title', theirs: task.title, yours: draft.title ?? '' },
    { label: 'Description', theirs: task.description ?? '', yours: draft.description ?? '' },
    {
      label: 'Status',
      theirs: STATUS_LABELS[task.status],
      yours: draft.status ? STATUS_LABELS[draft.status] : '',
    },
    ...(props.extraFields?.compare(task, draft) ?? []),
    ...planningRows(task, planningOf({ ...task, ...draft })),
  ];
  return (
    <table class="conflict">
      <caption>Saved elsewhere, and your changes</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Saved elsewhere</th>
          <th scope="col">Yours</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.label} class={row.theirs === row.yours ? undefined : 'differs'}>
            <th scope="row">{row.label}</th>
            <td>{row.theirs || <em>(empty)</em>}</td>
            <td>{row.yours || <em>(empty)</em>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
