/** One request's view of the table: every DynamoDB call classified into store faults. */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DataConfig } from './client.js';
import { classifyStoreError } from './errors.js';

/** What a DynamoDB call may be given: the SDK's own per-call options. */
export interface CallOptions {
  abortSignal?: AbortSignal;
}

export class TableSession {
  constructor(
    readonly db: DynamoDBDocumentClient,
    readonly config: DataConfig,
  ) {}

  get tableName(): string {
    return this.config.tableName;
  }

  async send<T>(request: (options: CallOptions) => Promise<T>, signal?: AbortSignal): Promise<T> {
    try {
      return await request(signal ? { abortSignal: signal } : {});
    } catch (err) {
      throw classifyStoreError(err);
    }
  }
}
