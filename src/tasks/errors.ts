/** Outcomes the task rules and the store report; src/http maps them to problem+json. */

export class TaskNotFoundError extends Error {
  constructor(readonly taskId: string) {
    super(`task ${taskId} not found`);
  }
}

export class PreconditionFailedError extends Error {
  constructor(readonly taskId: string) {
    super(`task ${taskId} has changed since the given ETag`);
  }
}

export class IdempotencyConflictError extends Error {
  constructor() {
    super('this Idempotency-Key was used with a different request body');
  }
}

/**
 * A cursor the list refuses: `malformed` when it is no cursor the API could have issued,
 * `foreign` when it is well formed but was issued to another caller, for another filter or
 * before a reshard. Both are the same 400 on the wire.
 */
export class InvalidCursorError extends Error {
  constructor(
    reason: string,
    readonly kind: 'malformed' | 'foreign' = 'malformed',
  ) {
    super(`cursor is not valid for this list: ${reason}`);
  }
}
