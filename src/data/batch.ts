/**
 * BatchGetItem and BatchWriteItem with their unprocessed remainders retried. Either may process
 * only part of a request (throughput, size) and return the rest as UnprocessedKeys or
 * UnprocessedItems, which the caller must send again, with exponential backoff:
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchGetItem.html
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchWriteItem.html
 * What is still unprocessed after the last attempt is a throttle (a 429 the client retries).
 */
import { BatchGetCommand, BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { storeThrottled } from './errors.js';
import type { Item } from './items.js';
import type { TableSession } from './session.js';
import type { Key } from './workspaceItems.js';

/** BatchGetItem takes at most 100 keys, BatchWriteItem at most 25 requests. */
export const BATCH_GET_MAX = 100;
export const BATCH_WRITE_MAX = 25;
const ATTEMPTS = 6;
const BASE_DELAY_MS = 25;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
/** Full jitter: a random share of an exponentially growing ceiling. */
const backoff = (attempt: number) => Math.random() * BASE_DELAY_MS * 2 ** attempt;

export const keyOf = (key: Key) => `${key.PK}\n${key.SK}`;

/** Strongly consistent reads of up to 100 keys in one request; absent items are not in the map. */
export async function batchGet(session: TableSession, keys: Key[]): Promise<Map<string, Item>> {
  if (keys.length > BATCH_GET_MAX)
    throw new Error(`batchGet takes at most 100 keys, got ${keys.length}`);
  const found = new Map<string, Item>();
  const unique = [...new Map(keys.map((k) => [keyOf(k), k])).values()];
  let pending: Key[] = unique;
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt === ATTEMPTS) throw storeThrottled(new Error('unprocessed keys remain'));
    if (attempt > 0) await sleep(backoff(attempt));
    const request = pending;
    const out = await session.send((options) =>
      session.db.send(
        new BatchGetCommand({
          RequestItems: { [session.tableName]: { Keys: request, ConsistentRead: true } },
        }),
        options,
      ),
    );
    for (const item of out.Responses?.[session.tableName] ?? []) {
      found.set(keyOf(item as Key), item);
    }
    pending = (out.UnprocessedKeys?.[session.tableName]?.Keys ?? []) as Key[];
  }
  return found;
}

type WriteRequest = { PutRequest: { Item: Item } } | { DeleteRequest: { Key: Key } };

/** Up to 25 puts and deletes in one request, its unprocessed remainder sent again. */
export async function batchWrite(session: TableSession, requests: WriteRequest[]): Promise<void> {
  if (requests.length > BATCH_WRITE_MAX) {
    throw new Error(`batchWrite takes at most 25 requests, got ${requests.length}`);
  }
  let pending = requests;
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt === ATTEMPTS) throw storeThrottled(new Error('unprocessed items remain'));
    if (attempt > 0) await sleep(backoff(attempt));
    const request = pending;
    const out = await session.send((options) =>
      session.db.send(
        new BatchWriteCommand({ RequestItems: { [session.tableName]: request } }),
        options,
      ),
    );
    pending = (out.UnprocessedItems?.[session.tableName] ?? []) as WriteRequest[];
  }
}

export const putRequest = (Item: Item): WriteRequest => ({ PutRequest: { Item } });
export const deleteRequest = (Key: Key): WriteRequest => ({ DeleteRequest: { Key } });
