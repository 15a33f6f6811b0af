/** DynamoDB failures that are the store's fault, not the caller's: mapped to 429 and 503. */

export class StoreThrottledError extends Error {
  constructor(cause: unknown) {
    super('the data store is throttling requests', { cause });
  }
}

export class StoreUnavailableError extends Error {
  constructor(cause: unknown) {
    super('the data store is unavailable', { cause });
  }
}

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
  if (THROTTLED.has(e.name)) return new StoreThrottledError(err);
  if (UNAVAILABLE.has(e.name)) return new StoreUnavailableError(err);
  if (e.code && NETWORK_CODES.has(e.code)) return new StoreUnavailableError(err);
  const status = e.$metadata?.httpStatusCode;
  if (status !== undefined && status >= 500) return new StoreUnavailableError(err);
  return err;
}
