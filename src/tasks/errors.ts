/** The task rules' and the store's outcomes, as problems of the catalogue (docs/architecture.md#errors). */
import { invalid, Problem } from '../contract/problem.js';

export const taskNotFound = (taskId: string) =>
  new Problem('not-found', `task ${taskId} not found`);

/** An If-Match that names none of the current versions. */
export const stale = (what: string) =>
  new Problem('precondition-failed', `${what} has changed since the given ETag`);

export const idempotencyKeyReused = () =>
  new Problem(
    'idempotency-key-reused',
    'this Idempotency-Key was used with a different request body',
  );

/**
 * A cursor the list refuses: no cursor the API could have issued, or one issued to another
 * caller, for another filter or before a reshard. All are the same 400 on the wire.
 */
export function invalidCursor(reason: string): Problem {
  const message = `cursor is not valid for this list: ${reason}`;
  return invalid(message, [{ path: '/query/cursor', message }]);
}

export const taskLimitReached = (limit: number) =>
  new Problem(
    'task-limit-reached',
    `a user may own at most ${limit} tasks: delete one to create another`,
  );

export const workspaceTaskLimitReached = (limit: number) =>
  new Problem(
    'workspace-task-limit-reached',
    `a workspace may hold at most ${limit} tasks: delete one to create another`,
  );
