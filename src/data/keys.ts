/** Key builders for the single table (docs/architecture.md#the-data-model). */
import { createHash } from 'node:crypto';
import type { TaskStatus } from '../tasks/task.js';

export const userPk = (sub: string) => `USER#${sub}`;
export const taskSk = (taskId: string) => `TASK#${taskId}`;
export const TASK_SK_PREFIX = 'TASK#';
/** The owner's task count: outside `TASK#`, so a listing never meets it. */
export const taskCountSk = 'COUNT#TASKS';
export const idempotencySk = (key: string) =>
  `IDEMPOTENCY#${createHash('sha256').update(key).digest('base64url')}`;

/** FNV-1a (32 bit): a stable, cheap hash so a task always lands on the same shard. */
export function statusShard(taskId: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < taskId.length; i++) {
    h ^= taskId.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % shards;
}

export const statusPk = (status: TaskStatus, shard: number) => `STATUS#${status}#${shard}`;
export const statusSk = (createdAt: string, taskId: string) => `${createdAt}#${taskId}`;

/** The agenda index's partition: one user's open tasks, across their list and workspaces. */
export const agendaPk = (sub: string) => `AGENDA#${sub}`;
/** Sorts after every instant: a task without a due comes last in due order. */
export const NO_DUE = '~';
/** The due and agenda indexes' sort key: the due instant (or NO_DUE), then the id. */
export const dueSk = (dueAt: string | undefined, taskId: string) => `${dueAt ?? NO_DUE}#${taskId}`;
