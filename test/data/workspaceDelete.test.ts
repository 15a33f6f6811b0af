/**
 * Deleting a workspace (docs/architecture.md#workspaces): marked first, so it is invisible and
 * refuses writes at once; then deleted in batches of 25 that survive UnprocessedItems, and a
 * deletion cut short (the per-request bound, a failure part-way) is resumed by the next DELETE.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BATCH_WRITE_MAX, batchWrite, deleteRequest } from '../../src/data/batch.js';
import { TableSession } from '../../src/data/session.js';
import { workspaceTaskKey } from '../../src/data/workspaceItems.js';
import { type HandlerEnv, startHandlerEnv } from '../support/handlers.js';
import { addMember, createWorkspace, createWorkspaceTask, emailOf } from '../support/workspaces.js';

let env: HandlerEnv;
/** What the next BatchWriteItem calls meet; reset before each test. */
let batchFaults: Array<'pass' | 'fail' | 'half'> = [];
let batchWrites = 0;

beforeAll(async () => {
  env = await startHandlerEnv();
  env.doc.middlewareStack.add(
    (next) => async (args) => {
      // A BatchWriteItem: RequestItems of put and delete requests (BatchGetItem's hold Keys).
      const items = (args.input as { RequestItems?: Record<string, unknown> }).RequestItems;
      if (!items || !Array.isArray(Object.values(items)[0])) return next(args);
      batchWrites += 1;
      const fault = batchFaults.shift();
      if (fault === 'fail') {
        throw Object.assign(new Error('We currently do not have sufficient capacity'), {
          name: 'InternalServerError',
          $metadata: { httpStatusCode: 500 },
        });
      }
      if (fault === 'half') {
        // DynamoDB processed only part of the batch and returned the rest as UnprocessedItems
        // (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchWriteItem.html).
        const input = args.input as { RequestItems: Record<string, unknown[]> };
        const [table, requests] = Object.entries(input.RequestItems)[0] as [string, unknown[]];
        const half = Math.ceil(requests.length / 2);
        const out = await next({
          ...args,
          input: { ...input, RequestItems: { [table]: requests.slice(0, half) } },
        });
        return {
          ...out,
          output: { ...out.output, UnprocessedItems: { [table]: requests.slice(half) } },
        };
      }
      return next(args);
    },
    { step: 'initialize', name: 'batchWriteFaults' },
  );
});
afterAll(() => env.stop());
beforeEach(() => {
  batchFaults = [];
  batchWrites = 0;
});

/** A workspace with an owner, a member, an invitation and `tasks` tasks. */
async function bigWorkspace(tasks: number) {
  const owner = randomUUID();
  const member = randomUUID();
  const workspaceId = await createWorkspace(env, owner);
  await addMember(env, workspaceId, owner, member);
  await env.invoke('inviteMember', {
    sub: owner,
    pathParameters: { workspaceId },
    body: { email: emailOf(randomUUID()) },
  });
  const taskIds: string[] = [];
  for (let i = 0; i < tasks; i++) {
    taskIds.push(await createWorkspaceTask(env, workspaceId, member, { assignee: member }));
  }
  return { owner, member, workspaceId, taskIds };
}

const itemsOf = async (workspaceId: string) =>
  (await env.items()).filter((i) => i.PK === `WS#${workspaceId}`);

