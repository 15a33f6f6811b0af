import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HandlerEnv, startHandlerEnv } from '../support/handlers.js';
import { createTask, newUser, UNKNOWN_ID } from '../support/tasks.js';

let env: HandlerEnv;
beforeAll(async () => {
  env = await startHandlerEnv();
});
afterAll(() => env.stop());

describe('deleteTask', () => {
  it("deletes the owner's task with a 204 and no body; it is then gone, and no longer counted", async () => {
    const sub = newUser();
    const task = await createTask(env, sub);

    const res = await env.invoke('deleteTask', { sub, pathParameters: { taskId: task.task_id } });

    expect(res.status).toBe(204);
    expect(res.body).toBe('');
    const after = await env.invoke('getTask', { sub, pathParameters: { taskId: task.task_id } });
    expect(after.status).toBe(404);
    expect((await env.items()).filter((i) => i.PK === `USER#${sub}`)).toEqual([
      // revision: raised once by the create and once by the delete
      { PK: `USER#${sub}`, SK: 'COUNT#TASKS', task_count: 0, revision: 2 },
    ]);
  });

  it('answers 404 for a missing task and for a second delete', async () => {
    const sub = newUser();
    const task = await createTask(env, sub);
    await env.invoke('deleteTask', { sub, pathParameters: { taskId: task.task_id } });
    const again = await env.invoke('deleteTask', { sub, pathParameters: { taskId: task.task_id } });
    expect(again.status).toBe(404);
    const missing = await env.invoke('deleteTask', { sub, pathParameters: { taskId: UNKNOWN_ID } });
    expect(missing.status).toBe(404);
  });

  it("answers 404 for another user's task and keeps it", async () => {
    const owner = newUser();
    const task = await createTask(env, owner);
    const res = await env.invoke('deleteTask', {
      sub: newUser(),
      pathParameters: { taskId: task.task_id },
    });
    expect(res.status).toBe(404);
    const still = await env.invoke('getTask', {
      sub: owner,
      pathParameters: { taskId: task.task_id },
    });
    expect(still.status).toBe(200);
  });

  it('deletes under a matching If-Match and refuses a stale one with a 412, keeping the task', async () => {
    const sub = newUser();
    const task = await createTask(env, sub);
    await env.invoke('updateTask', {
      sub,
      pathParameters: { taskId: task.task_id },
      body: { title: 'v2' },
    });

    const stale = await env.invoke('deleteTask', {
      sub,
      pathParameters: { taskId: task.task_id },
      headers: { 'If-Match': '"1"' },
    });
    expect(stale.status).toBe(412);
    expect(
      (await env.invoke('getTask', { sub, pathParameters: { taskId: task.task_id } })).status,
    ).toBe(200);

    const fresh = await env.invoke('deleteTask', {
      sub,
      pathParameters: { taskId: task.task_id },
      headers: { 'If-Match': '"2"' },
    });
    expect(fresh.status).toBe(204);
  });

  it('refuses a malformed task id with a 400', async () => {
    const res = await env.invoke('deleteTask', {
      sub: newUser(),
      pathParameters: { taskId: '../etc' },
    });
    expect(res.status).toBe(400);
  });

  it('answers 401 without authorizer claims', async () => {
    const res = await env.invoke('deleteTask', { pathParameters: { taskId: UNKNOWN_ID } });
    expect(res.status).toBe(401);
  });
});
