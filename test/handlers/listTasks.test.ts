import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HandlerEnv, startHandlerEnv } from '../support/handlers.js';
import { createTask, newUser } from '../support/tasks.js';

let env: HandlerEnv;
beforeAll(async () => {
  env = await startHandlerEnv();
});
afterAll(() => env.stop());

async function walk(sub: string, query: Record<string, string> = {}) {
  const seen: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const res = await env.invoke('listTasks', {
      sub,
      query: { ...query, ...(cursor ? { cursor } : {}) },
    });
    expect(res.status).toBe(200);
    expect(res.json.count).toBe(res.json.tasks.length);
    seen.push(...res.json.tasks.map((t: { task_id: string }) => t.task_id));
    cursor = res.json.next_cursor;
    pages += 1;
  } while (cursor && pages < 100);
  return { seen, pages };
}

describe('listTasks', () => {
  it('answers an empty list (not a crash) without a query string', async () => {
    const res = await env.invoke('listTasks', { sub: newUser() });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ tasks: [], count: 0 });
  });

  it("lists only the caller's tasks, newest first", async () => {
    const sub = newUser();
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await createTask(env, sub)).task_id);
    await createTask(env, newUser());

    const res = await env.invoke('listTasks', { sub });

    expect(res.json.tasks.map((t: { task_id: string }) => t.task_id)).toEqual(ids.reverse());
    expect(res.json.next_cursor).toBeUndefined();
  });

  it('walks every task exactly once across pages, newest first', async () => {
    const sub = newUser();
    const ids = [];
    for (let i = 0; i < 23; i++) ids.push((await createTask(env, sub)).task_id);

    const { seen, pages } = await walk(sub, { limit: '5' });

    expect(seen).toEqual(ids.reverse());
    expect(pages).toBe(5);
  });

  it('filters by status and still walks every match exactly once', async () => {
    const sub = newUser();
    const done: string[] = [];
    for (let i = 0; i < 30; i++) {
      const t = await createTask(env, sub, { status: i % 3 === 0 ? 'completed' : 'pending' });
      if (i % 3 === 0) done.push(t.task_id);
    }
    const { seen } = await walk(sub, { status: 'completed', limit: '3' });
    expect(seen).toEqual(done.reverse());
  });

  it("uses the spec's default limit of 50", async () => {
    const sub = newUser();
    for (let i = 0; i < 51; i++) await createTask(env, sub);
    const res = await env.invoke('listTasks', { sub });
    expect(res.json.count).toBe(50);
    expect(res.json.next_cursor).toEqual(expect.any(String));
  });

  it("refuses another user's cursor with a 400 and shows none of that user's tasks", async () => {
    const victim = newUser();
    for (let i = 0; i < 4; i++) await createTask(env, victim, { title: 'secret' });
    const page = await env.invoke('listTasks', { sub: victim, query: { limit: '2' } });
    const attacker = newUser();

    const res = await env.invoke('listTasks', {
      sub: attacker,
      query: { cursor: page.json.next_cursor },
    });

    expect(res.status).toBe(400);
    expect(res.body).not.toContain('secret');
  });

  it('refuses a cursor issued for another status filter with a 400', async () => {
    const sub = newUser();
    for (let i = 0; i < 3; i++) await createTask(env, sub);
    const page = await env.invoke('listTasks', { sub, query: { limit: '1' } });
    const res = await env.invoke('listTasks', {
      sub,
      query: { status: 'pending', cursor: page.json.next_cursor },
    });
    expect(res.status).toBe(400);
  });

  it.each([
    { name: 'limit 0', query: { limit: '0' }, path: '/query/limit' },
    { name: 'limit 101', query: { limit: '101' }, path: '/query/limit' },
    { name: 'a non-numeric limit', query: { limit: 'ten' }, path: '/query/limit' },
    { name: 'a fractional limit', query: { limit: '2.5' }, path: '/query/limit' },
    { name: 'an unknown status', query: { status: 'done' }, path: '/query/status' },
    { name: 'an unknown parameter', query: { sort: 'asc' }, path: '/query/sort' },
    { name: 'a repeated parameter', query: { limit: ['1', '2'] }, path: '/query/limit' },
    { name: 'a cursor that is not base64url', query: { cursor: 'abc$%' }, path: '/query/cursor' },
    { name: 'a cursor that is not JSON', query: { cursor: 'bm90IGpzb24' }, path: '/query/cursor' },
    {
      name: 'a cursor with a forged shape',
      query: { cursor: Buffer.from('{"v":1,"t":"USER#x"}').toString('base64url') },
      path: '/query/cursor',
    },
    {
      name: 'an admin cursor',
      query: { cursor: Buffer.from('{"v":1,"s":"pending","p":[0]}').toString('base64url') },
      path: '/query/cursor',
    },
  ])('refuses $name with a 400 problem', async ({ query, path }) => {
    const res = await env.invoke('listTasks', { sub: newUser(), query });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toBe('application/problem+json');
    expect(res.json.errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it('answers 401 without authorizer claims', async () => {
    const res = await env.invoke('listTasks', {});
    expect(res.status).toBe(401);
  });
});
