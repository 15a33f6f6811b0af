/**
 * `npm run migrate`: a container's task count (`COUNT#TASKS`, docs/architecture.md#limits) set
 * to the number of its tasks, once, while creates and deletes go on. The count item is read,
 * the tasks counted, and the count written only if the item has not changed since it was read
 * (absent, or the same `revision`, which every create and delete raises): then no create or
 * delete landed in between, and the tasks counted are the tasks there are. Otherwise it counts
 * again. A count marked `counted` is exact from then on and is left alone.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type Item, isConditionFailure } from './items.js';
import { TASK_SK_PREFIX, taskCountSk } from './keys.js';
import { metaChange } from './membershipWrites.js';
import { type ContainerRef, containerOf } from './migrateShape.js';
import type { TableSession } from './session.js';
import { type TransactItems, transact } from './transact.js';

export type CountOutcome = 'counted' | 'set' | 'skipped';

/** How often the count may change while it is being set before the run gives up on it. */
const RACE_TRIES = 20;

/** Sets the count of the container whose partition is `pk`: 'set', or why not. */
export async function setTaskCount(session: TableSession, pk: string): Promise<CountOutcome> {
  const ref = containerOf(pk);
  if (!ref) throw new Error(`not a task container partition, got ${pk}`);
  const key = { PK: pk, SK: taskCountSk };
  for (let attempt = 1; attempt <= RACE_TRIES; attempt++) {
    const seen = await readCount(session, key);
    if (seen?.counted === true) return 'counted';
    const tasks = await countTasks(session, pk);
    const outcome = await writeCount(session, ref, key, seen, tasks);
    if (outcome !== 'raced') return outcome;
  }
  throw new Error(`task count of ${pk} kept changing while it was set`);
}

async function readCount(session: TableSession, key: Item): Promise<Item | undefined> {
  const { Item: item } = await session.send((options) =>
    session.db.send(
      new GetCommand({ TableName: session.tableName, Key: key, ConsistentRead: true }),
      options,
    ),
  );
  return item;
}

/** The container's `TASK#` items, counted by strongly consistent Query pages. */
async function countTasks(session: TableSession, pk: string): Promise<number> {
  let total = 0;
  let start: Item | undefined;
  do {
    const page = await session.send((options) =>
      session.db.send(
        new QueryCommand({
          TableName: session.tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :task)',
          ExpressionAttributeValues: { ':pk': pk, ':task': TASK_SK_PREFIX },
          Select: 'COUNT',
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
        options,
      ),
    );
    total += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return total;
}

/** The condition that the count item is as `seen`: absent stays absent, else the same change. */
function asSeen(seen: Item | undefined) {
  if (!seen) return { ConditionExpression: 'attribute_not_exists(PK)', values: {} };
  if (seen.revision !== undefined) {
    return { ConditionExpression: 'revision = :seen', values: { ':seen': seen.revision } };
  }
  return {
    ConditionExpression: 'attribute_not_exists(revision) AND task_count = :seen',
    values: { ':seen': seen.task_count },
  };
}

/**
 * The count write; a workspace's only while the workspace is live, so no count is left in a
 * partition its deletion has swept ('skipped').
 */
async function writeCount(
  session: TableSession,
  ref: ContainerRef,
  key: Item,
  seen: Item | undefined,
  tasks: number,
): Promise<CountOutcome | 'raced'> {
  const { ConditionExpression, values } = asSeen(seen);
  const items: TransactItems = [
    {
      Update: {
        TableName: session.tableName,
        Key: key,
        UpdateExpression: 'SET task_count = :tasks, counted = :counted ADD revision :one',
        ConditionExpression,
        ExpressionAttributeValues: { ...values, ':tasks': tasks, ':counted': true, ':one': 1 },
      },
    },
  ];
  if (ref.kind === 'workspace') items.push(metaChange(session, ref.id));
  try {
    const cancelled = await transact(session, items);
    if (!cancelled) return 'set';
    if (cancelled.codes[0] === 'ConditionalCheckFailed') return 'raced';
    if (cancelled.codes[1] === 'ConditionalCheckFailed') return 'skipped';
    throw new Error(`count transaction cancelled: ${cancelled.codes.join(', ')}`);
  } catch (err) {
    if (isConditionFailure(err)) return 'raced';
    throw err;
  }
}
