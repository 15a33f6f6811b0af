/**
 * Updating a task of any container (docs/architecture.md#updating-a-task). The common case is one
 * UpdateItem: its condition states what the expression assumes of the stored task (that a task
 * whose due moves is open, that a task being completed does not recur, ...). When an assumption
 * fails, one consistent read and an exact write conditioned on the version read; for a recurring
 * task's completion that write is one transaction with its next occurrence and the container's
 * count, so a retried or concurrent completion never makes two.
 */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { invalid } from '../contract/problem.js';
import { dueInstant } from '../tasks/due.js';
import { stale, taskNotFound } from '../tasks/errors.js';
import { nextOccurrence } from '../tasks/recurrence.js';
import {
  labelKey,
  newTaskId,
  type Precondition,
  recurrenceNeedsDue,
  type TaskChanges,
  type TaskCore,
} from '../tasks/task.js';
import { condition, matches } from './conditions.js';
import type { TaskContainer } from './containers.js';
import { type Item, isConditionFailure, putNewItems } from './items.js';
import { dueSk, taskSk } from './keys.js';
import type { TableSession } from './session.js';
import { transact } from './transact.js';

/** The fields an update writes as sent (`assignee` only where the container has one). */
const AS_SENT = ['title', 'description', 'status', 'assignee', 'priority', 'labels'] as const;
/** Item attributes a task's mapping may leave out (toItem), so an exact write drops them. */
const OPTIONAL = [
  'due',
  'due_at',
  'recurrence',
  'label_keys',
  'GSI1PK',
  'GSI1SK',
  'GSI3PK',
  'GSI3SK',
];
/** How often an update is tried again after another write changed the task first. */
const TRIES = 10;

interface Expression {
  sets: string[];
  removes: string[];
  names: Record<string, string>;
  values: Record<string, unknown>;
  /** What the expression assumes of the stored task. */
  assumptions: string[];
}

/** The UpdateItem for `changes` and its assumptions; undefined when only the exact way will do. */
export function quickUpdate<T extends TaskCore>(
  container: TaskContainer<T>,
  taskId: string,
  changes: TaskChanges,
  now: Date,
): Expression | undefined {
  const { due, status, recurrence } = changes;
  // Completing a task while giving it a rule: whether a next occurrence follows needs the task.
  if (status === 'completed' && typeof recurrence === 'string') return undefined;
  const e: Expression = {
    sets: ['updated_at = :now', 'version = version + :one'],
    removes: [],
    names: {},
    values: { ':now': now.toISOString(), ':one': 1 },
    assumptions: [],
  };
  const name = (field: string) => {
    e.names[`#${field}`] = field;
    return `#${field}`;
  };
  const set = (field: string, value: unknown) => {
    e.values[`:${field}`] = value;
    e.sets.push(`${name(field)} = :${field}`);
  };
  const remove = (field: string) => e.removes.push(name(field));
  for (const field of AS_SENT) if (changes[field] !== undefined) set(field, changes[field]);
  if (changes.labels) {
    if (changes.labels.length > 0) set('label_keys', changes.labels.map(labelKey));
    else remove('label_keys');
  }
  if (recurrence === null) remove('recurrence');
  else if (recurrence !== undefined) set('recurrence', recurrence);
  let sk: string | undefined;
  if (due !== undefined) {
    const dueAt = due ? dueInstant(due) : undefined;
    sk = dueSk(dueAt, taskId);
    if (due) {
      set('due', due);
      set('due_at', dueAt);
    } else {
      remove('due');
      remove('due_at');
    }
    set('GSI2PK', container.pk);
    set('GSI2SK', sk);
  }
  const open = () => {
    e.values[':completed'] = 'completed';
    return `${name('status')} <> :completed`;
  };
  // The agenda's sort key: present while the task is open.
  if (status === 'completed') remove('GSI3SK');
  else if (status !== undefined && sk) set('GSI3SK', sk);
  else if (status !== undefined) {
    e.sets.push(`${name('GSI3SK')} = ${name('GSI2SK')}`);
    e.assumptions.push(`attribute_exists(${name('GSI2SK')})`);
  } else if (sk) {
    set('GSI3SK', sk);
    e.assumptions.push(open());
  }
  const index = container.indexChanges(taskId, changes);
  for (const [field, value] of Object.entries(index.set)) set(field, value);
  for (const field of index.remove) remove(field);
  if (due === null && recurrence === undefined) {
    e.assumptions.push(`attribute_not_exists(${name('recurrence')})`);
  }
  if (typeof recurrence === 'string' && due === undefined) {
    e.assumptions.push(`attribute_exists(${name('due_at')})`);
  }
  if (status === 'completed' && recurrence === undefined) {
    e.assumptions.push(`(attribute_not_exists(${name('recurrence')}) OR NOT ${open()})`);
  }
  return e;
}

