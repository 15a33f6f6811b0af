/** A workspace task's assignee: the field (new task, edit), the filter and the meta line. */

import type { Member } from '@task-api/sdk';
import type { ComponentChildren } from 'preact';
import type { TaskLike } from '../tasks/container.js';
import type { ExtraFields } from '../tasks/TaskEditor.js';
import { Field } from '../ui/fields.js';
import { memberName } from './hooks.js';

/** Who a workspace's tasks may be assigned to, and who is looking. */
export interface People {
  members: Member[] | undefined;
  me: string;
}

/** Active members only: the server refuses any other assignee. */
export const activeMembers = (members: Member[] | undefined) =>
  (members ?? []).filter(
    (m): m is Member & { user_id: string } => m.status === 'active' && !!m.user_id,
  );

export function AssigneeSelect(props: {
  id: string;
  people: People;
  value: string | null | undefined;
  onChange: (assignee: string | null) => void;
  error?: string | undefined;
}) {
  return (
    <Field id={props.id} label="Assignee" error={props.error}>
      {(aria) => (
        <select
          {...aria}
          value={props.value ?? ''}
          onChange={(e) => props.onChange(e.currentTarget.value || null)}
        >
          <option value="">Unassigned</option>
          {activeMembers(props.people.members).map((m) => (
            <option value={m.user_id}>
              {memberName(m)}
              {m.user_id === props.people.me ? ' (you)' : ''}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function AssigneeFilter(props: {
  people: People;
  value: string;
  onChange: (v: string) => void;
}) {
  const { members, me } = props.people;
  return (
    <Field id="assignee-filter" label="Assigned to">
      {(aria) => (
        <select
          {...aria}
          value={props.value}
          onChange={(e) => props.onChange(e.currentTarget.value)}
        >
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
  );
}

export function assigneeFields<T extends TaskLike>(people: People): ExtraFields<T> {
  return {
    initial: (task) => ({ assignee: task.assignee ?? null }),
    render: (id, draft, setDraft, errors) => (
      <AssigneeSelect
        id={`${id}-edit-assignee`}
        people={people}
        value={draft.assignee}
        error={errors.assignee}
        onChange={(assignee) => setDraft({ ...draft, assignee })}
      />
    ),
    compare: (theirs, yours) => [
      {
        label: 'Assignee',
        theirs: assigneeName(theirs.assignee, people),
        yours: assigneeName(yours.assignee, people),
      },
    ],
  };
}

/** Who a task is assigned to, in words; a removed member still shows by id. */
export function assigneeName(assignee: string | null | undefined, people: People): string {
  if (!assignee) return 'unassigned';
  if (assignee === people.me) return 'you';
  const member = people.members?.find((m) => m.user_id === assignee);
  return member ? memberName(member) : assignee;
}

/** "· assigned to …" for the meta line. */
export function assigneeMeta(task: TaskLike, people: People): ComponentChildren {
  if (!task.assignee) return ' · unassigned';
  return (
    <>
      {' · assigned to '}
      <span class="assignee">{assigneeName(task.assignee, people)}</span>
    </>
  );
}
