/** Workspace tasks in the shared TaskItem: their calls, the assignee field and meta line. */

import type { Member, TaskApiClient, WorkspaceTask, WorkspaceTaskUpdate } from '@task-api/sdk';
import type { ComponentChildren } from 'preact';
import type { ExtraFields, TaskOps } from '../tasks/TaskItem.js';
import { Field } from '../ui/fields.js';
import { memberName } from './hooks.js';

export const workspaceTaskOps = (
  api: TaskApiClient,
): TaskOps<WorkspaceTask, WorkspaceTaskUpdate> => ({
  update: (task, body, ifMatch) =>
    api.updateWorkspaceTask(task.workspace_id, task.task_id, body, { ifMatch }),
  get: (task) => api.getWorkspaceTask(task.workspace_id, task.task_id),
  remove: (task, ifMatch) => api.deleteWorkspaceTask(task.workspace_id, task.task_id, { ifMatch }),
});

/** Active members only: the server refuses any other assignee. */
export const activeMembers = (members: Member[] | undefined) =>
  (members ?? []).filter(
    (m): m is Member & { user_id: string } => m.status === 'active' && !!m.user_id,
  );

export function AssigneeSelect(props: {
  id: string;
  members: Member[] | undefined;
  me: string;
  value: string | null | undefined;
  onChange: (assignee: string | null) => void;
  error?: string;
  label?: string;
}) {
  return (
    <Field id={props.id} label={props.label ?? 'Assignee'} error={props.error}>
      {(aria) => (
        <select
          {...aria}
          value={props.value ?? ''}
          onChange={(e) => props.onChange(e.currentTarget.value || null)}
        >
          <option value="">Unassigned</option>
          {activeMembers(props.members).map((m) => (
            <option value={m.user_id}>
              {memberName(m)}
              {m.user_id === props.me ? ' (you)' : ''}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function assigneeFields(
  members: Member[] | undefined,
  me: string,
): ExtraFields<WorkspaceTask, WorkspaceTaskUpdate> {
  return {
    initial: (task) => ({ assignee: task.assignee }),
    render: (id, draft, setDraft, errors) => (
      <AssigneeSelect
        id={`${id}-edit-assignee`}
        members={members}
        me={me}
        value={draft.assignee}
        error={errors.assignee}
        onChange={(assignee) => setDraft({ ...draft, assignee })}
      />
    ),
  };
}

/** "· assigned to …" for the meta line; a removed member still shows by id. */
export function assigneeMeta(
  task: WorkspaceTask,
  members: Member[] | undefined,
  me: string,
): ComponentChildren {
  if (!task.assignee) return ' · unassigned';
  const member = members?.find((m) => m.user_id === task.assignee);
  const who = task.assignee === me ? 'you' : member ? memberName(member) : task.assignee;
  return (
    <>
      {' · assigned to '}
      <span class="assignee">{who}</span>
    </>
  );
}
