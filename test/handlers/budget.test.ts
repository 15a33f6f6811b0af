/**
 * The time budget (issue 10): a request's DynamoDB attempts draw on the Lambda's remaining time
 * (`context.getRemainingTimeInMillis()`), so a hanging store ends in a retryable 503 before the
 * function times out, for every operation and for each write of a keyed create.
 * https://docs.aws.amazon.com/lambda/latest/dg/nodejs-context.html
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TaskStore } from '../../src/data/tasks.js';
import { type DynamoProxy, startDynamoProxy } from '../support/dynamoProxy.js';
import { type EventParts, lambdaContext, type OperationId } from '../support/events.js';
import { type HandlerEnv, startHandlerEnv } from '../support/handlers.js';
import { createTask, newUser } from '../support/tasks.js';

/** The Lambda time left when the request arrives. */
const BUDGET_MS = 1500;

let env: HandlerEnv;
let proxy: DynamoProxy;
let slow: TaskStore;
let client: DynamoDBClient;

beforeAll(async () => {
  env = await startHandlerEnv();
  proxy = await startDynamoProxy(env.endpoint);
  // Per-attempt timeouts far beyond the budget: only the budget can end a hanging call.
  const credentials = await env.client.config.credentials();
  client = new DynamoDBClient({
    endpoint: proxy.url,
    region: 'us-east-1',
    credentials,
    maxAttempts: 3,
    requestHandler: { connectionTimeout: 60_000, requestTimeout: 60_000 },
  });
  slow = new TaskStore(DynamoDBDocumentClient.from(client), {
    tableName: env.tableName,
    shards: 10,
  });
  await slow.statusIndexShards();
});
afterAll(async () => {
  client?.destroy();
  await proxy?.close();
  await env?.stop();
});

/** A context whose clock runs: the time left shrinks as the request goes on. */
function runningContext() {
  const deadline = Date.now() + BUDGET_MS;
  return { ...lambdaContext(), getRemainingTimeInMillis: () => deadline - Date.now() };
}

describe('a hanging store', () => {
  type Parts = Omit<EventParts, 'method' | 'resource'>;
  const operations: [OperationId, (taskId: string) => Parts][] = [
    ['getTask', (taskId) => ({ pathParameters: { taskId } })],
    ['listTasks', () => ({})],
    ['listTasksByStatus', () => ({ groups: ['admins'], query: { status: 'pending' } })],
    ['updateTask', (taskId) => ({ pathParameters: { taskId }, body: { title: 'x' } })],
    ['deleteTask', (taskId) => ({ pathParameters: { taskId } })],
    ['createTask', () => ({ body: { title: 'x' } })],
  ];
  it.each(operations)(
    'ends %s in a retryable 503 before the Lambda timeout',
    async (operationId, parts) => {
      const sub = newUser();
      const task = await createTask(env, sub);
      proxy.rule = () => 'hang';
      const context = runningContext();
      const res = await env.invoke(
        operationId,
        { sub, ...parts(task.task_id) },
        { store: slow, context },
      );
      proxy.rule = () => 'pass';

      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('1');
      expect(context.getRemainingTimeInMillis()).toBeGreaterThan(0);
    },
  );

  it('stops the SDK too: it drops the hanging attempt and makes no other', async () => {
    const sub = newUser();
    const task = await createTask(env, sub);
    proxy.calls.length = 0;
    proxy.rule = () => 'hang';
    const res = await env.invoke(
      'getTask',
      { sub, pathParameters: { taskId: task.task_id } },
      { store: slow, context: runningContext() },
    );
    // Long enough for the SDK's next attempt (its backoff is at most a few hundred ms).
    await new Promise((resolve) => setTimeout(resolve, 1500));
    proxy.rule = () => 'pass';

    expect(res.status).toBe(503);
    expect(proxy.calls.map(({ target, dropped }) => ({ target, dropped }))).toEqual([
      { target: 'GetItem', dropped: true },
    ]);
  });

  it.each([
    ['transaction of a keyed create', { 'Idempotency-Key': `budget-${Date.now()}` }],
    ['transaction of a create without a key', {}],
  ])('ends a create whose %s hangs in a 503 before the timeout', async (_, headers) => {
    proxy.rule = (call) => (call.target === 'TransactWriteItems' ? 'hang' : 'pass');
    const context = runningContext();
    const res = await env.invoke(
      'createTask',
      {
        sub: newUser(),
        headers,
        body: { title: 'x' },
      },
      { store: slow, context },
    );
    proxy.rule = () => 'pass';

    expect(res.status).toBe(503);
    expect(context.getRemainingTimeInMillis()).toBeGreaterThan(0);
  });
});