describe('deleting a workspace', () => {
  it('is for owners only; an admin or member gets 403 and nothing changes', async () => {
    const w = await bigWorkspace(1);
    const admin = randomUUID();
    await addMember(env, w.workspaceId, w.owner, admin, 'admin');
    const before = await itemsOf(w.workspaceId);
    for (const sub of [admin, w.member]) {
      const res = await env.invoke('deleteWorkspace', {
        sub,
        pathParameters: { workspaceId: w.workspaceId },
      });
      expect(res.status).toBe(403);
    }
    expect(await itemsOf(w.workspaceId)).toEqual(before);
  });

  it('hides the workspace at once and resumes across bounded requests until everything is gone', async () => {
    const w = await bigWorkspace(60);
    const path = { workspaceId: w.workspaceId };
    const oneBatch = { env: { WORKSPACE_DELETE_BATCHES: '1' } };
    const first = await env.invoke(
      'deleteWorkspace',
      { sub: w.owner, pathParameters: path },
      oneBatch,
    );
    expect(first.status).toBe(202);
    // 64 items besides the record (the task count among them): one batch of 25 went.
    expect((await itemsOf(w.workspaceId)).length).toBe(1 + 64 - 25);

    // Invisible and refusing writes to every member, though their memberships may still exist.
    for (const sub of [w.owner, w.member]) {
      expect((await env.invoke('getWorkspace', { sub, pathParameters: path })).status).toBe(404);
      expect((await env.invoke('listWorkspaces', { sub })).json.workspaces).toEqual([]);
      const write = await env.invoke('createWorkspaceTask', {
        sub,
        pathParameters: path,
        body: { title: 'late' },
      });
      expect(write.status).toBe(404);
    }
    expect((await env.invoke('listMyAssignedTasks', { sub: w.member })).json.tasks).toEqual([]);
    // Only an owner counted at the mark may continue it; a member's DELETE is a 404.
    expect(
      (await env.invoke('deleteWorkspace', { sub: w.member, pathParameters: path })).status,
    ).toBe(404);

    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await env.invoke(
        'deleteWorkspace',
        { sub: w.owner, pathParameters: path },
        oneBatch,
      );
      statuses.push(res.status);
      if (res.status === 204) break;
    }
    expect(statuses).toEqual([202, 202, 204]);
    expect(await itemsOf(w.workspaceId)).toEqual([]);
    // GSI1 entries went with their items: no membership, invitation or assignment is left.
    expect(JSON.stringify(await env.items())).not.toContain(w.workspaceId);
    expect(
      (await env.invoke('deleteWorkspace', { sub: w.owner, pathParameters: path })).status,
    ).toBe(404);
  });

  it('resumes after a failure part-way: the next DELETE finishes', async () => {
    const w = await bigWorkspace(40);
    const path = { workspaceId: w.workspaceId };
    // The first batch lands, the second fails (thrown outside the SDK's retries).
    batchFaults = ['pass', 'fail'];
    const failed = await env.invoke('deleteWorkspace', { sub: w.owner, pathParameters: path });
    expect(failed.status).toBe(503);
    const left = await itemsOf(w.workspaceId);
    expect(left.length).toBe(1 + 44 - 25);
    expect(left.find((i) => i.SK === 'META')?.state).toBe('deleting');
    expect((await env.invoke('getWorkspace', { sub: w.member, pathParameters: path })).status).toBe(
      404,
    );

    batchFaults = [];
    const resumed = await env.invoke('deleteWorkspace', { sub: w.owner, pathParameters: path });
    expect(resumed.status).toBe(204);
    expect(await itemsOf(w.workspaceId)).toEqual([]);
  });

  it('sends UnprocessedItems again until every item of a batch is deleted', async () => {
    const w = await bigWorkspace(30);
    const keys = w.taskIds
      .slice(0, BATCH_WRITE_MAX)
      .map((id) => workspaceTaskKey(w.workspaceId, id));
    const session = new TableSession(env.doc, { tableName: env.tableName, shards: 10 });
    batchFaults = ['half', 'half', 'half'];
    batchWrites = 0;
    await batchWrite(session, keys.map(deleteRequest));
    // One call: 25 requests, then the unprocessed 12, 6, 3 (each half-processed), then 0.
    expect(batchWrites).toBe(4);
    const left = new Set((await itemsOf(w.workspaceId)).map((i) => i.task_id));
    expect(w.taskIds.filter((id) => left.has(id))).toEqual(w.taskIds.slice(BATCH_WRITE_MAX));

    batchFaults = ['half', 'half', 'half'];
    const res = await env.invoke('deleteWorkspace', {
      sub: w.owner,
      pathParameters: { workspaceId: w.workspaceId },
    });
    expect(res.status).toBe(204);
    expect(await itemsOf(w.workspaceId)).toEqual([]);
  });

  it('leaves other workspaces alone', async () => {
    const a = await bigWorkspace(3);
    const b = await bigWorkspace(3);
    const before = await itemsOf(b.workspaceId);
    const res = await env.invoke('deleteWorkspace', {
      sub: a.owner,
      pathParameters: { workspaceId: a.workspaceId },
    });
    expect(res.status).toBe(204);
    expect(await itemsOf(b.workspaceId)).toEqual(before);
  });
});
