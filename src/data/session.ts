/**
 * One request's view of the table: every DynamoDB call classified into store faults and, once
 * a deadline is set, held to it (the Lambda's remaining time, docs/architecture.md#time-budget).
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { LIMIT_VARIABLES, type Limit } from '../config/function.js';
import type { DataConfig } from './client.js';
import { classifyStoreError, storeUnavailable } from './errors.js';

/**
 * What a DynamoDB call is given: the SDK's per-call options with its plain abort signal (the
 * `{ aborted, onabort }` shape of `@smithy/types`, which its HTTP handler checks before each
 * attempt and calls to end one). Plain, not an `AbortSignal`: an EventTarget listener per call
 * cost a warm request about 30 us here (docs/performance.md#what-the-benchmark-changed).
 */
export interface CallOptions {
  abortSignal: Budget;
}

/** One call's deadline, as the SDK reads it and as the sweeper ends it. */
class Budget {
  aborted = false;
  onabort: ((this: Budget) => void) | null = null;
  constructor(
    readonly deadline: number,
    private readonly end: (err: Error) => void,
  ) {}

  expire(): void {
    if (this.aborted) return;
    this.aborted = true;
    this.onabort?.();
    this.end(Object.assign(new Error('the DynamoDB call was aborted'), { name: 'AbortError' }));
  }
}

/**
 * The calls waiting under a deadline, ended by one shared timer instead of one timer per call.
 * It checks every SWEEP_MS, so a call ends at most that long after its deadline (well inside
 * the 500 ms the handler keeps for its answer), and stops itself once nothing has waited for
 * IDLE_SWEEPS checks. Unref'd: it never keeps a process alive.
 */
const SWEEP_MS = 50;
const IDLE_SWEEPS = 20;
const waiting = new Set<Budget>();
let sweeper: NodeJS.Timeout | undefined;
let idle = 0;

function watch(budget: Budget): void {
  waiting.add(budget);
  idle = 0;
  sweeper ??= setInterval(sweep, SWEEP_MS).unref();
}

function sweep(): void {
  const now = Date.now();
  for (const budget of waiting) {
    if (budget.deadline > now) continue;
    waiting.delete(budget);
    budget.expire();
  }
  if (waiting.size > 0 || ++idle < IDLE_SWEEPS) return;
  clearInterval(sweeper);
  sweeper = undefined;
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

  get maxTasksPerUser(): number {
    return this.limit('maxTasksPerUser');
  }

  get maxTasksPerWorkspace(): number {
    return this.limit('maxTasksPerWorkspace');
  }

  /** A limit of the config, else its default. */
  limit(name: Limit): number {
    return this.config[name] ?? LIMIT_VARIABLES[name].read({});
  }

  until(deadline: number): TableSession {
    return new TableSession(this.db, this.config, deadline);
  }

  /**
   * One call, held to the deadline when there is one: past it the call ends at once with an
   * AbortError (a 503), even while the SDK backs off between attempts, and the SDK makes no
   * further attempt. `signal` (the admin listing's siblings) ends it early too.
   */
  async send<T>(request: (options?: CallOptions) => Promise<T>, signal?: AbortSignal): Promise<T> {
    const { deadline } = this;
    if (deadline !== undefined && deadline <= Date.now()) {
      throw storeUnavailable(new Error('the request has no time left for the store'));
    }
    if (deadline === undefined && !signal) return request().catch(rethrowClassified);
    let budget: Budget | undefined;
    const expire = () => budget?.expire();
    try {
      return await new Promise<T>((resolve, reject) => {
        budget = new Budget(deadline ?? Number.POSITIVE_INFINITY, reject);
        if (signal?.aborted) return budget.expire();
        signal?.addEventListener('abort', expire, { once: true });
        if (deadline !== undefined) watch(budget);
        request({ abortSignal: budget }).then(resolve, reject);
      });
    } catch (err) {
      throw classifyStoreError(err);
    } finally {
      if (budget) waiting.delete(budget);
      signal?.removeEventListener('abort', expire);
    }
  }
}

function rethrowClassified(err: unknown): never {
  throw classifyStoreError(err);
}
