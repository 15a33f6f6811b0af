/**
 * Memberships and invitations of a workspace (docs/architecture.md#workspaces).
 */
import { DeleteCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { Problem } from '../contract/problem.js';
import { stale } from '../tasks/errors.js';
import type { Precondition } from '../tasks/task.js';
import { workspaceNotFound } from '../workspaces/errors.js';
import type { WorkspaceRole } from '../workspaces/policy.js';
import {
  type Invitation,
  invitationAsMember,
  type Member,
  type MemberInvite,
  memberFromInvitation,
  newInvitation,
  type StoredMember,
  type StoredWorkspace,
  toInvitation,
  toMember,
  toWorkspace,
  type Workspace,
} from '../workspaces/workspace.js';
import {
  type Actor,
  authorize,
  condition,
  itemOf,
  LAST_OWNER,
  MEMBERSHIP_SK,
  matches,
  type Page,
  putNewCommand,
  readAccess,
  ULID,
  workspaceIndexPage,
} from './access.js';
import { batchGet, keyOf } from './batch.js';
import { decodePositionCursor, encodePositionCursor } from './cursor.js';
import { type Item, isConditionFailure } from './items.js';
import type { TableSession } from './session.js';
import {
  INVITE_SK_PREFIX,
  invitationFromItem,
  invitationsPk,
  invitationToItem,
  inviteKey,
  MEMBER_SK_PREFIX,
  memberFromItem,
  memberKey,
  memberToItem,
  metaKey,
  workspaceFromItem,
  workspacePk,
} from './workspaceItems.js';

export class MemberStore {
  constructor(private readonly session: TableSession) {}

  async invite(actor: Actor, workspaceId: string, input: MemberInvite): Promise<Member> {
    const invitation = newInvitation(workspaceId, actor.sub, input);
    const key = inviteKey(workspaceId, invitation.email);
    const access = await readAccess(this.session, workspaceId, actor.sub, [key]);
    authorize(access, 'inviteMember', { newRole: invitation.role });
    const already = () =>
      new Problem('conflict', `${invitation.email} is already invited to workspace ${workspaceId}`);
    if (invitation.email === actor.email) {
      throw new Problem(
        'conflict',
        `${invitation.email} is already a member of workspace ${workspaceId}`,
      );
    }
    if (itemOf(access, key)) throw already();
    try {
      await this.session.send((options) =>
        this.session.db.send(
          putNewCommand(this.session.tableName, invitationToItem(invitation)),
          options,
        ),
      );
    } catch (err) {
      if (isConditionFailure(err)) throw already();
      throw err;
    }
    return invitationAsMember(invitation);
  }

  /** The membership check and the Query in parallel: invitations, then members, by sort key. */
  async listMembers(
    actor: Actor,
    workspaceId: string,
    options: { limit: number; cursor?: string },
  ): Promise<Page<Member>> {
    const listName = `members\n${workspaceId}`;
    const after = options.cursor
      ? decodePositionCursor(options.cursor, actor.sub, listName, [MEMBERSHIP_SK])[0]
      : undefined;
    const pk = workspacePk(workspaceId);
    const [access, out] = await Promise.all([
      readAccess(this.session, workspaceId, actor.sub),
      this.session.send((call) =>
        this.session.db.send(
          new QueryCommand({
            TableName: this.session.tableName,
            // '$' follows '#': the range holds exactly the INVITE# and MEMBER# items.
            KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
            ExpressionAttributeValues: { ':pk': pk, ':from': INVITE_SK_PREFIX, ':to': 'MEMBER$' },
            ConsistentRead: true,
            Limit: options.limit,
            ExclusiveStartKey: after ? { PK: pk, SK: after } : undefined,
          }),
          call,
        ),
      ),
    ]);
    authorize(access, 'listMembers');
    const items = (out.Items ?? []).flatMap((item) => {
      const sk = String(item.SK);
      if (sk.startsWith(INVITE_SK_PREFIX)) return [invitationAsMember(invitationFromItem(item))];
      if (sk.startsWith(MEMBER_SK_PREFIX)) return [toMember(memberFromItem(item))];
      return [];
    });
    const last = out.LastEvaluatedKey?.SK;
    return typeof last === 'string'
      ? { items, cursor: encodePositionCursor([last], actor.sub, listName) }
      : { items };
  }

  async updateMember(
    actor: Actor,
    workspaceId: string,
    userId: string,
    role: WorkspaceRole,
    precondition?: Precondition,
    now = new Date(),
  ): Promise<Member> {
    const key = memberKey(workspaceId, userId);
    const access = await readAccess(this.session, workspaceId, actor.sub, [key]);
    const targetItem = itemOf(access, key);
    const target = targetItem && memberFromItem(targetItem);
    authorize(
      access,
      'updateMember',
      {
        targetRole: target?.role ?? null,
        newRole: role,
        self: userId === actor.sub,
        otherOwners: access.workspace.owners.filter((o) => o !== userId).length,
      },
      `member ${userId}`,
    );
    const current = target as StoredMember;
    if (!matches(precondition, current.version)) throw stale(`member ${userId}`);
    // Demoting an owner: uncount them first, so a crash in between never leaves no owner.
    if (current.role === 'owner' && role !== 'owner')
      await this.dropOwner(access.workspace, userId);
    const where = condition(precondition);
    let updated: StoredMember;
    try {
      const { Attributes } = await this.session.send((options) =>
        this.session.db.send(
          new UpdateCommand({
            TableName: this.session.tableName,
            Key: key,
            UpdateExpression: 'SET #role = :role, updated_at = :now, version = version + :one',
            ConditionExpression: where.expression,
            ExpressionAttributeNames: { '#role': 'role' },
            ExpressionAttributeValues: {
              ':role': role,
              ':now': now.toISOString(),
              ':one': 1,
              ...where.values,
            },
            ReturnValues: 'ALL_NEW',
          }),
          options,
        ),
      );
      updated = memberFromItem(Attributes as Item);
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      const again = await readAccess(this.session, workspaceId, actor.sub, [key]);
      if (!itemOf(again, key)) {
        throw new Problem('not-found', `member ${userId} not found in workspace ${workspaceId}`);
      }
      throw stale(`member ${userId}`);
    }
    // Promoting: count them once their membership says owner (a crash in between undercounts,
    // which only ever refuses a departure, never allows one).
    if (role === 'owner' && current.role !== 'owner') await this.addOwner(workspaceId, userId);
    return toMember(updated);
  }

  async removeMember(actor: Actor, workspaceId: string, userId: string): Promise<void> {
    const key = memberKey(workspaceId, userId);
    const access = await readAccess(this.session, workspaceId, actor.sub, [key]);
    const targetItem = itemOf(access, key);
    const target = targetItem && memberFromItem(targetItem);
    authorize(
      access,
      'removeMember',
      {
        targetRole: target?.role ?? null,
        self: userId === actor.sub,
        otherOwners: access.workspace.owners.filter((o) => o !== userId).length,
      },
      `member ${userId}`,
    );
    await this.dropMember(access.workspace, target as StoredMember);
  }

  async leave(actor: Actor, workspaceId: string): Promise<void> {
    const access = await readAccess(this.session, workspaceId, actor.sub);
    authorize(access, 'leaveWorkspace', {
      self: true,
      otherOwners: access.workspace.owners.filter((o) => o !== actor.sub).length,
    });
    await this.dropMember(access.workspace, access.member as StoredMember);
  }

  /** Uncounts an owner, then deletes the membership: the member's tasks stay. */
  private async dropMember(workspace: StoredWorkspace, member: StoredMember): Promise<void> {
    if (member.role === 'owner') await this.dropOwner(workspace, member.user_id);
    await this.session.send((options) =>
      this.session.db.send(
        new DeleteCommand({
          TableName: this.session.tableName,
          Key: memberKey(workspace.workspace_id, member.user_id),
        }),
        options,
      ),
    );
  }

  /**
   * Removes `sub` from the workspace's owner set unless it would be left empty: the condition is
   * what enforces the last-owner rule against concurrent departures. Already uncounted (a retry
   * after a crash) is done.
   */
  private async dropOwner(workspace: StoredWorkspace, sub: string): Promise<void> {
    if (!workspace.owners.includes(sub)) return;
    try {
      await this.session.send((options) =>
        this.session.db.send(
          new UpdateCommand({
            TableName: this.session.tableName,
            Key: metaKey(workspace.workspace_id),
            UpdateExpression: 'DELETE owners :s',
            ConditionExpression:
              'contains(owners, :sub) AND size(owners) > :one AND attribute_not_exists(#state)',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: { ':s': new Set([sub]), ':sub': sub, ':one': 1 },
          }),
          options,
        ),
      );
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      const items = await batchGet(this.session, [metaKey(workspace.workspace_id)]);
      const meta = items.get(keyOf(metaKey(workspace.workspace_id)));
      if (!meta || meta.state === 'deleting') throw workspaceNotFound(workspace.workspace_id);
      if (!workspaceFromItem(meta).owners.includes(sub)) return;
      throw new Problem('conflict', `${LAST_OWNER} (workspace ${workspace.workspace_id})`);
    }
  }

  private async addOwner(workspaceId: string, sub: string): Promise<void> {
    await this.session.send((options) =>
      this.session.db.send(
        new UpdateCommand({
          TableName: this.session.tableName,
          Key: metaKey(workspaceId),
          UpdateExpression: 'ADD owners :s',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':s': new Set([sub]) },
        }),
        options,
      ),
    );
  }

  async revokeInvitation(actor: Actor, workspaceId: string, email: string): Promise<void> {
    const key = inviteKey(workspaceId, email);
    const access = await readAccess(this.session, workspaceId, actor.sub, [key]);
    const invitation = itemOf(access, key);
    authorize(
      access,
      'revokeInvitation',
      { targetRole: invitation ? invitationFromItem(invitation).role : null },
      `invitation for ${email}`,
    );
    await this.session.send((options) =>
      this.session.db.send(
        new DeleteCommand({ TableName: this.session.tableName, Key: key }),
        options,
      ),
    );
  }

  // --- the caller's own invitations -------------------------------------------------------

  async listInvitations(
    actor: Actor,
    options: { limit: number; cursor?: string },
  ): Promise<Page<Invitation>> {
    const email = actor.email;
    const listName = `invitations\n${email ?? ''}`;
    const after = options.cursor
      ? decodePositionCursor(options.cursor, actor.sub, listName, [ULID])[0]
      : undefined;
    if (email === undefined) return { items: [] };
    const { items, last } = await workspaceIndexPage(this.session, {
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

  /**
   * The membership is written before the invitation is deleted, and an owner is counted after
   * their membership says owner: a retry after a crash finds the membership and finishes.
   */
  async accept(actor: Actor, workspaceId: string, now = new Date()): Promise<Workspace> {
    const email = actor.email;
    const missing = () =>
      new Problem(
        'not-found',
        `no invitation to workspace ${workspaceId} for ${email ?? 'a caller without a verified e-mail address'}`,
      );
    if (email === undefined) throw missing();
    const key = inviteKey(workspaceId, email);
    const access = await readAccess(this.session, workspaceId, actor.sub, [key]);
    const invitationItem = itemOf(access, key);
    if (!invitationItem) throw missing();
    const invitation = invitationFromItem(invitationItem);
    let role = access.member?.role;
    if (role === undefined) {
      const member = memberFromInvitation(invitation, actor.sub, now);
      try {
        await this.session.send((options) =>
          this.session.db.send(
            putNewCommand(this.session.tableName, memberToItem(member)),
            options,
          ),
        );
        role = member.role;
      } catch (err) {
        if (!isConditionFailure(err)) throw err;
        const again = await readAccess(this.session, workspaceId, actor.sub);
        role = again.member?.role ?? member.role;
      }
      if (role === 'owner') await this.addOwner(workspaceId, actor.sub);
    }
    await this.session.send((options) =>
      this.session.db.send(
        new DeleteCommand({ TableName: this.session.tableName, Key: key }),
        options,
      ),
    );
    return toWorkspace(access.workspace, role);
  }

  async decline(actor: Actor, workspaceId: string): Promise<void> {
    const email = actor.email;
    const missing = () =>
      new Problem(
        'not-found',
        `no invitation to workspace ${workspaceId} for ${email ?? 'a caller without a verified e-mail address'}`,
      );
    if (email === undefined) throw missing();
    try {
      await this.session.send((options) =>
        this.session.db.send(
          new DeleteCommand({
            TableName: this.session.tableName,
            Key: inviteKey(workspaceId, email),
            ConditionExpression: 'attribute_exists(PK)',
          }),
          options,
        ),
      );
    } catch (err) {
      if (isConditionFailure(err)) throw missing();
      throw err;
    }
  }
}
