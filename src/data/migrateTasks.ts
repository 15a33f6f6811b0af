/**
 * `npm run migrate`: one task item brought to the current shape
 * (docs/operations.md#upgrading-a-table-in-place). The shape is the container's mapping,
 * `toItem(fromItem(item))`, so whatever keys, index entries and defaults the mapping writes, the
 * migration writes. Each write is conditioned on the item as read; a lost race reads it again.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { TaskCore } from '../tasks/task.js';
import { personalContainer, type TaskContainer, workspaceContainer } from './containers.js';
import { type Item, isConditionFailure } from './items.js';
import { TASK_SK_PREFIX } from './keys.js';
import {
  adoptedTaskId,
  containerOf,
  isSeedTask,
  normalizeTask,
  sameItem,
  unchanged,
  unfitReason,
} from './migrateShape.js';
import type { TableSession } from './session.js';
import { transact } from './transact.js';

export type TaskOutcome = 'current' | 'upgraded' | 'adopted' | 'gone' | 'unfit';
type Attempt = TaskOutcome | 'raced';

/** How often one item may change under the migration before it gives up on the run. */
const RACE_TRIES = 10;

function containerFor(session: TableSession, pk: string): TaskContainer<TaskCore> {
  const ref = containerOf(pk);
  if (!ref) throw new Error(`not a task container partition, got ${pk}`);
  return ref.kind === 'user'
    ? (personalContainer(ref.sub, session) as unknown as TaskContainer<TaskCore>)
    : (workspaceContainer(ref.id, session) as unknown as TaskContainer<TaskCore>);
}

/** The item as the current version writes it; an adopted seed task keeps its UUID. */
function currentShape(container: TaskContainer<TaskCore>, item: Item, taskId: string): Item {
  const mapped = container.toItem(container.fromItem(normalizeTask(item, taskId)));
  return item.legacy_id === undefined ? mapped : { ...mapped, legacy_id: item.legacy_id };
}

/**
 * Brings one task item to the current shape; `warn` hears why an item is left alone. Runs until
 * it is done with the item as it is now (a concurrent write makes it read the item again).
 */
export async function migrateTask(
  session: TableSession,
  read: Item,
  warn: (line: string) => void,
): Promise<TaskOutcome> {
  let item: Item | undefined = read;
  for (let attempt = 1; attempt <= RACE_TRIES; attempt++) {
    const reason = unfitReason(item);
    if (reason) {
      warn(`[migrate] left as it is: ${String(item.PK)} ${String(item.SK)}: ${reason}`);
      return 'unfit';
    }
    const outcome = isSeedTask(item) ? await adopt(session, item) : await upgrade(session, item);
    if (outcome !== 'raced') return outcome;
    item = await readItem(session, item);
    if (!item) return 'gone';
  }
  throw new Error(`task item kept changing under the migration: ${String(read.PK)} ${read.SK}`);
}

/** An earlier task-api's item, rewritten whole if its shape differs, as of the version read. */
async function upgrade(session: TableSession, item: Item): Promise<Attempt> {
  const container = containerFor(session, String(item.PK));
  const taskId = String(item.SK).slice(TASK_SK_PREFIX.length);
  const next = currentShape(container, item, taskId);
  if (sameItem(next, item)) return 'current';
  try {
    await session.send((options) =>
      session.db.send(
        new PutCommand({ TableName: session.tableName, Item: next, ...unchanged(item) }),
        options,
      ),
    );
    return 'upgraded';
  } catch (err) {
    if (isConditionFailure(err)) return 'raced';
    throw err;
  }
}

/**
 * A seed task, moved to its ULID in one transaction: the new item (which must not exist) and
 * the Delete of the old one as read. After it the task is one like any other.
 */
async function adopt(session: TableSession, item: Item): Promise<Attempt> {
  const container = containerFor(session, String(item.PK));
  const uuid = String(item.SK).slice(TASK_SK_PREFIX.length);
  const normal = normalizeTask(item, uuid);
  const taskId = adoptedTaskId(uuid, String(normal.created_at));
  const next = { ...currentShape(container, normal, taskId), legacy_id: uuid };
  const cancelled = await transact(session, [
    {
      Put: {
        TableName: session.tableName,
        Item: next,
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    {
      Delete: {
        TableName: session.tableName,
        Key: { PK: item.PK, SK: item.SK },
        ...unchanged(item),
      },
    },
  ]);
  if (!cancelled) return 'adopted';
  if (cancelled.codes[1] === 'ConditionalCheckFailed') return 'raced';
  // The seed item is as read, yet its ULID is taken: another task already holds that id.
  throw new Error(`adopted id ${taskId} of seed task ${uuid} is taken: ${cancelled.codes}`);
}

async function readItem(session: TableSession, item: Item): Promise<Item | undefined> {
  const { Item: now } = await session.send((options) =>
    session.db.send(
      new GetCommand({
        TableName: session.tableName,
        Key: { PK: item.PK, SK: item.SK },
        ConsistentRead: true,
      }),
      options,
    ),
  );
  return now;
}
