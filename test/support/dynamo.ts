/** A fresh in-memory dynalite with the table, and a TaskStore on it, for data-layer tests. */
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { TaskStore } from '../../src/data/tasks.js';
import { ensureTable, localDynamoClient, startDynalite } from '../../src/local/dynamodb.js';

export async function startStore(shards: number, tableName = 'TaskApp') {
  const dynamo = await startDynalite();
  const client = localDynamoClient(dynamo.endpoint);
  await ensureTable(client, tableName);
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
