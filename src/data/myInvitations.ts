/**
 * The caller's own invitations (docs/architecture.md#workspaces): list, accept, decline, by the
 * verified address of their token. Every answer for an invitation the caller does not hold is
 * the workspace's one 404, so none tells whether the workspace exists.
 */
import { keptChanging, workspaceLimitReached, workspaceNotFound } from '../workspaces/errors.js';
import { decide, WORKSPACE_ROLES } from '../workspaces/policy.js';
import {
  type Invitation,
  memberFromInvitation,
  type StoredInvitation,
  toInvitation,
  toWorkspace,
  type Workspace,
} from '../workspaces/workspace.js';
import {
  type Actor,
  itemOf,
  type Page,
  putNew,
  readAccess,
  ULID,
  workspaceIndexPage,
} from './access.js';
import { decodePositionCursor, encodePositionCursor } from './cursor.js';
import { withdrawal } from './invitations.js';
import {
  callerAsRead,
  failedAt,
  invitationCountChange,
  metaChange,
  untilApplied,
  workspaceCountChange,
} from './membershipWrites.js';
import type { TableSession } from './session.js';
import { transact } from './transact.js';
import {
  invitationFromItem,
  invitationsPk,
  inviteKey,
  memberKey,
  memberToItem,
} from './workspaceItems.js';

export async function listInvitations(
  session: TableSession,
  actor: Actor,
  options: { limit: number; cursor?: string },
): Promise<Page<Invitation>> {
  const email = actor.email;
  const listName = `invitations\n${email ?? ''}`;
  const after = options.cursor
    ? decodePositionCursor(options.cursor, actor.sub, listName, [ULID])[0]
    : undefined;
  if (email === undefined) return { items: [] };
  const { items, last } = await workspaceIndexPage(session, {
    pk: invitationsPk(email),
    keyFor: (workspaceId) => inviteKey(workspaceId, email),
    fromItem: invitationFromItem,
    shape: (i, workspace) => toInvitation(i, workspace),
    after,
    limit: options.limit,
  });
  return last !== undefined
    ? { items, cursor: encodePositionCursor([last], actor.sub, listName) }
    : { items };
}

/** The roles that may make `invitation` (src/workspaces/policy.ts). */
const mayInvite = (invitation: StoredInvitation) =>
  WORKSPACE_ROLES.filter((r) => decide(r, 'inviteMember', { newRole: invitation.role }).allowed);

/**
 * One transaction: the invitation goes, the membership comes (a member already keeps their
 * role), an owner is counted, the caller's workspace count rises within its cap; and the
 * inviter must still be allowed to make the invitation. No invitation is the workspace's 404.
 */
export async function accept(
  session: TableSession,
  actor: Actor,
  workspaceId: string,
  now = new Date(),
): Promise<Workspace> {
  const email = actor.email;
  if (email === undefined) throw workspaceNotFound();
  const key = inviteKey(workspaceId, email);
  return untilApplied(
    async () => {
      const access = await readAccess(session, workspaceId, actor.sub, [key]);
      const item = itemOf(access, key);
      if (!item) throw workspaceNotFound();
      const invitation = invitationFromItem(item);
      if (access.member) {
        const cancelled = await transact(session, [
          ...withdrawal(session, invitation),
          metaChange(session, workspaceId, { members: -1 }),
          callerAsRead(session, access.member),
        ]);
        return cancelled ? undefined : toWorkspace(access.workspace, access.member.role);
      }
      const member = memberFromInvitation(invitation, actor.sub, now);
      const roles = mayInvite(invitation);
      const cancelled = await transact(session, [
        ...withdrawal(session, invitation),
        putNew(session.tableName, memberToItem(member)),
        metaChange(session, workspaceId, member.role === 'owner' ? { addOwner: actor.sub } : {}),
        workspaceCountChange(session, actor.sub, 1),
        {
          ConditionCheck: {
            TableName: session.tableName,
            Key: memberKey(workspaceId, invitation.invited_by),
            ConditionExpression: `#role IN (${roles.map((_, i) => `:r${i}`).join(', ')})`,
            ExpressionAttributeNames: { '#role': 'role' },
            ExpressionAttributeValues: Object.fromEntries(roles.map((r, i) => [`:r${i}`, r])),
          },
        },
      ]);
      if (!cancelled) return toWorkspace(access.workspace, member.role);
      if (failedAt(cancelled, 4))
        throw workspaceLimitReached(session.limit('maxWorkspacesPerUser'));
      if (failedAt(cancelled, 5) && cancelled.codes.every((c, i) => i === 5 || c === 'None')) {
        // The inviter left or lost the right meanwhile: the invitation is void.
        await transact(session, [
          ...withdrawal(session, invitation),
          metaChange(session, workspaceId, { members: -1 }),
        ]);
        throw workspaceNotFound();
      }
      return undefined;
    },
    () => keptChanging(`workspace ${workspaceId}`),
  );
}

/** One transaction: the invitation and both counts; none (or a workspace being deleted) is a 404. */
export async function decline(
  session: TableSession,
  actor: Actor,
  workspaceId: string,
): Promise<void> {
  const email = actor.email;
  if (email === undefined) throw workspaceNotFound();
  const cancelled = await transact(session, [
    {
      Delete: {
        TableName: session.tableName,
        Key: inviteKey(workspaceId, email),
        ConditionExpression: 'attribute_exists(PK)',
      },
    },
    invitationCountChange(session, email, -1),
    metaChange(session, workspaceId, { members: -1 }),
  ]);
  if (cancelled) throw workspaceNotFound();
}
