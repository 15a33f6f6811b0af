/**
 * One board for every container (a person's own list, a workspace): newest first or soonest due,
 * a status filter (and an assignee filter in a workspace), a label filter from any label's chip,
 * "load more", and the "New task" form.
 */
import type { TaskStatus, TaskUpdate } from '@task-api/sdk';
import type { ComponentChildren } from 'preact';
import { useCallback, useMemo, useState } from 'preact/hooks';
import { hasLabel } from '../planning/planning.js';
import { ErrorNote, Field } from '../ui/fields.js';
import {
  AssigneeFilter,
  assigneeFields,
  assigneeMeta,
  type People,
} from '../workspaces/assignees.js';
import { AddTask } from './AddTask.js';
import type { TaskContainer, TaskLike } from './container.js';
import { ListEnd, onTaskChanged, onTaskDeleted } from './listParts.js';
import { usePagedList } from './paged.js';
import { StatusOptions } from './status.js';
import { TaskItem } from './TaskItem.js';

interface Props<T extends TaskLike, U extends TaskUpdate> {
  container: TaskContainer<T, U>;
  /** The board's heading. */
  title: string;
  /** A workspace's members: the assignee filter, field and meta line. */
  people?: People;
  /** Under the heading (a workspace's role and members link). */
  children?: ComponentChildren;
}

export function Board<T extends TaskLike, U extends TaskUpdate>({
  container,
  title,
  people,
  children,
}: Props<T, U>) {
  const [status, setStatus] = useState<TaskStatus | ''>('');
  const [assignee, setAssignee] = useState('');
  const [label, setLabel] = useState('');
  const [byDue, setByDue] = useState(false);
  const load = useCallback(
    (cursor: string | undefined) =>
      container.list({
        ...(status ? { status } : {}),
        ...(assignee ? { assignee } : {}),
        ...(label ? { label } : {}),
        ...(byDue ? { sort: 'due' as const } : {}),
        ...(cursor ? { cursor } : {}),
      }),
    [container, status, assignee, label, byDue],
  );
  const list = usePagedList<T>(load);
  const extraFields = useMemo(() => people && assigneeFields<T>(people), [people]);
  const shown = (t: T) =>
    (!status || t.status === status) &&
    (!assignee || t.assignee === assignee) &&
    (!label || hasLabel(t, label));

  return (
    <section aria-labelledby="board-title">
      <h2 id="board-title">{title}</h2>
      {children}
      <AddTask
        container={container}
        {...(people ? { people } : {})}
        onCreated={(task) => {
          // Soonest due first: the server knows where the new task goes.
          if (byDue) return list.reload();
          // A replayed create answers with the task the lost one made, maybe listed already.
          if (shown(task)) {
            list.setItems((items) => [task, ...items.filter((t) => t.task_id !== task.task_id)]);
          }
        }}
      />
      <div class="filters">
        <Field id="filter" label="Show">
          {(aria) => (
            <select
              {...aria}
              value={status}
              onChange={(e) => setStatus(e.currentTarget.value as TaskStatus | '')}
            >
              <option value="">All tasks</option>
              <StatusOptions />
            </select>
          )}
        </Field>
        {people && <AssigneeFilter people={people} value={assignee} onChange={setAssignee} />}
        <label class="toggle">
          <input
            type="checkbox"
            checked={byDue}
            onChange={(e) => setByDue(e.currentTarget.checked)}
          />
          Sort by due
        </label>
      </div>
      {label && (
        <p class="label-filter">
          Only tasks labelled <span class="chip">{label}</span>
          <button type="button" onClick={() => setLabel('')}>
            Clear filter
          </button>
        </p>
      )}
      <ErrorNote message={list.error} />
      <ul class="tasks" aria-label="Tasks" aria-busy={list.loading}>
        {list.items.map((task) => (
          <TaskItem<T, U>
            key={task.task_id}
            task={task}
            ops={container.ops}
            {...(people ? { meta: assigneeMeta(task, people) } : {})}
            extraFields={extraFields}
            onLabel={setLabel}
            onChanged={onTaskChanged(list, shown)}
            onDeleted={onTaskDeleted(list)}
          />
        ))}
      </ul>
      <ListEnd list={list} empty="No tasks here yet." />
    </section>
  );
}
