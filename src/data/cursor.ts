/**
 * Opaque page cursors. A cursor names only positions (ids and timestamps), never a partition:
 * the partition always comes from the caller's token, so a forged cursor cannot reach another
 * user's tasks. Anything that does not decode to the expected shape is a malformed
 * an invalid cursor; a well-formed cursor of another caller, filter or shard count a foreign one.
 */
import { createHash } from 'node:crypto';
import { invalidCursor } from '../tasks/errors.js';
import type { TaskStatus } from '../tasks/task.js';

const TASK_ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function decode(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor('it does not decode');
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Binds a cursor to its owner without putting the owner's id in it. */
const ownerTag = (owner: string) =>
  createHash('sha256').update(owner).digest('base64url').slice(0, 16);

/**
 * listTasksByStatus: a watermark, the index key of the last task shown, below which every shard
 * goes on; and the shards already read to their end. Anything newer than the watermark was
 * either shown or written after it, so later pages have no gaps, no repeats and no newcomers.
 */
export interface StatusCursor {
  status: TaskStatus;
  /** How many shards the listing read; another count means the index was resharded. */
  shards: number;
  after: { created_at: string; task_id: string };
  done: number[];
}

export function encodeStatusCursor({ status, shards, after, done }: StatusCursor): string {
  return encode({ v: 2, s: status, n: shards, w: [after.created_at, after.task_id], d: done });
}

export function decodeStatusCursor(
  cursor: string,
  status: TaskStatus,
  shards: number,
): StatusCursor {
  const value = decode(cursor);
  if (!isRecord(value) || value.v !== 2 || !Array.isArray(value.w) || !Array.isArray(value.d)) {
    throw invalidCursor('unknown shape');
  }
  if (value.s !== status) throw invalidCursor('it was issued for another status');
  if (value.n !== shards) throw invalidCursor('the status index was resharded');
  const [createdAt, taskId] = value.w as unknown[];
  if (
    value.w.length !== 2 ||
    typeof createdAt !== 'string' ||
    !TIMESTAMP.test(createdAt) ||
    typeof taskId !== 'string' ||
    !TASK_ID.test(taskId)
  ) {
    throw invalidCursor('unknown watermark');
  }
  const done = value.d as unknown[];
  if (!done.every((d) => Number.isInteger(d) && (d as number) >= 0 && (d as number) < shards)) {
    throw invalidCursor('unknown shard');
  }
  return {
    status,
    shards,
    after: { created_at: createdAt, task_id: taskId },
    done: done as number[],
  };
}

/**
 * The workspace listings (docs/architecture.md#workspaces): a position of one or more key parts
 * (ids, or a membership's sort key), bound to the caller and to the list and filter it was issued
 * for, neither of which it names. `parts` checks each part, so a cursor can only ever position
 * inside the partition and key range the request itself names.
 */
export function encodePositionCursor(position: string[], caller: string, list: string): string {
  return encode({ v: 3, p: position, o: ownerTag(caller), l: ownerTag(list) });
}

export function decodePositionCursor(
  cursor: string,
  caller: string,
  list: string,
  parts: RegExp[],
): string[] {
  const value = decode(cursor);
  if (!isRecord(value) || value.v !== 3 || !Array.isArray(value.p)) {
    throw invalidCursor('unknown shape');
  }
  const position = value.p as unknown[];
  if (
    position.length !== parts.length ||
    !position.every((p, i) => typeof p === 'string' && (parts[i] as RegExp).test(p))
  ) {
    throw invalidCursor('unknown position');
  }
  if (value.o !== ownerTag(caller)) throw invalidCursor('it was issued to another caller');
  if (value.l !== ownerTag(list)) {
    throw invalidCursor('it was issued for another list or filter');
  }
  return position as string[];
}
