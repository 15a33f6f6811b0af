/**
 * The workspace operations' floors: the DynamoDB requests the repository (src/data/workspaces.ts,
 * src/data/tasks.ts) makes on its happy path, in the same order and with the same parallelism,
 * with nothing around them. A workspace operation first establishes the caller's membership (one
 * BatchGetItem of the workspace and the membership, docs/architecture.md#one-task-path), then
 * makes its own call. A bare client does not retry UnprocessedKeys/UnprocessedItems (the embedded
 * engine returns none).
 */
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { agendaPk, taskSk } from '../../../src/data/keys.js';
import { AGENDA_INDEX, STATUS_INDEX } from '../../../src/data/table.js';
import {
  assigneePk,
  type Key,
  META_SK,
  memberKey,
  membershipsPk,
  metaKey,
  workspaceGsiSk,
  workspacePk,
} from '../../../src/data/workspaceItems.js';
import {
  deleteWithCount,
  getConsistent,
  LIMIT,
  MAX_TASKS_PER_WORKSPACE_DEFAULT,
  newTaskFields,
  putNew,
  queryPartition,
  updateStatus,
} from './calls.js';
import { countOf, deleteCounted, workspaceCount } from './counts.js';
import type { Db, Floor } from './event.js';
import { planAttributes } from './plan.js';

export const batchGet = async (db: Db, tableName: string, keys: Key[]) =>
  (
    await db.send(
      new BatchGetCommand({ RequestItems: { [tableName]: { Keys: keys, ConsistentRead: true } } }),
    )
  ).Responses?.[tableName] ?? [];

/** The membership check: the workspace, the caller's membership and `extra`, one request. */
export const access = (
  db: Db,
  tableName: string,
  workspaceId: string,
  sub: string,
  extra: Key[] = [],
) => batchGet(db, tableName, [metaKey(workspaceId), memberKey(workspaceId, sub), ...extra]);

/** A GSI1 partition naming workspaces, newest first, joined to them in one BatchGetItem. */
export async function workspaceIndexPage(db: Db, tableName: string, pk: string) {
  const { Items = [] } = await db.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: STATUS_INDEX,
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': pk },
      ScanIndexForward: false,
      Limit: LIMIT,
    }),
  );
  if (Items.length === 0) return [];
  return batchGet(
    db,
    tableName,
    Items.map((i) => metaKey(String(i.workspace_id))),
  );
}

export const workspaceIdOf = (path: Record<string, string | undefined>) => String(path.workspaceId);
const taskKey = (path: Record<string, string | undefined>): Key => ({
  PK: workspacePk(workspaceIdOf(path)),
  SK: taskSk(String(path.taskId)),
});

/** One transaction: the workspace and its first owner's membership. */
export const createWorkspace: Floor = async (db, config, { sub, email, body, id }) => {
  const at = new Date().toISOString();
  const common = { workspace_id: id, created_at: at, updated_at: at, version: 1 };
  const meta = {
    ...metaKey(id),
    ...common,
    name: body.name,
    created_by: sub,
    owners: new Set([sub]),
    member_count: 1,
  };
  const owner = {
    ...memberKey(id, sub),
    GSI1PK: membershipsPk(sub),
    GSI1SK: workspaceGsiSk(id),
    ...common,
    user_id: sub,
    email,
    role: 'owner',
  };
  await db.send(
    new TransactWriteCommand({
      TransactItems: [
        ...[meta, owner].map((Item) => ({
          Put: {
            TableName: config.tableName,
            Item,
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        })),
        workspaceCount(config, sub, 1),
      ],
    }),
  );
  return meta;
};

export const listWorkspaces: Floor = (db, { tableName }, { sub }) =>
  workspaceIndexPage(db, tableName, membershipsPk(sub));

export const getWorkspace: Floor = (db, { tableName }, { sub, path }) =>
  access(db, tableName, workspaceIdOf(path), sub);

export const renameWorkspace: Floor = async (db, { tableName }, { sub, path, body }) => {
  await access(db, tableName, workspaceIdOf(path), sub);
  const { Attributes } = await db.send(
    new UpdateCommand({
      TableName: tableName,
      Key: metaKey(workspaceIdOf(path)),
      UpdateExpression: 'SET #name = :name, updated_at = :now, version = version + :one',
      ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(#state)',
      ExpressionAttributeNames: { '#name': 'name', '#state': 'state' },
      ExpressionAttributeValues: {
        ':name': body.name,
        ':now': new Date().toISOString(),
        ':one': 1,
      },
      ReturnValues: 'ALL_NEW',
    }),
  );
  return Attributes;
};

/**
 * The mark, then rounds of a Query of 26 keys, a BatchWriteItem of the plain items among the 25
 * and transactions of the counted ones (memberships, invitations) with their counts; then `META`.
 */
export const deleteWorkspace: Floor = async (db, config, { sub, path }) => {
  const { tableName } = config;
  const workspaceId = workspaceIdOf(path);
  await access(db, tableName, workspaceId, sub);
  await db.send(
    new UpdateCommand({
      TableName: tableName,
      Key: metaKey(workspaceId),
      UpdateExpression: 'SET #state = :deleting ADD owners :me',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':deleting': 'deleting', ':me': new Set([sub]) },
    }),
  );
  for (;;) {
    const out = await db.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': workspacePk(workspaceId) },
        ProjectionExpression: 'PK, SK',
        ConsistentRead: true,
        Limit: 26,
      }),
    );
    const keys = ((out.Items ?? []) as Key[]).filter((k) => k.SK !== META_SK).slice(0, 25);
    if (keys.length === 0 && out.LastEvaluatedKey === undefined) break;
    const plain = keys.filter((k) => countOf(config, k) === undefined);
    if (plain.length > 0) {
      const deletes = plain.map((Key) => ({ DeleteRequest: { Key } }));
      await db.send(new BatchWriteCommand({ RequestItems: { [tableName]: deletes } }));
    }
    await deleteCounted(db, config, keys);
  }
  await db.send(new DeleteCommand({ TableName: tableName, Key: metaKey(workspaceId) }));
};