/** The update: the quick way when its assumptions hold, else the exact way. */
export async function updateTask<T extends TaskCore>(
  session: TableSession,
  container: TaskContainer<T>,
  taskId: string,
  changes: TaskChanges,
  precondition: Precondition | undefined,
  now: Date,
  attempt = 1,
): Promise<T> {
  const again = () => {
    if (attempt >= TRIES) throw new Error(`task ${taskId} kept changing during its update`);
    return updateTask(session, container, taskId, changes, precondition, now, attempt + 1);
  };
  const quick = quickUpdate(container, taskId, changes, now);
  if (!quick) return exactUpdate(session, container, taskId, changes, precondition, now, again);
  const where = condition(precondition);
  const removes = quick.removes.length > 0 ? ` REMOVE ${quick.removes.join(', ')}` : '';
  try {
    const { Attributes } = await session.send((options) =>
      session.db.send(
        new UpdateCommand({
          TableName: session.tableName,
          Key: { PK: container.pk, SK: taskSk(taskId) },
          UpdateExpression: `SET ${quick.sets.join(', ')}${removes}`,
          ConditionExpression: [where.expression, ...quick.assumptions].join(' AND '),
          ExpressionAttributeNames: Object.keys(quick.names).length > 0 ? quick.names : undefined,
          ExpressionAttributeValues: { ...quick.values, ...where.values },
          ReturnValues: 'ALL_NEW',
        }),
        options,
      ),
    );
    return container.fromItem(Attributes as Item);
  } catch (err) {
    if (!isConditionFailure(err)) throw err;
    return exactUpdate(session, container, taskId, changes, precondition, now, again);
  }
}

/**
 * Read the task, apply the changes to it, and write the whole item back conditioned on the
 * version read: a 404 or 412 from what was read, a 400 for a recurring task left without a due,
 * and a completion's next occurrence in the same transaction. When another write changed the
 * task since the read, the whole update goes `again` (its quick way may now hold: a completion
 * that lost to another is then a completion of a completed task).
 */
async function exactUpdate<T extends TaskCore>(
  session: TableSession,
  container: TaskContainer<T>,
  taskId: string,
  changes: TaskChanges,
  precondition: Precondition | undefined,
  now: Date,
  again: () => Promise<T>,
): Promise<T> {
  const key = { PK: container.pk, SK: taskSk(taskId) };
  const { Item } = await session.send((options) =>
    session.db.send(
      new GetCommand({ TableName: session.tableName, Key: key, ConsistentRead: true }),
      options,
    ),
  );
  if (!Item) throw taskNotFound(taskId);
  const stored = container.fromItem(Item);
  if (!matches(precondition, stored.version)) throw stale(`task ${taskId}`);
  const defined = Object.entries(changes).filter(([, value]) => value !== undefined);
  const task: T = {
    ...stored,
    ...Object.fromEntries(defined),
    updated_at: now.toISOString(),
    version: stored.version + 1,
  };
  if (task.recurrence && !task.due) {
    throw invalid('the task has fields that are not valid', [recurrenceNeedsDue()]);
  }
  const completing = stored.status !== 'completed' && task.status === 'completed';
  const next =
    completing && task.recurrence && task.due && nextOccurrence(task.recurrence, task.due);
  const kept = Object.fromEntries(Object.entries(Item).filter(([k]) => !OPTIONAL.includes(k)));
  const put = {
    TableName: session.tableName,
    Item: { ...kept, ...container.toItem(task) },
    ConditionExpression: 'version = :read',
    ExpressionAttributeValues: { ':read': stored.version },
  };
  if (!next) {
    try {
      await session.send((options) => session.db.send(new PutCommand(put), options));
      return task;
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      return again();
    }
  }
  const at = now.toISOString();
  const successor: T = {
    ...task,
    task_id: newTaskId(now.getTime()),
    status: 'pending',
    due: next.due,
    recurrence: next.recurrence,
    created_at: at,
    updated_at: at,
    version: 1,
  };
  const cancelled = await transact(session, [
    { Put: put },
    ...putNewItems(session, container, successor),
  ]);
  if (!cancelled) return task;
  if (cancelled.codes[2] === 'ConditionalCheckFailed') throw container.capReached();
  if (cancelled.codes[0] !== 'ConditionalCheckFailed') {
    throw new Error(`transaction cancelled: ${cancelled.codes.join(', ')}`);
  }
  return again();
}
