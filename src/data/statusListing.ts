/**
 * The admin listing (docs/architecture.md#access-patterns): every user's tasks in one status,
 * merged newest first from the status-index shards.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { StoredTask, TaskStatus } from '../tasks/task.js';
import { personalTaskFromItem } from './containers.js';
import { decodeStatusCursor, encodeStatusCursor } from './cursor.js';
import { statusPk, statusSk } from './keys.js';
import type { TableSession } from './session.js';
import { STATUS_INDEX } from './table.js';

export interface StatusPage {
  tasks: StoredTask[];
  cursor?: string;
}

interface ShardPage {
  shard: number;
  items: StoredTask[];
  more: boolean;
}

/**
 * One Query per shard (every shard ever written, see statusIndex.ts) in parallel, each below the
 * cursor's watermark, merged newest first. `shards` is that count as the store reads it from
 * the table (once per container): a first page queries the store's own N shards meanwhile, and
 * only the shards beyond N after it, so a cold admin listing waits for no extra round trip.
 */
export async function listByStatus(
  session: TableSession,
  status: TaskStatus,
  options: { limit: number; cursor?: string; shards: Promise<number> },
): Promise<StatusPage> {
  const { limit, cursor } = options;
  // Once one shard fails the page is lost: stop the others rather than let them retry on.
  const siblings = new AbortController();
  const query = (from: number, to: number, below?: string, done = new Set<number>()) =>
    Promise.all(
      Array.from({ length: Math.max(0, to - from) }, (_, i) =>
        queryShard(session, status, from + i, { limit, below, done, signal: siblings.signal }),
      ),
    );
  const stopSiblings = (err: unknown): never => {
    siblings.abort();
    throw err;
  };

  let shards: number;
  let results: ShardPage[];
  let done = new Set<number>();
  if (cursor === undefined) {
    const own = session.config.shards;
    const [total, first] = await Promise.all([options.shards, query(0, own)]).catch(stopSiblings);
    shards = total;
    results = [...first, ...(await query(own, total).catch(stopSiblings))];
  } else {
    shards = await options.shards;
    const from = decodeStatusCursor(cursor, status, shards);
    done = new Set(from.done);
    const below = statusSk(from.after.created_at, from.after.task_id);
    results = await query(0, shards, below, done).catch(stopSiblings);
  }

  const merged = results
    .flatMap(({ shard, items }) => items.map((task) => ({ shard, task })))
    .sort((a, b) => compareNewestFirst(a.task, b.task))
    .slice(0, limit);
  const tasks = merged.map((m) => m.task);
  const last = tasks.at(-1);
  // A shard is done once it has nothing below the page's last task.
  const finished = results
    .filter(({ shard, items, more }) => {
      if (done.has(shard)) return true;
      if (more) return false;
      const taken = merged.filter((m) => m.shard === shard).length;
      return taken === items.length;
    })
    .map(({ shard }) => shard);
  if (!last || finished.length === shards) return { tasks };
  return {
    tasks,
    cursor: encodeStatusCursor({
      status,
      shards,
      after: { created_at: last.created_at, task_id: last.task_id },
      done: finished,
    }),
  };
}

async function queryShard(
  session: TableSession,
  status: TaskStatus,
  shard: number,
  options: { limit: number; below?: string; done: Set<number>; signal: AbortSignal },
): Promise<ShardPage> {
  const { limit, below, done, signal } = options;
  if (done.has(shard)) return { shard, items: [], more: false };
  const result = await session.send(
    (call) =>
      session.db.send(
        new QueryCommand({
          TableName: session.tableName,
          IndexName: STATUS_INDEX,
          KeyConditionExpression: below ? 'GSI1PK = :pk AND GSI1SK < :below' : 'GSI1PK = :pk',
          ExpressionAttributeValues: {
            ':pk': statusPk(status, shard),
            ...(below ? { ':below': below } : {}),
          },
          ScanIndexForward: false,
          Limit: limit,
        }),
        call,
      ),
    signal,
  );
  const items = (result.Items ?? []).map(personalTaskFromItem);
  return { shard, items, more: result.LastEvaluatedKey !== undefined };
}

/**
 * The status index's sort order, `<created_at>#<task_id>` descending, compared field by field:
 * ISO timestamps have one length, so this is the key's order without building two strings per
 * comparison (that was a third of a warm admin listing).
 */
function compareNewestFirst(a: StoredTask, b: StoredTask): number {
  if (a.created_at !== b.created_at) return a.created_at < b.created_at ? 1 : -1;
  return a.task_id < b.task_id ? 1 : a.task_id > b.task_id ? -1 : 0;
}
