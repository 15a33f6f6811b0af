/**
 * The floors of the planning variants (test/bench/scenarios.ts VARIANTS): a list in due order is
 * one Query of the due index (GSI2); an update that sets the planning fields of an open task is
 * one UpdateItem, its index entries moved with it (src/data/taskUpdate.ts).
 */
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { taskSk, userPk } from '../../../src/data/keys.js';
import { DUE_INDEX } from '../../../src/data/table.js';
import { LIMIT } from './calls.js';
import type { Floor } from './event.js';
import { planAttributes } from './plan.js';

/** The caller's tasks, soonest due first: one Query of their partition of the due index. */
export const listTasksByDue: Floor = async (db, { tableName }, { sub }) =>
  (
    await db.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: DUE_INDEX,
        KeyConditionExpression: 'GSI2PK = :pk',
        ExpressionAttributeValues: { ':pk': userPk(sub) },
        ScanIndexForward: true,
        Limit: LIMIT,
      }),
    )
  ).Items;

/** Due, priority, labels and recurrence set on an open task, in one conditional UpdateItem. */
export const updateTaskPlan: Floor = async (db, { tableName }, { sub, path, body }) => {
  const taskId = String(path.taskId);
  const { GSI3SK: _sk, ...set } = { ...planAttributes(taskId, body, userPk(sub), sub) };
  const values = Object.fromEntries(Object.entries(set).map(([k, v]) => [`:${k}`, v]));
  const out = await db.send(
    new UpdateCommand({
      TableName: tableName,
      Key: { PK: userPk(sub), SK: taskSk(taskId) },
      UpdateExpression: `SET updated_at = :now, version = version + :one, ${Object.keys(set)
        .map((k) => `#${k} = :${k}`)
        .join(', ')}, GSI3SK = :GSI2SK`,
      ConditionExpression: 'attribute_exists(PK) AND #status <> :completed',
      ExpressionAttributeNames: {
        '#status': 'status',
        ...Object.fromEntries(Object.keys(set).map((k) => [`#${k}`, k])),
      },
      ExpressionAttributeValues: {
        ':now': new Date().toISOString(),
        ':one': 1,
        ':completed': 'completed',
        ...values,
      },
      ReturnValues: 'ALL_NEW',
    }),
  );
  return out.Attributes;
};
