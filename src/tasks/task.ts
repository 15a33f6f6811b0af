/** Task rules: building, changing and presenting tasks (components/schemas/Task in openapi.yaml). */
import { createHash, randomFillSync } from 'node:crypto';
import { monotonicFactory } from 'ulid';
import type { components } from '../contract/api.generated.js';
import type { FieldError } from '../contract/field-errors.js';
import { invalid } from '../contract/problem.js';
import { type Due, dueProblems } from './due.js';
import { recurrenceProblems } from './recurrence.js';

export type Task = components['schemas']['Task'];
export type AdminTask = components['schemas']['AdminTask'];
export type TaskStatus = components['schemas']['TaskStatus'];
export type TaskCreate = components['schemas']['TaskCreate'];
export type TaskUpdate = components['schemas']['TaskUpdate'];
export type WorkspaceTask = components['schemas']['WorkspaceTask'];
export type WorkspaceTaskCreate = components['schemas']['WorkspaceTaskCreate'];
export type WorkspaceTaskUpdate = components['schemas']['WorkspaceTaskUpdate'];
export type Priority = components['schemas']['Priority'];
export type { Due };
/** A personal task as the store keeps it: the task and its owner. */
export type StoredTask = AdminTask;
export type StoredWorkspaceTask = WorkspaceTask;
/** What every task has, whatever its container (docs/architecture.md#one-task-path). */
export type TaskCore = Task;
/** Any change an update may make; `assignee` only where the container has assignees. */
export type TaskChanges = TaskUpdate & { assignee?: string | null };

export const DEFAULT_STATUS: TaskStatus = 'pending';
export const DEFAULT_PRIORITY: Priority = 'none';
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

/** A label as labels are compared: `Work` and `work` are one label. */
export const labelKey = (label: string) => label.normalize('NFC').toLowerCase();

/**
 * The rules the schema cannot state: a due on the calendar and in a known zone, labels unique
 * regardless of case, a recurrence of the documented subset and only beside a due. `stored` is
 * false for an update, whose task may already have the due its new recurrence needs: the store
 * checks that in the write's condition.
 */
export function checkTaskFields(
  fields: Pick<TaskUpdate, 'due' | 'labels' | 'recurrence'>,
  mode: 'create' | 'update',
): void {
  const errors: FieldError[] = [];
  if (fields.due) errors.push(...dueProblems(fields.due, '/body/due'));
  const seen = new Map<string, number>();
  (fields.labels ?? []).forEach((label, i) => {
    const key = labelKey(label);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else {
      errors.push({
        path: `/body/labels/${i}`,
        message: `"${label}" repeats label ${first} (labels are compared regardless of case)`,
      });
    }
  });
  if (fields.recurrence) {
    errors.push(...recurrenceProblems(fields.recurrence, '/body/recurrence'));
    const dueless = mode === 'create' ? !fields.due : fields.due === null;
    if (dueless) errors.push(recurrenceNeedsDue());
  }
  if (errors.length > 0) throw invalid('the task has fields that are not valid', errors);
}

/** A recurring task without a due (in the body, or a stored task the update leaves so). */
export const recurrenceNeedsDue = (): FieldError => ({
  path: '/body/recurrence',
  message: 'only a task with a due may recur: set due as well, or recurrence to null',
});

/** A new task's own fields, the defaults filled in. */
function newCore(input: TaskCreate, now: Date): TaskCore {
  const at = now.toISOString();
  return {
    task_id: newTaskId(now.getTime()),
    title: input.title,
    description: input.description ?? '',
    status: input.status ?? DEFAULT_STATUS,
    due: input.due ?? null,
    priority: input.priority ?? DEFAULT_PRIORITY,
    labels: input.labels ?? [],
    recurrence: input.recurrence ?? null,
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
  const normal: unknown[] = [input.title, input.description ?? '', input.status ?? DEFAULT_STATUS];
  if (assignable) normal.push(input.assignee ?? '');
  // The planning fields join the fingerprint only when set, so a key recorded before they
  // existed still replays its request.
  const planning = [
    input.due ?? null,
    input.priority ?? DEFAULT_PRIORITY,
    input.labels ?? [],
    input.recurrence ?? null,
  ];
  if (JSON.stringify(planning) !== UNPLANNED) normal.push(planning);
  return createHash('sha256').update(JSON.stringify(normal)).digest('base64url');
}

const UNPLANNED = JSON.stringify([null, DEFAULT_PRIORITY, [], null]);

export const etag = (version: number) => `"${version}"`;

/** `*` (any existing task) or the versions that strong entity tags name; weak tags never match. */
export type Precondition = { kind: 'any' } | { kind: 'versions'; versions: number[] };
