/** DynamoDB failures that are the store's fault, not the caller's: problems 429 and 503. */
import { Problem } from '../contract/problem.js';

/** The store is throttling: a 429 the client may retry after a second. */
export const storeThrottled = (cause: unknown) =>
  new Problem('throttled', 'the request rate is too high; retry after 1 second', {
    retryAfterSeconds: 1,
    cause,
  });

/** The store did not answer: a 503 the client may retry after a second. */
export const storeUnavailable = (cause: unknown) =>
  new Problem('unavailable', 'the data store is unavailable; retry after 1 second', {
    retryAfterSeconds: 1,
    cause,
  });

const THROTTLED = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'LimitExceededException',
]);

const UNAVAILABLE = new Set([
  'InternalServerError',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'AbortError',
]);

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNABORTED',
]);

/** Wraps the store's transient failures; anything else (a bug) is rethrown as it is. */
export function classifyStoreError(err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  const e = err as Error & { code?: string; $metadata?: { httpStatusCode?: number } };
  if (THROTTLED.has(e.name)) return storeThrottled(err);
  if (UNAVAILABLE.has(e.name)) return storeUnavailable(err);
  if (e.code && NETWORK_CODES.has(e.code)) return storeUnavailable(err);
  const status = e.$metadata?.httpStatusCode;
  if (status !== undefined && status >= 500) return storeUnavailable(err);
  return err;
}
