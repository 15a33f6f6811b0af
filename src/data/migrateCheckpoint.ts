/**
 * `npm run migrate`: where the walk of the table stands, kept in an item of the table itself
 * (`MIGRATION`, `TASKS#v2`) after each page's writes, so a run on any machine resumes where a
 * killed one stopped. Each save is conditioned on the checkpoint as this run last saw it: of two
 * runs at once, the second to save stops rather than walking the table twice.
 */
import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { type Item, isConditionFailure } from './items.js';
import type { TableSession } from './session.js';

export const CHECKPOINT_KEY = { PK: 'MIGRATION', SK: 'TASKS#v2' } as const;

export interface Totals {
  /** Items the Scan returned. */
  read: number;
  upgraded: number;
  /** Count items set. */
  counts: number;
  adopted: number;
  /** Task items left as they are: their fields cannot take the current shape. */
  unfit: number;
}

export interface Checkpoint {
  /** One walk of the table, from its first page to its last. */
  walk: string;
  pages: number;
  /** The Scan's LastEvaluatedKey after the last page done; absent before the first. */
  last_key?: Item;
  done: boolean;
  totals: Totals;
  started_at: string;
  updated_at: string;
}

export const noTotals = (): Totals => ({ read: 0, upgraded: 0, counts: 0, adopted: 0, unfit: 0 });

export function newWalk(now = new Date()): Checkpoint {
  const at = now.toISOString();
  return {
    walk: randomUUID(),
    pages: 0,
    done: false,
    totals: noTotals(),
    started_at: at,
    updated_at: at,
  };
}

export async function readCheckpoint(session: TableSession): Promise<Checkpoint | undefined> {
  const { Item: item } = await session.send((options) =>
    session.db.send(
      new GetCommand({ TableName: session.tableName, Key: CHECKPOINT_KEY, ConsistentRead: true }),
      options,
    ),
  );
  if (!item) return undefined;
  const { PK: _pk, SK: _sk, ...checkpoint } = item;
  return checkpoint as Checkpoint;
}

/**
 * Saves `next` if the stored checkpoint is still `previous` (undefined: none stored);
 * throws when another run moved it meanwhile.
 */
export async function saveCheckpoint(
  session: TableSession,
  previous: Checkpoint | undefined,
  next: Checkpoint,
): Promise<void> {
  const condition = previous
    ? {
        ConditionExpression: 'walk = :walk AND pages = :pages',
        ExpressionAttributeValues: { ':walk': previous.walk, ':pages': previous.pages },
      }
    : { ConditionExpression: 'attribute_not_exists(PK)' };
  try {
    await session.send((options) =>
      session.db.send(
        new PutCommand({
          TableName: session.tableName,
          Item: { ...CHECKPOINT_KEY, ...next },
          ...condition,
        }),
        options,
      ),
    );
  } catch (err) {
    if (!isConditionFailure(err)) throw err;
    throw new Error(
      `another migration run moved the checkpoint ${CHECKPOINT_KEY.PK} ${CHECKPOINT_KEY.SK} (walk ${previous?.walk ?? 'none'}, page ${previous?.pages ?? 0}); stopping`,
    );
  }
}
