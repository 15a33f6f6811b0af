/**
 * TransactWriteItems as the local engines answer it: the layer dynalite gets in
 * src/local/transactions.ts, and DynamoDB Local (DYNAMODB_ENGINE=dynamodb-local) as the
 * reference, with one table of cases for both.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html
 */
import {
  type DynamoDBClient,
  GetItemCommand,
  IdempotentParameterMismatchException,
  QueryCommand,
  TransactionCanceledException,
  TransactWriteItemsCommand,
  type TransactWriteItemsCommandInput,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDynamo, type TestDynamo } from '../support/dynamo.js';

const TableName = 'TaskApp';
let dynamo: TestDynamo;
let client: DynamoDBClient;
let n = 0;

beforeAll(async () => {
  dynamo = await startTestDynamo();
  client = dynamo.client({ maxAttempts: 1 });
  await dynamo.ensureTable(client, TableName);
});
afterAll(async () => {
  client?.destroy();
  await dynamo?.close();
});

type Items = NonNullable<TransactWriteItemsCommandInput['TransactItems']>;
const key = (pk: string, sk: string) => ({ PK: { S: pk }, SK: { S: sk } });
const fresh = () => `P${++n}`;
const send = (TransactItems: Items, ClientRequestToken?: string) =>
  client.send(new TransactWriteItemsCommand({ TransactItems, ClientRequestToken }));
const read = async (pk: string, sk: string) =>
  (await client.send(new GetItemCommand({ TableName, Key: key(pk, sk), ConsistentRead: true })))
    .Item;
async function cancellation(items: Items) {
  const err = await send(items).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TransactionCanceledException);
  return (err as TransactionCanceledException).CancellationReasons ?? [];
}

const put = (pk: string, sk: string, extra: Record<string, unknown> = {}) => ({
  Put: { TableName, Item: { ...key(pk, sk), n: { N: '1' } }, ...extra },
});
const notThere = { ConditionExpression: 'attribute_not_exists(PK)' };

describe('TransactWriteItems', () => {
  it('applies every write of a transaction: Put, Update, Delete and a passing ConditionCheck', async () => {
    const pk = fresh();
    await send([put(pk, 'gone'), put(pk, 'kept')]);
    await send([
      put(pk, 'new', notThere),
      {
        Update: {
          TableName,
          Key: key(pk, 'count'),
          UpdateExpression: 'ADD c :one',
          ExpressionAttributeValues: { ':one': { N: '1' } },
        },
      },
      { Delete: { TableName, Key: key(pk, 'gone'), ConditionExpression: 'attribute_exists(PK)' } },
      {
        ConditionCheck: {
          TableName,
          Key: key(pk, 'kept'),
          ConditionExpression: 'n = :one',
          ExpressionAttributeValues: { ':one': { N: '1' } },
        },
      },
    ]);

    expect(await read(pk, 'new')).toEqual({ ...key(pk, 'new'), n: { N: '1' } });
    expect(await read(pk, 'count')).toEqual({ ...key(pk, 'count'), c: { N: '1' } });
    expect(await read(pk, 'gone')).toBeUndefined();
  });

  it("writes nothing when one condition fails, and names each item's reason in order", async () => {
    const pk = fresh();
    await send([put(pk, 'taken')]);

    const reasons = await cancellation([put(pk, 'free', notThere), put(pk, 'taken', notThere)]);

    expect(reasons.map((r) => r.Code)).toEqual(['None', 'ConditionalCheckFailed']);
    expect(await read(pk, 'free')).toBeUndefined();
  });

  it('returns the item that failed its condition when asked (ReturnValuesOnConditionCheckFailure ALL_OLD)', async () => {
    const pk = fresh();
    await send([put(pk, 'taken')]);

    const reasons = await cancellation([
      put(pk, 'taken', { ...notThere, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' }),
    ]);

    expect(reasons[0]?.Item).toEqual({ ...key(pk, 'taken'), n: { N: '1' } });
  });

  it('keeps the status index in step with the transaction', async () => {
    const pk = fresh();
    const indexed = (sk: string) => ({
      Put: {
        TableName,
        Item: { ...key(pk, sk), GSI1PK: { S: `IX${pk}` }, GSI1SK: { S: sk } },
      },
    });
    await send([indexed('a'), indexed('b')]);
    await send([{ Delete: { TableName, Key: key(pk, 'a') } }]);

    const { Items = [] } = await client.send(
      new QueryCommand({
        TableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :p',
        ExpressionAttributeValues: { ':p': { S: `IX${pk}` } },
      }),
    );
    expect(Items.map((i) => i.SK?.S)).toEqual(['b']);
  });

  it('refuses two operations on one item, and more than 100 items, as a ValidationException', async () => {
    const pk = fresh();
    await expect(send([put(pk, 'x'), put(pk, 'x')])).rejects.toMatchObject({
      name: 'ValidationException',
    });
    const many = Array.from({ length: 101 }, (_, i) => put(pk, `m${i}`));
    await expect(send(many)).rejects.toMatchObject({ name: 'ValidationException' });
    expect(await read(pk, 'x')).toBeUndefined();
  });

  it('treats a repeat of a ClientRequestToken as done, and refuses it with other parameters', async () => {
    const pk = fresh();
    const token = `token-${pk}`;
    const items = [
      {
        Update: {
          TableName,
          Key: key(pk, 'count'),
          UpdateExpression: 'ADD c :one',
          ExpressionAttributeValues: { ':one': { N: '1' } },
        },
      },
    ];
    await send(items, token);
    await send(items, token);

    expect(await read(pk, 'count')).toEqual({ ...key(pk, 'count'), c: { N: '1' } });
    await expect(send([put(pk, 'other')], token)).rejects.toBeInstanceOf(
      IdempotentParameterMismatchException,
    );
  });

  it('lets concurrent transactions on one item each apply or cancel (TransactionConflict), never half', async () => {
    const pk = fresh();
    const raise = (i: number) => [
      {
        Update: {
          TableName,
          Key: key(pk, 'count'),
          UpdateExpression: 'ADD c :one',
          ExpressionAttributeValues: { ':one': { N: '1' } },
        },
      },
      put(pk, `t${i}`),
    ];
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => send(raise(i))));

    const applied = results.filter((r) => r.status === 'fulfilled').length;
    for (const r of results) {
      if (r.status === 'rejected') {
        expect(r.reason).toBeInstanceOf(TransactionCanceledException);
        const codes = (r.reason as TransactionCanceledException).CancellationReasons?.map(
          (c) => c.Code,
        );
        expect(codes).toContain('TransactionConflict');
      }
    }
    const written = (
      await Promise.all(Array.from({ length: 20 }, (_, i) => read(pk, `t${i}`)))
    ).filter(Boolean).length;
    expect(applied).toBeGreaterThan(0);
    expect(written).toBe(applied);
    expect((await read(pk, 'count'))?.c).toEqual({ N: String(applied) });
  });
});
