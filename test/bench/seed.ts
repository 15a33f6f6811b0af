/**
 * What the scenarios act on, seeded through the repository (src/data/tasks.ts) as the API would
 * write it. Every scenario seeds its own callers, so no operation sees another's items.
 */
import type { Actor } from '../../src/data/access.js';
import type { TaskStore } from '../../src/data/tasks.js';
import { type Due, newTask, newWorkspaceTask } from '../../src/tasks/task.js';
import type { WorkspaceRole } from '../../src/workspaces/policy.js';
import { DESCRIPTION, type Target, TITLE, WORKSPACE_NAME } from './event.js';

/** A fresh caller, with the e-mail claim the event factory gives it (test/support/events.ts). */
export type Caller = Actor & { email: string };

export function newCaller(label: string): Caller {
  const sub = `bench-${label.toLowerCase()}-${crypto.randomUUID()}`;
  return { sub, email: `${sub}@example.com` };
}

/** `count` targets, the n-th from `target(n)`. */
export const times = (count: number, target: (n: number) => Target): Target[] =>
  Array.from({ length: count }, (_, n) => target(n));

async function repeat<T>(count: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const made: T[] = [];
  for (let i = 0; i < count; i++) made.push(await make(i));
  return made;
}

/** Extra fields of the i-th seeded task. */
type Fields = (i: number) => { due?: Due };

/** The i-th task due i days from now, at 09:30 in Paris. */
export const dueInDays: Fields = (i) => {
  const day = new Date(Date.now() + i * 86_400_000).toISOString().slice(0, 10);
  return { due: { date: day, time: '09:30', time_zone: 'Europe/Paris' } };
};

/** The agenda's next two weeks (from now: seeded tasks are due from today on). */
export const agendaWindow = () => ({
  from: new Date().toISOString(),
  to: new Date(Date.now() + 14 * 86_400_000).toISOString(),
});

export const personalTasks = (store: TaskStore, sub: string, count: number, fields?: Fields) =>
  repeat(count, async (i) => {
    const task = newTask(sub, { title: TITLE, description: DESCRIPTION, ...fields?.(i) });
    return (await store.create(store.personal(sub), task)).task.task_id;
  });

export const workspace = async (store: TaskStore, owner: Actor, name = WORKSPACE_NAME) =>
  (await store.workspaces.create(owner, { name })).workspace.workspace_id;

export const workspaces = (store: TaskStore, owner: Actor, count: number) =>
  repeat(count, (i) => workspace(store, owner, `${WORKSPACE_NAME} ${i}`));

export const workspaceTasks = (
  store: TaskStore,
  creator: Actor,
  workspaceId: string,
  count: number,
  assignee?: string,
  fields?: Fields,
) =>
  repeat(count, async (i) => {
    const input = {
      title: TITLE,
      description: DESCRIPTION,
      ...(assignee ? { assignee } : {}),
      ...fields?.(i),
    };
    const task = newWorkspaceTask(workspaceId, creator.sub, input);
    return (await store.create(store.workspace(workspaceId), task)).task.task_id;
  });

/** `count` invitations to the workspace, each to a new address (its caller's). */
export const invitations = (
  store: TaskStore,
  owner: Actor,
  workspaceId: string,
  count: number,
  role: WorkspaceRole = 'member',
) =>
  repeat(count, async () => {
    const invitee = newCaller('invitee');
    await store.members.invite(owner, workspaceId, { email: invitee.email, role });
    return invitee;
  });

/** `count` new members of the workspace (invited and accepted). */
export const members = async (
  store: TaskStore,
  owner: Actor,
  workspaceId: string,
  count: number,
) => {
  const invited = await invitations(store, owner, workspaceId, count);
  for (const invitee of invited) await store.members.accept(invitee, workspaceId);
  return invited;
};

/** Every call on the same target. */
export const same = (count: number, target: Omit<Target, 'n'>) =>
  times(count, (n) => ({ ...target, n }));

/** A workspace owned by a fresh caller, and `make`'s targets in it. */
export const inWorkspace =
  (
    label: string,
    make: (
      store: TaskStore,
      owner: Caller,
      workspaceId: string,
      count: number,
    ) => Promise<Target[]>,
  ) =>
  async (store: TaskStore, count: number) => {
    const owner = newCaller(label);
    return make(store, owner, await workspace(store, owner), count);
  };

/** Per call, a new caller invited to the workspace, acting on their invitation. */
export const eachInvitee = (label: string) =>
  inWorkspace(label, async (store, owner, workspaceId, count) => {
    const invited = await invitations(store, owner, workspaceId, count);
    return times(count, (n) => ({ sub: String(invited[n]?.sub), n, workspaceId }));
  });
