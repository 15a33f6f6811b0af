/**
 * The members of the transactions that change who is in a workspace (docs/architecture.md#workspaces):
 * each is conditioned on what the request read, and the counts behind the limits
 * (docs/architecture.md#limits) change in the same transaction, so no interleaving of requests
 * and no crash breaks the owner set or a count.
 */
import type { WorkspaceRole } from '../workspaces/policy.js';
import type { StoredMember } from '../workspaces/workspace.js';
import { userPk } from './keys.js';
import type { TableSession } from './session.js';
import type { Cancelled, TransactItems } from './transact.js';
import { type Key, memberKey, metaKey } from './workspaceItems.js';

type TransactItem = TransactItems[number];

/** A user's workspace count and an address's pending-invitation count: outside any listing. */
export const WORKSPACE_COUNT_SK = 'COUNT#WORKSPACES';
export const INVITATION_COUNT_SK = 'COUNT#INVITATIONS';
export const emailPk = (email: string) => `EMAIL#${email}`;
export const workspaceCountKey = (sub: string): Key => ({
  PK: userPk(sub),
  SK: WORKSPACE_COUNT_SK,
});
export const invitationCountKey = (email: string): Key => ({
  PK: emailPk(email),
  SK: INVITATION_COUNT_SK,
});

/** A count raised only while it stays within `cap`, lowered always. */
function countChange(
  session: TableSession,
  key: Key,
  attribute: string,
  by: number,
  cap: number,
): TransactItem {
  return {
    Update: {
      TableName: session.tableName,
      Key: key,
      UpdateExpression: `ADD ${attribute} :by`,
      ...(by > 0
        ? {
            ConditionExpression: `attribute_not_exists(${attribute}) OR ${attribute} <= :room`,
            ExpressionAttributeValues: { ':by': by, ':room': cap - by },
          }
        : { ExpressionAttributeValues: { ':by': by } }),
    },
  };
}

/** The workspaces `sub` belongs to (MAX_WORKSPACES_PER_USER). */
export const workspaceCountChange = (session: TableSession, sub: string, by: 1 | -1) =>
  countChange(
    session,
    workspaceCountKey(sub),
    'workspace_count',
    by,
    session.limit('maxWorkspacesPerUser'),
  );

/** The pending invitations `email` holds (MAX_PENDING_INVITATIONS_PER_EMAIL). */
export const invitationCountChange = (session: TableSession, email: string, by: 1 | -1) =>
  countChange(
    session,
    invitationCountKey(email),
    'invitation_count',
    by,
    session.limit('maxPendingInvitationsPerEmail'),
  );

/** What a transaction changes on the workspace item besides checking it is live. */
export interface MetaChange {
  /** The change of `member_count` (members plus pending invitations). */
  members?: number;
  addOwner?: string;
  /** Refused when `sub` is not counted or is the last owner: the last-owner rule. */
  dropOwner?: string;
}

/**
 * The workspace item in a transaction: it exists and is not being deleted, plus `change` with
 * the conditions that keep it right; a ConditionCheck when nothing changes.
 */
export function metaChange(
  session: TableSession,
  workspaceId: string,
  change: MetaChange = {},
): TransactItem {
  const conditions = ['attribute_exists(PK)', 'attribute_not_exists(#state)'];
  const values: Record<string, unknown> = {};
  const add: string[] = [];
  let remove: string | undefined;
  if (change.members) {
    add.push('member_count :members');
    values[':members'] = change.members;
    if (change.members > 0) {
      conditions.push('(attribute_not_exists(member_count) OR member_count <= :room)');
      values[':room'] = session.limit('maxMembersPerWorkspace') - change.members;
    }
  }
  if (change.addOwner) {
    add.push('owners :owner');
    values[':owner'] = new Set([change.addOwner]);
  }
  if (change.dropOwner) {
    remove = 'owners :owner';
    values[':owner'] = new Set([change.dropOwner]);
    values[':sub'] = change.dropOwner;
    values[':one'] = 1;
    conditions.push('contains(owners, :sub) AND size(owners) > :one');
  }
  const common = {
    TableName: session.tableName,
    Key: metaKey(workspaceId),
    ConditionExpression: conditions.join(' AND '),
    ExpressionAttributeNames: { '#state': 'state' },
    ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
  };
  if (add.length === 0 && !remove) return { ConditionCheck: common };
  const update = [add.length > 0 ? `ADD ${add.join(', ')}` : '', remove ? `DELETE ${remove}` : '']
    .filter(Boolean)
    .join(' ');
  return { Update: { ...common, UpdateExpression: update } };
}

/** The condition that a membership (or invitation) is still as it was read: version and role. */
export function asRead(member: { version: number; role: WorkspaceRole }) {
  return {
    ConditionExpression: 'version = :v AND #role = :r',
    ExpressionAttributeNames: { '#role': 'role' },
    ExpressionAttributeValues: { ':v': member.version, ':r': member.role },
  };
}

/** A check that the caller's own membership (their right to act) is still as it was read. */
export const callerAsRead = (session: TableSession, caller: StoredMember): TransactItem => ({
  ConditionCheck: {
    TableName: session.tableName,
    Key: memberKey(caller.workspace_id, caller.user_id),
    ...asRead(caller),
  },
});

/** Whether the transaction member at `index` failed its condition. */
export const failedAt = (cancelled: Cancelled, index: number) =>
  cancelled.codes[index] === 'ConditionalCheckFailed';

/** How often a change that lost to another is read, decided and sent again. */
export const TRIES = 5;

/**
 * Runs `attempt` (read, decide, one conditioned transaction) until it applies: undefined from
 * it means a condition failed because another request changed what it read, so it starts over
 * from a fresh read, whose decision is then the answer (a 404, a 409, a 412, or success).
 */
export async function untilApplied<T>(
  attempt: () => Promise<T | undefined>,
  onExhausted: () => Error,
): Promise<T> {
  for (let i = 0; i < TRIES; i++) {
    const result = await attempt();
    if (result !== undefined) return result;
  }
  throw onExhausted();
}
