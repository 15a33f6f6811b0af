/**
 * Workspaces themselves (docs/architecture.md#workspaces): create, list, read, rename, delete.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { stale } from '../tasks/errors.js';
import type { Precondition, StoredWorkspaceTask } from '../tasks/task.js';
import {
  assigneeNotMember,
  workspaceLimitReached,
  workspaceNotFound,
} from '../workspaces/errors.js';
import type { WorkspaceAction } from '../workspaces/policy.js';
import {
  newWorkspace,
  toWorkspace,
  type Workspace,
  type WorkspaceCreate,
  workspaceFingerprint,
} from '../workspaces/workspace.js';
import {
  type Actor,
  authorize,
  itemOf,
  type KeyOptions,
  type Page,
  putNew,
  readAccess,
  ULID,
  workspaceIndexPage,
} from './access.js';
import { batchGet, keyOf } from './batch.js';
import { condition, matches } from './conditions.js';
import { type TaskContainer, workspaceContainer } from './containers.js';
import { decodePositionCursor, encodePositionCursor } from './cursor.js';
import { type Item, isConditionFailure } from './items.js';
import { keyedCreate } from './keyedCreate.js';
import { failedAt, workspaceCountChange } from './membershipWrites.js';
import type { TableSession } from './session.js';
import { transact } from './transact.js';
import {
  memberFromItem,
  memberKey,
  membershipsPk,
  memberToItem,
  metaKey,
  workspaceFromItem,
  workspaceToItem,
} from './workspaceItems.js';
import { sweepWorkspace } from './workspaceSweep.js';

/** The workspace operations on its tasks. */
export type WorkspaceTaskAction = Extract<
  WorkspaceAction,
  | 'createWorkspaceTask'
  | 'listWorkspaceTasks'
  | 'getWorkspaceTask'
  | 'updateWorkspaceTask'
  | 'deleteWorkspaceTask'
>;

export class WorkspaceStore {
  constructor(private readonly session: TableSession) {}

  /**
   * The workspace's tasks, once the caller may do `action` there (docs/architecture.md#one-task-path):
   * one BatchGetItem of the workspace and the caller's membership, and of the assignee's where a
   * task names one, which must be an active member. Nothing of the workspace's tasks is read first.
   */
  async openTasks(
    actor: Actor,
    workspaceId: string,
    action: WorkspaceTaskAction,
    assignee?: string | null,
  ): Promise<TaskContainer<StoredWorkspaceTask>> {
    const assigneeKey = assignee ? memberKey(workspaceId, assignee) : undefined;
    const access = await readAccess(
      this.session,
      workspaceId,
      actor.sub,
      assigneeKey ? [assigneeKey] : [],
    );
    authorize(access, action);
    if (assignee && assigneeKey && !itemOf(access, assigneeKey)) throw assigneeNotMember(assignee);
    return workspaceContainer(workspaceId, this.session);
  }

  /**
   * One transaction: the workspace (one member), its first owner and the caller's workspace
   * count, raised within its cap (workspace-limit-reached), so none is ever without the others.
   */
  async create(
    actor: Actor,
    input: WorkspaceCreate,
    idempotency?: KeyOptions,
  ): Promise<{ workspace: Workspace; replayed: boolean }> {
    const made = newWorkspace(actor, input);
    const items = [
      ...[{ ...workspaceToItem(made.workspace), member_count: 1 }, memberToItem(made.owner)].map(
        (item) => putNew(this.session.tableName, item),
      ),
      workspaceCountChange(this.session, actor.sub, 1),
    ];
    const limitReached = () => workspaceLimitReached(this.session.limit('maxWorkspacesPerUser'));
    if (!idempotency) {
      const cancelled = await transact(this.session, items);
      if (cancelled && failedAt(cancelled, 2)) throw limitReached();
      if (cancelled) throw new Error(`workspace id collision on ${made.workspace.workspace_id}`);
      return { workspace: toWorkspace(made.workspace, 'owner'), replayed: false };
    }
    const { result, replayed } = await keyedCreate(this.session, {
      scope: 'createWorkspace',
      sub: actor.sub,
      idempotency: { ...idempotency, fingerprint: workspaceFingerprint(input) },
      result: made,
      items,
      // The transaction's items follow the record: the count is the fourth.
      refused: (cancelled) => {
        if (failedAt(cancelled, 3)) throw limitReached();
      },
    });
    return { workspace: toWorkspace(result.workspace, 'owner'), replayed };
  }

  /** Query GSI1 for the caller's memberships, then one BatchGetItem of those workspaces. */
  async list(actor: Actor, options: { limit: number; cursor?: string }): Promise<Page<Workspace>> {
    const listName = 'workspaces';
    const after = options.cursor
      ? decodePositionCursor(options.cursor, actor.sub, listName, [ULID])[0]
      : undefined;
    const { items, last } = await workspaceIndexPage(this.session, {
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

  async get(actor: Actor, workspaceId: string): Promise<Workspace> {
    const access = await readAccess(this.session, workspaceId, actor.sub);
    const role = authorize(access, 'getWorkspace');
    return toWorkspace(access.workspace, role);
  }

  async rename(
    actor: Actor,
    workspaceId: string,
    name: string,
    precondition?: Precondition,
    now = new Date(),
  ): Promise<Workspace> {
    const access = await readAccess(this.session, workspaceId, actor.sub);
    const role = authorize(access, 'renameWorkspace');
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
      await readAccess(this.session, workspaceId, actor.sub);
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
    if (!meta) throw workspaceNotFound();
    const workspace = workspaceFromItem(meta);
    if (workspace.deleting) {
      if (!workspace.owners.includes(actor.sub)) throw workspaceNotFound();
    } else {
      const member = items.get(keyOf(memberKey(workspaceId, actor.sub)));
      authorize({ workspace, member: member && memberFromItem(member), items }, 'deleteWorkspace');
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
        if (isConditionFailure(err)) throw workspaceNotFound();
        throw err;
      }
    }
    return sweepWorkspace(this.session, workspaceId, options);
  }
}
