/** dynalite in memory, answering a DynamoDB client in-process (src/local/dynamodb-memory.ts). */
import {
  ConditionalCheckFailedException,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  TransactionCanceledException,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { ensureTable } from '../../src/local/dynamodb.js';
import { inProcessDynamoClient } from '../../src/local/dynamodb-memory.js';

const TableName = 'TaskApp';
const key = (pk: string, sk: string) => ({ PK: { S: pk }, SK: { S: sk } });

async function newClient() {
  const client = inProcessDynamoClient();
  await ensureTable(client, TableName);
  return client;
}

describe('inProcessDynamoClient', () => {
  it('writes, reads and queries the table', async () => {
    const client = await newClient();

    await client.send(
      new PutItemCommand({ TableName, Item: { ...key('U#1', 'T#1'), n: { N: '7' } } }),
    );
    await client.send(new PutItemCommand({ TableName, Item: key('U#1', 'T#2') }));

    const got = await client.send(new GetItemCommand({ TableName, Key: key('U#1', 'T#1') }));
    const listed = await client.send(
      new QueryCommand({
        TableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': { S: 'U#1' } },
      }),
    );
    expect(got.Item?.n).toEqual({ N: '7' });
    expect(listed.Items?.map((i) => i.SK?.S)).toEqual(['T#1', 'T#2']);
  });

  it('refuses a conditional write whose condition fails, with dynalite’s error', async () => {
    const client = await newClient();
    const put = () =>
      client.send(
        new PutItemCommand({
          TableName,
          Item: key('U#1', 'T#1'),
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    await put();

    await expect(put()).rejects.toBeInstanceOf(ConditionalCheckFailedException);
  });

  it('runs TransactWriteItems through the transaction layer: all or nothing', async () => {
    const client = await newClient();
    await client.send(new PutItemCommand({ TableName, Item: key('U#1', 'taken') }));

    const refused = client.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          { Put: { TableName, Item: key('U#1', 'new') } },
          {
            Put: {
              TableName,
              Item: key('U#1', 'taken'),
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
        ],
      }),
    );

    await expect(refused).rejects.toBeInstanceOf(TransactionCanceledException);
    const partial = await client.send(new GetItemCommand({ TableName, Key: key('U#1', 'new') }));
    expect(partial.Item).toBeUndefined();
  });

  it('gives each client a store of its own', async () => {
    const one = await newClient();
    const other = await newClient();

    await one.send(new PutItemCommand({ TableName, Item: key('U#1', 'T#1') }));

    const seen = await other.send(new GetItemCommand({ TableName, Key: key('U#1', 'T#1') }));
    expect(seen.Item).toBeUndefined();
  });

  it('opens no socket: a request leaves no TCP handle behind', async () => {
    const tcp = () => process.getActiveResourcesInfo().filter((r) => r.startsWith('TCP'));
    const before = tcp();
    const client = await newClient();

    await client.send(new PutItemCommand({ TableName, Item: key('U#1', 'T#1') }));

    expect(tcp()).toEqual(before);
  });
});
