/**
 * The fetch under openapi-fetch: per-attempt timeout, full-jitter exponential backoff for
 * 429, 502, 503, 504 and network errors on requests that are safe to repeat, `Retry-After`
 * honoured as the least wait, with jitter on top.
 */
import { TaskApiNetworkError } from './errors.js';
import { asProblemResponse } from './problem.js';

export interface RetryOptions {
  /** Extra attempts after the first. @default 3 */
  retries: number;
  /** The backoff's first ceiling; attempt n waits a random time in [0, min(max, base * 2^n)). @default 100 */
  baseDelayMs: number;
  /** The longest wait between attempts; a longer `Retry-After` ends the retries. @default 5000 */
  maxDelayMs: number;
}

export type Fetch = (request: Request) => Promise<Response>;

export const DEFAULT_RETRY: RetryOptions = { retries: 3, baseDelayMs: 100, maxDelayMs: 5_000 };
export const DEFAULT_TIMEOUT_MS = 10_000;

/** Throttled, or the gateway got no answer from the function (which may or may not have run). */
const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/** POST and PATCH repeat a change; a POST with an Idempotency-Key is safe (the server dedupes). */
export function isRetryable(request: Request): boolean {
  return (
    IDEMPOTENT_METHODS.has(request.method) ||
    (request.method === 'POST' && request.headers.has('Idempotency-Key'))
  );
}

/** `Retry-After` in milliseconds: delta-seconds or an HTTP date. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header === null) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export function backoffMs(
  attempt: number,
  { baseDelayMs, maxDelayMs }: RetryOptions,
  random: () => number = Math.random,
): number {
  return random() * Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
}

/**
 * The wait before the next attempt: the backoff, on top of `Retry-After` when the server sent
 * one, so clients throttled together do not all come back at the same instant.
 */
export function retryDelayMs(
  retryAfter: number | undefined,
  attempt: number,
  retry: RetryOptions,
  random: () => number = Math.random,
): number {
  return (retryAfter ?? 0) + backoffMs(attempt, retry, random);
}

export function createRetryingFetch(options: {
  fetch?: Fetch;
  retry: RetryOptions;
  timeoutMs: number;
}): Fetch {
  const { retry, timeoutMs } = options;
  // Looked up per call, so a fetch patched later (msw, polyfills) is used.
  const send: Fetch = (request) => (options.fetch ?? globalThis.fetch)(request);

  return async function retryingFetch(original) {
    const caller = original.signal;
    const body = original.body === null ? null : await original.clone().arrayBuffer();
    const maxAttempts = isRetryable(original) ? retry.retries + 1 : 1;

    for (let attempt = 0; ; attempt++) {
      const timeout = timeoutMs > 0 ? AbortSignal.timeout(timeoutMs) : undefined;
      const signal = timeout ? AbortSignal.any([caller, timeout]) : caller;
      let waitMs: number;
      try {
        const response = await send(new Request(original, { body, signal }));
        // Read the body inside the attempt so the timeout covers the whole exchange.
        const buffered = await asProblemResponse(response);
        const isLast = attempt + 1 >= maxAttempts;
        if (!RETRYABLE_STATUS.has(buffered.status) || isLast) return buffered;
        const after = retryAfterMs(buffered.headers.get('Retry-After'));
        if (after !== undefined && after > retry.maxDelayMs) return buffered;
        waitMs = retryDelayMs(after, attempt, retry);
      } catch (error) {
        if (caller.aborted) throw caller.reason;
        const timedOut = timeout?.aborted ?? false;
        if (attempt + 1 >= maxAttempts) {
          throw new TaskApiNetworkError(original.method, original.url, attempt + 1, timedOut, {
            cause: error,
          });
        }
        waitMs = backoffMs(attempt, retry);
      }
      await sleep(waitMs, caller);
    }
  };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
