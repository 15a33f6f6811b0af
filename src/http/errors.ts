/** HTTP errors, one class per status, serialized as RFC 9457 problem+json (DESIGN §2). */

export const STATUS = {
  badRequest: 400,
  unauthorized: 401,
  forbidden: 403,
  notFound: 404,
  preconditionFailed: 412,
  contentTooLarge: 413,
  unsupportedMediaType: 415,
  unprocessableContent: 422,
  tooManyRequests: 429,
  internal: 500,
  serviceUnavailable: 503,
} as const;

export interface FieldError {
  path: string;
  message: string;
}

export const PROBLEM_BASE = 'https://task-api.dev/problems/';

export abstract class HttpError extends Error {
  abstract readonly status: number;
  abstract readonly title: string;
  abstract readonly slug: string;
  readonly errors?: FieldError[];
  readonly headers: Record<string, string> = {};

  constructor(detail: string, errors?: FieldError[]) {
    super(detail);
    if (errors) this.errors = errors;
  }
}

export class BadRequestError extends HttpError {
  readonly status = STATUS.badRequest;
  readonly title = 'Bad Request';
  readonly slug = 'validation-error';
}

export class UnauthorizedError extends HttpError {
  readonly status = STATUS.unauthorized;
  readonly title = 'Unauthorized';
  readonly slug = 'unauthorized';
}

export class ForbiddenError extends HttpError {
  readonly status = STATUS.forbidden;
  readonly title = 'Forbidden';
  readonly slug = 'forbidden';
}

export class NotFoundError extends HttpError {
  readonly status = STATUS.notFound;
  readonly title = 'Not Found';
  readonly slug = 'not-found';
}

export class PreconditionFailedHttpError extends HttpError {
  readonly status = STATUS.preconditionFailed;
  readonly title = 'Precondition Failed';
  readonly slug = 'precondition-failed';
}

export class ContentTooLargeError extends HttpError {
  readonly status = STATUS.contentTooLarge;
  readonly title = 'Content Too Large';
  readonly slug = 'payload-too-large';
}

export class UnsupportedMediaTypeError extends HttpError {
  readonly status = STATUS.unsupportedMediaType;
  readonly title = 'Unsupported Media Type';
  readonly slug = 'unsupported-media-type';
}

export class UnprocessableContentError extends HttpError {
  readonly status = STATUS.unprocessableContent;
  readonly title = 'Unprocessable Content';
  readonly slug = 'idempotency-key-reused';
}

/** 429 and 503 tell the client when to come back. */
abstract class RetryableError extends HttpError {
  constructor(detail: string, retryAfterSeconds: number) {
    super(detail);
    this.headers['Retry-After'] = String(retryAfterSeconds);
  }
}

export class TooManyRequestsError extends RetryableError {
  readonly status = STATUS.tooManyRequests;
  readonly title = 'Too Many Requests';
  readonly slug = 'throttled';
}

export class ServiceUnavailableError extends RetryableError {
  readonly status = STATUS.serviceUnavailable;
  readonly title = 'Service Unavailable';
  readonly slug = 'unavailable';
}

export class InternalServerError extends HttpError {
  readonly status = STATUS.internal;
  readonly title = 'Internal Server Error';
  readonly slug = 'internal';
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldError[];
}

export function toProblem(err: HttpError, requestId?: string): Problem {
  return {
    type: `${PROBLEM_BASE}${err.slug}`,
    title: err.title,
    status: err.status,
    detail: err.message,
    ...(requestId ? { instance: requestId } : {}),
    ...(err.errors ? { errors: err.errors } : {}),
  };
}
