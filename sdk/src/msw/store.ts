/** The mock's in-memory tasks, idempotency keys and opaque cursors. */
import type { AdminTask, Task, TaskCreate, TaskUpdate } from '../types.js';
import { WorkspaceData } from './workspaces.js';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A ULID: 48-bit time then 80 random bits, Crockford base32. */
export function ulid(now = Date.now()): string {
  let time = '';
  for (let t = now, i = 0; i < 10; i++, t = Math.floor(t / 32)) time = CROCKFORD[t % 32] + time;
  const random = crypto.getRandomValues(new Uint8Array(16));
  return time + Array.from(random, (b) => CROCKFORD[b % 32]).join('');
}

interface StoredTask extends AdminTask {
  /** Insertion order, so "newest first" is exact even within one millisecond. */
  seq: number;
}

interface Remembered {
  fingerprint: string;
  task: Task;
}

export function toTask({ seq: _, user_id: __, ...task }: StoredTask): Task {
  return task;
}

export function toAdminTask({ seq: _, ...task }: StoredTask): AdminTask {
  return task;
}

export class TaskStore {
  /** The workspaces, their members, invitations and tasks. */
  readonly workspaces = new WorkspaceData();
  #seq = 0;
  readonly #tasks = new Map<string, StoredTask>();
  readonly #idempotency = new Map<string, Remembered>();

  create(userId: string, input: TaskCreate): StoredTask {
    const now = new Date().toISOString();
    const task: StoredTask = {
      task_id: ulid(),
      user_id: userId,
      title: input.title,
      description: input.description ?? '',
      status: input.status ?? 'pending',
      created_at: now,
      updated_at: now,
      version: 1,
      seq: ++this.#seq,
    };
    this.#tasks.set(task.task_id, task);
    return task;
  }

  /** Another user's task is as missing as a deleted one. */
  get(userId: string, taskId: string): StoredTask | undefined {
    const task = this.#tasks.get(taskId);
    return task?.user_id === userId ? task : undefined;
  }

  update(task: StoredTask, changes: TaskUpdate): StoredTask {
    const updated = {
      ...task,
      ...changes,
      updated_at: new Date().toISOString(),
      version: task.version + 1,
    };
    this.#tasks.set(task.task_id, updated);
    return updated;
  }

  delete(task: StoredTask): void {
    this.#tasks.delete(task.task_id);
  }

  /** Newest first, `limit` at a time, after the task that `afterSeq` names. */
  page(match: (task: StoredTask) => boolean, limit: number, afterSeq?: number) {
    const all = [...this.#tasks.values()]
      .filter((t) => match(t) && (afterSeq === undefined || t.seq < afterSeq))
      .sort((a, b) => b.seq - a.seq);
    const tasks = all.slice(0, limit);
    const last = tasks.at(-1);
    return { tasks, nextSeq: all.length > limit && last ? last.seq : undefined };
  }

  all(): AdminTask[] {
    return [...this.#tasks.values()].map(toAdminTask);
  }

  recall(userId: string, key: string): Remembered | undefined {
    return this.#idempotency.get(`${userId}\n${key}`);
  }

  remember(userId: string, key: string, value: Remembered): void {
    this.#idempotency.set(`${userId}\n${key}`, value);
  }
}

/** Which list a cursor belongs to: the caller's own (bound to them) or the admin one. */
export interface CursorScope {
  /** The caller a listTasks cursor is bound to; admin cursors are bound to none. */
  owner?: string;
  status?: string;
}

/** base64url JSON naming its list; any other cursor is refused with the API's reasons. */
export const cursors = {
  encode(scope: CursorScope, seq: number): string {
    return btoa(JSON.stringify({ o: scope.owner, f: scope.status, s: seq }))
      .replaceAll('+', '-')
      .replaceAll('/', '_')
      .replace(/=+$/, '');
  },
  /** The position after which the page starts, or why the cursor is refused. */
  decode(scope: CursorScope, cursor: string): { after: number } | { reason: string } {
    let json: unknown;
    try {
      json = JSON.parse(atob(cursor.replaceAll('-', '+').replaceAll('_', '/')));
    } catch {
      return { reason: 'it does not decode' };
    }
    const { o, f, s } = (json ?? {}) as { o?: unknown; f?: unknown; s?: unknown };
    if (!Number.isSafeInteger(s)) return { reason: 'unknown shape' };
    if (o !== scope.owner) return { reason: 'it was issued to another caller' };
    if (f !== scope.status) {
      return {
        reason: `it was issued for another status${scope.owner === undefined ? '' : ' filter'}`,
      };
    }
    return { after: s as number };
  },
};
