/** The mock's in-memory tasks, idempotency keys and opaque cursors. */
import type { AdminTask, Task, TaskCreate, TaskUpdate } from '../types.js';

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

/** base64url JSON naming the list it belongs to; any other cursor is refused. */
export const cursors = {
  encode(list: string, seq: number): string {
    return btoa(JSON.stringify({ l: list, s: seq }))
      .replaceAll('+', '-')
      .replaceAll('/', '_')
      .replace(/=+$/, '');
  },
  decode(list: string, cursor: string): number | undefined {
    try {
      const json = JSON.parse(atob(cursor.replaceAll('-', '+').replaceAll('_', '/'))) as unknown;
      const { l, s } = json as { l?: unknown; s?: unknown };
      return l === list && Number.isSafeInteger(s) ? (s as number) : undefined;
    } catch {
      return undefined;
    }
  },
};
