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

export class InvalidCursorError extends Error {
  constructor(reason: string) {
    super(`cursor is not valid for this list: ${reason}`);
  }
}

export class TaskLimitReachedError extends Error {
  constructor(readonly limit: number) {
    super(`a user may own at most ${limit} tasks: delete one to create another`);
  }
}
