/**
 * Opaque page cursors. A cursor names only positions (ids and timestamps), never a partition:
 * the partition always comes from the caller's token, so a forged cursor cannot reach another
 * user's tasks. Anything that does not decode to the expected shape is an InvalidCursorError.
 */
import { createHash } from 'node:crypto';
import { InvalidCursorError } from '../tasks/errors.js';
import type { TaskStatus } from '../tasks/task.js';

const TASK_ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const USER_ID = /^[\x21-\x7E]{1,128}$/;

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function decode(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError('it does not decode');
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Binds a cursor to its owner without putting the owner's id in it. */
const ownerTag = (owner: string) =>
  createHash('sha256').update(owner).digest('base64url').slice(0, 16);

/** listTasks: the id of the last task on the page, for this owner and this status filter. */
export function encodeTaskCursor(taskId: string, owner: string, status?: TaskStatus): string {
  return encode({ v: 1, t: taskId, o: ownerTag(owner), ...(status ? { s: status } : {}) });
}

export function decodeTaskCursor(cursor: string, owner: string, status?: TaskStatus): string {
  const value = decode(cursor);
  if (!isRecord(value) || value.v !== 1 || typeof value.t !== 'string' || !TASK_ID.test(value.t)) {
    throw new InvalidCursorError('unknown shape');
  }
  if (value.o !== ownerTag(owner)) throw new InvalidCursorError('it was issued to another caller');
  if (value.s !== status) throw new InvalidCursorError('it was issued for another status filter');
  return value.t;
}

/** Where one status-index shard stands: not started, after a task, or exhausted. */
export type ShardPosition =
  | { kind: 'start' }
  | { kind: 'after'; created_at: string; task_id: string; user_id: string }
  | { kind: 'done' };

export interface StatusCursor {
  status: TaskStatus;
  positions: ShardPosition[];
}

type WirePosition = 0 | 1 | [string, string, string];

export function encodeStatusCursor({ status, positions }: StatusCursor): string {
  const p: WirePosition[] = positions.map((pos) =>
    pos.kind === 'start' ? 0 : pos.kind === 'done' ? 1 : [pos.created_at, pos.task_id, pos.user_id],
  );
  return encode({ v: 1, s: status, p });
}

/** The cursor must be for the same status and the same number of shards as this listing. */
export function decodeStatusCursor(
  cursor: string,
  status: TaskStatus,
  shards: number,
): StatusCursor {
  const value = decode(cursor);
  if (!isRecord(value) || value.v !== 1 || !Array.isArray(value.p)) {
    throw new InvalidCursorError('unknown shape');
  }
  if (value.s !== status) throw new InvalidCursorError('it was issued for another status');
  if (value.p.length !== shards) throw new InvalidCursorError('the status index was resharded');
  const positions = value.p.map((p: unknown): ShardPosition => {
    if (p === 0) return { kind: 'start' };
    if (p === 1) return { kind: 'done' };
    if (
      Array.isArray(p) &&
      p.length === 3 &&
      typeof p[0] === 'string' &&
      TIMESTAMP.test(p[0]) &&
      typeof p[1] === 'string' &&
      TASK_ID.test(p[1]) &&
      typeof p[2] === 'string' &&
      USER_ID.test(p[2])
    ) {
      return { kind: 'after', created_at: p[0], task_id: p[1], user_id: p[2] };
    }
    throw new InvalidCursorError('unknown shard position');
  });
  return { status, positions };
}
