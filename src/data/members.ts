/**
 * Memberships and invitations of a workspace (docs/architecture.md#workspaces): the store the
 * handlers call, on one request's session. The changes live by job in memberships.ts and
 * invitations.ts; the listing is here.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Precondition } from '../tasks/task.js';
import type { WorkspaceRole } from '../workspaces/policy.js';
import {
  type Invitation,
  invitationAsMember,
  type Member,
  type MemberInvite,
  toMember,
  type Workspace,
} from '../workspaces/workspace.js';
import { type Actor, authorize, MEMBERSHIP_SK, type Page, readAccess } from './access.js';
import { decodePositionCursor, encodePositionCursor } from './cursor.js';
import * as invitations from './invitations.js';
import * as memberships from './memberships.js';
import * as mine from './myInvitations.js';
import type { TableSession } from './session.js';
import {
  INVITE_SK_PREFIX,
  invitationFromItem,
  MEMBER_SK_PREFIX,
  memberFromItem,
  workspacePk,
} from './workspaceItems.js';

export class MemberStore {
  constructor(private readonly session: TableSession) {}

  invite(actor: Actor, workspaceId: string, input: MemberInvite): Promise<Member> {
    return invitations.invite(this.session, actor, workspaceId, input);
  }

  /** The membership check first, then the Query: nothing of the workspace is read before. */
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
    authorize(await readAccess(this.session, workspaceId, actor.sub), 'listMembers');
    const out = await this.session.send((call) =>
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
    );
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

  updateMember(
    actor: Actor,
    workspaceId: string,
    userId: string,
    role: WorkspaceRole,
    precondition?: Precondition,
    now = new Date(),
  ): Promise<Member> {
    return memberships.updateMember(
      this.session,
      actor,
      workspaceId,
      userId,
      role,
      precondition,
      now,
    );
  }

  removeMember(actor: Actor, workspaceId: string, userId: string): Promise<void> {
    return memberships.removeMember(this.session, actor, workspaceId, userId);
  }

  leave(actor: Actor, workspaceId: string): Promise<void> {
    return memberships.leave(this.session, actor, workspaceId);
  }

  revokeInvitation(actor: Actor, workspaceId: string, email: string): Promise<void> {
    return invitations.revokeInvitation(this.session, actor, workspaceId, email);
  }

  listInvitations(
    actor: Actor,
    options: { limit: number; cursor?: string },
  ): Promise<Page<Invitation>> {
    return mine.listInvitations(this.session, actor, options);
  }

  accept(actor: Actor, workspaceId: string, now = new Date()): Promise<Workspace> {
    return mine.accept(this.session, actor, workspaceId, now);
  }

  decline(actor: Actor, workspaceId: string): Promise<void> {
    return mine.decline(this.session, actor, workspaceId);
  }
}
