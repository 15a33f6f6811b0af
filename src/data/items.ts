/** Task items of any container (docs/architecture.md#one-task-path): their writes and their read. */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { TaskCore } from '../tasks/task.js';
import type { TaskContainer } from './containers.js';
import { taskSk } from './keys.js';
import type { TableSession } from './session.js';
import type { Cancelled, TransactItems } from './transact.js';

export type Item = Record<string, unknown>;

export const isConditionFailure = (err: unknown) =>
  err instanceof Error && err.name === 'ConditionalCheckFailedException';

/**
 * A change of the container's task count (docs/architecture.md#the-data-model) for a
 * transaction: raised only while below the cap, lowered always. `revision` grows with every
 * change, so `npm run migrate` can tell a count that went up and back down from one untouched.
 */
export function countChange<T extends TaskCore>(
  session: TableSession,
  container: TaskContainer<T>,
  by: 1 | -1,
) {
  const raise = by === 1;
  return {
    Update: {
      TableName: session.tableName,
      Key: container.countKey,
      UpdateExpression: 'ADD task_count :by, revision :one',
      ...(raise
        ? { ConditionExpression: 'attribute_not_exists(task_count) OR task_count < :cap' }
        : {}),
      ExpressionAttributeValues: {
        ':by': by,
        ':one': 1,
        ...(raise ? { ':cap': container.cap } : {}),
      },
    },
  };
}

/** A new task's writes: the conditional Put of the task and the raise of its container's count. */
export function putNewItems<T extends TaskCore>(
  session: TableSession,
  container: TaskContainer<T>,
  task: T,
): TransactItems {
  return [
    {
      Put: {
        TableName: session.tableName,
        Item: container.toItem(task),
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    countChange(session, container, 1),
  ];
}

/**
 * What cancelled a new task's writes (`putNewItems`, starting at `at` in the transaction):
 * 'exists' when an item with its key exists; the cap is the container's problem.
 */
export function newTaskFailure<T extends TaskCore>(
  cancelled: Cancelled,
  at: number,
  container: TaskContainer<T>,
): 'exists' {
  if (cancelled.codes[at] === 'ConditionalCheckFailed') return 'exists';
  if (cancelled.codes[at + 1] === 'ConditionalCheckFailed') throw container.capReached();
  throw new Error(`transaction cancelled: ${cancelled.codes.join(', ')}`);
}

export async function getStored<T extends TaskCore>(
  session: TableSession,
  container: TaskContainer<T>,
  taskId: string,
): Promise<T | undefined> {
  const { Item } = await session.send((options) =>
    session.db.send(
      new GetCommand({
        TableName: session.tableName,
        Key: { PK: container.pk, SK: taskSk(taskId) },
        ConsistentRead: true,
      }),
      options,
    ),
  );
  return Item ? container.fromItem(Item) : undefined;
}
