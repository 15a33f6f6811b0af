/**
 * Embedded DynamoDB for `npm start` and the tests: dynalite in-process, or DynamoDB Local
 * (AWS's engine, Java) by `DYNAMODB_ENGINE`; and table creation for any endpoint.
 */
import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  type DynamoDBClientConfig,
  ResourceInUseException,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import type { DynamoEngine } from '../config/local.js';

export type { DynamoEngine };

import { recordShardCount } from '../data/statusIndex.js';
import { createTableInput } from '../data/table.js';
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
  if (shards !== undefined) await recordShardCount(client, tableName, shards);
  return created;
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
