/**
 * One request's view of the table: every DynamoDB call classified into store faults and, once
 * a deadline is set, held to it (the Lambda's remaining time, docs/architecture.md#time-budget).
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DataConfig } from './client.js';
import { classifyStoreError, StoreUnavailableError } from './errors.js';

/** What a DynamoDB call may be given: the SDK's own per-call options. */
export interface CallOptions {
  abortSignal?: AbortSignal;
}

export class TableSession {
  constructor(
    readonly db: DynamoDBDocumentClient,
    readonly config: DataConfig,
    /** Epoch ms by which every call (with the SDK's retries) must have ended. */
    readonly deadline?: number,
  ) {}

  get tableName(): string {
    return this.config.tableName;
  }

  until(deadline: number): TableSession {
    return new TableSession(this.db, this.config, deadline);
  }

  async send<T>(request: (options: CallOptions) => Promise<T>, signal?: AbortSignal): Promise<T> {
    const left = this.deadline === undefined ? undefined : this.deadline - Date.now();
    if (left !== undefined && left <= 0) {
      throw new StoreUnavailableError(new Error('the request has no time left for the store'));
    }
    const timeout = left === undefined ? undefined : AbortSignal.timeout(left);
    const abortSignal =
      signal && timeout ? AbortSignal.any([signal, timeout]) : (signal ?? timeout);
    try {
      return await abortable(request(abortSignal ? { abortSignal } : {}), abortSignal);
    } catch (err) {
      throw classifyStoreError(err);
    }
  }
}

/** The SDK checks the signal between attempts, not while it backs off: end the wait at once. */
function abortable<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () =>
      reject(Object.assign(new Error('the DynamoDB call was aborted'), { name: 'AbortError' }));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
