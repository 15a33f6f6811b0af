/** Task items in the table (docs/architecture.md#the-data-model) and the two single-item calls on them. */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { StoredTask, TaskStatus } from '../tasks/task.js';
import { statusPk, statusShard, statusSk, taskSk, userPk } from './keys.js';
import type { TableSession } from './session.js';

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

/** A conditional Put of a new task; false when an item with its key exists. */
export async function putNew(session: TableSession, task: StoredTask): Promise<boolean> {
  try {
    await session.send((options) =>
      session.db.send(
        new PutCommand({
          TableName: session.tableName,
          Item: toItem(task, session.config.shards),
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
        options,
      ),
    );
    return true;
  } catch (err) {
    if (isConditionFailure(err)) return false;
    throw err;
  }
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
