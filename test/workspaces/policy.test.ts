/**
 * The workspace rules, every role (and a non-member) by every workspace operation, written out
 * as a table rather than derived from the policy's own lists (docs/architecture.md#workspaces).
 */
import { describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../src/contract/operations.generated.js';
import {
  ALLOWED_ROLES,
  decide,
  type Subject,
  WORKSPACE_ACTIONS,
  WORKSPACE_ROLES,
  type WorkspaceAction,
  type WorkspaceRole,
} from '../../src/workspaces/policy.js';

type Actor = WorkspaceRole | 'non-member';
type Outcome = 'allowed' | 'not-found' | 'forbidden' | 'conflict';
const ACTORS: Actor[] = [...WORKSPACE_ROLES, 'non-member'];

/** With a subject where the rule needs one: another member, two owners, an ordinary role. */
const TYPICAL: Record<WorkspaceAction, Subject> = {
  getWorkspace: {},
  renameWorkspace: {},
  deleteWorkspace: {},
  inviteMember: { newRole: 'member' },
  listMembers: {},
  updateMember: { targetRole: 'member', newRole: 'admin', otherOwners: 1 },
  removeMember: { targetRole: 'member', otherOwners: 1 },
  revokeInvitation: { targetRole: 'member' },
  leaveWorkspace: { otherOwners: 1 },
  createWorkspaceTask: {},
  listWorkspaceTasks: {},
  getWorkspaceTask: {},
  updateWorkspaceTask: {},
  deleteWorkspaceTask: {},
};

const TABLE: Record<WorkspaceAction, Record<Actor, Outcome>> = {
  getWorkspace: {
    owner: 'allowed',
    admin: 'allowed',
    member: 'allowed',
    'non-member': 'not-found',
  },
  renameWorkspace: {
    owner: 'allowed',
    admin: 'allowed',
    member: 'forbidden',
    'non-member': 'not-found',
  },
  deleteWorkspace: {
    owner: 'allowed',
    admin: 'forbidden',
    member: 'forbidden',
    'non-member': 'not-found',
  },
  inviteMember: {
    owner: 'allowed',
    admin: 'allowed',
    member: 'forbidden',
    'non-member': 'not-found',
  },
  listMembers: { owner: 'allowed', admin: 'allowed', member: 'allowed', 'non-member': 'not-found' },
  updateMember: {
    owner: 'allowed',
    admin: 'forbidden',
    member: 'forbidden',
    'non-member': 'not-found',
  },
  removeMember: {
    owner: 'allowed',
    admin: 'allowed',
    member: 'forbidden',
    'non-member': 'not-found',
  },
  revokeInvitation: {
    owner: 'allowed',
    admin: 'allowed',
    member: 'forbidden',
    'non-member': 'not-found',
  },
  leaveWorkspace: {
    owner: 'allowed',
    admin: 'allowed',
    member: 'allowed',
    'non-member': 'not-found',
  },
  createWorkspaceTask: {
    owner: 'allowed',
    admin: 'allowed',
    member: 'allowed',
    'non-member': 'not-found',
  },
  listWorkspaceTasks: {
    owner: 'allowed',
    admin: 'allowed',
    member: 'allowed',
    'non-member': 'not-found',
  },
  getWorkspaceTask: {
    owner: 'allowed',
    admin: 'allowed',
    member: 'allowed',
    'non-member': 'not-found',
  },
  updateWorkspaceTask: {
    owner: 'allowed',
    admin: 'allowed',
    member: 'allowed',
    'non-member': 'not-found',
  },
  deleteWorkspaceTask: {
    owner: 'allowed',
    admin: 'allowed',
    member: 'allowed',
    'non-member': 'not-found',
  },
};

const outcome = (actor: Actor, action: WorkspaceAction, subject: Subject): Outcome => {
  const d = decide(actor === 'non-member' ? undefined : actor, action, subject);
  return d.allowed ? 'allowed' : d.outcome;
};

describe('every role by every workspace operation', () => {
  it("has a rule for every operation under a workspace's path in openapi.yaml, and no other", () => {
    const scoped = OPERATIONS.filter((op) => op.path.startsWith('/workspaces/{workspaceId}'))
      .map((op) => op.operationId)
      .sort();
    expect([...WORKSPACE_ACTIONS].sort()).toEqual(scoped);
    expect(Object.keys(ALLOWED_ROLES).sort()).toEqual(scoped);
  });

  it('covers every operation the policy knows', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...WORKSPACE_ACTIONS].sort());
  });

  it.each(
    WORKSPACE_ACTIONS.flatMap((action) =>
      ACTORS.map((actor) => ({ action, actor, expected: TABLE[action][actor] })),
    ),
  )('$actor -> $action: $expected', ({ action, actor, expected }) => {
    expect(outcome(actor, action, TYPICAL[action])).toBe(expected);
  });

  it('refuses a non-member whatever the subject, as not-found (existence does not leak)', () => {
    for (const action of WORKSPACE_ACTIONS) {
      for (const subject of [
        {},
        { self: true },
        { targetRole: 'owner' as const, otherOwners: 0 },
      ]) {
        expect(outcome('non-member', action, subject)).toBe('not-found');
      }
    }
  });
});

