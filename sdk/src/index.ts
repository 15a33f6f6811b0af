/** @task-api/sdk: the typed client of openapi.yaml. */

export type { components, operations, paths } from '../../src/contract/api.generated.js';
export { LIMITS } from '../../src/contract/limits.generated.js';
export {
  createTaskApiClient,
  type TaskApiClient,
  type TaskApiClientOptions,
} from './client.js';
export { dueAt, dueFromInstant, localTimeZone } from './due.js';
export { TaskApiError, TaskApiNetworkError, TaskApiProblemError } from './errors.js';
export type { Fetch, RetryOptions } from './retry.js';
export type * from './types.js';
export type * from './workspaces.js';
