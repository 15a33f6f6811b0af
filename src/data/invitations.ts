/**
 * Invitations to a workspace (docs/architecture.md#workspaces): invite, revoke, and revoking
 * those an inviter may no longer make. Every change is one transaction with the workspace's
 * member count and the address's invitation count. The invitee's side is myInvitations.ts.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { Problem } from '../contract/problem.js';
import { invitationLimitReached, keptChanging, memberLimitReached } from '../workspaces/errors.js';
import {
  invitationAsMember,
  type Member,
  type MemberInvite,
  newInvitation,
  type StoredInvitation,
  type StoredMember,
} from '../workspaces/workspace.js';
import { type Actor, authorize, itemOf, putNew, readAccess } from './access.js';
import {
  asRead,
  callerAsRead,
  failedAt,
  invitationCountChange,
  metaChange,
  untilApplied,
} from './membershipWrites.js';
import type { TableSession } from './session.js';
import { transact } from './transact.js';
import {
  INVITE_SK_PREFIX,
  invitationFromItem,
  invitationToItem,
  inviteKey,
  metaKey,
  workspacePk,
} from './workspaceItems.js';

export async function invite(
  session: TableSession,
  actor: Actor,
  workspaceId: string,
  input: MemberInvite,
): Promise<Member> {
  const invitation = newInvitation(workspaceId, actor.sub, input);
  const { email } = invitation;
  const key = inviteKey(workspaceId, email);
  const cap = session.limit('maxMembersPerWorkspace');
  return untilApplied(
    async () => {
      const access = await readAccess(session, workspaceId, actor.sub, [key]);
      authorize(access, 'inviteMember', { newRole: invitation.role });
      if (email === actor.email) {
        throw new Problem('conflict', `${email} is already a member of workspace ${workspaceId}`);
      }
      if (itemOf(access, key)) {
        throw new Problem('conflict', `${email} is already invited to workspace ${workspaceId}`);
      }
      if (Number(itemOf(access, metaKey(workspaceId))?.member_count ?? 0) >= cap) {
        throw memberLimitReached(cap);
      }
      const cancelled = await transact(session, [
        putNew(session.tableName, invitationToItem(invitation)),
        callerAsRead(session, access.member as StoredMember),
        metaChange(session, workspaceId, { members: 1 }),
        invitationCountChange(session, email, 1),
      ]);
      if (!cancelled) return invitationAsMember(invitation);
      if (failedAt(cancelled, 3)) {
        throw invitationLimitReached(email, session.limit('maxPendingInvitationsPerEmail'));
      }
      // Invited, joined, changed or deleted meanwhile: the next read decides.
      return undefined;
    },
    () => keptChanging(`workspace ${workspaceId}`),
  );
}

/** Deleting a pending invitation as read, with the address's count. */
export function withdrawal(session: TableSession, invitation: StoredInvitation) {
  return [
    {
      Delete: {
        TableName: session.tableName,
        Key: inviteKey(invitation.workspace_id, invitation.email),
        ...asRead(invitation),
      },
    },
    invitationCountChange(session, invitation.email, -1),
  ];
}

export async function revokeInvitation(
  session: TableSession,
  actor: Actor,
  workspaceId: string,
  email: string,
): Promise<void> {
  const key = inviteKey(workspaceId, email);
  await untilApplied(
    async () => {
      const access = await readAccess(session, workspaceId, actor.sub, [key]);
      const item = itemOf(access, key);
      const invitation = item && invitationFromItem(item);
      authorize(
        access,
        'revokeInvitation',
        { targetRole: invitation?.role ?? null },
        `invitation for ${email}`,
      );
      const cancelled = await transact(session, [
        ...withdrawal(session, invitation as StoredInvitation),
        metaChange(session, workspaceId, { members: -1 }),
        callerAsRead(session, access.member as StoredMember),
      ]);
      return cancelled ? undefined : true;
    },
    () => keptChanging(`workspace ${workspaceId}`),
  );
}

/** Invitations revoked per transaction: two writes each, plus the workspace item. */
const REVOKE_CHUNK = 10;

/**
 * Revokes the pending invitations `inviter` made that `allowed` no longer lets them make (all of
 * them once they are gone), each chunk one transaction with the counts. An invitation accepted
 * or revoked meanwhile cancels its chunk, which the next round reads again. What a crash leaves
 * is refused at acceptance (the inviter's right is checked there too).
 */
export async function revokeInvitationsBy(
  session: TableSession,
  workspaceId: string,
  inviter: string,
  allowed: (invitation: StoredInvitation) => boolean = () => false,
): Promise<void> {
  for (let round = 0; round < 3; round++) {
    const doomed = (await invitationsBy(session, workspaceId, inviter)).filter((i) => !allowed(i));
    if (doomed.length === 0) return;
    let cancelled = false;
    for (let at = 0; at < doomed.length; at += REVOKE_CHUNK) {
      const chunk = doomed.slice(at, at + REVOKE_CHUNK);
      const failed = await transact(session, [
        ...chunk.flatMap((i) => withdrawal(session, i)),
        metaChange(session, workspaceId, { members: -chunk.length }),
      ]);
      cancelled ||= failed !== undefined;
    }
    if (!cancelled) return;
  }
}

async function invitationsBy(
  session: TableSession,
  workspaceId: string,
  inviter: string,
): Promise<StoredInvitation[]> {
  const found: StoredInvitation[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await session.send((call) =>
      session.db.send(
        new QueryCommand({
          TableName: session.tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :invite)',
          FilterExpression: 'invited_by = :inviter',
          ExpressionAttributeValues: {
            ':pk': workspacePk(workspaceId),
            ':invite': INVITE_SK_PREFIX,
            ':inviter': inviter,
          },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
        call,
      ),
    );
    found.push(...(out.Items ?? []).map(invitationFromItem));
    start = out.LastEvaluatedKey;
  } while (start);
  return found;
}
