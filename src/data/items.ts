/** Task items in the table (docs/architecture.md#the-data-model), their writes and their read. */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { taskLimitReached } from '../tasks/errors.js';
import type { StoredTask, TaskStatus } from '../tasks/task.js';
import { statusPk, statusShard, statusSk, taskCountSk, taskSk, userPk } from './keys.js';
import type { TableSession } from './session.js';
import type { Cancelled, TransactItems } from './transact.js';

export type Item = Record<string, unknown>;

export const isConditionFailure = (err: unknown) =>
  err instanceof Error && err.name === 'ConditionalCheckFailedException';

/** Only the task's own fields leave the data layer: never PK, SK or index keys. */
export function fromItem(item: Item): StoredTask {
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

export function toItem(task: StoredTask, shards: number): Item {
  return {
    PK: userPk(task.user_id),
    SK: taskSk(task.task_id),
    GSI1PK: statusPk(task.status, statusShard(task.task_id, shards)),
    GSI1SK: statusSk(task.created_at, task.task_id),
    ...task,
  };
}

/**
 * A change of the owner's task count (docs/architecture.md#the-data-model) for a transaction:
 * raised only while below the cap, lowered always.
 */
export function countChange(session: TableSession, owner: string, by: 1 | -1) {
  const raise = by === 1;
  return {
    Update: {
      TableName: session.tableName,
      Key: { PK: userPk(owner), SK: taskCountSk },
      UpdateExpression: 'ADD task_count :by',
      ...(raise
        ? { ConditionExpression: 'attribute_not_exists(task_count) OR task_count < :cap' }
        : {}),
      ExpressionAttributeValues: raise
        ? { ':by': by, ':cap': session.maxTasksPerUser }
        : { ':by': by },
    },
  };
}

/** A new task's writes: the conditional Put of the task and the raise of its owner's count. */
export function putNewItems(session: TableSession, task: StoredTask): TransactItems {
  return [
    {
      Put: {
        TableName: session.tableName,
        Item: toItem(task, session.config.shards),
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    countChange(session, task.user_id, 1),
  ];
}

/**
 * What cancelled a new task's writes (`putNewItems`, starting at `at` in the transaction):
 * 'exists' when an item with its key exists; the cap is a task-limit-reached problem.
 */
export function newTaskFailure(cancelled: Cancelled, at: number, session: TableSession): 'exists' {
  if (cancelled.codes[at] === 'ConditionalCheckFailed') return 'exists';
  if (cancelled.codes[at + 1] === 'ConditionalCheckFailed') {
    throw taskLimitReached(session.maxTasksPerUser);
  }
  throw new Error(`transaction cancelled: ${cancelled.codes.join(', ')}`);
}

export async function getStored(
  session: TableSession,
  owner: string,
  taskId: string,
): Promise<StoredTask | undefined> {
  const { Item } = await session.send((options) =>
    session.db.send(
      new GetCommand({
        TableName: session.tableName,
        Key: { PK: userPk(owner), SK: taskSk(taskId) },
        ConsistentRead: true,
      }),
      options,
    ),
  );
  return Item ? fromItem(Item) : undefined;
}
