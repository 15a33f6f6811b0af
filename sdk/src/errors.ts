/** Thrown errors: only for outcomes the contract does not describe (see README, "Errors"). */
import type { Problem } from './types.js';

export abstract class TaskApiError extends Error {}

/** No HTTP response: the network failed or every attempt timed out, after all retries. */
export class TaskApiNetworkError extends TaskApiError {
  override readonly name = 'TaskApiNetworkError';
  constructor(
    readonly method: string,
    readonly url: string,
    readonly attempts: number,
    readonly timedOut: boolean,
    options: { cause: unknown },
  ) {
    const what = timedOut ? 'timed out' : 'failed';
    super(`${method} ${url} ${what} after ${attempts} attempt(s)`, options);
  }
}

/** An error response met while iterating pages (an iterator has no `{ error }` channel). */
export class TaskApiProblemError extends TaskApiError {
  override readonly name = 'TaskApiProblemError';
  constructor(
    readonly problem: Problem,
    readonly response: Response,
  ) {
    super(`${problem.status} ${problem.title}${problem.detail ? `: ${problem.detail}` : ''}`);
  }
}