/** The membership check, then one transaction: the task and the workspace's count. */
export const createWorkspaceTask: Floor = async (db, config, { sub, path, body, id }) => {
  const workspaceId = workspaceIdOf(path);
  await access(db, config.tableName, workspaceId, sub);
  const at = new Date().toISOString();
  const item = {
    PK: workspacePk(workspaceId),
    SK: taskSk(id),
    workspace_id: workspaceId,
    ...newTaskFields(id, body, at),
    assignee: null,
    created_by: sub,
    ...planAttributes(id, body, workspacePk(workspaceId), null),
  };
  await putNew(
    db,
    config.tableName,
    item,
    config.maxTasksPerWorkspace ?? MAX_TASKS_PER_WORKSPACE_DEFAULT,
  );
  return item;
};

/** The membership check, then the consistent GetItem of the task. */
export const getWorkspaceTask: Floor = async (db, { tableName }, { sub, path }) => {
  await access(db, tableName, workspaceIdOf(path), sub);
  return (await getConsistent(db, tableName, taskKey(path))).Item;
};

export const updateWorkspaceTask: Floor = async (db, { tableName }, { sub, path, body }) => {
  await access(db, tableName, workspaceIdOf(path), sub);
  return (await updateStatus(db, tableName, taskKey(path), String(body.status))).Attributes;
};

/** The membership check, then one transaction: the delete and the workspace's count. */
export const deleteWorkspaceTask: Floor = async (db, { tableName }, { sub, path }) => {
  await access(db, tableName, workspaceIdOf(path), sub);
  await deleteWithCount(db, tableName, taskKey(path));
};

/** The membership check, then the Query of the workspace's partition. */
export const listWorkspaceTasks: Floor = async (db, { tableName }, { sub, path }) => {
  await access(db, tableName, workspaceIdOf(path), sub);
  return (await queryPartition(db, tableName, workspacePk(workspaceIdOf(path)))).Items;
};

/** The caller's assigned tasks on GSI1, then each one's workspace and membership in one request. */
export const listMyAssignedTasks: Floor = async (db, { tableName }, { sub }) => {
  const { Items = [] } = await db.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: STATUS_INDEX,
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': assigneePk(sub) },
      ScanIndexForward: false,
      Limit: LIMIT,
    }),
  );
  const workspaces = [...new Set(Items.map((t) => String(t.workspace_id)))];
  if (workspaces.length > 0) {
    await batchGet(
      db,
      tableName,
      workspaces.flatMap((w) => [metaKey(w), memberKey(w, sub)]),
    );
  }
  return Items;
};

/** The caller's agenda on GSI3 (one range), then its workspace tasks' memberships in one request. */
export const listMyAgenda: Floor = async (db, { tableName }, { sub, query }) => {
  const { Items = [] } = await db.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: AGENDA_INDEX,
      KeyConditionExpression: 'GSI3PK = :pk AND GSI3SK < :hi',
      ExpressionAttributeValues: { ':pk': agendaPk(sub), ':hi': String(query.to) },
      Limit: LIMIT,
    }),
  );
  const workspaces = [
    ...new Set(Items.filter((t) => t.workspace_id).map((t) => String(t.workspace_id))),
  ];
  if (workspaces.length > 0) {
    await batchGet(
      db,
      tableName,
      workspaces.flatMap((w) => [metaKey(w), memberKey(w, sub)]),
    );
  }
  return Items;
};
