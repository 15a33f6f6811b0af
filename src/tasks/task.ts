/** Task rules: building, changing and presenting tasks (components/schemas/Task in openapi.yaml). */
import { createHash, randomFillSync } from 'node:crypto';
import { monotonicFactory } from 'ulid';
import type { components } from '../contract/api.generated.js';

export type Task = components['schemas']['Task'];
export type AdminTask = components['schemas']['AdminTask'];
export type TaskStatus = components['schemas']['TaskStatus'];
export type TaskCreate = components['schemas']['TaskCreate'];
export type TaskUpdate = components['schemas']['TaskUpdate'];
export type WorkspaceTask = components['schemas']['WorkspaceTask'];
export type WorkspaceTaskCreate = components['schemas']['WorkspaceTaskCreate'];
export type WorkspaceTaskUpdate = components['schemas']['WorkspaceTaskUpdate'];
/** A personal task as the store keeps it: the task and its owner. */
export type StoredTask = AdminTask;
export type StoredWorkspaceTask = WorkspaceTask;
/** What every task has, whatever its container (docs/architecture.md#one-task-path). */
export type TaskCore = Task;
/** Any change an update may make; `assignee` only where the container has assignees. */
export type TaskChanges = TaskUpdate & { assignee?: string | null };

export const DEFAULT_STATUS: TaskStatus = 'pending';
export const TASK_STATUSES = [
  'pending',
  'in_progress',
  'completed',
] as const satisfies readonly TaskStatus[];

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

/** A new task's own fields, the defaults filled in. */
function newCore(input: TaskCreate, now: Date): TaskCore {
  const at = now.toISOString();
  return {
    task_id: newTaskId(now.getTime()),
    title: input.title,
    description: input.description ?? '',
    status: input.status ?? DEFAULT_STATUS,
    created_at: at,
    updated_at: at,
    version: 1,
  };
}

export function newTask(owner: string, input: TaskCreate, now = new Date()): StoredTask {
  return { ...newCore(input, now), user_id: owner };
}

export function newWorkspaceTask(
  workspaceId: string,
  creator: string,
  input: WorkspaceTaskCreate,
  now = new Date(),
): StoredWorkspaceTask {
  const core = newCore(input, now);
  return {
    workspace_id: workspaceId,
    ...core,
    assignee: input.assignee ?? null,
    created_by: creator,
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
export function createFingerprint(input: WorkspaceTaskCreate, assignable = false): string {
  const normal = [input.title, input.description ?? '', input.status ?? DEFAULT_STATUS];
  if (assignable) normal.push(input.assignee ?? '');
  return createHash('sha256').update(JSON.stringify(normal)).digest('base64url');
}

export const etag = (version: number) => `"${version}"`;

/** `*` (any existing task) or the versions that strong entity tags name; weak tags never match. */
export type Precondition = { kind: 'any' } | { kind: 'versions'; versions: number[] };
