/**
 * The task repository (docs/architecture.md#the-data-model): one DynamoDB request per call on the
 * happy path, conditional writes, no Scan; a create and a delete are one transaction with the
 * owner's task count. Keyed creates and listings live in their own modules.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { stale, taskNotFound } from '../tasks/errors.js';
import type { Precondition, StoredTask, TaskStatus, TaskUpdate } from '../tasks/task.js';
import type { DataConfig } from './client.js';
import { type Created, createKeyed, type Idempotency } from './idempotency.js';
import {
  countChange,
  fromItem,
  getStored,
  type Item,
  isConditionFailure,
  newTaskFailure,
  putNewItems,
} from './items.js';
import { statusPk, statusShard, taskSk, userPk } from './keys.js';
import { listByOwner, listByStatus, type Page } from './listings.js';
import { MemberStore } from './members.js';
import { TableSession } from './session.js';
import { readShards } from './statusIndex.js';
import { transact } from './transact.js';
import { WorkspaceStore } from './workspaces.js';
import { WorkspaceTaskStore } from './workspaceTasks.js';

export type { Created, Idempotency, Page };

/** `attribute_exists(PK)`, plus `version IN (...)` for an If-Match naming versions. */
function condition(precondition: Precondition | undefined) {
  if (precondition?.kind !== 'versions') {
    return { expression: 'attribute_exists(PK)', values: {} };
  }
  const names = precondition.versions.map((_, i) => `:v${i}`);
  return {
    expression: `attribute_exists(PK) AND version IN (${names.join(', ')})`,
    values: Object.fromEntries(precondition.versions.map((v, i) => [`:v${i}`, v])),
  };
}

export class TaskStore {
  /** Once per store (a Lambda container): how many status-index shards exist. */
  private shards?: Promise<number>;

  constructor(
    db: DynamoDBDocumentClient,
    config: DataConfig,
    private readonly session = new TableSession(db, config),
    private readonly root?: TaskStore,
  ) {}

  /** This store for one request: its DynamoDB calls, retries included, end by `deadline`. */
  until(deadline: number): TaskStore {
    return new TaskStore(
      this.session.db,
      this.session.config,
      this.session.until(deadline),
      this.root ?? this,
    );
  }

  /** The workspace repository on this store's session and deadline (docs/architecture.md#workspaces). */
  get workspaces(): WorkspaceStore {
    return new WorkspaceStore(this.session);
  }

  /** Memberships and invitations, on this store's session and deadline. */
  get members(): MemberStore {
    return new MemberStore(this.session);
  }

  /** Workspace tasks, on this store's session and deadline. */
  get workspaceTasks(): WorkspaceTaskStore {
    return new WorkspaceTaskStore(this.session);
  }

  /**
   * Before the first status-index read of this store: how many shards to read, so a lowered N
   * never hides entries written under a higher one (the deploy records each N before its writes).
   */
  statusIndexShards(): Promise<number> {
    const root = this.root ?? this;
    root.shards ??= readShards(this.session).catch((err: unknown) => {
      root.shards = undefined;
      throw err;
    });
    return root.shards;
  }

  /**
   * Without a key: one transaction of the conditional Put and the owner's count, refused at the
   * cap (task-limit-reached). With an Idempotency-Key: see createKeyed, which never loses,
   * doubles or brings back a task.
   */
  async create(task: StoredTask, idempotency?: Idempotency, now = new Date()): Promise<Created> {
    if (idempotency) return createKeyed(this.session, task, idempotency, now);
    const cancelled = await transact(this.session, putNewItems(this.session, task));
    if (cancelled && newTaskFailure(cancelled, 0, this.session) === 'exists') {
      if (!(await this.isStored(task))) throw new Error(`task id collision on ${task.task_id}`);
    }
    return { task, replayed: false };
  }

