/**
 * The counts behind the membership limits (src/data/membershipWrites.ts) as the floors write
 * them: a workspace's member count (on its item), a user's workspace count and an address's
 * pending-invitation count, each changed in the same TransactWriteItems as what it counts. Used by the member floors
 * and by deleteWorkspace's sweep.
 */
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { LIMIT_VARIABLES, type Limit } from '../../../src/config/function.js';
import type { DataConfig } from '../../../src/data/client.js';
import { invitationCountKey, workspaceCountKey } from '../../../src/data/membershipWrites.js';
import {
  INVITE_SK_PREFIX,
  type Key,
  MEMBER_SK_PREFIX,
  metaKey,
} from '../../../src/data/workspaceItems.js';
import type { Db } from './event.js';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export const transact = (db: Db, TransactItems: TransactItem[]) =>
  db.send(new TransactWriteCommand({ TransactItems }));

/** A limit of the config, else its default, as the functions read it. */
export const limitOf = (config: DataConfig, name: Limit) =>
  config[name] ?? LIMIT_VARIABLES[name].read({});

/** `ADD attribute :by` on the count at `Key`: a raise only while it stays within `cap`. */
const countBy = (
  tableName: string,
  Key: Key,
  attribute: string,
  by: 1 | -1,
  cap: number,
): TransactItem => ({
  Update: {
    TableName: tableName,
    Key,
    UpdateExpression: `ADD ${attribute} :by`,
    ...(by > 0
      ? {
          ConditionExpression: `attribute_not_exists(${attribute}) OR ${attribute} <= :room`,
          ExpressionAttributeValues: { ':by': by, ':room': cap - by },
        }
      : { ExpressionAttributeValues: { ':by': by } }),
  },
});

/** The workspaces `sub` belongs to. */
export const workspaceCount = (config: DataConfig, sub: string, by: 1 | -1) =>
  countBy(
    config.tableName,
    workspaceCountKey(sub),
    'workspace_count',
    by,
    limitOf(config, 'maxWorkspacesPerUser'),
  );

/** The pending invitations `email` holds. */
export const invitationCount = (config: DataConfig, email: string, by: 1 | -1) =>
  countBy(
    config.tableName,
    invitationCountKey(email),
    'invitation_count',
    by,
    limitOf(config, 'maxPendingInvitationsPerEmail'),
  );

const LIVE = 'attribute_exists(PK) AND attribute_not_exists(#state)';

/** The workspace is live, and its member count (members plus invitations) changes `by`. */
export function workspaceItem(config: DataConfig, workspaceId: string, by = 0): TransactItem {
  const common = {
    TableName: config.tableName,
    Key: metaKey(workspaceId),
    ExpressionAttributeNames: { '#state': 'state' },
  };
  if (by === 0) return { ConditionCheck: { ...common, ConditionExpression: LIVE } };
  const room = limitOf(config, 'maxMembersPerWorkspace') - by;
  return {
    Update: {
      ...common,
      UpdateExpression: 'ADD member_count :members',
      ...(by > 0
        ? {
            ConditionExpression: `${LIVE} AND (attribute_not_exists(member_count) OR member_count <= :room)`,
            ExpressionAttributeValues: { ':members': by, ':room': room },
          }
        : { ConditionExpression: LIVE, ExpressionAttributeValues: { ':members': by } }),
    },
  };
}

/** Counted items a sweep deletes per transaction: two writes each. */
const COUNTED_PER_TRANSACTION = 12;

/** The count a membership's or an invitation's deletion lowers; none for other items. */
export function countOf(config: DataConfig, key: Key): TransactItem | undefined {
  if (key.SK.startsWith(MEMBER_SK_PREFIX)) {
    return workspaceCount(config, key.SK.slice(MEMBER_SK_PREFIX.length), -1);
  }
  if (key.SK.startsWith(INVITE_SK_PREFIX)) {
    return invitationCount(config, key.SK.slice(INVITE_SK_PREFIX.length), -1);
  }
  return undefined;
}

/** The counted ones of a sweep's `keys`: each deleted while it exists, with its count. */
export async function deleteCounted(db: Db, config: DataConfig, keys: Key[]) {
  const counted = keys.filter((k) => countOf(config, k) !== undefined);
  for (let at = 0; at < counted.length; at += COUNTED_PER_TRANSACTION) {
    await transact(
      db,
      counted.slice(at, at + COUNTED_PER_TRANSACTION).flatMap((Key) => [
        {
          Delete: {
            TableName: config.tableName,
            Key,
            ConditionExpression: 'attribute_exists(PK)',
          },
        },
        countOf(config, Key) as TransactItem,
      ]),
    );
  }
}
