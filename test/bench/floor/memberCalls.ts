/**
 * The floors of the member and invitation operations, as src/data/memberships.ts,
 * invitations.ts and myInvitations.ts make them on their happy path: the membership check (with
 * the item the operation acts on in the same BatchGetItem), then one TransactWriteItems
 * conditioned on what was read (the target's and the caller's version and role, the workspace
 * being live), with the counts it changes: the workspace's member count, the user's workspace
 * count, the address's invitation count. No scenario's target is an owner, so no transaction
 * here changes the owner set.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DataConfig } from '../../../src/data/client.js';
import {
  INVITE_SK_PREFIX,
  invitationsPk,
  inviteKey,
  type Key,
  memberKey,
  membershipsPk,
  workspaceGsiSk,
  workspacePk,
} from '../../../src/data/workspaceItems.js';
import { LIMIT } from './calls.js';
import {
  invitationCount,
  type TransactItem,
  transact,
  workspaceCount,
  workspaceItem,
} from './counts.js';
import type { Db, Floor } from './event.js';
import { access, workspaceIdOf, workspaceIndexPage } from './workspaceCalls.js';

type Item = Record<string, unknown>;

/** The caller's membership and the item at `key` (none: the caller is the target). */
async function read(db: Db, tableName: string, workspaceId: string, sub: string, key?: Key) {
  const items = await access(db, tableName, workspaceId, sub, key ? [key] : []);
  const at = (k: Key) => items.find((i) => i.SK === k.SK) as Item;
  return { caller: at(memberKey(workspaceId, sub)), target: key ? at(key) : undefined };
}

/** The condition that a membership or an invitation is as it was read. */
const asRead = (item: Item) => ({
  ConditionExpression: 'version = :v AND #role = :r',
  ExpressionAttributeNames: { '#role': 'role' },
  ExpressionAttributeValues: { ':v': item.version, ':r': item.role },
});

/** The caller's right to act, still as it was read. */
const callerCheck = (tableName: string, caller: Item): TransactItem => ({
  ConditionCheck: {
    TableName: tableName,
    Key: memberKey(String(caller.workspace_id), String(caller.user_id)),
    ...asRead(caller),
  },
});

const putNew = (tableName: string, Item: Item): TransactItem => ({
  Put: { TableName: tableName, Item, ConditionExpression: 'attribute_not_exists(PK)' },
});

/** A pending invitation's delete as read, with its address's count. */
const withdrawal = (config: DataConfig, invitation: Item): TransactItem[] => [
  {
    Delete: {
      TableName: config.tableName,
      Key: inviteKey(String(invitation.workspace_id), String(invitation.email)),
      ...asRead(invitation),
    },
  },
  invitationCount(config, String(invitation.email), -1),
];

/** The invitations `inviter` made, which a departure or a demotion revokes (none in the scenarios). */
const invitationsBy = (db: Db, tableName: string, workspaceId: string, inviter: string) =>
  db.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :invite)',
      FilterExpression: 'invited_by = :inviter',
      ExpressionAttributeValues: {
        ':pk': workspacePk(workspaceId),
        ':invite': INVITE_SK_PREFIX,
        ':inviter': inviter,
      },
      ConsistentRead: true,
    }),
  );

