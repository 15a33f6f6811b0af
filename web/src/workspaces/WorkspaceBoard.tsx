/** A workspace's tasks: status and assignee filters, "load more", new tasks with an assignee. */
import type { Member, TaskApiClient, TaskStatus, WorkspaceTask } from '@task-api/sdk';
import { LIMITS } from '@task-api/sdk';
import { useCallback, useMemo, useState } from 'preact/hooks';
import { routeHref } from '../route.js';
import { PAGE_SIZE } from '../tasks/Board.js';
import { usePagedList } from '../tasks/paged.js';
import { STATUS_LABELS, TaskItem } from '../tasks/TaskItem.js';
import { ErrorNote, Field } from '../ui/fields.js';
import { type FieldErrors, failureMessage, fieldErrors, problemMessage } from '../ui/problems.js';
import { memberName, useMembers, useWorkspace } from './hooks.js';
import { ROLE_LABELS } from './permissions.js';
import {
  AssigneeSelect,
  activeMembers,
  assigneeFields,
  assigneeMeta,
  workspaceTaskOps,
} from './tasks.js';

interface Props {
  api: TaskApiClient;
  workspaceId: string;
  /** The caller's user id, for "assigned to me". */
  me: string;
}

export function WorkspaceBoard({ api, workspaceId, me }: Props) {
  const workspace = useWorkspace(api, workspaceId);
  const members = useMembers(api, workspaceId);
  if (workspace.error) {
    return (
      <section aria-labelledby="workspace-title">
        <h2 id="workspace-title">Workspace</h2>
        <ErrorNote message={workspace.error} />
        <p>
          <a href={routeHref({ view: 'personal' })}>Back to my tasks</a>
        </p>
      </section>
    );
  }
  const ws = workspace.value;
  return (
    <section aria-labelledby="workspace-title">
      <h2 id="workspace-title">{ws?.name ?? 'Workspace'}</h2>
      {ws && (
        <p class="meta">
          You are {ROLE_LABELS[ws.role].toLowerCase()} ·{' '}
          <a href={routeHref({ view: 'members', workspaceId })}>Members</a>
        </p>
      )}
      <WorkspaceTasks api={api} workspaceId={workspaceId} me={me} members={members.value} />
    </section>
  );
}

function WorkspaceTasks({ api, workspaceId, me, members }: Props & { members?: Member[] }) {
  const [status, setStatus] = useState<TaskStatus | ''>('');
  const [assignee, setAssignee] = useState('');
  const load = useCallback(
    (cursor: string | undefined) =>
      api.listWorkspaceTasks(workspaceId, {
        limit: PAGE_SIZE,
        ...(status ? { status } : {}),
        ...(assignee ? { assignee } : {}),
        ...(cursor ? { cursor } : {}),
      }),
    [api, workspaceId, status, assignee],
  );
  const list = usePagedList<WorkspaceTask>(load);
  const ops = useMemo(() => workspaceTaskOps(api), [api]);
  const fields = useMemo(() => assigneeFields(members, me), [members, me]);
  const shown = (t: WorkspaceTask) =>
    (!status || t.status === status) && (!assignee || t.assignee === assignee);

  return (
    <>
      <AddWorkspaceTask
        api={api}
        workspaceId={workspaceId}
        me={me}
        members={members}
        onCreated={(task) => shown(task) && list.setItems((items) => [task, ...items])}
      />
      <div class="filters">
        <Field id="ws-filter" label="Show">
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
        <Field id="ws-assignee-filter" label="Assigned to">
          {(aria) => (
            <select {...aria} value={assignee} onChange={(e) => setAssignee(e.currentTarget.value)}>
              <option value="">Anyone</option>
              <option value={me}>Me</option>
              {activeMembers(members)
                .filter((m) => m.user_id !== me)
                .map((m) => (
                  <option value={m.user_id}>{memberName(m)}</option>
                ))}
            </select>
          )}
        </Field>
      </div>
      <ErrorNote message={list.error} />
      <ul class="tasks" aria-label="Tasks" aria-busy={list.loading}>
        {list.items.map((task) => (
          <TaskItem
            key={task.task_id}
            task={task}
            ops={ops}
            meta={assigneeMeta(task, members, me)}
            extraFields={fields}
            onChanged={(changed) =>
              list.setItems((items) =>
                items.flatMap((t) =>
                  t.task_id !== changed.task_id ? [t] : shown(changed) ? [changed] : [],
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
    </>
  );
}

interface AddProps {
  api: TaskApiClient;
  workspaceId: string;
  me: string;
  members: Member[] | undefined;
  onCreated: (task: WorkspaceTask) => void;
}

function AddWorkspaceTask({ api, workspaceId, me, members, onCreated }: AddProps) {
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [assignee, setAssignee] = useState<string | null>(null);
  // One key per draft, so a create retried after a lost answer is made once.
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const edit =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setKey(crypto.randomUUID());
    };

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setErrors({});
    try {
      const body = {
        title,
        ...(description ? { description } : {}),
        ...(assignee ? { assignee } : {}),
      };
      const result = await api.createWorkspaceTask(workspaceId, body, { idempotencyKey: key });
      if (result.error) {
        setErrors(fieldErrors(result.error));
        setError(problemMessage(result.error));
        return;
      }
      setTitle('');
      setDescription('');
      setAssignee(null);
      setKey(crypto.randomUUID());
      onCreated(result.data);
    } catch (err) {
      setError(failureMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="add" onSubmit={submit} aria-labelledby="ws-add-title" noValidate>
      <h3 id="ws-add-title">New task</h3>
      <Field id="ws-new-title" label="Title" error={errors.title}>
        {(aria) => (
          <input
            {...aria}
            maxLength={LIMITS.schemas.WorkspaceTaskCreate.title.maxLength}
            value={title}
            onInput={(e) => edit(setTitle)(e.currentTarget.value)}
          />
        )}
      </Field>
      <Field id="ws-new-description" label="Description" error={errors.description}>
        {(aria) => (
          <textarea
            {...aria}
            maxLength={LIMITS.schemas.WorkspaceTaskCreate.description.maxLength}
            value={description}
            onInput={(e) => edit(setDescription)(e.currentTarget.value)}
          />
        )}
      </Field>
      <AssigneeSelect
        id="ws-new-assignee"
        members={members}
        me={me}
        value={assignee}
        error={errors.assignee}
        onChange={edit(setAssignee)}
      />
      <ErrorNote message={error} />
      <button type="submit" disabled={busy}>
        Add task
      </button>
    </form>
  );
}
