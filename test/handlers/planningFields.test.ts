/**
 * The planning fields (openapi.yaml#/components/schemas/Due, Priority, Labels, Recurrence) through
 * the handlers of both containers: kept as sent, checked with a 400 that names the field, and
 * never half-applied.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HandlerEnv, startHandlerEnv } from '../support/handlers.js';
import { newUser } from '../support/tasks.js';
import { createWorkspace } from '../support/workspaces.js';

let env: HandlerEnv;
beforeAll(async () => {
  env = await startHandlerEnv();
}, 60_000);
afterAll(() => env?.stop());

/** A container's create, get and update, for a caller of its own. */
async function container(kind: 'personal' | 'workspace') {
  const sub = newUser();
  if (kind === 'personal') {
    return {
      create: (body: Record<string, unknown>) => env.invoke('createTask', { sub, body }),
      get: (taskId: string) => env.invoke('getTask', { sub, pathParameters: { taskId } }),
      update: (taskId: string, body: Record<string, unknown>) =>
        env.invoke('updateTask', { sub, pathParameters: { taskId }, body }),
      list: (query: Record<string, string>) => env.invoke('listTasks', { sub, query }),
    };
  }
  const workspaceId = await createWorkspace(env, sub);
  return {
    create: (body: Record<string, unknown>) =>
      env.invoke('createWorkspaceTask', { sub, pathParameters: { workspaceId }, body }),
    get: (taskId: string) =>
      env.invoke('getWorkspaceTask', { sub, pathParameters: { workspaceId, taskId } }),
    update: (taskId: string, body: Record<string, unknown>) =>
      env.invoke('updateWorkspaceTask', { sub, pathParameters: { workspaceId, taskId }, body }),
    list: (query: Record<string, string>) =>
      env.invoke('listWorkspaceTasks', { sub, pathParameters: { workspaceId }, query }),
  };
}

const PARIS_MORNING = { date: '2026-12-24', time: '09:30', time_zone: 'Europe/Paris' };

describe.each(['personal', 'workspace'] as const)('%s tasks', (kind) => {
  it('keep every planning field as sent, and default the ones not sent', async () => {
    const c = await container(kind);
    const full = await c.create({
      title: 'Plan the launch',
      due: PARIS_MORNING,
      priority: 'urgent',
      labels: ['Launch', 'billing'],
      recurrence: 'FREQ=WEEKLY;BYDAY=MO,TH',
    });
    expect(full.status).toBe(201);
    expect(full.json).toMatchObject({
      due: PARIS_MORNING,
      priority: 'urgent',
      labels: ['Launch', 'billing'],
      recurrence: 'FREQ=WEEKLY;BYDAY=MO,TH',
    });
    expect((await c.get(full.json.task_id)).json).toEqual(full.json);

    const bare = await c.create({ title: 'Nothing planned' });
    expect(bare.json).toMatchObject({ due: null, priority: 'none', labels: [], recurrence: null });
  });

  it.each([
    [{ due: { date: '2026-02-30' } }, '/body/due/date'],
    [{ due: { date: '2025-02-29' } }, '/body/due/date'],
    [
      { due: { date: '2026-12-24', time: '09:30', time_zone: 'Mars/Olympus' } },
      '/body/due/time_zone',
    ],
    [{ due: { date: '2026-12-24', time: '09:30' } }, '/body/due'],
    [{ due: { date: '2026-12-24', time: '24:00', time_zone: 'UTC' } }, '/body/due/time'],
    [{ labels: ['Work', 'home', 'WORK'] }, '/body/labels/2'],
    [{ labels: Array.from({ length: 21 }, (_, i) => `l${i}`) }, '/body/labels'],
    [{ labels: ['x'.repeat(51)] }, '/body/labels/0'],
    [{ labels: ['\u200b'] }, '/body/labels/0'],
    [{ priority: 'p1' }, '/body/priority'],
    [{ recurrence: 'FREQ=DAILY' }, '/body/recurrence'],
    [{ due: { date: '2026-12-24' }, recurrence: 'FREQ=HOURLY' }, '/body/recurrence'],
  ])('refuse %j with a 400 naming %s', async (fields, path) => {
    const c = await container(kind);
    const res = await c.create({ title: 'Bad', ...fields });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toBe('application/problem+json');
    expect(res.json.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect((await c.list({})).json.tasks).toEqual([]);
  });

  it('refuse an update that would leave a recurring task without a due, and change nothing', async () => {
    const c = await container(kind);
    const created = await c.create({
      title: 'Stand-up',
      due: PARIS_MORNING,
      recurrence: 'FREQ=DAILY',
    });
    const res = await c.update(created.json.task_id, { due: null, title: 'renamed' });
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual([{ path: '/body/recurrence', message: expect.any(String) }]);
    expect((await c.get(created.json.task_id)).json).toEqual(created.json);

    const both = await c.update(created.json.task_id, { due: null, recurrence: null });
    expect(both.status).toBe(200);
    expect(both.json).toMatchObject({ due: null, recurrence: null, version: 2 });
  });

  it('give a rule only to a task that has a due, in the body or already', async () => {
    const c = await container(kind);
    const dueless = await c.create({ title: 'Someday' });
    const refused = await c.update(dueless.json.task_id, { recurrence: 'FREQ=MONTHLY' });
    expect(refused.status).toBe(400);
    expect(refused.json.errors[0].path).toBe('/body/recurrence');

    const dated = await c.create({ title: 'Rent', due: { date: '2026-12-31' } });
    const ok = await c.update(dated.json.task_id, { recurrence: 'FREQ=MONTHLY' });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ due: { date: '2026-12-31' }, recurrence: 'FREQ=MONTHLY' });
  });

  it('change labels, priority and due in one update', async () => {
    const c = await container(kind);
    const created = await c.create({ title: 'Review', labels: ['a'] });
    const res = await c.update(created.json.task_id, {
      labels: [],
      priority: 'low',
      due: { date: '2027-01-04' },
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ labels: [], priority: 'low', due: { date: '2027-01-04' } });
    expect((await c.get(created.json.task_id)).json).toEqual(res.json);
  });
});
