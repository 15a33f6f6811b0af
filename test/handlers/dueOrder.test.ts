/**
 * A container's tasks by due (`sort=due`, the due index), in a due window, and filtered by
 * priority and label: each page one Query, every task once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HandlerEnv, startHandlerEnv } from '../support/handlers.js';
import { createTask, newUser } from '../support/tasks.js';
import { createWorkspace, createWorkspaceTask } from '../support/workspaces.js';

let env: HandlerEnv;
beforeAll(async () => {
  env = await startHandlerEnv();
}, 60_000);
afterAll(() => env?.stop());

type Lister = (query: Record<string, string>) => ReturnType<HandlerEnv['invoke']>;

/** Every title of the listing, page after page. */
async function titles(list: Lister, query: Record<string, string>) {
  const out: string[] = [];
  let cursor: string | undefined;
  do {
    const res = await list({ ...query, ...(cursor ? { cursor } : {}) });
    expect(res.status, res.body).toBe(200);
    out.push(...res.json.tasks.map((t: { title: string }) => t.title));
    cursor = res.json.next_cursor;
  } while (cursor);
  return out;
}

async function personal() {
  const sub = newUser();
  return {
    add: (body: Record<string, unknown>) => createTask(env, sub, body),
    list: ((query) => env.invoke('listTasks', { sub, query })) as Lister,
  };
}

async function workspace() {
  const sub = newUser();
  const workspaceId = await createWorkspace(env, sub);
  return {
    add: (body: Record<string, unknown>) => createWorkspaceTask(env, workspaceId, sub, body),
    list: ((query) =>
      env.invoke('listWorkspaceTasks', { sub, pathParameters: { workspaceId }, query })) as Lister,
  };
}

describe.each([
  ['personal', personal],
  ['workspace', workspace],
] as const)('%s tasks', (_, make) => {
  async function seeded() {
    const c = await make();
    await c.add({ title: 'no due', priority: 'high', labels: ['Home'] });
    await c.add({
      title: 'dec 24 paris 09:30',
      due: { date: '2026-12-24', time: '09:30', time_zone: 'Europe/Paris' },
    });
    await c.add({
      title: 'dec 24 all day',
      due: { date: '2026-12-24' },
      labels: ['home', 'gifts'],
    });
    await c.add({
      title: 'dec 23 new york 23:00',
      due: { date: '2026-12-23', time: '23:00', time_zone: 'America/New_York' },
      priority: 'high',
    });
    await c.add({
      title: 'jan 5',
      due: { date: '2027-01-05' },
      priority: 'high',
      labels: ['HOME'],
    });
    return c;
  }

  it('lists soonest due first by instant, tasks without a due last', async () => {
    const c = await seeded();
    // 23:00 in New York on the 23rd is 04:00Z on the 24th: after the all-day 24th (00:00Z).
    expect(await titles(c.list, { sort: 'due', limit: '2' })).toEqual([
      'dec 24 all day',
      'dec 23 new york 23:00',
      'dec 24 paris 09:30',
      'jan 5',
      'no due',
    ]);
  });

  it('keeps to a due window, its end left out', async () => {
    const c = await seeded();
    const window = {
      sort: 'due',
      due_from: '2026-12-24T04:00:00Z',
      due_to: '2026-12-24T08:30:00Z',
    };
    expect(await titles(c.list, window)).toEqual(['dec 23 new york 23:00']);
    expect(await titles(c.list, { sort: 'due', due_from: '2027-01-01T00:00:00+01:00' })).toEqual([
      'jan 5',
    ]);
    expect(await titles(c.list, { sort: 'due', due_to: '2026-12-24T02:00:00+01:00' })).toEqual([
      'dec 24 all day',
    ]);
  });

  it('filters by priority and by label regardless of case, in either order', async () => {
    const c = await seeded();
    expect(await titles(c.list, { priority: 'high' })).toEqual([
      'jan 5',
      'dec 23 new york 23:00',
      'no due',
    ]);
    expect(await titles(c.list, { label: 'HoMe', sort: 'due' })).toEqual([
      'dec 24 all day',
      'jan 5',
      'no due',
    ]);
    expect(await titles(c.list, { label: 'home', priority: 'high', limit: '1' })).toEqual([
      'jan 5',
      'no due',
    ]);
    expect(await titles(c.list, { priority: 'none', sort: 'due' })).toEqual([
      'dec 24 all day',
      'dec 24 paris 09:30',
    ]);
  });

  it.each([
    [{ due_from: '2026-12-01T00:00:00Z' }, '/query/due_from'],
    [
      { sort: 'due', due_from: '2026-12-02T00:00:00Z', due_to: '2026-12-01T00:00:00Z' },
      '/query/due_to',
    ],
    [{ sort: 'due', due_to: '2026-13-01T00:00:00Z' }, '/query/due_to'],
    [{ sort: 'soon' }, '/query/sort'],
    [{ label: '' }, '/query/label'],
  ])('refuses %j with a 400 naming %s', async (query, path) => {
    const c = await make();
    const res = await c.list(query);
    expect(res.status).toBe(400);
    expect(res.json.errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it('refuses a cursor of another order or filter', async () => {
    const c = await seeded();
    const first = await c.list({ sort: 'due', limit: '1' });
    const other = await c.list({ limit: '1', cursor: first.json.next_cursor });
    expect(other.status).toBe(400);
    const filtered = await c.list({
      sort: 'due',
      label: 'home',
      limit: '1',
      cursor: first.json.next_cursor,
    });
    expect(filtered.status).toBe(400);
  });
});
