/** A fresh in-memory DynamoDB with the table, and a TaskStore on it, for data-layer tests. */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { TaskStore } from '../../src/data/tasks.js';
import { ensureTable, localDynamoClient, startDynalite } from '../../src/local/dynamodb.js';

export interface TestDynamo {
  endpoint: string;
  /** A client of this engine (the caller destroys it). */
  client(options?: { maxAttempts?: number }): DynamoDBClient;
  ensureTable(client: DynamoDBClient, tableName: string): Promise<boolean>;
  close(): Promise<void>;
}

/** An empty engine of its own for one test file or test. */
export async function startTestDynamo(): Promise<TestDynamo> {
  const dynamo = await startDynalite();
  return {
    endpoint: dynamo.endpoint,
    client: (options = {}) => localDynamoClient(dynamo.endpoint, 'us-east-1', options),
    ensureTable,
    close: () => dynamo.close(),
  };
}

export async function startStore(shards: number, tableName = 'TaskApp') {
  const dynamo = await startTestDynamo();
  const client = dynamo.client();
  await dynamo.ensureTable(client, tableName);
  const doc = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
  return {
    endpoint: dynamo.endpoint,
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
