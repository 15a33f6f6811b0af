/**
 * The one task repository (docs/architecture.md#one-task-path): every call takes the container
 * the task lives in, whose right to act the caller has already shown. One DynamoDB request per
 * call on the happy path, conditional writes, no Scan; a create and a delete are one transaction
 * with the container's task count.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { stale, taskNotFound } from '../tasks/errors.js';
import type {
  Precondition,
  StoredTask,
  StoredWorkspaceTask,
  TaskChanges,
  TaskCore,
  TaskStatus,
} from '../tasks/task.js';
import { listAgenda } from './agenda.js';
import type { DataConfig } from './client.js';
import { condition } from './conditions.js';
import { personalContainer, type TaskContainer, workspaceContainer } from './containers.js';
import { countChange, getStored, type Item, newTaskFailure, putNewItems } from './items.js';
import { type Idempotency, keyedCreate } from './keyedCreate.js';
import { taskSk } from './keys.js';
import { type ContainerFilter, listAssigned, listIn, type Page } from './listings.js';
import { MemberStore } from './members.js';
import { TableSession } from './session.js';
import { readShards } from './statusIndex.js';
import { listByStatus } from './statusListing.js';
import { updateTask } from './taskUpdate.js';
import { transact } from './transact.js';
import { WorkspaceStore } from './workspaces.js';

export type { Idempotency, Page, TaskContainer };

export interface Created<T> {
  task: T;
  replayed: boolean;
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

  /** A user's own list. */
  personal(sub: string): TaskContainer<StoredTask> {
    return personalContainer(sub, this.session);
  }

  /** A workspace's tasks: open it only once the caller's access is established (access.ts). */
  workspace(workspaceId: string): TaskContainer<StoredWorkspaceTask> {
    return workspaceContainer(workspaceId, this.session);
  }

  /** Workspaces themselves, on this store's session and deadline (docs/architecture.md#workspaces). */
  get workspaces(): WorkspaceStore {
    return new WorkspaceStore(this.session);
  }

  /** Memberships and invitations, on this store's session and deadline. */
  get members(): MemberStore {
    return new MemberStore(this.session);
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
   * Without a key: one transaction of the conditional Put and the container's count, refused at
   * its cap. With an Idempotency-Key: keyedCreate, which never loses, doubles or brings back a
   * task. `caller` keeps the key's record; `scope` tells the creates' keys apart.
   */
  async create<T extends TaskCore>(
    container: TaskContainer<T>,
    task: T,
    keyed?: { caller: string; scope: string; idempotency: Idempotency },
    now = new Date(),
  ): Promise<Created<T>> {
    const items = putNewItems(this.session, container, task);
    if (keyed) {
      const { result, replayed } = await keyedCreate(
        this.session,
        {
          scope: keyed.scope,
          sub: keyed.caller,
          idempotency: keyed.idempotency,
          result: task,
          items,
          refused: (cancelled) => newTaskFailure(cancelled, 1, container),
        },
        now,
      );
      return { task: container.fromItem(result as Item), replayed };
    }
    const cancelled = await transact(this.session, items);
    if (cancelled && newTaskFailure(cancelled, 0, container) === 'exists') {
      if (!(await this.isStored(container, task)))
        throw new Error(`task id collision on ${task.task_id}`);
    }
    return { task, replayed: false };
  }

  /** A create that failed because the AWS SDK retried it after its answer was lost. */
  private async isStored<T extends TaskCore>(container: TaskContainer<T>, task: T) {
    const stored = await getStored(this.session, container, task.task_id);
    return (
      stored !== undefined &&
      JSON.stringify(stored) === JSON.stringify(container.fromItem(task as unknown as Item))
    );
  }

  async get<T extends TaskCore>(container: TaskContainer<T>, taskId: string): Promise<T> {
    const task = await getStored(this.session, container, taskId);
    if (!task) throw taskNotFound(taskId);
    return task;
  }

  /** A failed condition is a 404 unless an If-Match was given and the task exists (412). */
  private async conditionFailure<T extends TaskCore>(
    container: TaskContainer<T>,
    taskId: string,
    precondition: Precondition | undefined,
  ): Promise<never> {
    if (precondition?.kind === 'versions') {
      await this.get(container, taskId);
      throw stale(`task ${taskId}`);
    }
    throw taskNotFound(taskId);
  }

  /** One UpdateItem in the common case (taskUpdate.ts); If-Match naming no version is a 412. */
  async update<T extends TaskCore>(
    container: TaskContainer<T>,
    taskId: string,
    changes: TaskChanges,
    precondition?: Precondition,
    now = new Date(),
  ): Promise<T> {
    if (precondition?.kind === 'versions' && precondition.versions.length === 0) {
      return this.conditionFailure(container, taskId, precondition);
    }
    return updateTask(this.session, container, taskId, changes, precondition, now);
  }

  /** One transaction: the conditional Delete and the lowering of the container's count. */
  async delete<T extends TaskCore>(
    container: TaskContainer<T>,
    taskId: string,
    precondition?: Precondition,
  ): Promise<void> {
    if (precondition?.kind === 'versions' && precondition.versions.length === 0) {
      return this.conditionFailure(container, taskId, precondition);
    }
    const where = condition(precondition);
    const cancelled = await transact(this.session, [
      {
        Delete: {
          TableName: this.session.tableName,
          Key: { PK: container.pk, SK: taskSk(taskId) },
          ConditionExpression: where.expression,
          ExpressionAttributeValues:
            Object.keys(where.values).length > 0 ? where.values : undefined,
        },
      },
      countChange(this.session, container, -1),
    ]);
    if (!cancelled) return;
    if (cancelled.codes[0] !== 'ConditionalCheckFailed') {
      throw new Error(`transaction cancelled: ${cancelled.codes.join(', ')}`);
    }
    await this.conditionFailure(container, taskId, precondition);
  }

  /** The container's tasks, newest first; the cursor is the caller's, for this list and filter. */
  list<T extends TaskCore>(
    container: TaskContainer<T>,
    caller: string,
    options: { limit: number; cursor?: string; filter?: ContainerFilter },
  ): Promise<Page<T>> {
    return listIn(this.session, container, caller, options);
  }

  listByStatus(status: TaskStatus, options: { limit: number; cursor?: string }) {
    return listByStatus(this.session, status, { ...options, shards: this.statusIndexShards() });
  }

  /** `sub`'s open tasks due in the window or overdue, own and assigned (agenda.ts). */
  listAgenda(sub: string, options: { from: string; to: string; limit: number; cursor?: string }) {
    return listAgenda(this.session, sub, options);
  }

  /** The workspace tasks assigned to `sub`, in workspaces they are still a member of. */
  listAssigned(sub: string, options: { limit: number; cursor?: string }) {
    return listAssigned(this.session, sub, options);
  }
}
