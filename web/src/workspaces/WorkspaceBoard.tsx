/** A workspace's board: the shared board with its assignees, the caller's role and its members link. */
import type { TaskApiClient } from '@task-api/sdk';
import { useMemo } from 'preact/hooks';
import { routeHref } from '../route.js';
import { Board } from '../tasks/Board.js';
import { workspaceTasks } from '../tasks/container.js';
import { ErrorNote } from '../ui/fields.js';
import { useMembers, useNotMember, useWorkspace } from './hooks.js';
import { ROLE_LABELS } from './permissions.js';

interface Props {
  api: TaskApiClient;
  workspaceId: string;
  /** The caller's user id, for "assigned to me". */
  me: string;
  /** The workspace answered 404: the caller is not, or no longer, a member. */
  onRemoved: (workspaceId: string) => void;
}

export function WorkspaceBoard({ api, workspaceId, me, onRemoved }: Props) {
  const workspace = useWorkspace(api, workspaceId);
  const members = useMembers(api, workspaceId);
  const container = useMemo(() => workspaceTasks(api, workspaceId), [api, workspaceId]);
  const people = useMemo(() => ({ members: members.value, me }), [members.value, me]);
  useNotMember(workspace, workspaceId, onRemoved);
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
    <Board container={container} title={ws?.name ?? 'Workspace'} people={people}>
      {ws && (
        <p class="meta">
          You are {ROLE_LABELS[ws.role].toLowerCase()} ·{' '}
          <a href={routeHref({ view: 'members', workspaceId })}>Members</a>
        </p>
      )}
    </Board>
  );
}
