/** Task rules: building, changing and presenting tasks (components/schemas/Task in openapi.yaml). */
import { createHash, randomFillSync } from 'node:crypto';
import { monotonicFactory } from 'ulid';
import type { components } from '../api.generated.js';

export type Task = components['schemas']['Task'];
export type AdminTask = components['schemas']['AdminTask'];
export type TaskStatus = components['schemas']['TaskStatus'];
export type TaskCreate = components['schemas']['TaskCreate'];
export type TaskUpdate = components['schemas']['TaskUpdate'];
/** What the store keeps: the task and its owner. */
export type StoredTask = AdminTask;

export const DEFAULT_STATUS: TaskStatus = 'pending';

/**
 * ulid's default PRNG makes one WebCrypto call per character: about 30 µs for each id in a new
 * millisecond, on every create's hot path. The same CSPRNG bytes, drawn 256 at a time.
 */
const randomPool = new Uint8Array(256);
let randomAt = randomPool.length;
function pooledRandom(): number {
  if (randomAt === randomPool.length) {
    randomFillSync(randomPool);
    randomAt = 0;
  }
  return (randomPool[randomAt++] as number) / 256;
}

const nextUlid = monotonicFactory(pooledRandom);
/** ULIDs sort by creation time, so `TASK#<id>` keys list newest first when read backwards. */
export const newTaskId = (now: number = Date.now()) => nextUlid(now);

export function newTask(owner: string, input: TaskCreate, now = new Date()): StoredTask {
  const at = now.toISOString();
  return {
    task_id: newTaskId(now.getTime()),
    user_id: owner,
    title: input.title,
    description: input.description ?? '',
    status: input.status ?? DEFAULT_STATUS,
    created_at: at,
    updated_at: at,
    version: 1,
  };
}

/** The owner's view: everything but `user_id`. */
export function toTask({ user_id: _owner, ...task }: StoredTask): Task {
  return task;
}

export function toAdminTask(task: StoredTask): AdminTask {
  return { ...task };
}

/**
 * The create request as it will be stored, so `{title}` and `{title, status: 'pending'}`
 * count as the same request for Idempotency-Key reuse.
 */
export function createFingerprint(input: TaskCreate): string {
  const normal = [input.title, input.description ?? '', input.status ?? DEFAULT_STATUS];
  return createHash('sha256').update(JSON.stringify(normal)).digest('base64url');
}

export const etag = (version: number) => `"${version}"`;

/** `*` (any existing task) or the versions that strong entity tags name; weak tags never match. */
export type Precondition = { kind: 'any' } | { kind: 'versions'; versions: number[] };

export const ADMIN_GROUP = 'admins';
