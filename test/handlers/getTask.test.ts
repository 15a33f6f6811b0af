import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HandlerEnv, startHandlerEnv } from '../support/handlers.js';
import { createTask, newUser, UNKNOWN_ID } from '../support/tasks.js';

let env: HandlerEnv;
beforeAll(async () => {
  env = await startHandlerEnv();
});
afterAll(() => env.stop());

describe('getTask', () => {
  it("returns the owner's task with its ETag and no storage keys", async () => {
    const sub = newUser();
    const task = await createTask(env, sub, { description: 'details' });

    const res = await env.invoke('getTask', { sub, pathParameters: { taskId: task.task_id } });

    expect(res.status).toBe(200);
    expect(res.json).toEqual(task);
    expect(res.headers.etag).toBe('"1"');
    expect(Object.keys(res.json)).not.toContain('PK');
  });

  it('answers 404 for a task that does not exist', async () => {
    const res = await env.invoke('getTask', {
      sub: newUser(),
      pathParameters: { taskId: UNKNOWN_ID },
    });
    expect(res.status).toBe(404);
    expect(res.json.detail).toContain(UNKNOWN_ID);
  });

  it("answers 404, not 403, for another user's task so existence is not leaked", async () => {
    const task = await createTask(env, newUser());
    const res = await env.invoke('getTask', {
      sub: newUser(),
      pathParameters: { taskId: task.task_id },
    });
    expect(res.status).toBe(404);
  });

  it.each([
    { name: 'a non-ULID id', taskId: 'not-a-task' },
    { name: 'a key-injection attempt', taskId: '01ARZ3NDEKTSV4RRFFQ69G5FAV#x' },
    { name: 'a lower-case ULID', taskId: '01arz3ndektsv4rrffq69g5fav' },
  ])('refuses $name with a 400 before touching the table', async ({ taskId }) => {
    const res = await env.invoke('getTask', { sub: newUser(), pathParameters: { taskId } });
    expect(res.status).toBe(400);
    expect(res.json.errors[0].path).toBe('/path/taskId');
  });

  it('answers 401 without authorizer claims', async () => {
    const res = await env.invoke('getTask', { pathParameters: { taskId: UNKNOWN_ID } });
    expect(res.status).toBe(401);
  });
});
