/**
 * `npm run migrate`: how a stored task item of an earlier version reads in the current shape
 * (docs/operations.md#upgrading-a-table-in-place). The seed's handlers wrote tasks under a
 * UUID, without a version or owner, and with naive times; an earlier task-api wrote them without
 * a shard in the status key. The current shape itself is the container's mapping, never repeated here.
 */
import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { encodeTime, isValid } from 'ulid';
import { TASK_STATUSES, type TaskStatus } from '../tasks/task.js';
import type { Item } from './items.js';
import { TASK_SK_PREFIX, userPk } from './keys.js';
import { workspacePk } from './workspaceItems.js';

const USER_PREFIX = userPk('');
const WORKSPACE_PREFIX = workspacePk('');

/** The container a task item's partition names. */
export type ContainerRef = { kind: 'user'; sub: string } | { kind: 'workspace'; id: string };

export function containerOf(pk: string): ContainerRef | undefined {
  if (pk.startsWith(USER_PREFIX)) return { kind: 'user', sub: pk.slice(USER_PREFIX.length) };
  if (pk.startsWith(WORKSPACE_PREFIX)) {
    return { kind: 'workspace', id: pk.slice(WORKSPACE_PREFIX.length) };
  }
  return undefined;
}

export const isTaskItem = (item: Item) =>
  typeof item.PK === 'string' &&
  typeof item.SK === 'string' &&
  item.SK.startsWith(TASK_SK_PREFIX) &&
  containerOf(item.PK) !== undefined;

/** A task the seed tutorial's handlers wrote: a user's, without a version. */
export const isSeedTask = (item: Item) =>
  String(item.PK).startsWith(USER_PREFIX) && item.version === undefined;

const TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * `YYYY-MM-DDTHH:MM:SS.mmmZ` (UTC) of an ISO 8601 time; one without a zone (Python's
 * `datetime.utcnow().isoformat()`, which drops the fraction when it is zero) is UTC.
 * Fractions below a millisecond are cut, never rounded up into the next one.
 */
export function normalizeTime(value: unknown): string | undefined {
  const match = typeof value === 'string' ? TIME.exec(value) : null;
  if (!match) return undefined;
  const [, seconds, fraction = '', zone = 'Z'] = match;
  const ms = Date.parse(`${seconds}.${fraction.padEnd(3, '0').slice(0, 3)}${zone}`);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The ULID a seed task is adopted under: its creation time, and 80 bits of a hash of its UUID,
 * so the task sorts by creation like every other, and a re-run maps the UUID to the same id.
 */
export function adoptedTaskId(uuid: string, createdAt: string): string {
  const digest = createHash('sha256').update(`task-api seed task ${uuid}`).digest();
  let bits = BigInt(`0x${digest.subarray(0, 10).toString('hex')}`);
  let random = '';
  for (let i = 0; i < 16; i++) {
    random = CROCKFORD[Number(bits & 31n)] + random;
    bits >>= 5n;
  }
  const id = encodeTime(Date.parse(createdAt), 10) + random;
  if (!isValid(id)) throw new Error(`adopted task id is not a ulid, got ${id}`);
  return id;
}

/** Why an item cannot be brought to the current shape (it is left as it is), or undefined. */
export function unfitReason(item: Item): string | undefined {
  if (!TASK_STATUSES.includes(item.status as TaskStatus)) {
    return `status must be one of ${TASK_STATUSES.join(', ')}, got ${String(item.status)}`;
  }
  if (typeof item.title !== 'string' || item.title.length === 0) {
    return `title must be a non-empty string, got ${JSON.stringify(item.title)}`;
  }
  for (const name of ['created_at', 'updated_at']) {
    if (normalizeTime(item[name]) === undefined) {
      return `${name} must be an ISO 8601 time, got ${JSON.stringify(item[name])}`;
    }
  }
  return undefined;
}

/**
 * The stored item with the fields an earlier version left out or wrote otherwise, as the
 * container's `fromItem` reads them: the id and owner from the keys, times in UTC
 * milliseconds, an empty description, version 1. Fields already there stay as they are.
 */
export function normalizeTask(item: Item, taskId: string): Item {
  const ref = containerOf(String(item.PK));
  return {
    ...item,
    task_id: taskId,
    ...(ref?.kind === 'user' ? { user_id: ref.sub } : { workspace_id: ref?.id }),
    description: item.description ?? '',
    created_at: normalizeTime(item.created_at),
    updated_at: normalizeTime(item.updated_at),
    version: item.version ?? 1,
  };
}

/** Attribute values as DynamoDB keeps them: an undefined one is not stored. */
const stored = (item: Item) =>
  Object.fromEntries(Object.entries(item).filter(([, value]) => value !== undefined));

export const sameItem = (a: Item, b: Item) => isDeepStrictEqual(stored(a), stored(b));

/**
 * A condition that the item is as it was read: the same version and updated_at (absent stays
 * absent), the two attributes every task write changes.
 */
export function unchanged(item: Item) {
  const parts: string[] = [];
  const values: Record<string, unknown> = {};
  for (const name of ['version', 'updated_at'] as const) {
    if (item[name] === undefined) {
      parts.push(`attribute_not_exists(${name})`);
    } else {
      parts.push(`${name} = :read_${name}`);
      values[`:read_${name}`] = item[name];
    }
  }
  return { ConditionExpression: parts.join(' AND '), ExpressionAttributeValues: values };
}
