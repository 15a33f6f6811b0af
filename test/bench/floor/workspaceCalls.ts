/**
 * The floor of each workspace operation: the DynamoDB requests the workspace repository
 * (src/data/workspaces.ts) makes on its happy path, in the same order and with the same
 * parallelism, with nothing around them: the membership check (one BatchGetItem of the workspace,
 * the caller's membership and any item the operation reads) and the operation's own call. A bare
 * client does not retry UnprocessedKeys/UnprocessedItems (the embedded engine returns none).
 * Used by the cold-start floor bundles and the warm floor.
 */
import {
  BatchGetCommand,
  DeleteCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { TASK_SK_PREFIX } from '../../../src/data/keys.js';
import { STATUS_INDEX } from '../../../src/data/table.js';
import {
  assigneePk,
  type Key,
  memberKey,
  membershipsPk,
  metaKey,
  workspaceGsiSk,
  workspacePk,
  workspaceTaskKey,
} from '../../../src/data/workspaceItems.js';
import type { Db } from './calls.js';

/** The spec's default page size. */
export const LIMIT = 50;

export interface Caller {
  sub: string;
  email: string;
}

/** A new workspace's item and its first owner's membership, as the repository writes them. */
export function workspaceItems(caller: Caller, workspaceId: string, name: string, at: string) {
  const meta = {
    ...metaKey(workspaceId),
    workspace_id: workspaceId,
    name,
    created_by: caller.sub,
    created_at: at,
    updated_at: at,
    version: 1,
    owners: new Set([caller.sub]),
  };
  const owner = {
    ...memberKey(workspaceId, caller.sub),
    GSI1PK: membershipsPk(caller.sub),
    GSI1SK: workspaceGsiSk(workspaceId),
    workspace_id: workspaceId,
    user_id: caller.sub,
    email: caller.email,
    role: 'owner',
    created_at: at,
    updated_at: at,
    version: 1,
  };
  return [meta, owner];
}

export interface WorkspaceTaskFields {
  workspaceId: string;
  taskId: string;
  sub: string;
  title: string;
  description: string;
  at: string;
}

/** A new unassigned workspace task, as the repository writes it. */
export function workspaceTaskItem(t: WorkspaceTaskFields): Record<string, unknown> {
  return {
    ...workspaceTaskKey(t.workspaceId, t.taskId),
    workspace_id: t.workspaceId,
    task_id: t.taskId,
    title: t.title,
    description: t.description,
    status: 'pending',
    assignee: null,
    created_by: t.sub,
    created_at: t.at,
    updated_at: t.at,
    version: 1,
  };
}

const batchGet = (db: Db, tableName: string, keys: Key[]) =>
  db.send(
    new BatchGetCommand({ RequestItems: { [tableName]: { Keys: keys, ConsistentRead: true } } }),
  );

/** The membership check: the workspace, the caller's membership and `extra`, one request. */
export const accessCheck = (
  db: Db,
  tableName: string,
  workspaceId: string,
  sub: string,
  extra: Key[] = [],
) => batchGet(db, tableName, [metaKey(workspaceId), memberKey(workspaceId, sub), ...extra]);

export const createWorkspace = (db: Db, tableName: string, items: Record<string, unknown>[]) =>
  db.send(
    new TransactWriteCommand({
      TransactItems: items.map((Item) => ({
        Put: { TableName: tableName, Item, ConditionExpression: 'attribute_not_exists(PK)' },
      })),
    }),
  );

/** The caller's memberships on GSI1, then their workspaces in one BatchGetItem. */
export async function listWorkspaces(db: Db, tableName: string, sub: string) {
  const { Items = [] } = await db.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: STATUS_INDEX,
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': membershipsPk(sub) },
      ScanIndexForward: false,
      Limit: LIMIT,
    }),
  );
  if (Items.length === 0) return [];
  const out = await batchGet(
    db,
    tableName,
    Items.map((m) => metaKey(String(m.workspace_id))),
  );
  return out.Responses?.[tableName] ?? [];
}

export async function createWorkspaceTask(
  db: Db,
  tableName: string,
  item: Record<string, unknown>,
) {
  await accessCheck(db, tableName, String(item.workspace_id), String(item.created_by));
  return db.send(
    new PutCommand({
      TableName: tableName,
      Item: item,
      ConditionExpression: 'attribute_not_exists(PK)',
    }),
  );
}

/** The membership check and the task in one BatchGetItem. */
export async function getWorkspaceTask(
  db: Db,
  tableName: string,
  workspaceId: string,
  sub: string,
  taskId: string,
) {
  const out = await accessCheck(db, tableName, workspaceId, sub, [
    workspaceTaskKey(workspaceId, taskId),
  ]);
  return (out.Responses?.[tableName] ?? []).find((i) => String(i.SK).startsWith(TASK_SK_PREFIX));
}

export async function updateWorkspaceTaskStatus(
  db: Db,
  tableName: string,
  t: { workspaceId: string; sub: string; taskId: string; status: string; at: string },
) {
  await accessCheck(db, tableName, t.workspaceId, t.sub);
  return db.send(
    new UpdateCommand({
      TableName: tableName,
      Key: workspaceTaskKey(t.workspaceId, t.taskId),
      UpdateExpression: 'SET updated_at = :now, version = version + :one, #status = :status',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':now': t.at, ':one': 1, ':status': t.status },
      ReturnValues: 'ALL_NEW',
    }),
  );
}

export async function deleteWorkspaceTask(
  db: Db,
  tableName: string,
  workspaceId: string,
  sub: string,
  taskId: string,
) {
  await accessCheck(db, tableName, workspaceId, sub);
  return db.send(
    new DeleteCommand({
      TableName: tableName,
      Key: workspaceTaskKey(workspaceId, taskId),
      ConditionExpression: 'attribute_exists(PK)',
    }),
  );
}

/** The membership check and the Query of the workspace's partition, in parallel. */
export async function listWorkspaceTasks(
  db: Db,
  tableName: string,
  workspaceId: string,
  sub: string,
) {
  const [, out] = await Promise.all([
    accessCheck(db, tableName, workspaceId, sub),
    db.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': workspacePk(workspaceId), ':prefix': TASK_SK_PREFIX },
        ScanIndexForward: false,
        ConsistentRead: true,
        Limit: LIMIT,
      }),
    ),
  ]);
  return out.Items ?? [];
}

/** The caller's assigned tasks on GSI1, then each one's workspace and membership in one request. */
export async function listMyAssignedTasks(db: Db, tableName: string, sub: string) {
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
}