export const inviteMember: Floor = async (db, config, { sub, path, body }) => {
  const workspaceId = workspaceIdOf(path);
  const email = String(body.email).toLowerCase();
  const { caller } = await read(
    db,
    config.tableName,
    workspaceId,
    sub,
    inviteKey(workspaceId, email),
  );
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
  await transact(db, [
    putNew(config.tableName, item),
    callerCheck(config.tableName, caller),
    workspaceItem(config, workspaceId, 1),
    invitationCount(config, email, 1),
  ]);
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

/** The role change as read, then (for a manager losing rights) the Query of their invitations. */
export const updateMember: Floor = async (db, config, { sub, path, body }) => {
  const workspaceId = workspaceIdOf(path);
  const userId = String(path.userId);
  const key = memberKey(workspaceId, userId);
  const { caller, target } = await read(db, config.tableName, workspaceId, sub, key);
  const member = target as Item;
  const next = {
    ...member,
    role: body.role,
    updated_at: new Date().toISOString(),
    version: Number(member.version) + 1,
  };
  const { ConditionExpression, ExpressionAttributeNames, ExpressionAttributeValues } =
    asRead(member);
  await transact(db, [
    {
      Update: {
        TableName: config.tableName,
        Key: key,
        UpdateExpression: 'SET #role = :role, updated_at = :now, version = :next',
        ConditionExpression,
        ExpressionAttributeNames,
        ExpressionAttributeValues: {
          ...ExpressionAttributeValues,
          ':role': next.role,
          ':now': next.updated_at,
          ':next': next.version,
        },
      },
    },
    workspaceItem(config, workspaceId),
    callerCheck(config.tableName, caller),
  ]);
  if (mayInvite(member.role) && next.role !== 'owner' && next.role !== member.role) {
    await invitationsBy(db, config.tableName, workspaceId, userId);
  }
  return next;
};

/** The membership's delete as read with the counts, then (for a manager) the Query of their invitations. */
async function depart(
  db: Db,
  config: DataConfig,
  workspaceId: string,
  sub: string,
  userId: string,
) {
  const self = userId === sub;
  const key = self ? undefined : memberKey(workspaceId, userId);
  const { caller, target } = await read(db, config.tableName, workspaceId, sub, key);
  await transact(db, [
    {
      Delete: {
        TableName: config.tableName,
        Key: memberKey(workspaceId, userId),
        ...asRead(target ?? caller),
      },
    },
    workspaceItem(config, workspaceId, -1),
    workspaceCount(config, userId, -1),
    ...(self ? [] : [callerCheck(config.tableName, caller)]),
  ]);
  if (mayInvite((target ?? caller).role)) {
    await invitationsBy(db, config.tableName, workspaceId, userId);
  }
}

/** Only owners and admins make invitations, so only theirs are looked for. */
const mayInvite = (role: unknown) => role === 'owner' || role === 'admin';

export const removeMember: Floor = (db, config, { sub, path }) =>
  depart(db, config, workspaceIdOf(path), sub, String(path.userId));

export const leaveWorkspace: Floor = (db, config, { sub, path }) =>
  depart(db, config, workspaceIdOf(path), sub, sub);

export const revokeInvitation: Floor = async (db, config, { sub, path }) => {
  const workspaceId = workspaceIdOf(path);
  const key = inviteKey(workspaceId, String(path.email).toLowerCase());
  const { caller, target } = await read(db, config.tableName, workspaceId, sub, key);
  await transact(db, [
    ...withdrawal(config, target as Item),
    workspaceItem(config, workspaceId, -1),
    callerCheck(config.tableName, caller),
  ]);
};

export const listMyInvitations: Floor = (db, { tableName }, { email }) =>
  workspaceIndexPage(db, tableName, invitationsPk(email));

/**
 * The invitation with the membership check, then one transaction: the invitation goes, the
 * membership comes, the caller's workspace count rises, and the inviter may still invite (an
 * owner or an admin, for the scenario's member invitations).
 */
export const acceptInvitation: Floor = async (db, config, { sub, email, path }) => {
  const workspaceId = workspaceIdOf(path);
  const { target } = await read(
    db,
    config.tableName,
    workspaceId,
    sub,
    inviteKey(workspaceId, email),
  );
  const invitation = target as Item;
  const at = new Date().toISOString();
  const member = {
    ...memberKey(workspaceId, sub),
    GSI1PK: membershipsPk(sub),
    GSI1SK: workspaceGsiSk(workspaceId),
    workspace_id: workspaceId,
    user_id: sub,
    email,
    role: invitation.role,
    created_at: at,
    updated_at: at,
    version: 1,
  };
  await transact(db, [
    ...withdrawal(config, invitation),
    putNew(config.tableName, member),
    workspaceItem(config, workspaceId),
    workspaceCount(config, sub, 1),
    {
      ConditionCheck: {
        TableName: config.tableName,
        Key: memberKey(workspaceId, String(invitation.invited_by)),
        ConditionExpression: '#role IN (:r0, :r1)',
        ExpressionAttributeNames: { '#role': 'role' },
        ExpressionAttributeValues: { ':r0': 'owner', ':r1': 'admin' },
      },
    },
  ]);
  return member;
};

/** One transaction: the invitation while it exists, and both counts. */
export const declineInvitation: Floor = async (db, config, { email, path }) => {
  const workspaceId = workspaceIdOf(path);
  await transact(db, [
    {
      Delete: {
        TableName: config.tableName,
        Key: inviteKey(workspaceId, email),
        ConditionExpression: 'attribute_exists(PK)',
      },
    },
    invitationCount(config, email, -1),
    workspaceItem(config, workspaceId, -1),
  ]);
};
