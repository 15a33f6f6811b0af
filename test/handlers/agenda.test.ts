/**
 * GET /me/agenda (docs/architecture.md#access-patterns): the caller's open tasks across their own
 * list and the workspace tasks assigned to them, soonest due first, the window and everything
 * overdue, one Query per page; a removed member loses a workspace's tasks from it at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HandlerEnv, startHandlerEnv } from '../support/handlers.js';
import { createTask, newUser } from '../support/tasks.js';
import { addMember, createWorkspace, createWorkspaceTask } from '../support/workspaces.js';

let env: HandlerEnv;
beforeAll(async () => {
  env = await startHandlerEnv();
}, 60_000);
afterAll(() => env?.stop());

const DAY = 86_400_000;
/** The calendar date `days` from now, in UTC. */
const dayFromNow = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();

async function agenda(sub: string, query: Record<string, string>) {
  const titles: string[] = [];
  const pages: number[] = [];
  let cursor: string | undefined;
  do {
    const res = await env.invoke('listMyAgenda', {
      sub,
      query: { ...query, ...(cursor ? { cursor } : {}) },
    });
    expect(res.status, res.body).toBe(200);
    titles.push(...res.json.tasks.map((t: { title: string }) => t.title));
    pages.push(res.json.count);
    cursor = res.json.next_cursor;
  } while (cursor);
  return { titles, pages };
}

