/** Workspace rules with no AWS types: building and presenting workspaces and memberships. */
import { createHash } from 'node:crypto';
import type { components } from '../contract/api.generated.js';
import { canonicalEmail } from '../contract/email.js';
import { newTaskId } from '../tasks/task.js';
import type { WorkspaceRole } from './policy.js';

type Schemas = components['schemas'];
export type Workspace = Schemas['Workspace'];
export type WorkspaceCreate = Schemas['WorkspaceCreate'];
export type Member = Schemas['Member'];
export type MemberInvite = Schemas['MemberInvite'];
export type Invitation = Schemas['Invitation'];

/** The workspace itself, as stored: `owners` counts the owners for the last-owner rule. */
export interface StoredWorkspace {
  workspace_id: string;
  name: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  version: number;
  owners: string[];
  /** Set once a deletion began: the workspace is then invisible and refuses every request. */
  deleting: boolean;
}

export interface StoredMember {
  workspace_id: string;
  user_id: string;
  email: string | null;
  role: WorkspaceRole;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface StoredInvitation {
  workspace_id: string;
  email: string;
  role: WorkspaceRole;
  invited_by: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export function newWorkspace(
  creator: { sub: string; email?: string },
  input: WorkspaceCreate,
  now = new Date(),
): { workspace: StoredWorkspace; owner: StoredMember } {
  const at = now.toISOString();
  // The same generator as task ids: a ULID, so `WS#<id>` sorts by creation time.
  const id = newTaskId(now.getTime());
  return {
    workspace: {
      workspace_id: id,
      name: input.name,
      created_by: creator.sub,
      created_at: at,
      updated_at: at,
      version: 1,
      owners: [creator.sub],
      deleting: false,
    },
    owner: {
      workspace_id: id,
      user_id: creator.sub,
      email: creator.email ?? null,
      role: 'owner',
      created_at: at,
      updated_at: at,
      version: 1,
    },
  };
}

export function newInvitation(
  workspaceId: string,
  inviter: string,
  input: MemberInvite,
  now = new Date(),
): StoredInvitation {
  const at = now.toISOString();
  return {
    workspace_id: workspaceId,
    email: canonicalEmail(input.email),
    role: input.role ?? 'member',
    invited_by: inviter,
    created_at: at,
    updated_at: at,
    version: 1,
  };
}

export function memberFromInvitation(
  invitation: StoredInvitation,
  sub: string,
  now = new Date(),
): StoredMember {
  const at = now.toISOString();
  return {
    workspace_id: invitation.workspace_id,
    user_id: sub,
    email: invitation.email,
    role: invitation.role,
    created_at: at,
    updated_at: at,
    version: 1,
  };
}

/** A member's view of the workspace, with their own role. */
export function toWorkspace(workspace: StoredWorkspace, role: WorkspaceRole): Workspace {
  const { workspace_id, name, created_by, created_at, updated_at, version } = workspace;
  return { workspace_id, name, role, created_by, created_at, updated_at, version };
}

export function toMember(member: StoredMember): Member {
  const { user_id, email, role, created_at, updated_at, version } = member;
  return { user_id, email, role, status: 'active', created_at, updated_at, version };
}

export function invitationAsMember(invitation: StoredInvitation): Member {
  const { email, role, created_at, updated_at, version } = invitation;
  return { user_id: null, email, role, status: 'pending', created_at, updated_at, version };
}

export function toInvitation(invitation: StoredInvitation, workspace: StoredWorkspace): Invitation {
  return {
    workspace_id: workspace.workspace_id,
    workspace_name: workspace.name,
    role: invitation.role,
    invited_by: invitation.invited_by,
    created_at: invitation.created_at,
  };
}

const digest = (value: unknown) =>
  createHash('sha256').update(JSON.stringify(value)).digest('base64url');

/** Creates as they will be stored, so omitted defaults and explicit ones are the same request. */
export const workspaceFingerprint = (input: WorkspaceCreate) => digest(['workspace', input.name]);
