/**
 * One TransactWriteItems request (docs/architecture.md#the-data-model): all of its writes land or
 * none do. A cancellation comes back as one reason code per item; a conflict with another
 * transaction on one of the items wrote nothing, so it is sent again (a new request, a new client
 * token) after a jittered pause, and past its tries it is a retryable 503.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis.html#transaction-conflict-handling
 */
import { type AttributeValue, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { storeUnavailable } from './errors.js';
import type { TableSession } from './session.js';

export type TransactItems = NonNullable<TransactWriteCommandInput['TransactItems']>;

/** What each item of a cancelled transaction failed on: `None`, `ConditionalCheckFailed`, ... */
export interface Cancelled {
  codes: string[];
  /** The item as it was, for members sent with `ReturnValuesOnConditionCheckFailure: ALL_OLD`. */
  items: (Record<string, AttributeValue> | undefined)[];
}

/**
 * One user's creates and deletes meet on their count, so a burst of them conflicts: up to 20
 * tries, jittered pauses from 10 ms doubling to at most 500 ms, and never past the request's
 * budget (the session ends a call past its deadline with a 503).
 */
const CONFLICT_TRIES = 20;
const CONFLICT_PAUSE_MS = 10;
const CONFLICT_PAUSE_MAX_MS = 500;

/** Runs the transaction; undefined when it was applied, its reasons when it was cancelled. */
export async function transact(
  session: TableSession,
  items: TransactItems,
): Promise<Cancelled | undefined> {
  for (let attempt = 1; ; attempt++) {
    try {
      await session.send((options) =>
        session.db.send(new TransactWriteCommand({ TransactItems: items }), options),
      );
      return undefined;
    } catch (err) {
      if (!(err instanceof TransactionCanceledException)) throw err;
      const reasons = err.CancellationReasons ?? [];
      const codes = reasons.map((r) => r.Code ?? 'None');
      const conflict = codes.includes('TransactionConflict');
      if (!conflict || codes.includes('ConditionalCheckFailed')) {
        return { codes, items: reasons.map((r) => r.Item) };
      }
      if (attempt >= CONFLICT_TRIES) throw storeUnavailable(err);
      // Full jitter over a doubling window, so racing writers spread out.
      await new Promise((done) =>
        setTimeout(
          done,
          Math.random() * Math.min(CONFLICT_PAUSE_MAX_MS, CONFLICT_PAUSE_MS * 2 ** (attempt - 1)),
        ),
      );
    }
  }
}