describe('the agenda', () => {
  it('merges own and assigned tasks by due instant, open ones only, overdue included', async () => {
    const me = newUser();
    const owner = newUser();
    const workspaceId = await createWorkspace(env, owner);
    await addMember(env, workspaceId, owner, me);
    await createTask(env, me, { title: 'own overdue', due: { date: dayFromNow(-30) } });
    await createTask(env, me, { title: 'own in 2 days', due: { date: dayFromNow(2) } });
    await createTask(env, me, { title: 'own in 20 days', due: { date: dayFromNow(20) } });
    await createTask(env, me, { title: 'own undated' });
    await createTask(env, me, {
      title: 'own done',
      status: 'completed',
      due: { date: dayFromNow(1) },
    });
    await createWorkspaceTask(env, workspaceId, owner, {
      title: 'assigned in 3 days',
      assignee: me,
      due: { date: dayFromNow(3), time: '12:00', time_zone: 'Asia/Tokyo' },
    });
    await createWorkspaceTask(env, workspaceId, owner, {
      title: 'assigned overdue',
      assignee: me,
      due: { date: dayFromNow(-2) },
    });
    await createWorkspaceTask(env, workspaceId, owner, {
      title: 'not mine',
      assignee: owner,
      due: { date: dayFromNow(1) },
    });
    await createWorkspaceTask(env, workspaceId, owner, {
      title: 'unassigned',
      due: { date: dayFromNow(1) },
    });

    const { titles } = await agenda(me, { from: at(0), to: at(14) });

    expect(titles).toEqual([
      'own overdue',
      'assigned overdue',
      'own in 2 days',
      'assigned in 3 days',
    ]);
  });

  it('reads a window that starts later as two ranges: overdue first, then the window', async () => {
    const me = newUser();
    await createTask(env, me, { title: 'overdue', due: { date: dayFromNow(-3) } });
    await createTask(env, me, { title: 'before the window', due: { date: dayFromNow(3) } });
    await createTask(env, me, { title: 'in the window', due: { date: dayFromNow(8) } });
    await createTask(env, me, { title: 'after the window', due: { date: dayFromNow(12) } });

    const { titles } = await agenda(me, { from: at(7), to: at(10) });

    expect(titles).toEqual(['overdue', 'in the window']);
  });

  it('pages through both ranges with every task once, each page at most `limit`', async () => {
    const me = newUser();
    const expected: string[] = [];
    for (let i = 0; i < 5; i++) {
      await createTask(env, me, { title: `overdue ${i}`, due: { date: dayFromNow(i - 10) } });
      expected.push(`overdue ${i}`);
    }
    for (let i = 0; i < 5; i++) {
      await createTask(env, me, { title: `later ${i}`, due: { date: dayFromNow(i + 5) } });
      expected.push(`later ${i}`);
    }

    const { titles, pages } = await agenda(me, { from: at(4), to: at(30), limit: '2' });

    expect(titles).toEqual(expected);
    expect(Math.max(...pages)).toBeLessThanOrEqual(2);
  });

  it('follows completion, reopening, a new due and a new assignee at once', async () => {
    const me = newUser();
    const other = newUser();
    const workspaceId = await createWorkspace(env, me);
    await addMember(env, workspaceId, me, other);
    const own = await createTask(env, me, { title: 'own', due: { date: dayFromNow(1) } });
    const shared = await createWorkspaceTask(env, workspaceId, me, {
      title: 'shared',
      assignee: me,
      due: { date: dayFromNow(2) },
    });
    const window = { from: at(0), to: at(14) };
    const update = (taskId: string, body: Record<string, unknown>) =>
      env.invoke('updateTask', { sub: me, pathParameters: { taskId }, body });
    const updateShared = (body: Record<string, unknown>) =>
      env.invoke('updateWorkspaceTask', {
        sub: me,
        pathParameters: { workspaceId, taskId: shared },
        body,
      });

    expect((await update(own.task_id, { status: 'completed' })).status).toBe(200);
    expect((await agenda(me, window)).titles).toEqual(['shared']);
    // A completed task's new due stays out of the agenda; reopening brings it back with it.
    expect((await update(own.task_id, { due: { date: dayFromNow(5) } })).status).toBe(200);
    expect((await agenda(me, window)).titles).toEqual(['shared']);
    expect((await update(own.task_id, { status: 'in_progress' })).status).toBe(200);
    expect((await agenda(me, window)).titles).toEqual(['shared', 'own']);

    expect((await updateShared({ assignee: other })).status).toBe(200);
    expect((await agenda(me, window)).titles).toEqual(['own']);
    expect((await agenda(other, window)).titles).toEqual(['shared']);
    expect((await updateShared({ assignee: null })).status).toBe(200);
    expect((await agenda(other, window)).titles).toEqual([]);
  });

  it('loses a workspace at once when the caller is removed from it', async () => {
    const me = newUser();
    const owner = newUser();
    const workspaceId = await createWorkspace(env, owner);
    await addMember(env, workspaceId, owner, me);
    await createWorkspaceTask(env, workspaceId, owner, {
      title: 'assigned',
      assignee: me,
      due: { date: dayFromNow(1) },
    });
    await createTask(env, me, { title: 'own', due: { date: dayFromNow(2) } });
    const window = { from: at(0), to: at(7) };
    expect((await agenda(me, window)).titles).toEqual(['assigned', 'own']);

    const removed = await env.invoke('removeMember', {
      sub: owner,
      pathParameters: { workspaceId, userId: me },
    });
    expect(removed.status).toBe(204);

    expect((await agenda(me, window)).titles).toEqual(['own']);
  });

  it.each([
    [{ from: '2026-12-10T00:00:00Z', to: '2026-12-01T00:00:00Z' }, '/query/to'],
    [{ from: '2026-02-30T00:00:00Z', to: '2026-12-01T00:00:00Z' }, '/query/from'],
    [{ from: 'tomorrow', to: '2026-12-01T00:00:00Z' }, '/query/from'],
    [{ to: '2026-12-01T00:00:00Z' }, '/query/from'],
    [
      { from: '2026-12-01T00:00:00Z', to: '2026-12-02T00:00:00Z', cursor: 'eyJ2IjozfQ' },
      '/query/cursor',
    ],
  ])('refuses %j with a 400 naming %s', async (query, path) => {
    const res = await env.invoke('listMyAgenda', { sub: newUser(), query });
    expect(res.status).toBe(400);
    expect(res.json.errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it("refuses another caller's cursor", async () => {
    const me = newUser();
    for (let i = 0; i < 3; i++) await createTask(env, me, { due: { date: dayFromNow(i) } });
    const query = { from: at(-1), to: at(5), limit: '1' };
    const first = await env.invoke('listMyAgenda', { sub: me, query });
    const stolen = await env.invoke('listMyAgenda', {
      sub: newUser(),
      query: { ...query, cursor: first.json.next_cursor },
    });
    expect(stolen.status).toBe(400);
  });
});
