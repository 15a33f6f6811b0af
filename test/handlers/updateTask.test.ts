import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HandlerEnv, startHandlerEnv } from '../support/handlers.js';
import { createTask, newUser, UNKNOWN_ID } from '../support/tasks.js';
import { INVISIBLE_TITLES, VISIBLE_TITLES } from '../support/titles.js';

let env: HandlerEnv;
beforeAll(async () => {
  env = await startHandlerEnv({ shards: 7 });
});
afterAll(() => env.stop());

describe('updateTask', () => {
  it('changes the given fields, bumps version and updated_at, and returns the new ETag', async () => {
    const sub = newUser();
    const task = await createTask(env, sub, { description: 'keep me' });

    const res = await env.invoke('updateTask', {
      sub,
      pathParameters: { taskId: task.task_id },
      body: { title: 'Renamed', status: 'in_progress' },
    });

    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      task_id: task.task_id,
      title: 'Renamed',
      description: 'keep me',
      status: 'in_progress',
      created_at: task.created_at,
      version: 2,
    });
    expect(res.json.updated_at >= task.updated_at).toBe(true);
    expect(res.headers.etag).toBe('"2"');
  });

  it("moves the task to the new status's shard of the status index, leaving nothing behind", async () => {
    const sub = newUser();
    const task = await createTask(env, sub);
    const before = (await env.items()).find((i) => i.SK === `TASK#${task.task_id}`);

    await env.invoke('updateTask', {
      sub,
      pathParameters: { taskId: task.task_id },
      body: { status: 'completed' },
    });

    const items = (await env.items()).filter((i) => i.PK === `USER#${sub}`);
    expect(items).toHaveLength(1);
    const shard = String(before?.GSI1PK).split('#')[2];
    expect(items[0]?.GSI1PK).toBe(`STATUS#completed#${shard}`);
    expect(items[0]?.GSI1SK).toBe(before?.GSI1SK);
  });

  it('updates only if If-Match names the current version, else 412 and nothing changes', async () => {
    const sub = newUser();
    const task = await createTask(env, sub);
    const taskId = task.task_id;

    const ok = await env.invoke('updateTask', {
      sub,
      pathParameters: { taskId },
      headers: { 'If-Match': '"1"' },
      body: { title: 'first' },
    });
    expect(ok.status).toBe(200);
    const before = await env.items();

    const stale = await env.invoke('updateTask', {
      sub,
      pathParameters: { taskId },
      headers: { 'If-Match': '"1"' },
      body: { title: 'second' },
    });
    expect(stale.status).toBe(412);
    expect(await env.items()).toEqual(before);
  });

  it.each([
    { name: 'a weak tag', ifMatch: 'W/"1"', status: 412 },
    { name: 'a list naming the current version', ifMatch: '"7", "1"', status: 200 },
    { name: '*', ifMatch: '*', status: 200 },
    { name: 'an unquoted tag', ifMatch: '1', status: 400 },
  ])('treats If-Match $name as RFC 9110 says ($status)', async ({ ifMatch, status }) => {
    const sub = newUser();
    const task = await createTask(env, sub);
    const res = await env.invoke('updateTask', {
      sub,
      pathParameters: { taskId: task.task_id },
      headers: { 'If-Match': ifMatch },
      body: { title: 'x' },
    });
    expect(res.status).toBe(status);
  });

  it('answers 404 (not 412) when If-Match is given for a task that does not exist', async () => {
    const res = await env.invoke('updateTask', {
      sub: newUser(),
      pathParameters: { taskId: UNKNOWN_ID },
      headers: { 'If-Match': '"1"' },
      body: { title: 'x' },
    });
    expect(res.status).toBe(404);
  });

  it("answers 404 for another user's task and leaves it unchanged", async () => {
    const task = await createTask(env, newUser());
    const before = await env.items();
    const res = await env.invoke('updateTask', {
      sub: newUser(),
      pathParameters: { taskId: task.task_id },
      body: { title: 'hijacked' },
    });
    expect(res.status).toBe(404);
    expect(await env.items()).toEqual(before);
  });

  it.each([
    { name: 'an empty change set', body: {}, path: '/body' },
    { name: 'a client-set version', body: { version: 5 }, path: '/body/version' },
    {
      name: 'a client-set created_at',
      body: { created_at: '2020-01-01T00:00:00.000Z' },
      path: '/body/created_at',
    },
    { name: 'an unknown status', body: { status: 'archived' }, path: '/body/status' },
    { name: 'a null title', body: { title: null }, path: '/body/title' },
  ])('refuses $name with a 400 and changes nothing', async ({ body, path }) => {
    const sub = newUser();
    const task = await createTask(env, sub);
    const before = await env.items();
    const res = await env.invoke('updateTask', {
      sub,
      pathParameters: { taskId: task.task_id },
      body,
    });
    expect(res.status).toBe(400);
    expect(res.json.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await env.items()).toEqual(before);
  });

  it('refuses a non-JSON body with a 415 and an oversized one with a 413', async () => {
    const sub = newUser();
    const task = await createTask(env, sub);
    const wrongType = await env.invoke('updateTask', {
      sub,
      pathParameters: { taskId: task.task_id },
      headers: { 'Content-Type': 'application/xml' },
      body: '<title/>',
    });
    expect(wrongType.status).toBe(415);
    const tooLarge = await env.invoke('updateTask', {
      sub,
      pathParameters: { taskId: task.task_id },
      body: { description: 'é'.repeat(20_000) },
    });
    expect(tooLarge.status).toBe(413);
  });

  it.each(INVISIBLE_TITLES)(
    'refuses a new title of $name with a 400 naming /body/title, the task unchanged',
    async ({ title }) => {
      const sub = newUser();
      const task = await createTask(env, sub);

      const res = await env.invoke('updateTask', {
        sub,
        pathParameters: { taskId: task.task_id },
        body: { title },
      });

      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toBe('application/problem+json');
      expect(res.json.errors).toEqual([expect.objectContaining({ path: '/body/title' })]);
      const got = await env.invoke('getTask', { sub, pathParameters: { taskId: task.task_id } });
      expect(got.json).toEqual(task);
    },
  );

  it.each(VISIBLE_TITLES)('accepts a new title of $name, kept as sent', async ({ title }) => {
    const sub = newUser();
    const task = await createTask(env, sub);

    const res = await env.invoke('updateTask', {
      sub,
      pathParameters: { taskId: task.task_id },
      body: { title },
    });

    expect(res.status).toBe(200);
    expect(res.json.title).toBe(title);
  });

  it('answers 401 without authorizer claims', async () => {
    const res = await env.invoke('updateTask', {
      pathParameters: { taskId: UNKNOWN_ID },
      body: { title: 'x' },
    });
    expect(res.status).toBe(401);
  });
});
