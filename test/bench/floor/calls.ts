/**
 * The personal task operations' floors: each one's DynamoDB requests exactly as the repository
 * (src/data/tasks.ts) makes them on its happy path, with nothing around them. Used by the
 * cold-start floor bundles and the warm floor.
 */
import {
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { MAX_TASKS_PER_WORKSPACE } from '../../../src/config/function.js';
import { MAX_TASKS_PER_USER_DEFAULT } from '../../../src/data/client.js';
import {
  agendaPk,
  statusPk,
  statusShard,
  statusSk,
  TASK_SK_PREFIX,
  taskCountSk,
  taskSk,
  userPk,
} from '../../../src/data/keys.js';
import { STATUS_INDEX } from '../../../src/data/table.js';
import type { Db, Floor } from './event.js';
import { planAttributes } from './plan.js';

type Status = 'pending' | 'in_progress' | 'completed';
type Key = { PK: string; SK: string };

/** The workspace cap as the functions read it where unset. */
export const MAX_TASKS_PER_WORKSPACE_DEFAULT = MAX_TASKS_PER_WORKSPACE.read({});

/** The spec's default page size. */
export const LIMIT = 50;

/** A container's task count, changed in the same transaction as a create (up to `cap`) or a delete. */
export const countBy = (tableName: string, pk: string, by: 1 | -1, cap: number) => ({
  Update: {
    TableName: tableName,
    Key: { PK: pk, SK: taskCountSk },
    UpdateExpression: 'ADD task_count :by, revision :one',
    ...(by === 1
      ? { ConditionExpression: 'attribute_not_exists(task_count) OR task_count < :cap' }
      : {}),
    ExpressionAttributeValues: { ':by': by, ':one': 1, ...(by === 1 ? { ':cap': cap } : {}) },
  },
});

/** One transaction: the conditional Put of a new task and the raise of its container's count. */
export const putNew = (db: Db, tableName: string, item: Record<string, unknown>, cap: number) =>
  db.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: tableName,
            Item: item,
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        countBy(tableName, String(item.PK), 1, cap),
      ],
    }),
  );

/** One transaction: the conditional Delete and the lowering of the container's count. */
export const deleteWithCount = (db: Db, tableName: string, key: Key) =>
  db.send(
    new TransactWriteCommand({
      TransactItems: [
        { Delete: { TableName: tableName, Key: key, ConditionExpression: 'attribute_exists(PK)' } },
        countBy(tableName, key.PK, -1, 0),
      ],
    }),
  );

export const getConsistent = (db: Db, tableName: string, key: Key) =>
  db.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));

/** A container's newest tasks, from its partition. */
export const queryPartition = (db: Db, tableName: string, pk: string) =>
  db.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': TASK_SK_PREFIX },
      ScanIndexForward: false,
      ConsistentRead: true,
      Limit: LIMIT,
    }),
  );

/**
 * The conditional update of a task's status, the new item returned. An open task is in the
 * agenda under its due index key, which the task must have.
 */
export const updateStatus = (
  db: Db,
  tableName: string,
  key: Key,
  status: string,
  index: Record<string, string> = {},
) =>
  db.send(
    new UpdateCommand({
      TableName: tableName,
      Key: key,
      UpdateExpression: [
        'SET updated_at = :now, version = version + :one, #status = :status',
        ...Object.keys(index).map((name) => `${name} = :${name}`),
        'GSI3SK = GSI2SK',
      ].join(', '),
      ConditionExpression: 'attribute_exists(PK) AND attribute_exists(GSI2SK)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':now': new Date().toISOString(),
        ':one': 1,
        ':status': status,
        ...Object.fromEntries(Object.entries(index).map(([name, v]) => [`:${name}`, v])),
      },
      ReturnValues: 'ALL_NEW',
    }),
  );

const taskKey = (sub: string, taskId: string): Key => ({ PK: userPk(sub), SK: taskSk(taskId) });
const taskIdOf = (path: Record<string, string | undefined>) => String(path.taskId);

/** A new pending task's own fields, as the rules make them from a create body. */
export const newTaskFields = (id: string, body: Record<string, unknown>, at: string) => ({
  task_id: id,
  title: body.title,
  description: body.description,
  status: 'pending',
  created_at: at,
  updated_at: at,
  version: 1,
});

export const createTask: Floor = async (db, config, { sub, body, id }) => {
  const at = new Date().toISOString();
  const item = {
    ...taskKey(sub, id),
    GSI1PK: statusPk('pending', statusShard(id, config.shards)),
    GSI1SK: statusSk(at, id),
    ...newTaskFields(id, body, at),
    user_id: sub,
    ...planAttributes(id, body, userPk(sub), sub),
  };
  await putNew(db, config.tableName, item, config.maxTasksPerUser ?? MAX_TASKS_PER_USER_DEFAULT);
  return item;
};

export const getTask: Floor = async (db, config, { sub, path }) =>
  (await getConsistent(db, config.tableName, taskKey(sub, taskIdOf(path)))).Item;

export const updateTask: Floor = async (db, config, { sub, path, body }) => {
  const taskId = taskIdOf(path);
  const status = body.status as Status;
  const gsi1pk = statusPk(status, statusShard(taskId, config.shards));
  const key = taskKey(sub, taskId);
  const index = { GSI1PK: gsi1pk, GSI3PK: agendaPk(sub) };
  return (await updateStatus(db, config.tableName, key, status, index)).Attributes;
};

export const deleteTask: Floor = async (db, config, { sub, path }) => {
  await deleteWithCount(db, config.tableName, taskKey(sub, taskIdOf(path)));
};

export const listTasks: Floor = async (db, config, { sub }) =>
  (await queryPartition(db, config.tableName, userPk(sub))).Items;

/** One Query per status-index shard, in parallel, as the admin listing makes them. */
export const listTasksByStatus: Floor = async (db, config, { query }) => {
  const status = query.status as Status;
  const pages = await Promise.all(
    Array.from({ length: config.shards }, (_, shard) =>
      db.send(
        new QueryCommand({
          TableName: config.tableName,
          IndexName: STATUS_INDEX,
          KeyConditionExpression: 'GSI1PK = :pk',
          ExpressionAttributeValues: { ':pk': statusPk(status, shard) },
          ScanIndexForward: false,
          Limit: LIMIT,
        }),
      ),
    ),
  );
  return pages.flatMap((page) => page.Items ?? []);
};
