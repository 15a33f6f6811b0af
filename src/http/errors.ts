/** HTTP errors, one class per problem type, serialized as RFC 9457 problem+json (docs/architecture.md#errors). */

import type { FieldError } from '../contract/field-errors.js';
import {
  DEFAULT_PROBLEM_TYPE_BASE,
  PROBLEMS,
  type ProblemBody,
  type ProblemSlug,
  problemBody,
} from '../contract/problems.js';

export type { FieldError } from '../contract/field-errors.js';

export abstract class HttpError extends Error {
  abstract readonly slug: ProblemSlug;
  readonly errors?: FieldError[];
  readonly headers: Record<string, string> = {};

  constructor(detail: string, errors?: FieldError[]) {
    super(detail);
    if (errors) this.errors = errors;
  }

  get status(): number {
    return PROBLEMS[this.slug].status;
  }

  get title(): string {
    return PROBLEMS[this.slug].title;
  }
}

export class BadRequestError extends HttpError {
  readonly slug = 'validation-error' as const;
}

export class UnauthorizedError extends HttpError {
  readonly slug = 'unauthorized' as const;
}

export class ForbiddenError extends HttpError {
  readonly slug = 'forbidden' as const;
}

export class NotFoundError extends HttpError {
  readonly slug = 'not-found' as const;
}

export class ConflictError extends HttpError {
  readonly slug = 'conflict' as const;
}

export class TaskLimitReachedProblem extends HttpError {
  readonly slug = 'task-limit-reached' as const;
}

export class PreconditionFailedHttpError extends HttpError {
  readonly slug = 'precondition-failed' as const;
}

export class ContentTooLargeError extends HttpError {
  readonly slug = 'payload-too-large' as const;
}

export class UnsupportedMediaTypeError extends HttpError {
  readonly slug = 'unsupported-media-type' as const;
}

export class UnprocessableContentError extends HttpError {
  readonly slug = 'idempotency-key-reused' as const;
}

/** 429 and 503 tell the client when to come back. */
abstract class RetryableError extends HttpError {
  constructor(detail: string, retryAfterSeconds: number) {
    super(detail);
    this.headers['Retry-After'] = String(retryAfterSeconds);
  }
}

export class TooManyRequestsError extends RetryableError {
  readonly slug = 'throttled' as const;
}

export class ServiceUnavailableError extends RetryableError {
  readonly slug = 'unavailable' as const;
}

export class InternalServerError extends HttpError {
  readonly slug = 'internal' as const;
}

export type Problem = ProblemBody;

/** Problem `type` URIs are anchors on the docs page at PROBLEM_TYPE_BASE (default `/docs`). */
export function toProblem(
  err: HttpError,
  requestId?: string,
  base: string = process.env.PROBLEM_TYPE_BASE || DEFAULT_PROBLEM_TYPE_BASE,
): Problem {
  return problemBody(err.slug, err.message, {
    base,
    ...(requestId ? { instance: requestId } : {}),
    ...(err.errors ? { errors: err.errors } : {}),
  });
}
