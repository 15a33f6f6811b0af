import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HandlerEnv, startHandlerEnv } from '../support/handlers.js';
import { createTask, newUser } from '../support/tasks.js';

let env: HandlerEnv;
beforeAll(async () => {
  env = await startHandlerEnv({ shards: 3 });
});
afterAll(() => env.stop());

const admin = newUser();

describe('listTasksByStatus', () => {
  it("lists every user's tasks in the status, newest first, with user_id", async () => {
    const a = newUser();
    const b = newUser();
    const t1 = await createTask(env, a, { status: 'in_progress' });
    const t2 = await createTask(env, b, { status: 'in_progress' });
    await createTask(env, b, { status: 'pending' });

    const res = await env.invoke('listTasksByStatus', {
      sub: admin,
      groups: ['admins'],
      query: { status: 'in_progress' },
    });

    expect(res.status).toBe(200);
    expect(res.json.tasks).toEqual([
      { ...t2, user_id: b },
      { ...t1, user_id: a },
    ]);
    expect(res.json.count).toBe(2);
  });

  it('accepts the groups claim in the `[a b]` form too', async () => {
    const res = await env.invoke('listTasksByStatus', {
      sub: admin,
      query: { status: 'completed' },
      groupsClaim: '[other admins]',
    });
    expect(res.status).toBe(200);
  });

  it.each([
    { name: 'a user in no group', groups: undefined },
    { name: 'a user in another group', groups: ['editors'] },
    { name: 'a group whose name only contains admins', groups: ['superadmins'] },
  ])('refuses $name with a 403', async ({ groups }) => {
    const res = await env.invoke('listTasksByStatus', {
      sub: newUser(),
      ...(groups ? { groups } : {}),
      query: { status: 'pending' },
    });
    expect(res.status).toBe(403);
  });

  it.each([
    { name: 'a missing status', query: {}, path: '/query/status' },
    { name: 'an unknown status', query: { status: 'all' }, path: '/query/status' },
    { name: 'limit 500', query: { status: 'pending', limit: '500' }, path: '/query/limit' },
    {
      name: 'a user cursor',
      query: {
        status: 'pending',
        cursor: Buffer.from('{"v":1,"t":"01ARZ3NDEKTSV4RRFFQ69G5FAV"}').toString('base64url'),
      },
      path: '/query/cursor',
    },
    {
      name: 'a cursor for another status',
      query: {
        status: 'pending',
        cursor: Buffer.from('{"v":1,"s":"completed","p":[0,0,0]}').toString('base64url'),
      },
      path: '/query/cursor',
    },
    {
      name: 'a cursor for another shard count',
      query: {
        status: 'pending',
        cursor: Buffer.from('{"v":1,"s":"pending","p":[0,0]}').toString('base64url'),
      },
      path: '/query/cursor',
    },
    {
      name: 'a cursor with a forged position',
      query: {
        status: 'pending',
        cursor: Buffer.from('{"v":1,"s":"pending","p":[0,["x","y","z"],1]}').toString('base64url'),
      },
      path: '/query/cursor',
    },
  ])('refuses $name with a 400', async ({ query, path }) => {
    const res = await env.invoke('listTasksByStatus', { sub: admin, groups: ['admins'], query });
    expect(res.status).toBe(400);
    expect(res.json.errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it('answers 401 without authorizer claims', async () => {
    const res = await env.invoke('listTasksByStatus', { query: { status: 'pending' } });
    expect(res.status).toBe(401);
  });
});