/** The rules that depend on the target, the new role or the owner count. */
const REFINEMENTS: Array<[Actor, WorkspaceAction, Subject, Outcome]> = [
  // Inviting: only owners invite owners.
  ['owner', 'inviteMember', { newRole: 'owner' }, 'allowed'],
  ['admin', 'inviteMember', { newRole: 'owner' }, 'forbidden'],
  ['admin', 'inviteMember', { newRole: 'admin' }, 'allowed'],
  ['member', 'inviteMember', { newRole: 'member' }, 'forbidden'],
  // Revoking: admins not an owner's invitation; a missing invitation is not found.
  ['owner', 'revokeInvitation', { targetRole: 'owner' }, 'allowed'],
  ['admin', 'revokeInvitation', { targetRole: 'owner' }, 'forbidden'],
  ['admin', 'revokeInvitation', { targetRole: 'admin' }, 'allowed'],
  ['admin', 'revokeInvitation', { targetRole: null }, 'not-found'],
  ['member', 'revokeInvitation', { targetRole: null }, 'forbidden'],
  // Removing: admins remove admins and members, not owners; the last owner stays.
  ['admin', 'removeMember', { targetRole: 'admin' }, 'allowed'],
  ['admin', 'removeMember', { targetRole: 'owner', otherOwners: 1 }, 'forbidden'],
  ['owner', 'removeMember', { targetRole: 'owner', otherOwners: 1 }, 'allowed'],
  ['owner', 'removeMember', { targetRole: 'owner', otherOwners: 0 }, 'conflict'],
  ['owner', 'removeMember', { targetRole: null }, 'not-found'],
  ['member', 'removeMember', { targetRole: null }, 'forbidden'],
  ['member', 'removeMember', { targetRole: 'member' }, 'forbidden'],
  // Removing oneself is leaving: any role, but not the last owner.
  ['member', 'removeMember', { self: true, targetRole: 'member' }, 'allowed'],
  ['owner', 'removeMember', { self: true, targetRole: 'owner', otherOwners: 0 }, 'conflict'],
  ['owner', 'removeMember', { self: true, targetRole: 'owner', otherOwners: 1 }, 'allowed'],
  // Roles: owners change anyone's, incl. other owners and admins; the last owner is not demoted.
  ['owner', 'updateMember', { targetRole: 'admin', newRole: 'owner' }, 'allowed'],
  ['owner', 'updateMember', { targetRole: 'owner', newRole: 'member', otherOwners: 1 }, 'allowed'],
  ['owner', 'updateMember', { targetRole: 'owner', newRole: 'admin', otherOwners: 0 }, 'conflict'],
  ['owner', 'updateMember', { targetRole: 'owner', newRole: 'owner', otherOwners: 0 }, 'allowed'],
  ['owner', 'updateMember', { targetRole: null, newRole: 'admin' }, 'not-found'],
  ['admin', 'updateMember', { targetRole: 'member', newRole: 'admin' }, 'forbidden'],
  ['admin', 'updateMember', { self: true, targetRole: 'admin', newRole: 'owner' }, 'forbidden'],
  // Leaving.
  ['owner', 'leaveWorkspace', { otherOwners: 0 }, 'conflict'],
  ['admin', 'leaveWorkspace', { otherOwners: 0 }, 'allowed'],
  ['member', 'leaveWorkspace', { otherOwners: 0 }, 'allowed'],
];

describe('rules that depend on the subject', () => {
  it.each(
    REFINEMENTS.map(([actor, action, subject, expected]) => ({ actor, action, subject, expected })),
  )('$actor -> $action $subject: $expected', ({ actor, action, subject, expected }) => {
    expect(outcome(actor, action, subject)).toBe(expected);
  });

  it('says why in lowercase, naming the role', () => {
    expect(decide('member', 'renameWorkspace')).toEqual({
      allowed: false,
      outcome: 'forbidden',
      reason: 'a workspace member may not rename workspace',
    });
  });
});
