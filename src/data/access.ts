/**
 * Access to a workspace (docs/architecture.md#workspaces): the workspace and the caller's
 * membership read in one BatchGetItem and put to the policy (src/workspaces/policy.ts) before
 * anything else of the workspace is read or written.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { Problem } from '../contract/problem.js';
import { workspaceNotFound } from '../workspaces/errors.js';
import {
  decide,
  type Subject,
  type WorkspaceAction,
  type WorkspaceRole,
} from '../workspaces/policy.js';
import type { StoredMember, StoredWorkspace } from '../workspaces/workspace.js';
import { batchGet, keyOf } from './batch.js';
import type { Item } from './items.js';
import { indexPartitionPage } from './listings.js';
import type { TableSession } from './session.js';
import {
  type Key,
  memberFromItem,
  memberKey,
  metaKey,
  workspaceFromItem,
  workspaceGsiSk,
} from './workspaceItems.js';

export interface Actor {
  sub: string;
  /** The caller's verified e-mail address, lower case; undefined without one. */
  email?: string;
}

export interface KeyOptions {
  key: string;
  ttlSeconds: number;
}

export interface Access {
  workspace: StoredWorkspace;
  member?: StoredMember;
  items: Map<string, Item>;
}

export interface Page<T> {
  items: T[];
  cursor?: string;
}

/** How many items a filtered task listing reads at most, so sparse filters still fill a page. */
export const FILTER_READ_AHEAD = 100;
export const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
export const MEMBERSHIP_SK = /^(INVITE#|MEMBER#)[^\s]{1,254}$/;

/**
 * One BatchGetItem: the workspace, the caller's membership and `extra`. A missing workspace
 * and one being deleted are the same 404; whether the caller is a member is the policy's call.
 */
export async function readAccess(
  session: TableSession,
  workspaceId: string,
  sub: string,
  extra: Key[] = [],
): Promise<Access> {
  const items = await batchGet(session, [
    metaKey(workspaceId),
    memberKey(workspaceId, sub),
    ...extra,
  ]);
  const meta = items.get(keyOf(metaKey(workspaceId)));
  if (!meta || meta.state === 'deleting') throw workspaceNotFound();
  const member = items.get(keyOf(memberKey(workspaceId, sub)));
  return { workspace: workspaceFromItem(meta), member: member && memberFromItem(member), items };
}

/** The policy's answer as an outcome; `target` names what a not-found is about. */
export function authorize(
  access: Access,
  action: WorkspaceAction,
  subject: Subject = {},
  target?: string,
): WorkspaceRole {
  const { workspace_id } = access.workspace;
  const decision = decide(access.member?.role, action, subject);
  if (decision.allowed) return (access.member as StoredMember).role;
  if (decision.outcome === 'not-found') {
    if (access.member === undefined || target === undefined) throw workspaceNotFound();
    throw new Problem('not-found', `${target} not found in workspace ${workspace_id}`);
  }
  throw new Problem(decision.outcome, `${decision.reason} (workspace ${workspace_id})`);
}

export function itemOf(access: Access, key: Key): Item | undefined {
  return access.items.get(keyOf(key));
}

/**
 * One GSI1 partition of items that name workspaces (the caller's memberships, the
 * invitations to an address), newest workspace first, joined to the workspaces in one
 * BatchGetItem; a workspace being deleted is left out.
 */
export async function workspaceIndexPage<T extends { workspace_id: string }, R>(
  session: TableSession,
  query: {
    pk: string;
    /** The base-table key of the item that names a workspace, to resume after it. */
    keyFor: (workspaceId: string) => Record<string, string>;
    fromItem: (item: Item) => T;
    shape: (entry: T, workspace: ReturnType<typeof workspaceFromItem>) => R;
    after?: string;
    limit: number;
  },
): Promise<{ items: R[]; last?: string }> {
  const { pk, after } = query;
  const out = await indexPartitionPage(
    session,
    pk,
    query.limit,
    after ? { ...query.keyFor(after), GSI1PK: pk, GSI1SK: workspaceGsiSk(after) } : undefined,
  );
  const entries = (out.Items ?? []).map(query.fromItem);
  const metas =
    entries.length > 0
      ? await batchGet(
          session,
          entries.map((e) => metaKey(e.workspace_id)),
        )
      : new Map<string, Item>();
  const items = entries.flatMap((e) => {
    const meta = metas.get(keyOf(metaKey(e.workspace_id)));
    if (!meta || meta.state === 'deleting') return [];
    return [query.shape(e, workspaceFromItem(meta))];
  });
  const last = workspaceOf(out.LastEvaluatedKey);
  return last !== undefined ? { items, last } : { items };
}

/** A transaction's Put of a new item: refused when one with its key exists. */
export const putNew = (tableName: string, item: Item) => ({
  Put: { TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(PK)' },
});

/** A Put of a new item: refused when one with its key exists. */
export const putNewCommand = (tableName: string, item: Item) =>
  new PutCommand({
    TableName: tableName,
    Item: item,
    ConditionExpression: 'attribute_not_exists(PK)',
  });

/** The workspace id in a key's `WS#<id>` partition. */
export const workspaceOf = (key: Record<string, unknown> | undefined) =>
  typeof key?.PK === 'string' && key.PK.startsWith('WS#') ? key.PK.slice(3) : undefined;
