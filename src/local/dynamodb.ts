/**
 * Embedded DynamoDB for `npm start` and the tests: dynalite in-process, or DynamoDB Local
 * (AWS's engine, Java) by `DYNAMODB_ENGINE`; and table creation for any endpoint.
 */
import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type AttributeValue,
  BatchWriteItemCommand,
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  type DynamoDBClientConfig,
  ResourceInUseException,
  ResourceNotFoundException,
  ScanCommand,
  UpdateTableCommand,
} from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import type { DynamoEngine } from '../config/local.js';

export type { DynamoEngine };

import { recordShardCount } from '../data/statusIndex.js';
import { createTableInput, indexInput, tableIndexes } from '../data/table.js';
import { guardLoopback } from './loopback.js';
import { withTransactions } from './transactions.js';

export interface EmbeddedDynamo {
  endpoint: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Starts dynalite on 127.0.0.1, with TransactWriteItems added (./transactions.ts); `path`
 * keeps data on disk, otherwise it lives in memory.
 */
export async function startDynalite(
  options: { port?: number; path?: string } = {},
): Promise<EmbeddedDynamo> {
  const server = createDynalite(options.path);
  // No browser has business with the table: no Origin is allowed.
  guardLoopback(server, () => []);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) =>
        server.close((err?: Error) => (err ? reject(err) : resolve())),
      ),
  };
}

/** dynalite with TransactWriteItems added, not listening yet; `path` keeps data on disk. */
export function createDynalite(path?: string): Server {
  return withTransactions(() =>
    dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0, path }),
  );
}

/** Starts the chosen engine; DynamoDB Local's module (and Java) is loaded only when asked for. */
export async function startEmbeddedDynamo(
  options: { engine?: DynamoEngine; port?: number; path?: string } = {},
): Promise<EmbeddedDynamo> {
  if ((options.engine ?? 'dynalite') === 'dynalite') return startDynalite(options);
  const { startDynamoDbLocal } = await import('./dynamodbLocal.js');
  if (options.path) await mkdir(options.path, { recursive: true });
  return startDynamoDbLocal(options);
}

/** Local endpoints accept any credentials; give the SDK fixed ones so no AWS profile is needed. */
export function localDynamoClient(
  endpoint: string,
  region = 'us-east-1',
  options: Pick<DynamoDBClientConfig, 'maxAttempts' | 'requestHandler'> = {},
): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    ...options,
  });
}

/**
 * Creates the table if it is missing and waits until it is ACTIVE; true when it was created.
 * Given `shards`, it also records that status-index shard count, as the deploy does before any
 * function writes with it (infra/shard-record.ts).
 */
export async function ensureTable(
  client: DynamoDBClient,
  tableName: string,
  shards?: number,
): Promise<boolean> {
  let created = false;
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
  } catch (err) {
    if (!(err instanceof ResourceNotFoundException)) throw err;
    try {
      await client.send(new CreateTableCommand(createTableInput(tableName)));
      created = true;
    } catch (createErr) {
      if (!(createErr instanceof ResourceInUseException)) throw createErr;
    }
  }
  await waitUntilActive(client, tableName);
  if (!created) await addMissingIndexes(client, tableName);
  if (shards !== undefined) await recordShardCount(client, tableName, shards);
  return created;
}

/**
 * A table kept under `.local/` from an earlier version gets the indexes added since, one at a
 * time as DynamoDB allows, as a deploy adds them to the AWS table
 * (docs/deploy.md#upgrading-a-deployed-stack).
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTable.html
 * dynalite accepts the update but builds no index, so there the table is made again with every
 * index and its items are put back (a local table is small).
 */
async function addMissingIndexes(client: DynamoDBClient, tableName: string) {
  const missing = async () => {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const have = new Set((Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName));
    return tableIndexes.filter((index) => !have.has(index.indexName));
  };
  for (let [index] = await missing(); index; [index] = await missing()) {
    const before = (await missing()).length;
    try {
      await client.send(
        new UpdateTableCommand({
          TableName: tableName,
          AttributeDefinitions: [index.partitionKey, index.sortKey].map((k) => ({
            AttributeName: k.name,
            AttributeType: k.type,
          })),
          GlobalSecondaryIndexUpdates: [{ Create: indexInput(index) }],
        }),
      );
      await waitUntilActive(client, tableName, 60_000);
    } catch (err) {
      if (!(err instanceof Error && /provisionedThroughput/.test(err.message))) throw err;
    }
    if ((await missing()).length === before) return rebuildTable(client, tableName);
  }
}

/** The table made again with every index, its items put back. */
async function rebuildTable(client: DynamoDBClient, tableName: string) {
  const items: Record<string, AttributeValue>[] = [];
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({ TableName: tableName, ExclusiveStartKey: start, ConsistentRead: true }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  await client.send(new DeleteTableCommand({ TableName: tableName }));
  await client.send(new CreateTableCommand(createTableInput(tableName)));
  await waitUntilActive(client, tableName);
  for (let i = 0; i < items.length; i += 25) {
    let requests = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
    while (requests.length > 0) {
      const out = await client.send(
        new BatchWriteItemCommand({ RequestItems: { [tableName]: requests } }),
      );
      requests = (out.UnprocessedItems?.[tableName] ?? []) as typeof requests;
    }
  }
}

/** A new table (and its index) answers ResourceNotFound until it is ACTIVE, even locally. */
async function waitUntilActive(client: DynamoDBClient, tableName: string, ms = 10_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const indexes = Table?.GlobalSecondaryIndexes ?? [];
    if (Table?.TableStatus === 'ACTIVE' && indexes.every((i) => i.IndexStatus === 'ACTIVE')) return;
    if (Date.now() > deadline) throw new Error(`table ${tableName} is not ACTIVE after ${ms} ms`);
    await new Promise((done) => setTimeout(done, 20));
  }
}
