/** "· in <workspace>" (or "· in My tasks") on a task listed outside its own board. */
import type { Workspace } from '@task-api/sdk';
import { routeHref } from '../route.js';

export function InWorkspace(props: {
  workspaceId: string | null;
  workspaces: Workspace[] | undefined;
}) {
  const { workspaceId, workspaces } = props;
  const name = workspaceId
    ? (workspaces?.find((w) => w.workspace_id === workspaceId)?.name ?? workspaceId)
    : 'My tasks';
  const href = routeHref(workspaceId ? { view: 'workspace', workspaceId } : { view: 'personal' });
  return (
    <>
      {' · in '}
      <a href={href}>{name}</a>
    </>
  );
}
