/**
 * Access before data (docs/architecture.md#one-task-path): a workspace task operation reads
 * nothing of the workspace's tasks until the caller's membership allows it, so an outsider's
 * request costs the same whatever the workspace holds; and the workspace's task cap holds under
 * concurrent creates, as the personal one does.
 */
import { randomUUID } from 'node:crypto';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TaskStore } from '../../src/data/tasks.js';
import { type HandlerEnv, startHandlerEnv } from '../support/handlers.js';
import { addMember, createWorkspace, createWorkspaceTask } from '../support/workspaces.js';

let env: HandlerEnv;
beforeAll(async () => {
  env = await startHandlerEnv();
}, 60_000);
afterAll(() => env?.stop());

/** A store on this env's table that records each DynamoDB command and the keys it names. */
function recordingStore(limits: { maxTasksPerWorkspace?: number } = {}) {
  const sent: { command: string; keys: string[] }[] = [];
  const doc = DynamoDBDocumentClient.from(env.client, {
    marshallOptions: { removeUndefinedValues: true },
  });
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Record<string, unknown>;
      sent.push({ command: String(context.commandName), keys: keysOf(input) });
      return next(args);
    },
    // The DocumentClient shares its client's stack: one name per recorder.
    { step: 'initialize', name: `recordCommands-${randomUUID()}` },
  );
  const store = new TaskStore(doc, { tableName: env.tableName, shards: 10, ...limits });
  return { store, sent };
}

/** Every `SK` a request names: its key, its batch's keys, its query's range. */
function keysOf(input: Record<string, unknown>): string[] {
  const text = JSON.stringify(input);
  return [...text.matchAll(/"SK":"([^"]*)"|":prefix":"([^"]*)"/g)].map((m) => m[1] ?? m[2] ?? '');
}

describe("an outsider's workspace task request", () => {
  it.each([
    { operationId: 'listWorkspaceTasks', parts: {} },
    { operationId: 'getWorkspaceTask', parts: { task: true } },
    { operationId: 'updateWorkspaceTask', parts: { task: true, body: { title: 'mine now' } } },
    { operationId: 'deleteWorkspaceTask', parts: { task: true } },
  ] as const)(
    '$operationId reads only the workspace and the membership, never a task',
    async ({ operationId, parts }) => {
      const owner = randomUUID();
      const workspaceId = await createWorkspace(env, owner);
      const taskIds: string[] = [];
      for (let i = 0; i < 3; i++) taskIds.push(await createWorkspaceTask(env, workspaceId, owner));
      const { store, sent } = recordingStore();

      const res = await env.invoke(
        operationId,
        {
          sub: randomUUID(),
          pathParameters: {
            workspaceId,
            ...(parts.task ? { taskId: taskIds[0] as string } : {}),
          },
          ...('body' in parts ? { body: parts.body } : {}),
        },
        { store },
      );

      expect(res.status).toBe(404);
      expect(sent.map((s) => s.command)).toEqual(['BatchGetItemCommand']);
      expect(sent.flatMap((s) => s.keys).filter((k) => k.startsWith('TASK#'))).toEqual([]);
    },
  );

  it("is a member's after the check: the check, then the task call", async () => {
    const owner = randomUUID();
    const workspaceId = await createWorkspace(env, owner);
    const taskId = await createWorkspaceTask(env, workspaceId, owner);
    const { store, sent } = recordingStore();

    const res = await env.invoke(
      'getWorkspaceTask',
      { sub: owner, pathParameters: { workspaceId, taskId } },
      { store },
    );

    expect(res.status).toBe(200);
    expect(sent.map((s) => s.command)).toEqual(['BatchGetItemCommand', 'GetItemCommand']);
    expect(sent[0]?.keys.some((k) => k.startsWith('TASK#'))).toBe(false);
  });
});

describe("a workspace's task cap", () => {
  it('lets exactly the cap of concurrent creates through, from several members', async () => {
    const cap = 5;
    const owner = randomUUID();
    const members = [randomUUID(), randomUUID()];
    const workspaceId = await createWorkspace(env, owner);
    for (const m of members) await addMember(env, workspaceId, owner, m);
    const { store } = recordingStore({ maxTasksPerWorkspace: cap });

    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        env.invoke(
          'createWorkspaceTask',
          {
            sub: [owner, ...members][i % 3] as string,
            pathParameters: { workspaceId },
            body: { title: `t${i}` },
          },
          { store },
        ),
      ),
    );

    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(cap);
    expect(statuses.filter((s) => s === 409)).toHaveLength(12 - cap);
    for (const r of results.filter((x) => x.status === 409)) {
      expect(r.json.type).toMatch(/#section\/problem-types\/workspace-task-limit-reached$/);
    }
    const items = (await env.items()).filter((i) => i.PK === `WS#${workspaceId}`);
    expect(items.filter((i) => String(i.SK).startsWith('TASK#'))).toHaveLength(cap);
    expect(items.find((i) => i.SK === 'COUNT#TASKS')?.task_count).toBe(cap);
  });
});
