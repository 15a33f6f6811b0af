/**
 * The task repository (docs/architecture.md#the-data-model): one DynamoDB request per call on the happy path, conditional
 * writes, no Scan. The admin listing makes one Query per status-index shard.
 */
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  IdempotencyConflictError,
  PreconditionFailedError,
  TaskNotFoundError,
} from '../tasks/errors.js';
import type { Precondition, StoredTask, TaskStatus, TaskUpdate } from '../tasks/task.js';
import type { DataConfig } from './client.js';
import {
  decodeStatusCursor,
  decodeTaskCursor,
  encodeStatusCursor,
  encodeTaskCursor,
  type ShardPosition,
} from './cursor.js';
import { classifyStoreError } from './errors.js';
import {
  idempotencySk,
  statusPk,
  statusShard,
  statusSk,
  TASK_SK_PREFIX,
  taskSk,
  userPk,
} from './keys.js';
import { STATUS_INDEX, TTL_ATTRIBUTE } from './table.js';

/** How many items a filtered listTasks reads at most, so sparse statuses still fill a page. */
const FILTER_READ_AHEAD = 100;

type Item = Record<string, unknown>;

export interface Page {
  tasks: StoredTask[];
  cursor?: string;
}

export interface Idempotency {
  key: string;
  fingerprint: string;
  ttlSeconds: number;
}

const isConditionFailure = (err: unknown) =>
  err instanceof Error && err.name === 'ConditionalCheckFailedException';

/** Only the task's own fields leave the data layer: never PK, SK or index keys. */
function fromItem(item: Item): StoredTask {
  return {
    task_id: item.task_id as string,
    user_id: item.user_id as string,
    title: item.title as string,
    description: item.description as string,
    status: item.status as TaskStatus,
    created_at: item.created_at as string,
    updated_at: item.updated_at as string,
    version: item.version as number,
  };
}

