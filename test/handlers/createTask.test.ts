import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HandlerEnv, startHandlerEnv } from '../support/handlers.js';
import { INVISIBLE_TITLES, VISIBLE_TITLES } from '../support/titles.js';

let env: HandlerEnv;
beforeAll(async () => {
  env = await startHandlerEnv();
});
afterAll(() => env.stop());

const user = () => randomUUID();

describe('createTask', () => {
  it('creates a pending task with defaults, Location and ETag', async () => {
    const sub = user();
    const res = await env.invoke('createTask', { sub, body: { title: 'Ship feature X' } });

    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      title: 'Ship feature X',
      description: '',
      status: 'pending',
      version: 1,
    });
    expect(res.json.created_at).toBe(res.json.updated_at);
    // The event is from the execute-api URL's prod stage: the task lives under /prod.
    expect(res.headers.location).toBe(`/prod/tasks/${res.json.task_id}`);
    expect(res.headers.etag).toBe('"1"');
    const got = await env.invoke('getTask', { sub, pathParameters: { taskId: res.json.task_id } });
    expect(got.json).toEqual(res.json);
  });

  it.each([
    { name: 'the stage of the execute-api URL', base: { stage: '/prod' }, want: '/prod/tasks/' },
    { name: 'a custom domain base path', base: { customDomain: '/v1' }, want: '/v1/tasks/' },
    { name: 'a custom domain root', base: { customDomain: '' }, want: '/tasks/' },
  ])('answers a Location that resolves under $name', async ({ base, want }) => {
    const res = await env.invoke('createTask', { sub: user(), body: { title: 'Where' }, base });

    expect(res.headers.location).toBe(`${want}${res.json.task_id}`);
  });

  it('stores the task once under the owner, with the sharded status index key, and counts it', async () => {
    const sub = user();
    const res = await env.invoke('createTask', {
      sub,
      body: { title: 'Index me', description: 'd', status: 'in_progress' },
    });
    const [count, ...items] = (await env.items()).filter((i) => i.PK === `USER#${sub}`);
    expect(count).toEqual({ PK: `USER#${sub}`, SK: 'COUNT#TASKS', task_count: 1, revision: 1 });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      SK: `TASK#${res.json.task_id}`,
      GSI1SK: `${res.json.created_at}#${res.json.task_id}`,
      user_id: sub,
    });
    expect(items[0]?.GSI1PK).toMatch(/^STATUS#in_progress#[0-9]$/);
  });

  it.each([
    { name: 'a missing title', body: { description: 'x' }, path: '/body/title' },
    { name: 'an empty title', body: { title: '' }, path: '/body/title' },
    { name: 'a blank title', body: { title: ' \t\n ' }, path: '/body/title' },
    {
      name: 'deeply nested JSON',
      body: `{"title":"t","description":${'['.repeat(5000)}${']'.repeat(5000)}}`,
      path: '/body/description',
    },
    { name: 'an over-long title', body: { title: 'x'.repeat(201) }, path: '/body/title' },
    {
      name: 'an over-long description',
      body: { title: 't', description: 'x'.repeat(4001) },
      path: '/body/description',
    },
    { name: 'an unknown status', body: { title: 't', status: 'done' }, path: '/body/status' },
    { name: 'a wrong type', body: { title: 42 }, path: '/body/title' },
    {
      name: 'a client-set task_id (mass assignment)',
      body: { title: 't', task_id: '01JD7Z8Q3X5M2N4P6R8T0V2W4Y' },
      path: '/body/task_id',
    },
    {
      name: 'a client-set owner',
      body: { title: 't', user_id: 'someone-else' },
      path: '/body/user_id',
    },
    { name: 'a client-set version', body: { title: 't', version: 9 }, path: '/body/version' },
    { name: 'an array body', body: [{ title: 't' }], path: '/body' },
    { name: 'invalid JSON', body: '{"title": ', path: '/body' },
    { name: 'an empty body', body: '', path: '/body' },
  ])('refuses $name with a 400 naming the field, and writes nothing', async ({ body, path }) => {
    const before = await env.items();
    const res = await env.invoke('createTask', { sub: user(), body });

    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toBe('application/problem+json');
    expect(res.json.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await env.items()).toEqual(before);
  });

  it.each(INVISIBLE_TITLES)(
    'refuses a title of $name with a 400 naming /body/title: nothing in it is visible',
    async ({ title }) => {
      const res = await env.invoke('createTask', { sub: user(), body: { title } });

      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toBe('application/problem+json');
      expect(res.json.errors).toEqual([expect.objectContaining({ path: '/body/title' })]);
    },
  );

  it.each(VISIBLE_TITLES)('accepts a title of $name, kept as sent', async ({ title }) => {
    const res = await env.invoke('createTask', { sub: user(), body: { title } });

    expect(res.status).toBe(201);
    expect(res.json.title).toBe(title);
  });

  it('refuses an unpaired UTF-16 surrogate, which DynamoDB could not store, with a 400', async () => {
    const before = await env.items();
    const res = await env.invoke('createTask', { sub: user(), body: '{"title":"a\\ud800b"}' });
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual([
      { path: '/body/title', message: 'must not contain unpaired surrogates' },
    ]);
    expect(await env.items()).toEqual(before);
  });

  it('keeps emoji and other astral characters intact, counting them as one character each', async () => {
    const title = '🚀'.repeat(200);
    const res = await env.invoke('createTask', { sub: user(), body: { title } });
    expect(res.status).toBe(201);
    expect(res.json.title).toBe(title);
  });

  it('refuses a body that is not JSON with a 415', async () => {
    const res = await env.invoke('createTask', {
      sub: user(),
      headers: { 'Content-Type': 'text/plain' },
      body: 'title=x',
    });
    expect(res.status).toBe(415);
    expect(res.json.detail).toContain('text/plain');
  });

  it('refuses a body over 32 KiB with a 413 before parsing it', async () => {
    const res = await env.invoke('createTask', {
      sub: user(),
      body: { title: 't', description: 'x'.repeat(40_000) },
    });
    expect(res.status).toBe(413);
  });

  it('refuses a request without authorizer claims with a 401', async () => {
    const res = await env.invoke('createTask', { body: { title: 't' } });
    expect(res.status).toBe(401);
  });

  it('refuses a malformed Idempotency-Key with a 400', async () => {
    const res = await env.invoke('createTask', {
      sub: user(),
      headers: { 'Idempotency-Key': 'has spaces in it' },
      body: { title: 't' },
    });
    expect(res.status).toBe(400);
    expect(res.json.errors[0].path).toBe('/headers/idempotency-key');
  });

  describe('with an Idempotency-Key', () => {
    it('replays the first task for a retry with the same key and body', async () => {
      const sub = user();
      const key = `"${randomUUID()}"`;
      const first = await env.invoke('createTask', {
        sub,
        headers: { 'Idempotency-Key': key },
        body: { title: 'Once' },
      });
      const retry = await env.invoke('createTask', {
        sub,
        headers: { 'Idempotency-Key': key },
        body: { title: 'Once', status: 'pending' },
      });

      expect(first.status).toBe(201);
      expect(retry.status).toBe(201);
      expect(retry.json).toEqual(first.json);
      const list = await env.invoke('listTasks', { sub });
      expect(list.json.count).toBe(1);
    });

    it('refuses the same key with a different body with a 422 and creates nothing', async () => {
      const sub = user();
      const key = randomUUID();
      await env.invoke('createTask', {
        sub,
        headers: { 'Idempotency-Key': key },
        body: { title: 'A' },
      });
      const before = await env.items();
      const res = await env.invoke('createTask', {
        sub,
        headers: { 'Idempotency-Key': key },
        body: { title: 'B' },
      });

      expect(res.status).toBe(422);
      expect(await env.items()).toEqual(before);
    });

    it('scopes keys to the user: another user with the same key gets a task of their own', async () => {
      const key = randomUUID();
      const a = await env.invoke('createTask', {
        sub: user(),
        headers: { 'Idempotency-Key': key },
        body: { title: 'A' },
      });
      const b = await env.invoke('createTask', {
        sub: user(),
        headers: { 'Idempotency-Key': key },
        body: { title: 'A' },
      });
      expect(b.status).toBe(201);
      expect(b.json.task_id).not.toBe(a.json.task_id);
    });
  });
});