  /** A create that failed because the AWS SDK retried it after its answer was lost. */
  private async isStored(task: StoredTask): Promise<boolean> {
    const stored = await getStored(this.session, task.user_id, task.task_id);
    return stored !== undefined && JSON.stringify(stored) === JSON.stringify(fromItem(task));
  }

  async get(owner: string, taskId: string): Promise<StoredTask> {
    const task = await getStored(this.session, owner, taskId);
    if (!task) throw taskNotFound(taskId);
    return task;
  }

  /** A failed condition is a 404 unless an If-Match was given and the task exists (412). */
  private async conditionFailure(
    owner: string,
    taskId: string,
    precondition: Precondition | undefined,
  ): Promise<never> {
    if (precondition?.kind === 'versions') {
      await this.get(owner, taskId);
      throw stale(`task ${taskId}`);
    }
    throw taskNotFound(taskId);
  }

  async update(
    owner: string,
    taskId: string,
    changes: TaskUpdate,
    precondition?: Precondition,
    now = new Date(),
  ): Promise<StoredTask> {
    if (precondition?.kind === 'versions' && precondition.versions.length === 0) {
      return this.conditionFailure(owner, taskId, precondition);
    }
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = { ':now': now.toISOString(), ':one': 1 };
    const sets = ['updated_at = :now', 'version = version + :one'];
    for (const field of ['title', 'description', 'status'] as const) {
      const value = changes[field];
      if (value === undefined) continue;
      names[`#${field}`] = field;
      values[`:${field}`] = value;
      sets.push(`#${field} = :${field}`);
    }
    if (changes.status !== undefined) {
      // The shard depends only on the id, so the new index key needs no read.
      values[':gsi1pk'] = statusPk(changes.status, statusShard(taskId, this.session.config.shards));
      sets.push('GSI1PK = :gsi1pk');
    }
    const where = condition(precondition);
    try {
      const { Attributes } = await this.session.send((options) =>
        this.session.db.send(
          new UpdateCommand({
            TableName: this.session.tableName,
            Key: { PK: userPk(owner), SK: taskSk(taskId) },
            UpdateExpression: `SET ${sets.join(', ')}`,
            ConditionExpression: where.expression,
            ExpressionAttributeNames: Object.keys(names).length > 0 ? names : undefined,
            ExpressionAttributeValues: { ...values, ...where.values },
            ReturnValues: 'ALL_NEW',
          }),
          options,
        ),
      );
      return fromItem(Attributes as Item);
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      return this.conditionFailure(owner, taskId, precondition);
    }
  }

  /** One transaction: the conditional Delete and the lowering of the owner's count. */
  async delete(owner: string, taskId: string, precondition?: Precondition): Promise<void> {
    if (precondition?.kind === 'versions' && precondition.versions.length === 0) {
      return this.conditionFailure(owner, taskId, precondition);
    }
    const where = condition(precondition);
    const cancelled = await transact(this.session, [
      {
        Delete: {
          TableName: this.session.tableName,
          Key: { PK: userPk(owner), SK: taskSk(taskId) },
          ConditionExpression: where.expression,
          ExpressionAttributeValues:
            Object.keys(where.values).length > 0 ? where.values : undefined,
        },
      },
      countChange(this.session, owner, -1),
    ]);
    if (!cancelled) return;
    if (cancelled.codes[0] !== 'ConditionalCheckFailed') {
      throw new Error(`transaction cancelled: ${cancelled.codes.join(', ')}`);
    }
    await this.conditionFailure(owner, taskId, precondition);
  }

  listByOwner(
    owner: string,
    options: { limit: number; status?: TaskStatus; cursor?: string },
  ): Promise<Page> {
    return listByOwner(this.session, owner, options);
  }

  async listByStatus(
    status: TaskStatus,
    options: { limit: number; cursor?: string },
  ): Promise<Page> {
    return listByStatus(this.session, status, { ...options, shards: this.statusIndexShards() });
  }
}
