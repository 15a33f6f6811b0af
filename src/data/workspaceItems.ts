/**
 * Workspace items in the single table (docs/architecture.md#workspaces): keys, and items to and
 * from the workspace rules' shapes. Only the rules' fields leave: never PK, SK or index keys.
 */
import type { WorkspaceRole } from '../workspaces/policy.js';
import type { StoredInvitation, StoredMember, StoredWorkspace } from '../workspaces/workspace.js';
import type { Item } from './items.js';
import { taskSk } from './keys.js';

export const workspacePk = (workspaceId: string) => `WS#${workspaceId}`;
export const META_SK = 'META';
export const MEMBER_SK_PREFIX = 'MEMBER#';
export const INVITE_SK_PREFIX = 'INVITE#';
export const memberSk = (sub: string) => `${MEMBER_SK_PREFIX}${sub}`;
export const inviteSk = (email: string) => `${INVITE_SK_PREFIX}${email}`;
/** GSI1 keys: a user's memberships, an address's invitations, a user's assigned tasks. */
export const membershipsPk = (sub: string) => `MEMBERSHIP#${sub}`;
export const invitationsPk = (email: string) => `INVITE#${email}`;
export const assigneePk = (sub: string) => `ASSIGNEE#${sub}`;
export const workspaceGsiSk = (workspaceId: string) => `WS#${workspaceId}`;

export type Key = { PK: string; SK: string };

export const metaKey = (workspaceId: string): Key => ({
  PK: workspacePk(workspaceId),
  SK: META_SK,
});
export const memberKey = (workspaceId: string, sub: string): Key => ({
  PK: workspacePk(workspaceId),
  SK: memberSk(sub),
});
export const inviteKey = (workspaceId: string, email: string): Key => ({
  PK: workspacePk(workspaceId),
  SK: inviteSk(email),
});
export const workspaceTaskKey = (workspaceId: string, taskId: string): Key => ({
  PK: workspacePk(workspaceId),
  SK: taskSk(taskId),
});

export function workspaceToItem(w: StoredWorkspace): Item {
  const { owners, deleting: _deleting, ...rest } = w;
  return { ...metaKey(w.workspace_id), ...rest, owners: new Set(owners) };
}

export function workspaceFromItem(item: Item): StoredWorkspace {
  return {
    workspace_id: item.workspace_id as string,
    name: item.name as string,
    created_by: item.created_by as string,
    created_at: item.created_at as string,
    updated_at: item.updated_at as string,
    version: item.version as number,
    owners: [...((item.owners as Set<string> | undefined) ?? [])],
    deleting: item.state === 'deleting',
  };
}

export function memberToItem(m: StoredMember): Item {
  return {
    ...memberKey(m.workspace_id, m.user_id),
    GSI1PK: membershipsPk(m.user_id),
    GSI1SK: workspaceGsiSk(m.workspace_id),
    ...m,
  };
}

export function memberFromItem(item: Item): StoredMember {
  return {
    workspace_id: item.workspace_id as string,
    user_id: item.user_id as string,
    email: (item.email as string | null | undefined) ?? null,
    role: item.role as WorkspaceRole,
    created_at: item.created_at as string,
    updated_at: item.updated_at as string,
    version: item.version as number,
  };
}

export function invitationToItem(i: StoredInvitation): Item {
  return {
    ...inviteKey(i.workspace_id, i.email),
    GSI1PK: invitationsPk(i.email),
    GSI1SK: workspaceGsiSk(i.workspace_id),
    ...i,
  };
}

export function invitationFromItem(item: Item): StoredInvitation {
  return {
    workspace_id: item.workspace_id as string,
    email: item.email as string,
    role: item.role as WorkspaceRole,
    invited_by: item.invited_by as string,
    created_at: item.created_at as string,
    updated_at: item.updated_at as string,
    version: item.version as number,
  };
}
