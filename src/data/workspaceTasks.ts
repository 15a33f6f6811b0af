/**
 * A workspace's tasks (docs/architecture.md#workspaces).
 */
import { DeleteCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { stale, taskNotFound } from '../tasks/errors.js';
import type { Precondition, TaskStatus } from '../tasks/task.js';
import { assigneeNotMember } from '../workspaces/errors.js';
import {
  newWorkspaceTask,
  type StoredWorkspaceTask,
  type WorkspaceTaskCreate,
  type WorkspaceTaskUpdate,
  workspaceTaskFingerprint,
} from '../workspaces/workspace.js';
import {
  type Actor,
  authorize,
  condition,
  FILTER_READ_AHEAD,
  itemOf,
  type KeyOptions,
  type Page,
  putNew,
  putNewCommand,
  readAccess,
  ULID,
  workspaceOf,
} from './access.js';
import { BATCH_GET_MAX, batchGet, keyOf } from './batch.js';
import { decodePositionCursor, encodePositionCursor } from './cursor.js';
import { type Item, isConditionFailure } from './items.js';
import { keyedCreate } from './keyedCreate.js';
import { TASK_SK_PREFIX, taskSk } from './keys.js';
import type { TableSession } from './session.js';
import { STATUS_INDEX } from './table.js';
import {
  assigneePk,
  memberKey,
  metaKey,
  workspacePk,
  workspaceTaskFromItem,
  workspaceTaskKey,
  workspaceTaskToItem,
} from './workspaceItems.js';

export class WorkspaceTaskStore {
  constructor(private readonly session: TableSession) {}

  async createTask(
    actor: Actor,
    workspaceId: string,
    input: WorkspaceTaskCreate,
    idempotency?: KeyOptions,
  ): Promise<{ task: StoredWorkspaceTask; replayed: boolean }> {
    const assignee = input.assignee ?? undefined;
    const access = await readAccess(
      this.session,
      workspaceId,
      actor.sub,
      assignee ? [memberKey(workspaceId, assignee)] : [],
    );
    authorize(access, 'createWorkspaceTask');
    if (assignee && !itemOf(access, memberKey(workspaceId, assignee))) {
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
    const access = await readAccess(this.session, workspaceId, actor.sub, [key]);
    authorize(access, 'getWorkspaceTask');
    const item = itemOf(access, key);
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
    const access = await readAccess(
      this.session,
      workspaceId,
      actor.sub,
      typeof assignee === 'string' ? [memberKey(workspaceId, assignee)] : [],
    );
    authorize(access, 'updateWorkspaceTask');
    if (typeof assignee === 'string' && !itemOf(access, memberKey(workspaceId, assignee))) {
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
    const access = await readAccess(this.session, workspaceId, actor.sub);
    authorize(access, 'deleteWorkspaceTask');
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
      readAccess(this.session, workspaceId, actor.sub),
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
    authorize(access, 'listWorkspaceTasks');
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
