/**
 * The floor: each operation's DynamoDB request exactly as the repository (src/data/tasks.ts)
 * makes it, with nothing around it. Used by the cold-start floor bundles and the warm floor.
 */
import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { MAX_TASKS_PER_USER_DEFAULT } from '../../../src/data/client.js';
import {
  statusPk,
  statusShard,
  statusSk,
  TASK_SK_PREFIX,
  taskCountSk,
  taskSk,
  userPk,
} from '../../../src/data/keys.js';

export type Db = DynamoDBDocumentClient;
type Status = 'pending' | 'in_progress' | 'completed';

export interface TaskFields {
  sub: string;
  taskId: string;
  title: string;
  description: string;
  at: string;
}

/** The stored item of a new pending task, keys included, as the repository writes it. */
export function taskItem(t: TaskFields, shards: number): Record<string, unknown> {
  return {
    PK: userPk(t.sub),
    SK: taskSk(t.taskId),
    GSI1PK: statusPk('pending', statusShard(t.taskId, shards)),
    GSI1SK: statusSk(t.at, t.taskId),
    task_id: t.taskId,
    user_id: t.sub,
    title: t.title,
    description: t.description,
    status: 'pending',
    created_at: t.at,
    updated_at: t.at,
    version: 1,
  };
}

/** The owner's task count, changed in the same transaction as a create or a delete. */
const countBy = (tableName: string, sub: string, by: 1 | -1) => ({
  Update: {
    TableName: tableName,
    Key: { PK: userPk(sub), SK: taskCountSk },
    UpdateExpression: 'ADD task_count :by',
    ...(by === 1
      ? { ConditionExpression: 'attribute_not_exists(task_count) OR task_count < :cap' }
      : {}),
    ExpressionAttributeValues:
      by === 1 ? { ':by': by, ':cap': MAX_TASKS_PER_USER_DEFAULT } : { ':by': by },
  },
});

export const putTask = (db: Db, tableName: string, item: Record<string, unknown>) =>
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
        countBy(tableName, String(item.user_id), 1),
      ],
    }),
  );

export const getTask = (db: Db, tableName: string, sub: string, taskId: string) =>
  db.send(
    new GetCommand({
      TableName: tableName,
      Key: { PK: userPk(sub), SK: taskSk(taskId) },
      ConsistentRead: true,
    }),
  );

export const updateStatus = (
  db: Db,
  tableName: string,
  shards: number,
  { sub, taskId, status, at }: { sub: string; taskId: string; status: Status; at: string },
) =>
  db.send(
    new UpdateCommand({
      TableName: tableName,
      Key: { PK: userPk(sub), SK: taskSk(taskId) },
      UpdateExpression:
        'SET updated_at = :now, version = version + :one, #status = :status, GSI1PK = :gsi1pk',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':now': at,
        ':one': 1,
        ':status': status,
        ':gsi1pk': statusPk(status, statusShard(taskId, shards)),
      },
      ReturnValues: 'ALL_NEW',
    }),
  );

export const deleteTask = (db: Db, tableName: string, sub: string, taskId: string) =>
  db.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Delete: {
            TableName: tableName,
            Key: { PK: userPk(sub), SK: taskSk(taskId) },
            ConditionExpression: 'attribute_exists(PK)',
          },
        },
        countBy(tableName, sub, -1),
      ],
    }),
  );

export const queryOwner = (db: Db, tableName: string, sub: string, limit: number) =>
  db.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': userPk(sub), ':prefix': TASK_SK_PREFIX },
      ScanIndexForward: false,
      ConsistentRead: true,
      Limit: limit,
    }),
  );

/** One Query per status-index shard, in parallel, as the admin listing makes them. */
export const queryStatus = (
  db: Db,
  tableName: string,
  indexName: string,
  status: Status,
  shards: number,
  limit: number,
) =>
  Promise.all(
    Array.from({ length: shards }, (_, shard) =>
      db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: indexName,
          KeyConditionExpression: 'GSI1PK = :pk',
          ExpressionAttributeValues: { ':pk': statusPk(status, shard) },
          ScanIndexForward: false,
          Limit: limit,
        }),
      ),
    ),
  );
