/**
 * Active memberships (docs/architecture.md#workspaces): a role change, a removal, leaving. Each
 * is one transaction conditioned on the memberships it read (version and role: the target's,
 * and the caller's right to act) and on the workspace item, whose owner set changes with it, so
 * the owner set always equals the members whose role is owner and never empties.
 */
import { stale } from '../tasks/errors.js';
import type { Precondition } from '../tasks/task.js';
import { keptChanging } from '../workspaces/errors.js';
import { decide, type WorkspaceRole } from '../workspaces/policy.js';
import { type Member, type StoredMember, toMember } from '../workspaces/workspace.js';
import { type Access, type Actor, authorize, itemOf, readAccess } from './access.js';
import { matches } from './conditions.js';
import { revokeInvitationsBy } from './invitations.js';
import {
  asRead,
  callerAsRead,
  metaChange,
  untilApplied,
  workspaceCountChange,
} from './membershipWrites.js';
import type { TableSession } from './session.js';
import { transact } from './transact.js';
import { memberFromItem, memberKey } from './workspaceItems.js';

/** The caller's and the target's memberships: the target read with the caller in one request. */
async function readTarget(
  session: TableSession,
  actor: Actor,
  workspaceId: string,
  userId: string,
): Promise<{ access: Access; target?: StoredMember }> {
  if (userId === actor.sub) {
    const access = await readAccess(session, workspaceId, actor.sub);
    return { access, target: access.member };
  }
  const key = memberKey(workspaceId, userId);
  const access = await readAccess(session, workspaceId, actor.sub, [key]);
  const item = itemOf(access, key);
  return { access, target: item && memberFromItem(item) };
}

/** The caller's right to act, unless the caller is the target (whose write checks it). */
const callerCheck = (session: TableSession, access: Access, userId: string) =>
  access.member && access.member.user_id !== userId ? [callerAsRead(session, access.member)] : [];

const otherOwners = (access: Access, userId: string) =>
  access.workspace.owners.filter((o) => o !== userId).length;

export async function updateMember(
  session: TableSession,
  actor: Actor,
  workspaceId: string,
  userId: string,
  role: WorkspaceRole,
  precondition?: Precondition,
  now = new Date(),
): Promise<Member> {
  const updated = await untilApplied(
    async () => {
      const { access, target } = await readTarget(session, actor, workspaceId, userId);
      authorize(
        access,
        'updateMember',
        {
          targetRole: target?.role ?? null,
          newRole: role,
          self: userId === actor.sub,
          otherOwners: otherOwners(access, userId),
        },
        `member ${userId}`,
      );
      const current = target as StoredMember;
      if (!matches(precondition, current.version)) throw stale(`member ${userId}`);
      const next: StoredMember = {
        ...current,
        role,
        updated_at: now.toISOString(),
        version: current.version + 1,
      };
      const read = asRead(current);
      const promoted = role === 'owner' && current.role !== 'owner';
      const demoted = current.role === 'owner' && role !== 'owner';
      const cancelled = await transact(session, [
        {
          Update: {
            TableName: session.tableName,
            Key: memberKey(workspaceId, userId),
            UpdateExpression: 'SET #role = :role, updated_at = :now, version = :next',
            ConditionExpression: read.ConditionExpression,
            ExpressionAttributeNames: read.ExpressionAttributeNames,
            ExpressionAttributeValues: {
              ...read.ExpressionAttributeValues,
              ':role': role,
              ':now': next.updated_at,
              ':next': next.version,
            },
          },
        },
        metaChange(
          session,
          workspaceId,
          promoted ? { addOwner: userId } : demoted ? { dropOwner: userId } : {},
        ),
        ...callerCheck(session, access, userId),
      ]);
      return cancelled ? undefined : { next, was: current.role };
    },
    () => keptChanging(`member ${userId}`),
  );
  // Invitations the new role may not make go (a demotion to member: all of them). A member
  // never made any, and an owner may make every one: neither needs the look.
  if (mayInvite(updated.was) && role !== 'owner' && role !== updated.was) {
    await revokeInvitationsBy(
      session,
      workspaceId,
      userId,
      (i) => decide(role, 'inviteMember', { newRole: i.role }).allowed,
    );
  }
  return toMember(updated.next);
}

/** Removing `userId` (the caller, for leaving): their tasks stay, their invitations go. */
async function depart(
  session: TableSession,
  actor: Actor,
  workspaceId: string,
  userId: string,
  action: 'removeMember' | 'leaveWorkspace',
): Promise<void> {
  const departed = await untilApplied(
    async () => {
      const { access, target } = await readTarget(session, actor, workspaceId, userId);
      authorize(
        access,
        action,
        {
          targetRole: target?.role ?? null,
          self: userId === actor.sub,
          otherOwners: otherOwners(access, userId),
        },
        `member ${userId}`,
      );
      const member = target as StoredMember;
      const cancelled = await transact(session, [
        {
          Delete: {
            TableName: session.tableName,
            Key: memberKey(workspaceId, userId),
            ...asRead(member),
          },
        },
        metaChange(session, workspaceId, {
          members: -1,
          ...(member.role === 'owner' ? { dropOwner: userId } : {}),
        }),
        workspaceCountChange(session, userId, -1),
        ...callerCheck(session, access, userId),
      ]);
      return cancelled ? undefined : member.role;
    },
    () => keptChanging(`member ${userId}`),
  );
  // A member never made an invitation: only a manager's need the look.
  if (mayInvite(departed)) await revokeInvitationsBy(session, workspaceId, userId);
}

/** Whether `role` may invite at all: only its holders can have invitations of their own. */
const mayInvite = (role: WorkspaceRole) => decide(role, 'inviteMember', {}).allowed;

export const removeMember = (
  session: TableSession,
  actor: Actor,
  workspaceId: string,
  userId: string,
) => depart(session, actor, workspaceId, userId, 'removeMember');

export const leave = (session: TableSession, actor: Actor, workspaceId: string) =>
  depart(session, actor, workspaceId, actor.sub, 'leaveWorkspace');
