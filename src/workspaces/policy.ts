/**
 * Who may do what in a workspace (docs/architecture.md#workspaces): the one place the roles'
 * rules live. Pure, no AWS types: the store reads the caller's membership (and, where a rule
 * needs them, the target's role and the owner count) and asks `decide` before it writes.
 * openapi.yaml states the same rules in each operation's description.
 */
import { OPERATIONS, type Operation } from '../contract/operations.generated.js';

export const WORKSPACE_ROLES = ['owner', 'admin', 'member'] as const;
export type WorkspaceRole = (typeof WORKSPACE_ROLES)[number];

type Scoped = Extract<Operation, { workspaceScoped: true }>;
/** The workspace-scoped operations of openapi.yaml: each must have a rule in ALLOWED_ROLES. */
export type WorkspaceAction = Scoped['operationId'];
export const WORKSPACE_ACTIONS: readonly WorkspaceAction[] = OPERATIONS.filter(
  (op): op is Scoped => op.workspaceScoped,
).map((op) => op.operationId);

/** What an action is about, where its rule depends on it. */
export interface Subject {
  /** The target membership's role (updateMember, removeMember) or the invitation's (revokeInvitation); null when there is none. */
  targetRole?: WorkspaceRole | null;
  /** The role asked for (inviteMember, updateMember). */
  newRole?: WorkspaceRole;
  /** The target is the caller (removeMember of oneself is leaveWorkspace). */
  self?: boolean;
  /** How many owners the workspace has besides the target (or the caller, for leaveWorkspace). */
  otherOwners?: number;
}

export type Decision =
  | { allowed: true }
  | { allowed: false; outcome: 'not-found' | 'forbidden' | 'conflict'; reason: string };

const EVERYONE: readonly WorkspaceRole[] = WORKSPACE_ROLES;
const MANAGERS: readonly WorkspaceRole[] = ['owner', 'admin'];
const OWNERS: readonly WorkspaceRole[] = ['owner'];

/** The roles that may attempt each action at all; the refinements below narrow some of them. */
export const ALLOWED_ROLES: Record<WorkspaceAction, readonly WorkspaceRole[]> = {
  getWorkspace: EVERYONE,
  renameWorkspace: MANAGERS,
  deleteWorkspace: OWNERS,
  inviteMember: MANAGERS,
  listMembers: EVERYONE,
  updateMember: OWNERS,
  removeMember: MANAGERS,
  revokeInvitation: MANAGERS,
  leaveWorkspace: EVERYONE,
  createWorkspaceTask: EVERYONE,
  listWorkspaceTasks: EVERYONE,
  getWorkspaceTask: EVERYONE,
  updateWorkspaceTask: EVERYONE,
  deleteWorkspaceTask: EVERYONE,
};

const allow: Decision = { allowed: true };
const deny = (outcome: 'not-found' | 'forbidden' | 'conflict', reason: string): Decision => ({
  allowed: false,
  outcome,
  reason,
});

const LAST_OWNER = 'the last owner cannot leave, be removed or be demoted';

/**
 * `actor`: the caller's role, or undefined when they are not an active member (then every
 * action is a not-found, so a workspace's existence never leaks).
 */
export function decide(
  actor: WorkspaceRole | undefined,
  action: WorkspaceAction,
  subject: Subject = {},
): Decision {
  if (actor === undefined) return deny('not-found', 'not a member');
  // Removing oneself is leaving, which every role may do.
  if (action === 'removeMember' && subject.self) return decide(actor, 'leaveWorkspace', subject);
  if (!ALLOWED_ROLES[action].includes(actor)) {
    return deny('forbidden', `a workspace ${actor} may not ${describe(action)}`);
  }
  const { targetRole, newRole, otherOwners = 0 } = subject;
  switch (action) {
    case 'inviteMember':
      if (newRole === 'owner' && actor !== 'owner') {
        return deny('forbidden', `a workspace ${actor} may not invite an owner`);
      }
      return allow;
    case 'revokeInvitation':
      if (targetRole === null) return deny('not-found', 'no such invitation');
      if (targetRole === 'owner' && actor !== 'owner') {
        return deny('forbidden', `a workspace ${actor} may not revoke an owner's invitation`);
      }
      return allow;
    case 'removeMember':
      if (targetRole === null || targetRole === undefined)
        return deny('not-found', 'no such member');
      if (targetRole === 'owner' && actor !== 'owner') {
        return deny('forbidden', `a workspace ${actor} may not remove an owner`);
      }
      if (targetRole === 'owner' && otherOwners < 1) return deny('conflict', LAST_OWNER);
      return allow;
    case 'updateMember':
      if (targetRole === null || targetRole === undefined)
        return deny('not-found', 'no such member');
      if (targetRole === 'owner' && newRole !== 'owner' && otherOwners < 1) {
        return deny('conflict', LAST_OWNER);
      }
      return allow;
    case 'leaveWorkspace':
      if (actor === 'owner' && otherOwners < 1) return deny('conflict', LAST_OWNER);
      return allow;
    default:
      return allow;
  }
}

function describe(action: WorkspaceAction): string {
  return action.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);
}
