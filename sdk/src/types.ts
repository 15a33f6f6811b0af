/** Names for the contract's schemas and the result shape every SDK call returns. */
import type { components, operations } from '../../src/contract/api.generated.js';

type Schemas = components['schemas'];

export type Task = Schemas['Task'];
export type AdminTask = Schemas['AdminTask'];
export type TaskStatus = Schemas['TaskStatus'];
export type TaskList = Schemas['TaskList'];
export type AdminTaskList = Schemas['AdminTaskList'];
export type Problem = Schemas['Problem'];
export type FieldError = Schemas['FieldError'];
export type TaskUpdate = Schemas['TaskUpdate'];
export type TaskCreate = Schemas['TaskCreate'];

export type ListTasksQuery = NonNullable<operations['listTasks']['parameters']['query']>;
export type ListTasksByStatusQuery = operations['listTasksByStatus']['parameters']['query'];
export type ListMyAgendaQuery = operations['listMyAgenda']['parameters']['query'];
export type Due = NonNullable<Schemas['Due']>;
export type Priority = Schemas['Priority'];
export type AgendaTask = Schemas['AgendaTask'];
export type AgendaList = Schemas['AgendaList'];

/** Expected outcomes: the success body, or the RFC 9457 problem the API answered with. */
export type TaskApiResult<T, Extra = unknown> =
  | ({ data: T; error?: never; response: Response } & Extra)
  | ({ data?: never; error: Problem; response: Response } & { [K in keyof Extra]?: never });

/** A success that carries the task's `ETag` (a strong tag such as `"3"`), for `ifMatch`. */
export type WithEtag = { etag: string };

export interface CallOptions {
  /** Cancels the call, including any retry wait. */
  signal?: AbortSignal;
}

export interface CreateTaskOptions extends CallOptions {
  /** Overrides the generated `Idempotency-Key` (one per logical create). */
  idempotencyKey?: string;
}

export interface ConditionalOptions extends CallOptions {
  /** Sent as `If-Match`: the change happens only if the task still has this `ETag` (else 412). */
  ifMatch?: string;
}
