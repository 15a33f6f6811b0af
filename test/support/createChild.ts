/**
 * A process that makes one keyed create and exits, for crash tests: the parent kills it with
 * SIGKILL at the point it chooses (test/data/crash.test.ts). Its input comes in CREATE_CHILD as
 * JSON; it prints the create's outcome as one JSON line.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TaskStore } from '../../src/data/tasks.js';
import { createFingerprint, newTask } from '../../src/tasks/task.js';

const input = JSON.parse(process.env.CREATE_CHILD ?? '{}') as {
  endpoint: string;
  accessKeyId: string;
  tableName: string;
  owner: string;
  key: string;
  title: string;
  maxTasksPerUser?: number;
};
const client = new DynamoDBClient({
  endpoint: input.endpoint,
  region: 'us-east-1',
  credentials: { accessKeyId: input.accessKeyId, secretAccessKey: 'local' },
  maxAttempts: 1,
});
const doc = DynamoDBDocumentClient.from(client, {
  marshallOptions: { removeUndefinedValues: true },
});
const store = new TaskStore(doc, {
  tableName: input.tableName,
  shards: 10,
  maxTasksPerUser: input.maxTasksPerUser,
});
const body = { title: input.title };
const created = await store.create(store.personal(input.owner), newTask(input.owner, body), {
  caller: input.owner,
  scope: '',
  idempotency: { key: input.key, fingerprint: createFingerprint(body), ttlSeconds: 600 },
});
console.log(JSON.stringify(created));
client.destroy();
