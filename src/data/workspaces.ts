/**
 * The workspace repository (docs/architecture.md#workspaces). Every request first reads the
 * workspace and the caller's membership in one BatchGetItem (with the task or the other
 * membership the operation needs, in the same request), asks the policy (src/workspaces/policy.ts)
 * and only then writes, conditionally. No transactions: the embedded engine has none, so each
 * multi-item change is ordered so that a crash between its steps leaves nothing a caller can
 * misuse, and a retry finishes it.
 */
import { DeleteCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { Problem } from '../contract/problem.js';
import { stale, taskNotFound } from '../tasks/errors.js';
import type { Precondition, TaskStatus } from '../tasks/task.js';
import { assigneeNotMember, workspaceNotFound } from '../workspaces/errors.js';
import {
  decide,
  type Subject,
  type WorkspaceAction,
  type WorkspaceRole,
} from '../workspaces/policy.js';
import {
  type Invitation,
  invitationAsMember,
  type Member,
  type MemberInvite,
  memberFromInvitation,
  newInvitation,
  newWorkspace,
  newWorkspaceTask,
  type StoredMember,
  type StoredWorkspace,
  type StoredWorkspaceTask,
  toInvitation,
  toMember,
  toWorkspace,
  type Workspace,
  type WorkspaceCreate,
  type WorkspaceTaskCreate,
  type WorkspaceTaskUpdate,
  workspaceFingerprint,
  workspaceTaskFingerprint,
} from '../workspaces/workspace.js';
import { BATCH_GET_MAX, batchGet, keyOf } from './batch.js';
import { decodePositionCursor, encodePositionCursor } from './cursor.js';
import { type Item, isConditionFailure } from './items.js';
import { keyedCreate } from './keyedCreate.js';
import { TASK_SK_PREFIX, taskSk } from './keys.js';
import type { TableSession } from './session.js';
import { STATUS_INDEX } from './table.js';
import { transact } from './transact.js';
import {
  assigneePk,
  INVITE_SK_PREFIX,
  invitationFromItem,
  invitationsPk,
  invitationToItem,
  inviteKey,
  type Key,
  MEMBER_SK_PREFIX,
  memberFromItem,
  memberKey,
  membershipsPk,
  memberToItem,
  metaKey,
  workspaceFromItem,
  workspaceGsiSk,
  workspacePk,
  workspaceTaskFromItem,
  workspaceTaskKey,
  workspaceTaskToItem,
  workspaceToItem,
} from './workspaceItems.js';
import { sweepWorkspace } from './workspaceSweep.js';

export interface Actor {
  sub: string;
  /** The caller's verified e-mail address, lower case; undefined without one. */
  email?: string;
}

export interface KeyOptions {
  key: string;
  ttlSeconds: number;
}

interface Access {
  workspace: StoredWorkspace;
  member?: StoredMember;
  items: Map<string, Item>;
}

interface Page<T> {
  items: T[];
  cursor?: string;
}

/** How many items a filtered task listing reads at most, so sparse filters still fill a page. */
const FILTER_READ_AHEAD = 100;
const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const MEMBERSHIP_SK = /^(INVITE#|MEMBER#)[^\s]{1,254}$/;
const LAST_OWNER = 'the last owner cannot leave, be removed or be demoted';

/** `attribute_exists(PK)`, plus `version IN (...)` for an If-Match naming versions. */
function condition(precondition: Precondition | undefined, extra = '') {
  const base = `attribute_exists(PK)${extra}`;
  if (precondition?.kind !== 'versions') return { expression: base, values: {} };
  const names = precondition.versions.map((_, i) => `:v${i}`);
  return {
    expression: `${base} AND version IN (${names.join(', ')})`,
    values: Object.fromEntries(precondition.versions.map((v, i) => [`:v${i}`, v])),
  };
}

const matches = (precondition: Precondition | undefined, version: number) =>
  precondition?.kind !== 'versions' || precondition.versions.includes(version);

export class WorkspaceStore {
  constructor(private readonly session: TableSession) {}

  // --- access ---------------------------------------------------------------------------

  /**
   * One BatchGetItem: the workspace, the caller's membership and `extra`. A missing workspace
   * and one being deleted are the same 404; whether the caller is a member is the policy's call.
   */
  private async read(workspaceId: string, sub: string, extra: Key[] = []): Promise<Access> {
    const items = await batchGet(this.session, [
      metaKey(workspaceId),
      memberKey(workspaceId, sub),
      ...extra,
    ]);
    const meta = items.get(keyOf(metaKey(workspaceId)));
    if (!meta || meta.state === 'deleting') throw workspaceNotFound(workspaceId);
    const member = items.get(keyOf(memberKey(workspaceId, sub)));
    return { workspace: workspaceFromItem(meta), member: member && memberFromItem(member), items };
  }

  /** The policy's answer as an outcome; `target` names what a not-found is about. */
  private authorize(
    access: Access,
    action: WorkspaceAction,
    subject: Subject = {},
    target?: string,
  ): WorkspaceRole {
    const { workspace_id } = access.workspace;
    const decision = decide(access.member?.role, action, subject);
    if (decision.allowed) return (access.member as StoredMember).role;
    if (decision.outcome === 'not-found') {
      if (access.member === undefined || target === undefined)
        throw workspaceNotFound(workspace_id);
      throw new Problem('not-found', `${target} not found in workspace ${workspace_id}`);
    }
    throw new Problem(decision.outcome, `${decision.reason} (workspace ${workspace_id})`);
  }

  private item(access: Access, key: Key): Item | undefined {
    return access.items.get(keyOf(key));
  }

  // --- workspaces -----------------------------------------------------------------------

  /** One transaction: the workspace and its first owner, so neither is ever without the other. */
  async create(
    actor: Actor,
    input: WorkspaceCreate,
    idempotency?: KeyOptions,
  ): Promise<{ workspace: Workspace; replayed: boolean }> {
    const made = newWorkspace(actor, input);
    const items = [workspaceToItem(made.workspace), memberToItem(made.owner)].map((item) =>
      putNew(this.session.tableName, item),
    );
    if (!idempotency) {
      const cancelled = await transact(this.session, items);
      if (cancelled) throw new Error(`workspace id collision on ${made.workspace.workspace_id}`);
      return { workspace: toWorkspace(made.workspace, 'owner'), replayed: false };
    }
    const { result, replayed } = await keyedCreate(this.session, {
      operation: 'createWorkspace',
      sub: actor.sub,
      key: idempotency.key,
      fingerprint: workspaceFingerprint(input),
      ttlSeconds: idempotency.ttlSeconds,
      result: made,
      items,
    });
    return { workspace: toWorkspace(result.workspace, 'owner'), replayed };
  }

  /** Query GSI1 for the caller's memberships, then one BatchGetItem of those workspaces. */
  async list(actor: Actor, options: { limit: number; cursor?: string }): Promise<Page<Workspace>> {
    const listName = 'workspaces';
    const after = options.cursor
      ? decodePositionCursor(options.cursor, actor.sub, listName, [ULID])[0]
      : undefined;
    const { items, last } = await this.workspaceIndexPage({
      pk: membershipsPk(actor.sub),
      keyFor: (workspaceId) => memberKey(workspaceId, actor.sub),
      fromItem: memberFromItem,
      shape: (m, workspace) => toWorkspace(workspace, m.role),
      after,
      limit: options.limit,
    });
    return last !== undefined
      ? { items, cursor: encodePositionCursor([last], actor.sub, listName) }
      : { items };
  }

  /**
   * One GSI1 partition of items that name workspaces (the caller's memberships, the
   * invitations to an address), newest workspace first, joined to the workspaces in one
   * BatchGetItem; a workspace being deleted is left out.
   */
  private async workspaceIndexPage<T extends { workspace_id: string }, R>(query: {
    pk: string;
    /** The base-table key of the item that names a workspace, to resume after it. */
    keyFor: (workspaceId: string) => Record<string, string>;
    fromItem: (item: Item) => T;
    shape: (entry: T, workspace: ReturnType<typeof workspaceFromItem>) => R;
    after?: string;
    limit: number;
  }): Promise<{ items: R[]; last?: string }> {
    const { pk, after } = query;
    const out = await this.session.send((call) =>
      this.session.db.send(
        new QueryCommand({
          TableName: this.session.tableName,
          IndexName: STATUS_INDEX,
          KeyConditionExpression: 'GSI1PK = :pk',
          ExpressionAttributeValues: { ':pk': pk },
          ScanIndexForward: false,
          Limit: query.limit,
          ExclusiveStartKey: after
            ? { ...query.keyFor(after), GSI1PK: pk, GSI1SK: workspaceGsiSk(after) }
            : undefined,
        }),
        call,
      ),
    );
    const entries = (out.Items ?? []).map(query.fromItem);
    const metas =
      entries.length > 0
        ? await batchGet(
            this.session,
            entries.map((e) => metaKey(e.workspace_id)),
          )
        : new Map<string, Item>();
    const items = entries.flatMap((e) => {
      const meta = metas.get(keyOf(metaKey(e.workspace_id)));
      if (!meta || meta.state === 'deleting') return [];
      return [query.shape(e, workspaceFromItem(meta))];
    });
    const last = workspaceOf(out.LastEvaluatedKey);
    return last !== undefined ? { items, last } : { items };
  }

  async get(actor: Actor, workspaceId: string): Promise<Workspace> {
    const access = await this.read(workspaceId, actor.sub);
    const role = this.authorize(access, 'getWorkspace');
    return toWorkspace(access.workspace, role);
  }

  async rename(
    actor: Actor,
    workspaceId: string,
    name: string,
    precondition?: Precondition,
    now = new Date(),
  ): Promise<Workspace> {
    const access = await this.read(workspaceId, actor.sub);
    const role = this.authorize(access, 'renameWorkspace');
    if (!matches(precondition, access.workspace.version)) throw stale(`workspace ${workspaceId}`);
    const where = condition(precondition, ' AND attribute_not_exists(#state)');
    try {
      const { Attributes } = await this.session.send((options) =>
        this.session.db.send(
          new UpdateCommand({
            TableName: this.session.tableName,
            Key: metaKey(workspaceId),
            UpdateExpression: 'SET #name = :name, updated_at = :now, version = version + :one',
            ConditionExpression: where.expression,
            ExpressionAttributeNames: { '#name': 'name', '#state': 'state' },
            ExpressionAttributeValues: {
              ':name': name,
              ':now': now.toISOString(),
              ':one': 1,
              ...where.values,
            },
            ReturnValues: 'ALL_NEW',
          }),
          options,
        ),
      );
      return toWorkspace(workspaceFromItem(Attributes as Item), role);
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      // Deleted or being deleted meanwhile (a 404), else changed since the If-Match (a 412).
      await this.read(workspaceId, actor.sub);
      throw stale(`workspace ${workspaceId}`);
    }
  }

  /**
   * Marks the workspace `deleting` (from then on every request to it is a 404), then deletes
   * its items in batches; 'pending' when the time ran out first. A retry by any owner counted
   * at the mark resumes; so does one after a failure part-way.
   */
  async delete(
    actor: Actor,
    workspaceId: string,
    options: { maxBatches?: number } = {},
  ): Promise<'done' | 'pending'> {
    const items = await batchGet(this.session, [
      metaKey(workspaceId),
      memberKey(workspaceId, actor.sub),
    ]);
    const meta = items.get(keyOf(metaKey(workspaceId)));
    if (!meta) throw workspaceNotFound(workspaceId);
    const workspace = workspaceFromItem(meta);
    if (workspace.deleting) {
      if (!workspace.owners.includes(actor.sub)) throw workspaceNotFound(workspaceId);
    } else {
      const member = items.get(keyOf(memberKey(workspaceId, actor.sub)));
      this.authorize(
        { workspace, member: member && memberFromItem(member), items },
        'deleteWorkspace',
      );
      try {
        await this.session.send((call) =>
          this.session.db.send(
            new UpdateCommand({
              TableName: this.session.tableName,
              Key: metaKey(workspaceId),
              // The caller is an owner by their membership: count them, so they can resume.
              UpdateExpression: 'SET #state = :deleting ADD owners :me',
              ConditionExpression: 'attribute_exists(PK)',
              ExpressionAttributeNames: { '#state': 'state' },
              ExpressionAttributeValues: { ':deleting': 'deleting', ':me': new Set([actor.sub]) },
            }),
            call,
          ),
        );
      } catch (err) {
        if (isConditionFailure(err)) throw workspaceNotFound(workspaceId);
        throw err;
      }
    }
    return sweepWorkspace(this.session, workspaceId, options);
  }

  // --- members --------------------------------------------------------------------------

  async invite(actor: Actor, workspaceId: string, input: MemberInvite): Promise<Member> {
    const invitation = newInvitation(workspaceId, actor.sub, input);
    const key = inviteKey(workspaceId, invitation.email);
    const access = await this.read(workspaceId, actor.sub, [key]);
    this.authorize(access, 'inviteMember', { newRole: invitation.role });
    const already = () =>
      new Problem('conflict', `${invitation.email} is already invited to workspace ${workspaceId}`);
    if (invitation.email === actor.email) {
      throw new Problem(
        'conflict',
        `${invitation.email} is already a member of workspace ${workspaceId}`,
      );
    }
    if (this.item(access, key)) throw already();
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
      this.read(workspaceId, actor.sub),
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
    this.authorize(access, 'listMembers');
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
    const access = await this.read(workspaceId, actor.sub, [key]);
    const targetItem = this.item(access, key);
    const target = targetItem && memberFromItem(targetItem);
    this.authorize(
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
      const again = await this.read(workspaceId, actor.sub, [key]);
      if (!this.item(again, key)) {
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
    const access = await this.read(workspaceId, actor.sub, [key]);
    const targetItem = this.item(access, key);
    const target = targetItem && memberFromItem(targetItem);
    this.authorize(
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
    const access = await this.read(workspaceId, actor.sub);
    this.authorize(access, 'leaveWorkspace', {
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
    const access = await this.read(workspaceId, actor.sub, [key]);
    const invitation = this.item(access, key);
    this.authorize(
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
    const { items, last } = await this.workspaceIndexPage({
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
    const access = await this.read(workspaceId, actor.sub, [key]);
    const invitationItem = this.item(access, key);
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
        const again = await this.read(workspaceId, actor.sub);
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

  // --- tasks ----------------------------------------------------------------------------

  async createTask(
    actor: Actor,
    workspaceId: string,
    input: WorkspaceTaskCreate,
    idempotency?: KeyOptions,
  ): Promise<{ task: StoredWorkspaceTask; replayed: boolean }> {
    const assignee = input.assignee ?? undefined;
    const access = await this.read(
      workspaceId,
      actor.sub,
      assignee ? [memberKey(workspaceId, assignee)] : [],
    );
    this.authorize(access, 'createWorkspaceTask');
    if (assignee && !this.item(access, memberKey(workspaceId, assignee))) {
      throw assigneeNotMember(assignee);
    }
    const task = newWorkspaceTask(workspaceId, actor.sub, input);
    if (!idempotency) {
      await this.putTask(task);
      return { task, replayed: false };
    }
    const { result, replayed } = await keyedCreate(this.session, {
      operation: `createWorkspaceTask\n${workspaceId}`,
      sub: actor.sub,
      key: idempotency.key,
      fingerprint: workspaceTaskFingerprint(input),
      ttlSeconds: idempotency.ttlSeconds,
      result: task,
      items: [putNew(this.session.tableName, workspaceTaskToItem(task))],
    });
    return { task: result, replayed };
  }

  /** A conditional Put; an existing item is this task when the SDK retried a lost answer. */
  private async putTask(task: StoredWorkspaceTask): Promise<void> {
    try {
      await this.session.send((options) =>
        this.session.db.send(
          putNewCommand(this.session.tableName, workspaceTaskToItem(task)),
          options,
        ),
      );
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      const items = await batchGet(this.session, [
        workspaceTaskKey(task.workspace_id, task.task_id),
      ]);
      const stored = [...items.values()][0];
      if (!stored || JSON.stringify(workspaceTaskFromItem(stored)) !== JSON.stringify(task)) {
        throw new Error(`task id collision on ${task.task_id}`);
      }
    }
  }

  /** The membership check and the task in one BatchGetItem. */
  async getTask(actor: Actor, workspaceId: string, taskId: string): Promise<StoredWorkspaceTask> {
    const key = workspaceTaskKey(workspaceId, taskId);
    const access = await this.read(workspaceId, actor.sub, [key]);
    this.authorize(access, 'getWorkspaceTask');
    const item = this.item(access, key);
    if (!item) throw taskNotFound(taskId);
    return workspaceTaskFromItem(item);
  }

  async updateTask(
    actor: Actor,
    workspaceId: string,
    taskId: string,
    changes: WorkspaceTaskUpdate,
    precondition?: Precondition,
    now = new Date(),
  ): Promise<StoredWorkspaceTask> {
    const assignee = changes.assignee;
    const access = await this.read(
      workspaceId,
      actor.sub,
      typeof assignee === 'string' ? [memberKey(workspaceId, assignee)] : [],
    );
    this.authorize(access, 'updateWorkspaceTask');
    if (typeof assignee === 'string' && !this.item(access, memberKey(workspaceId, assignee))) {
      throw assigneeNotMember(assignee);
    }
    if (precondition?.kind === 'versions' && precondition.versions.length === 0) {
      return this.taskConditionFailure(workspaceId, taskId, precondition);
    }
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = { ':now': now.toISOString(), ':one': 1 };
    const sets = ['updated_at = :now', 'version = version + :one'];
    const removes: string[] = [];
    for (const field of ['title', 'description', 'status'] as const) {
      const value = changes[field];
      if (value === undefined) continue;
      names[`#${field}`] = field;
      values[`:${field}`] = value;
      sets.push(`#${field} = :${field}`);
    }
    if (assignee !== undefined) {
      values[':assignee'] = assignee;
      sets.push('assignee = :assignee');
      if (assignee === null) removes.push('GSI1PK', 'GSI1SK');
      else {
        values[':gsi1pk'] = assigneePk(assignee);
        values[':gsi1sk'] = taskSk(taskId);
        sets.push('GSI1PK = :gsi1pk', 'GSI1SK = :gsi1sk');
      }
    }
    const where = condition(precondition);
    try {
      const { Attributes } = await this.session.send((options) =>
        this.session.db.send(
          new UpdateCommand({
            TableName: this.session.tableName,
            Key: workspaceTaskKey(workspaceId, taskId),
            UpdateExpression: `SET ${sets.join(', ')}${removes.length > 0 ? ` REMOVE ${removes.join(', ')}` : ''}`,
            ConditionExpression: where.expression,
            ExpressionAttributeNames: Object.keys(names).length > 0 ? names : undefined,
            ExpressionAttributeValues: { ...values, ...where.values },
            ReturnValues: 'ALL_NEW',
          }),
          options,
        ),
      );
      return workspaceTaskFromItem(Attributes as Item);
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      return this.taskConditionFailure(workspaceId, taskId, precondition);
    }
  }

  async deleteTask(
    actor: Actor,
    workspaceId: string,
    taskId: string,
    precondition?: Precondition,
  ): Promise<void> {
    const access = await this.read(workspaceId, actor.sub);
    this.authorize(access, 'deleteWorkspaceTask');
    if (precondition?.kind === 'versions' && precondition.versions.length === 0) {
      return this.taskConditionFailure(workspaceId, taskId, precondition);
    }
    const where = condition(precondition);
    try {
      await this.session.send((options) =>
        this.session.db.send(
          new DeleteCommand({
            TableName: this.session.tableName,
            Key: workspaceTaskKey(workspaceId, taskId),
            ConditionExpression: where.expression,
            ExpressionAttributeValues:
              Object.keys(where.values).length > 0 ? where.values : undefined,
          }),
          options,
        ),
      );
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      await this.taskConditionFailure(workspaceId, taskId, precondition);
    }
  }

  /** A failed condition is a 404 unless an If-Match was given and the task exists (412). */
  private async taskConditionFailure(
    workspaceId: string,
    taskId: string,
    precondition: Precondition | undefined,
  ): Promise<never> {
    if (precondition?.kind === 'versions') {
      const items = await batchGet(this.session, [workspaceTaskKey(workspaceId, taskId)]);
      if (items.size > 0) throw stale(`task ${taskId}`);
    }
    throw taskNotFound(taskId);
  }

  /**
   * The membership check and the Query in parallel; the filters are applied by DynamoDB to a
   * read-ahead of the workspace's partition, newest first, as the personal listing's status filter.
   */
  async listTasks(
    actor: Actor,
    workspaceId: string,
    options: { limit: number; status?: TaskStatus; assignee?: string; cursor?: string },
  ): Promise<Page<StoredWorkspaceTask>> {
    const { limit, status, assignee, cursor } = options;
    const listName = `tasks\n${workspaceId}\n${status ?? ''}\n${assignee ?? ''}`;
    const after = cursor ? decodePositionCursor(cursor, actor.sub, listName, [ULID])[0] : undefined;
    const pk = workspacePk(workspaceId);
    const filters: string[] = [];
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = { ':pk': pk, ':prefix': TASK_SK_PREFIX };
    if (status) {
      filters.push('#status = :status');
      names['#status'] = 'status';
      values[':status'] = status;
    }
    if (assignee) {
      filters.push('assignee = :assignee');
      values[':assignee'] = assignee;
    }
    const [access, out] = await Promise.all([
      this.read(workspaceId, actor.sub),
      this.session.send((call) =>
        this.session.db.send(
          new QueryCommand({
            TableName: this.session.tableName,
            KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
            ExpressionAttributeValues: values,
            ...(filters.length > 0
              ? {
                  FilterExpression: filters.join(' AND '),
                  ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
                }
              : {}),
            ScanIndexForward: false,
            ConsistentRead: true,
            Limit: filters.length > 0 ? Math.max(limit, FILTER_READ_AHEAD) : limit,
            ExclusiveStartKey: after ? { PK: pk, SK: taskSk(after) } : undefined,
          }),
          call,
        ),
      ),
    ]);
    this.authorize(access, 'listWorkspaceTasks');
    const all = (out.Items ?? []).map(workspaceTaskFromItem);
    const items = all.slice(0, limit);
    const last = items.at(-1);
    const encode = (taskId: string) => encodePositionCursor([taskId], actor.sub, listName);
    if (all.length > limit && last) return { items, cursor: encode(last.task_id) };
    const lastKey = out.LastEvaluatedKey?.SK;
    if (typeof lastKey === 'string') {
      return { items, cursor: encode(lastKey.slice(TASK_SK_PREFIX.length)) };
    }
    return { items };
  }

  /**
   * Query GSI1 for the caller's assigned tasks, newest first, then one BatchGetItem of the
   * workspaces and the caller's memberships on the page: tasks of a workspace the caller is no
   * longer in, or that is being deleted, are left out.
   */
  async listAssigned(
    actor: Actor,
    options: { limit: number; cursor?: string },
  ): Promise<Page<StoredWorkspaceTask>> {
    const listName = 'assigned-tasks';
    const after = options.cursor
      ? decodePositionCursor(options.cursor, actor.sub, listName, [ULID, ULID])
      : undefined;
    const out = await this.session.send((call) =>
      this.session.db.send(
        new QueryCommand({
          TableName: this.session.tableName,
          IndexName: STATUS_INDEX,
          KeyConditionExpression: 'GSI1PK = :pk',
          ExpressionAttributeValues: { ':pk': assigneePk(actor.sub) },
          ScanIndexForward: false,
          Limit: options.limit,
          ExclusiveStartKey: after
            ? {
                ...workspaceTaskKey(after[0] as string, after[1] as string),
                GSI1PK: assigneePk(actor.sub),
                GSI1SK: taskSk(after[1] as string),
              }
            : undefined,
        }),
        call,
      ),
    );
    const tasks = (out.Items ?? []).map(workspaceTaskFromItem);
    const workspaces = [...new Set(tasks.map((t) => t.workspace_id))];
    const keys = workspaces.flatMap((w) => [metaKey(w), memberKey(w, actor.sub)]);
    const chunks = Array.from({ length: Math.ceil(keys.length / BATCH_GET_MAX) }, (_, i) =>
      keys.slice(i * BATCH_GET_MAX, (i + 1) * BATCH_GET_MAX),
    );
    const found = new Map<string, Item>();
    for (const part of await Promise.all(chunks.map((c) => batchGet(this.session, c)))) {
      for (const [k, v] of part) found.set(k, v);
    }
    const visible = new Set(
      workspaces.filter((w) => {
        const meta = found.get(keyOf(metaKey(w)));
        return meta && meta.state !== 'deleting' && found.has(keyOf(memberKey(w, actor.sub)));
      }),
    );
    const items = tasks.filter((t) => visible.has(t.workspace_id));
    const lastWorkspace = workspaceOf(out.LastEvaluatedKey);
    const lastSk = out.LastEvaluatedKey?.SK;
    if (lastWorkspace !== undefined && typeof lastSk === 'string') {
      const position = [lastWorkspace, lastSk.slice(TASK_SK_PREFIX.length)];
      return { items, cursor: encodePositionCursor(position, actor.sub, listName) };
    }
    return { items };
  }
}

/** A transaction's Put of a new item: refused when one with its key exists. */
const putNew = (tableName: string, item: Item) => ({
  Put: { TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(PK)' },
});

/** A Put of a new item: refused when one with its key exists. */
const putNewCommand = (tableName: string, item: Item) =>
  new PutCommand({
    TableName: tableName,
    Item: item,
    ConditionExpression: 'attribute_not_exists(PK)',
  });

/** The workspace id in a key's `WS#<id>` partition. */
const workspaceOf = (key: Record<string, unknown> | undefined) =>
  typeof key?.PK === 'string' && key.PK.startsWith('WS#') ? key.PK.slice(3) : undefined;
