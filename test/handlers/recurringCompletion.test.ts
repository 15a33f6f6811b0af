/**
 * Completing a recurring task (openapi.yaml#/components/schemas/Recurrence): its next occurrence
 * comes in the same transaction as the completion, once, however often or concurrently the
 * completion is sent; the container's count stays exact, and at the cap nothing is lost.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskCountSk, userPk } from '../../src/data/keys.js';
import { TaskStore } from '../../src/data/tasks.js';
import { workspacePk } from '../../src/data/workspaceItems.js';
import { type HandlerEnv, startHandlerEnv } from '../support/handlers.js';
import { createTask, newUser } from '../support/tasks.js';
import { addMember, createWorkspace, createWorkspaceTask } from '../support/workspaces.js';

let env: HandlerEnv;
beforeAll(async () => {
  env = await startHandlerEnv();
}, 60_000);
afterAll(() => env?.stop());

const DAILY_PARIS = {
  due: { date: '2026-03-28', time: '09:30', time_zone: 'Europe/Paris' },
  recurrence: 'FREQ=DAILY;COUNT=3',
};

async function listAll(sub: string) {
  const res = await env.invoke('listTasks', { sub, query: { limit: '100' } });
  return res.json.tasks as Array<Record<string, unknown>>;
}

async function countOf(pk: string) {
  const { Item } = await env.doc.send(
    new GetCommand({
      TableName: env.tableName,
      Key: { PK: pk, SK: taskCountSk },
      ConsistentRead: true,
    }),
  );
  return Item?.task_count;
}

const complete = (sub: string, taskId: string) =>
  env.invoke('updateTask', { sub, pathParameters: { taskId }, body: { status: 'completed' } });

describe('completing a recurring task', () => {
  it('creates the next occurrence, local time kept across the DST change, COUNT one lower', async () => {
    const me = newUser();
    const task = await createTask(env, me, {
      title: 'Water the plants',
      description: 'the big ones',
      priority: 'high',
      labels: ['Home'],
      ...DAILY_PARIS,
    });

    const done = await complete(me, task.task_id);

    expect(done.status).toBe(200);
    expect(done.json).toMatchObject({ status: 'completed', recurrence: 'FREQ=DAILY;COUNT=3' });
    const next = (await listAll(me)).find((t) => t.task_id !== task.task_id);
    expect(next).toMatchObject({
      title: 'Water the plants',
      description: 'the big ones',
      priority: 'high',
      labels: ['Home'],
      status: 'pending',
      version: 1,
      due: { date: '2026-03-29', time: '09:30', time_zone: 'Europe/Paris' },
      recurrence: 'FREQ=DAILY;COUNT=2',
    });
    expect(await countOf(userPk(me))).toBe(2);
  });

  it('ends the series at COUNT=1', async () => {
    const me = newUser();
    const task = await createTask(env, me, {
      due: { date: '2026-12-24' },
      recurrence: 'FREQ=YEARLY;COUNT=1',
    });
    expect((await complete(me, task.task_id)).status).toBe(200);
    expect(await listAll(me)).toHaveLength(1);
  });

  it('makes one next occurrence when the completion is retried', async () => {
    const me = newUser();
    const task = await createTask(env, me, DAILY_PARIS);
    for (let i = 0; i < 3; i++) expect((await complete(me, task.task_id)).status).toBe(200);
    expect(await listAll(me)).toHaveLength(2);
    expect(await countOf(userPk(me))).toBe(2);
  });

  it('makes one next occurrence when completions race', async () => {
    const me = newUser();
    const task = await createTask(env, me, DAILY_PARIS);
    const answers = await Promise.all(Array.from({ length: 8 }, () => complete(me, task.task_id)));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    const tasks = await listAll(me);
    expect(tasks).toHaveLength(2);
    expect(tasks.filter((t) => t.status === 'pending')).toHaveLength(1);
    expect(await countOf(userPk(me))).toBe(2);
  });

  it('at the cap answers 409 and leaves the task open', async () => {
    const me = newUser();
    const store = new TaskStore(env.doc, {
      tableName: env.tableName,
      shards: 10,
      maxTasksPerUser: 1,
    });
    const task = await createTask(env, me, DAILY_PARIS);
    const res = await env.invoke(
      'updateTask',
      { sub: me, pathParameters: { taskId: task.task_id }, body: { status: 'completed' } },
      { store },
    );
    expect(res.status).toBe(409);
    expect(res.json.type).toMatch(/task-limit-reached$/);
    expect(await listAll(me)).toEqual([expect.objectContaining({ status: 'pending', version: 1 })]);
  });

  it('keeps a workspace task assigned, on the assignee agenda', async () => {
    const owner = newUser();
    const member = newUser();
    const workspaceId = await createWorkspace(env, owner);
    await addMember(env, workspaceId, owner, member);
    const taskId = await createWorkspaceTask(env, workspaceId, owner, {
      title: 'Weekly report',
      assignee: member,
      due: { date: '2026-01-30', time: '17:00', time_zone: 'America/New_York' },
      recurrence: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=FR',
    });

    const done = await env.invoke('updateWorkspaceTask', {
      sub: member,
      pathParameters: { workspaceId, taskId },
      body: { status: 'completed' },
    });

    expect(done.status).toBe(200);
    const listed = await env.invoke('listWorkspaceTasks', {
      sub: owner,
      pathParameters: { workspaceId },
      query: { status: 'pending' },
    });
    expect(listed.json.tasks).toEqual([
      expect.objectContaining({
        title: 'Weekly report',
        assignee: member,
        created_by: owner,
        due: { date: '2026-02-13', time: '17:00', time_zone: 'America/New_York' },
      }),
    ]);
    expect(await countOf(workspacePk(workspaceId))).toBe(2);
    const agenda = await env.invoke('listMyAgenda', {
      sub: member,
      query: { from: '2026-02-01T00:00:00Z', to: '2026-03-01T00:00:00Z' },
    });
    expect(agenda.json.tasks.map((t: { due: unknown }) => t.due)).toContainEqual({
      date: '2026-02-13',
      time: '17:00',
      time_zone: 'America/New_York',
    });
  });
});
