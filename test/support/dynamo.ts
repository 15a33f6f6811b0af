/** A fresh in-memory DynamoDB (the engine `DYNAMODB_ENGINE` names) with the table, and a TaskStore on it, for data-layer tests. */
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { DYNAMODB_ENGINE } from '../../src/config/local.js';
import { TaskStore } from '../../src/data/tasks.js';
import {
  type DynamoEngine,
  ensureTable,
  localDynamoClient,
  startEmbeddedDynamo,
} from '../../src/local/dynamodb.js';

/** The engine every DynamoDB-facing test runs on: `DYNAMODB_ENGINE`, dynalite by default. */
export const ENGINE = DYNAMODB_ENGINE.read(process.env);

/** A test timeout for tests that start engines of their own: a JVM each on DynamoDB Local. */
export const slowEngine = (ms: number) => (ENGINE === 'dynamodb-local' ? ms * 4 : ms);

export interface TestDynamo {
  endpoint: string;
  /** The access key id its clients sign with (DynamoDB Local keys its databases by it). */
  accessKeyId: string;
  /** A client of this engine (the caller destroys it). */
  client(options?: { maxAttempts?: number }): DynamoDBClient;
  ensureTable(client: DynamoDBClient, tableName: string, shards?: number): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * An empty engine of its own for one test file or test: an in-memory dynalite, or a database of
 * the run's one DynamoDB Local under an access key id of its own (test/support/globalDynamo.ts).
 */
export async function startTestDynamo(engine: DynamoEngine = ENGINE): Promise<TestDynamo> {
  if (engine === 'dynamodb-local') {
    const endpoint = inject('dynamodbLocalEndpoint');
    // DynamoDB Local keys a database by access key id, which may hold only letters and digits.
    const accessKeyId = `t${randomUUID().replaceAll('-', '')}`;
    return {
      endpoint,
      accessKeyId,
      client: (options = {}) =>
        new DynamoDBClient({
          endpoint,
          region: 'us-east-1',
          credentials: { accessKeyId, secretAccessKey: 'local' },
          ...options,
        }),
      ensureTable,
      close: async () => {},
    };
  }
  const dynamo = await startEmbeddedDynamo({ engine });
  return {
    endpoint: dynamo.endpoint,
    accessKeyId: 'local',
    client: (options = {}) => localDynamoClient(dynamo.endpoint, 'us-east-1', options),
    ensureTable,
    close: () => dynamo.close(),
  };
}

export async function startStore(shards: number, tableName = 'TaskApp') {
  const dynamo = await startTestDynamo();
  const client = dynamo.client();
  await dynamo.ensureTable(client, tableName, shards);
  const doc = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
  return {
    endpoint: dynamo.endpoint,
    client,
    doc,
    store: new TaskStore(doc, { tableName, shards }),
    async scan() {
      const out = await doc.send(new ScanCommand({ TableName: tableName, ConsistentRead: true }));
      return out.Items ?? [];
    },
    async stop() {
      client.destroy();
      await dynamo.close();
    },
  };
}