export class TaskStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly config: DataConfig,
  ) {}

  private async send<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (err) {
      throw classifyStoreError(err);
    }
  }

  private toItem(task: StoredTask): Item {
    return {
      PK: userPk(task.user_id),
      SK: taskSk(task.task_id),
      GSI1PK: statusPk(task.status, statusShard(task.task_id, this.config.shards)),
      GSI1SK: statusSk(task.created_at, task.task_id),
      ...task,
    };
  }

  private async putNew(task: StoredTask): Promise<boolean> {
    try {
      await this.send(() =>
        this.db.send(
          new PutCommand({
            TableName: this.config.tableName,
            Item: this.toItem(task),
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        ),
      );
      return true;
    } catch (err) {
      if (isConditionFailure(err)) return false;
      throw err;
    }
  }

  /**
   * Without a key: one conditional Put. With an Idempotency-Key: first a conditional Put of a
   * record under the caller's partition (key hash -> fingerprint and the task), then the task,
   * then the record is marked done. A retry finds the record and replays the task, writing it
   * only if the first attempt never got that far, so a create is never lost, doubled, nor
   * brought back after a delete.
   */
  async create(
    task: StoredTask,
    idempotency?: Idempotency,
    now = new Date(),
  ): Promise<{ task: StoredTask; replayed: boolean }> {
    if (!idempotency) {
      if (!(await this.putNew(task)) && !(await this.isStored(task))) {
        throw new Error(`task id collision on ${task.task_id}`);
      }
      return { task, replayed: false };
    }
    const key = { PK: userPk(task.user_id), SK: idempotencySk(idempotency.key) };
    const nowSeconds = Math.floor(now.getTime() / 1000);
    try {
      await this.send(() =>
        this.db.send(
          new PutCommand({
            TableName: this.config.tableName,
            Item: {
              ...key,
              fingerprint: idempotency.fingerprint,
              task,
              [TTL_ATTRIBUTE]: nowSeconds + idempotency.ttlSeconds,
            },
            // TTL deletion is lazy (and absent locally): an expired record counts as absent.
            ConditionExpression: 'attribute_not_exists(PK) OR #ttl < :now',
            ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
            ExpressionAttributeValues: { ':now': nowSeconds },
          }),
        ),
      );
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      const replayed = await this.replay(key, idempotency.fingerprint);
      // The record expired and was removed in between: start afresh.
      return replayed ?? this.create(task, idempotency, now);
    }
    // If this fails the record stays: the write may have landed with its answer lost, and a
    // retry must finish this task rather than start a second one.
    await this.putNew(task);
    await this.markDone(key, idempotency.fingerprint);
    return { task, replayed: false };
  }

  /** A conditional Put that failed because the AWS SDK retried it after its answer was lost. */
  private async isStored(task: StoredTask): Promise<boolean> {
    const stored = await this.get(task.user_id, task.task_id).catch((err: unknown) => {
      if (err instanceof TaskNotFoundError) return undefined;
      throw err;
    });
    return stored !== undefined && JSON.stringify(stored) === JSON.stringify(fromItem(task));
  }

  /** Best effort: a record left undone only lets a later replay write its task once more. */
  private async markDone(key: { PK: string; SK: string }, fingerprint: string): Promise<void> {
    await this.db
      .send(
        new UpdateCommand({
          TableName: this.config.tableName,
          Key: key,
          UpdateExpression: 'SET #state = :done',
          ConditionExpression: 'fingerprint = :f',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':done': 'done', ':f': fingerprint },
        }),
      )
      .catch(() => undefined);
  }

  private async replay(
    key: { PK: string; SK: string },
    fingerprint: string,
  ): Promise<{ task: StoredTask; replayed: boolean } | undefined> {
    const { Item } = await this.send(() =>
      this.db.send(
        new GetCommand({ TableName: this.config.tableName, Key: key, ConsistentRead: true }),
      ),
    );
    if (!Item) return undefined;
    if (Item.fingerprint !== fingerprint) throw new IdempotencyConflictError();
    const task = fromItem(Item.task as Item);
    // Once done, the task may since have been deleted: a replay must not bring it back.
    if (Item.state !== 'done') {
      await this.putNew(task);
      await this.markDone(key, fingerprint);
    }
    return { task, replayed: true };
  }

  async get(owner: string, taskId: string): Promise<StoredTask> {
    const { Item } = await this.send(() =>
      this.db.send(
        new GetCommand({
          TableName: this.config.tableName,
          Key: { PK: userPk(owner), SK: taskSk(taskId) },
          ConsistentRead: true,
        }),
      ),
    );
    if (!Item) throw new TaskNotFoundError(taskId);
    return fromItem(Item);
  }

  /** `attribute_exists(PK)`, plus `version IN (...)` for an If-Match naming versions. */
  private condition(precondition: Precondition | undefined) {
    if (precondition?.kind !== 'versions') {
      return { expression: 'attribute_exists(PK)', values: {} };
    }
    const names = precondition.versions.map((_, i) => `:v${i}`);
    return {
      expression: `attribute_exists(PK) AND version IN (${names.join(', ')})`,
      values: Object.fromEntries(precondition.versions.map((v, i) => [`:v${i}`, v])),
    };
  }

  /** A failed condition is a 404 unless an If-Match was given and the task exists (412). */
  private async conditionFailure(
    owner: string,
    taskId: string,
    precondition: Precondition | undefined,
  ): Promise<never> {
    if (precondition?.kind === 'versions') {
      await this.get(owner, taskId);
      throw new PreconditionFailedError(taskId);
    }
    throw new TaskNotFoundError(taskId);
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
      values[':gsi1pk'] = statusPk(changes.status, statusShard(taskId, this.config.shards));
      sets.push('GSI1PK = :gsi1pk');
    }
    const condition = this.condition(precondition);
    try {
      const { Attributes } = await this.send(() =>
        this.db.send(
          new UpdateCommand({
            TableName: this.config.tableName,
            Key: { PK: userPk(owner), SK: taskSk(taskId) },
            UpdateExpression: `SET ${sets.join(', ')}`,
            ConditionExpression: condition.expression,
            ExpressionAttributeNames: Object.keys(names).length > 0 ? names : undefined,
            ExpressionAttributeValues: { ...values, ...condition.values },
            ReturnValues: 'ALL_NEW',
          }),
        ),
      );
      return fromItem(Attributes as Item);
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      return this.conditionFailure(owner, taskId, precondition);
    }
  }

  async delete(owner: string, taskId: string, precondition?: Precondition): Promise<void> {
    if (precondition?.kind === 'versions' && precondition.versions.length === 0) {
      return this.conditionFailure(owner, taskId, precondition);
    }
    const condition = this.condition(precondition);
    try {
      await this.send(() =>
        this.db.send(
          new DeleteCommand({
            TableName: this.config.tableName,
            Key: { PK: userPk(owner), SK: taskSk(taskId) },
            ConditionExpression: condition.expression,
            ExpressionAttributeValues:
              Object.keys(condition.values).length > 0 ? condition.values : undefined,
          }),
        ),
      );
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      await this.conditionFailure(owner, taskId, precondition);
    }
  }

  /** The owner's tasks, newest first; the cursor only ever positions inside the owner's partition. */
  async listByOwner(
    owner: string,
    options: { limit: number; status?: TaskStatus; cursor?: string },
  ): Promise<Page> {
    const { limit, status, cursor } = options;
    const pk = userPk(owner);
    const after = cursor === undefined ? undefined : decodeTaskCursor(cursor, owner, status);
    const result = await this.send(() =>
      this.db.send(
        new QueryCommand({
          TableName: this.config.tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
          ExpressionAttributeValues: {
            ':pk': pk,
            ':prefix': TASK_SK_PREFIX,
            ...(status ? { ':status': status } : {}),
          },
          ...(status
            ? {
                FilterExpression: '#status = :status',
                ExpressionAttributeNames: { '#status': 'status' },
              }
            : {}),
          ScanIndexForward: false,
          ConsistentRead: true,
          Limit: status ? Math.max(limit, FILTER_READ_AHEAD) : limit,
          ExclusiveStartKey: after ? { PK: pk, SK: taskSk(after) } : undefined,
        }),
      ),
    );
    const items = (result.Items ?? []).map(fromItem);
    const tasks = items.slice(0, limit);
    const last = tasks.at(-1);
    if (items.length > limit && last)
      return { tasks, cursor: encodeTaskCursor(last.task_id, owner, status) };
    const lastKey = result.LastEvaluatedKey?.SK;
    if (typeof lastKey === 'string') {
      return {
        tasks,
        cursor: encodeTaskCursor(lastKey.slice(TASK_SK_PREFIX.length), owner, status),
      };
    }
    return { tasks };
  }

  /**
   * Every user's tasks in one status, newest first: one Query per shard in parallel, merged.
   * Each shard's position travels in the cursor, so pages have no gaps and no repeats.
   */
  async listByStatus(
    status: TaskStatus,
    options: { limit: number; cursor?: string },
  ): Promise<Page> {
    const { limit, cursor } = options;
    const shards = this.config.shards;
    const positions: ShardPosition[] =
      cursor === undefined
        ? Array.from({ length: shards }, () => ({ kind: 'start' }))
        : decodeStatusCursor(cursor, status, shards).positions;

    // Once one shard fails the page is lost: stop the others rather than let them retry on.
    const siblings = new AbortController();
    const results = await Promise.all(
      positions.map(async (position, shard) => {
        if (position.kind === 'done') return { shard, items: [] as StoredTask[], more: false };
        const pk = statusPk(status, shard);
        const result = await this.send(() =>
          this.db.send(
            new QueryCommand({
              TableName: this.config.tableName,
              IndexName: STATUS_INDEX,
              KeyConditionExpression: 'GSI1PK = :pk',
              ExpressionAttributeValues: { ':pk': pk },
              ScanIndexForward: false,
              Limit: limit,
              ExclusiveStartKey:
                position.kind === 'after'
                  ? {
                      PK: userPk(position.user_id),
                      SK: taskSk(position.task_id),
                      GSI1PK: pk,
                      GSI1SK: statusSk(position.created_at, position.task_id),
                    }
                  : undefined,
            }),
            { abortSignal: siblings.signal },
          ),
        );
        const items = (result.Items ?? []).map(fromItem);
        return { shard, items, more: result.LastEvaluatedKey !== undefined };
      }),
    ).catch((err: unknown) => {
      siblings.abort();
      throw err;
    });

    const merged = results
      .flatMap(({ shard, items }) => items.map((task) => ({ shard, task })))
      .sort((a, b) => compareNewestFirst(a.task, b.task))
      .slice(0, limit);

    const next = positions.map((position, shard): ShardPosition => {
      const result = results[shard];
      if (!result || position.kind === 'done') return position;
      const taken = merged.filter((m) => m.shard === shard);
      const lastTaken = taken.at(-1)?.task;
      if (taken.length === result.items.length && !result.more) return { kind: 'done' };
      if (!lastTaken) return position;
      return {
        kind: 'after',
        created_at: lastTaken.created_at,
        task_id: lastTaken.task_id,
        user_id: lastTaken.user_id,
      };
    });
    const tasks = merged.map((m) => m.task);
    if (next.every((p) => p.kind === 'done')) return { tasks };
    return { tasks, cursor: encodeStatusCursor({ status, positions: next }) };
  }
}

/**
 * The status index's sort order, `<created_at>#<task_id>` descending, compared field by field:
 * ISO timestamps have one length, so this is the key's order without building two strings per
 * comparison (that was a third of a warm admin listing).
 */
function compareNewestFirst(a: StoredTask, b: StoredTask): number {
  if (a.created_at !== b.created_at) return a.created_at < b.created_at ? 1 : -1;
  return a.task_id < b.task_id ? 1 : a.task_id > b.task_id ? -1 : 0;
}
