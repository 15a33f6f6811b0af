/** DynamoDB requests per API call, counted by a middleware on the client the handlers were given. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type HandlerEnv, startHandlerEnv } from '../support/handlers.js';
import { createTask, newUser } from '../support/tasks.js';

const SHARDS = 4;
let env: HandlerEnv;
let commands: string[] = [];

beforeAll(async () => {
  env = await startHandlerEnv({ shards: SHARDS });
  // Once per container, beside the first admin listing (see the last test).
  await env.store.statusIndexShards();
  env.doc.middlewareStack.add(
    (next, context) => async (args) => {
      commands.push(String(context.commandName));
      return next(args);
    },
    { step: 'initialize', name: 'countRequests' },
  );
});
beforeEach(() => {
  commands = [];
});
afterAll(() => env.stop());

describe('DynamoDB requests per API call', () => {
  it('makes exactly one request for each single-task operation and listTasks (a create and a delete are one transaction each)', async () => {
    const sub = newUser();
    const task = await createTask(env, sub);
    expect(commands).toEqual(['TransactWriteItemsCommand']);

    const calls = [
      ['getTask', { sub, pathParameters: { taskId: task.task_id } }, 'GetItemCommand'],
      ['listTasks', { sub, query: { status: 'pending' } }, 'QueryCommand'],
      [
        'updateTask',
        {
          sub,
          pathParameters: { taskId: task.task_id },
          headers: { 'If-Match': '"1"' },
          body: { status: 'completed' },
        },
        'UpdateItemCommand',
      ],
      [
        'deleteTask',
        { sub, pathParameters: { taskId: task.task_id }, headers: { 'If-Match': '"2"' } },
        'TransactWriteItemsCommand',
      ],
    ] as const;
    for (const [operationId, parts, command] of calls) {
      commands = [];
      const res = await env.invoke(operationId, parts);
      expect(res.status, operationId).toBeLessThan(300);
      expect(commands, operationId).toEqual([command]);
    }
  });

  it('makes the same requests with the planning fields set: one per create, update and page', async () => {
    const sub = newUser();
    const planned = {
      due: { date: '2026-12-24', time: '09:30', time_zone: 'Europe/Paris' },
      priority: 'high',
      labels: ['Home', 'errands'],
      recurrence: 'FREQ=WEEKLY',
    };
    const task = await createTask(env, sub, planned);
    expect(commands).toEqual(['TransactWriteItemsCommand']);

    const calls = [
      [
        'updateTask',
        {
          sub,
          pathParameters: { taskId: task.task_id },
          body: { due: { date: '2026-12-31' }, labels: ['Home'], priority: 'low' },
        },
        ['UpdateItemCommand'],
      ],
      // Reopening copies the due key into the agenda: no read either.
      [
        'updateTask',
        { sub, pathParameters: { taskId: task.task_id }, body: { status: 'in_progress' } },
        ['UpdateItemCommand'],
      ],
      [
        'listTasks',
        { sub, query: { sort: 'due', due_to: '2027-01-01T00:00:00Z' } },
        ['QueryCommand'],
      ],
      ['listTasks', { sub, query: { label: 'home', priority: 'low' } }, ['QueryCommand']],
      [
        'listMyAgenda',
        { sub, query: { from: '2026-12-01T00:00:00Z', to: '2027-01-01T00:00:00Z' } },
        ['QueryCommand'],
      ],
      // The completion of a recurring task: the assumption fails, one read, one transaction.
      [
        'updateTask',
        { sub, pathParameters: { taskId: task.task_id }, body: { status: 'completed' } },
        ['UpdateItemCommand', 'GetItemCommand', 'TransactWriteItemsCommand'],
      ],
    ] as const;
    for (const [operationId, parts, expected] of calls) {
      commands = [];
      const res = await env.invoke(operationId, parts);
      expect(res.status, `${operationId} ${res.body}`).toBeLessThan(300);
      expect(commands, operationId).toEqual(expected);
    }
  });

  it('makes one transaction for a create with an Idempotency-Key, and one for its replay, which the cancellation answers', async () => {
    const sub = newUser();
    const headers = { 'Idempotency-Key': 'count-me-1' };
    const first = await env.invoke('createTask', { sub, headers, body: { title: 'x' } });
    expect(commands).toEqual(['TransactWriteItemsCommand']);
    commands = [];
    const replay = await env.invoke('createTask', { sub, headers, body: { title: 'x' } });
    expect(commands).toEqual(['TransactWriteItemsCommand']);
    expect(replay.json).toEqual(first.json);
  });

  it('makes one Query per status-index shard for the admin listing', async () => {
    const res = await env.invoke('listTasksByStatus', {
      sub: newUser(),
      groups: ['admins'],
      query: { status: 'pending' },
    });
    expect(res.status).toBe(200);
    expect(commands).toEqual(new Array(SHARDS).fill('QueryCommand'));
  });

  it('makes no request at all for input refused by validation or authorization', async () => {
    await env.invoke('getTask', { sub: newUser(), pathParameters: { taskId: 'nope' } });
    await env.invoke('createTask', { sub: newUser(), body: { title: '' } });
    await env.invoke('listTasksByStatus', { sub: newUser(), query: { status: 'pending' } });
    expect(commands).toEqual([]);
  });

  it('reads the status-index shard count once per container, beside the first admin listing; a write never', async () => {
    const own = await startHandlerEnv({ shards: SHARDS });
    const seen: string[] = [];
    own.doc.middlewareStack.add(
      (next, context) => async (args) => {
        seen.push(String(context.commandName));
        return next(args);
      },
      { step: 'initialize', name: 'countRequests' },
    );
    await createTask(own, newUser());
    const admin = { sub: newUser(), groups: ['admins'], query: { status: 'pending' } };
    await own.invoke('listTasksByStatus', admin);
    await own.invoke('listTasksByStatus', admin);
    await own.stop();
    const queries = new Array(SHARDS).fill('QueryCommand');
    expect(seen).toEqual(['TransactWriteItemsCommand', 'GetItemCommand', ...queries, ...queries]);
  });
});
