/**
 * The floors of the member and invitation operations: the membership check (with the item the
 * operation acts on in the same BatchGetItem), then the write, as src/data/members.ts makes them
 * on its happy path for a member who is not an owner.
 */
import { DeleteCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  INVITE_SK_PREFIX,
  invitationsPk,
  inviteKey,
  memberKey,
  membershipsPk,
  workspaceGsiSk,
  workspacePk,
} from '../../../src/data/workspaceItems.js';
import { LIMIT } from './calls.js';
import type { Db, Floor } from './event.js';
import { access, workspaceIdOf, workspaceIndexPage } from './workspaceCalls.js';

const putNew = (db: Db, tableName: string, Item: Record<string, unknown>) =>
  db.send(
    new PutCommand({ TableName: tableName, Item, ConditionExpression: 'attribute_not_exists(PK)' }),
  );

const remove = (db: Db, tableName: string, Key: { PK: string; SK: string }, exists = false) =>
  db.send(
    new DeleteCommand({
      TableName: tableName,
      Key,
      ...(exists ? { ConditionExpression: 'attribute_exists(PK)' } : {}),
    }),
  );

export const inviteMember: Floor = async (db, { tableName }, { sub, path, body }) => {
  const workspaceId = workspaceIdOf(path);
  const email = String(body.email).toLowerCase();
  await access(db, tableName, workspaceId, sub, [inviteKey(workspaceId, email)]);
  const at = new Date().toISOString();
  const item = {
    ...inviteKey(workspaceId, email),
    GSI1PK: invitationsPk(email),
    GSI1SK: workspaceGsiSk(workspaceId),
    workspace_id: workspaceId,
    email,
    role: body.role ?? 'member',
    invited_by: sub,
    created_at: at,
    updated_at: at,
    version: 1,
  };
  await putNew(db, tableName, item);
  return item;
};

/** The membership check and the Query of the invitations and members, in parallel. */
export const listMembers: Floor = async (db, { tableName }, { sub, path }) => {
  const workspaceId = workspaceIdOf(path);
  const [, out] = await Promise.all([
    access(db, tableName, workspaceId, sub),
    db.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
        ExpressionAttributeValues: {
          ':pk': workspacePk(workspaceId),
          ':from': INVITE_SK_PREFIX,
          ':to': 'MEMBER$',
        },
        ConsistentRead: true,
        Limit: LIMIT,
      }),
    ),
  ]);
  return out.Items;
};

export const updateMember: Floor = async (db, { tableName }, { sub, path, body }) => {
  const key = memberKey(workspaceIdOf(path), String(path.userId));
  await access(db, tableName, workspaceIdOf(path), sub, [key]);
  const { Attributes } = await db.send(
    new UpdateCommand({
      TableName: tableName,
      Key: key,
      UpdateExpression: 'SET #role = :role, updated_at = :now, version = version + :one',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeNames: { '#role': 'role' },
      ExpressionAttributeValues: {
        ':role': body.role,
        ':now': new Date().toISOString(),
        ':one': 1,
      },
      ReturnValues: 'ALL_NEW',
    }),
  );
  return Attributes;
};

export const removeMember: Floor = async (db, { tableName }, { sub, path }) => {
  const key = memberKey(workspaceIdOf(path), String(path.userId));
  await access(db, tableName, workspaceIdOf(path), sub, [key]);
  await remove(db, tableName, key);
};

export const leaveWorkspace: Floor = async (db, { tableName }, { sub, path }) => {
  await access(db, tableName, workspaceIdOf(path), sub);
  await remove(db, tableName, memberKey(workspaceIdOf(path), sub));
};

export const revokeInvitation: Floor = async (db, { tableName }, { sub, path }) => {
  const key = inviteKey(workspaceIdOf(path), String(path.email).toLowerCase());
  await access(db, tableName, workspaceIdOf(path), sub, [key]);
  await remove(db, tableName, key);
};

export const listMyInvitations: Floor = (db, { tableName }, { email }) =>
  workspaceIndexPage(db, tableName, invitationsPk(email));

/** The invitation with the membership check, the new membership, then the invitation's delete. */
export const acceptInvitation: Floor = async (db, { tableName }, { sub, email, path }) => {
  const workspaceId = workspaceIdOf(path);
  const key = inviteKey(workspaceId, email);
  const [invitation] = (await access(db, tableName, workspaceId, sub, [key])).filter(
    (i) => i.SK === key.SK,
  );
  const at = new Date().toISOString();
  await putNew(db, tableName, {
    ...memberKey(workspaceId, sub),
    GSI1PK: membershipsPk(sub),
    GSI1SK: workspaceGsiSk(workspaceId),
    workspace_id: workspaceId,
    user_id: sub,
    email,
    role: invitation?.role,
    created_at: at,
    updated_at: at,
    version: 1,
  });
  await remove(db, tableName, key);
};

export const declineInvitation: Floor = async (db, { tableName }, { email, path }) => {
  await remove(db, tableName, inviteKey(workspaceIdOf(path), email), true);
};
