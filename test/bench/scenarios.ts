/**
 * One bench over every operation: the operations come from the spec (src/openapi.ts), listed
 * once, and each one's scenario is data: what it acts on (seeded through the repository), what
 * its request carries besides the path, the status it answers with, and its floor, the same
 * DynamoDB calls from a bare client (test/bench/floor/).
 */
import type { TaskStore } from '../../src/data/tasks.js';
import { loadSpec, operations } from '../../src/openapi.js';
import { DESCRIPTION, type OperationId, type RequestParts, type Target, TITLE } from './event.js';
import * as tasks from './floor/calls.js';
import type { Floor } from './floor/event.js';
import * as members from './floor/memberCalls.js';
import * as planning from './floor/planning.js';
import * as spaces from './floor/workspaceCalls.js';
import * as seed from './seed.js';

export interface Scenario {
  /** The status the operation answers with when it works. */
  success: number;
  /** Checked against TARGETS (issue 6's operations); the others are reported without a verdict. */
  targeted?: true;
  /** Seeds what `count` calls act on, for a caller of its own; one target per call. */
  seed(store: TaskStore, count: number): Promise<Target[]>;
  request?(target: Target): RequestParts;
  floor: Floor;
}

/** Tasks in a listed container: more than a page (50). */
const LISTED = 60;
/** The caller's assigned tasks are in 3 workspaces, 20 in each: a page spans all three. */
const ASSIGNED_WORKSPACES = 3;
const ASSIGNED_PER_WORKSPACE = 20;
/** The caller's agenda: 30 own tasks and 10 assigned in each of 3 workspaces, all due soon. */
const AGENDA_OWN = 30;
const AGENDA_ASSIGNED = 10;

const newTaskBody = ({ n }: Target, fields: object = {}): RequestParts => ({
  body: { title: `${TITLE} #${n}`, description: DESCRIPTION, ...fields },
});
const toInProgress = (): RequestParts => ({ body: { status: 'in_progress' } });
/** Every planning field set: a due a week ahead that recurs, a priority and two labels. */
const plan = () => ({
  ...seed.dueInDays(7),
  priority: 'high',
  labels: ['billing', 'Q4'],
  recurrence: 'FREQ=WEEKLY;BYDAY=MO',
});

export const SCENARIOS: Record<OperationId, Scenario> = {
  createTask: {
    success: 201,
    targeted: true,
    seed: async (_, count) => seed.same(count, { sub: seed.newCaller('createTask').sub }),
    request: newTaskBody,
    floor: tasks.createTask,
  },
  listTasks: {
    success: 200,
    targeted: true,
    seed: async (store, count) => {
      const { sub } = seed.newCaller('listTasks');
      await seed.personalTasks(store, sub, LISTED);
      return seed.same(count, { sub });
    },
    floor: tasks.listTasks,
  },
  getTask: {
    success: 200,
    targeted: true,
    seed: async (store, count) => {
      const { sub } = seed.newCaller('getTask');
      const [taskId] = await seed.personalTasks(store, sub, 1);
      return seed.same(count, { sub, taskId });
    },
    floor: tasks.getTask,
  },
  updateTask: {
    success: 200,
    targeted: true,
    seed: async (store, count) => {
      const { sub } = seed.newCaller('updateTask');
      const [taskId] = await seed.personalTasks(store, sub, 1);
      return seed.same(count, { sub, taskId });
    },
    request: toInProgress,
    floor: tasks.updateTask,
  },
  deleteTask: {
    success: 204,
    targeted: true,
    seed: async (store, count) => {
      const { sub } = seed.newCaller('deleteTask');
      const ids = await seed.personalTasks(store, sub, count);
      return seed.times(count, (n) => ({ sub, n, taskId: ids[n] }));
    },
    floor: tasks.deleteTask,
  },
  listTasksByStatus: {
    success: 200,
    targeted: true,
    // The status index holds every user's tasks: what the other scenarios made.
    seed: async (_, count) => seed.same(count, { sub: seed.newCaller('admin').sub }),
    request: () => ({ groups: ['admins'], query: { status: 'pending' } }),
    floor: tasks.listTasksByStatus,
  },
  listWorkspaces: {
    success: 200,
    seed: async (store, count) => {
      const caller = seed.newCaller('listWorkspaces');
      await seed.workspaces(store, caller, ASSIGNED_WORKSPACES + 1);
      return seed.same(count, { sub: caller.sub });
    },
    floor: spaces.listWorkspaces,
  },
  createWorkspace: {
    success: 201,
    seed: async (_, count) => seed.same(count, { sub: seed.newCaller('createWorkspace').sub }),
    request: ({ n }) => ({ body: { name: `Billing team #${n}` } }),
    floor: spaces.createWorkspace,
  },
  getWorkspace: {
    success: 200,
    seed: seed.inWorkspace('getWorkspace', async (_, owner, workspaceId, count) =>
      seed.same(count, { sub: owner.sub, workspaceId }),
    ),
    floor: spaces.getWorkspace,
  },
  renameWorkspace: {
    success: 200,
    seed: seed.inWorkspace('renameWorkspace', async (_, owner, workspaceId, count) =>
      seed.same(count, { sub: owner.sub, workspaceId }),
    ),
    request: ({ n }) => ({ body: { name: `Billing team, renamed #${n}` } }),
    floor: spaces.renameWorkspace,
  },
  deleteWorkspace: {
    success: 204,
    seed: async (store, count) => {
      const owner = seed.newCaller('deleteWorkspace');
      const ids = await seed.workspaces(store, owner, count);
      return seed.times(count, (n) => ({ sub: owner.sub, n, workspaceId: ids[n] }));
    },
    floor: spaces.deleteWorkspace,
  },
  listMembers: {
    success: 200,
    seed: seed.inWorkspace('listMembers', async (store, owner, workspaceId, count) => {
      await seed.members(store, owner, workspaceId, 3);
      await seed.invitations(store, owner, workspaceId, 3);
      return seed.same(count, { sub: owner.sub, workspaceId });
    }),
    floor: members.listMembers,
  },
  inviteMember: {
    success: 201,
    seed: seed.inWorkspace('inviteMember', async (_, owner, workspaceId, count) =>
      seed.times(count, (n) => ({
        sub: owner.sub,
        n,
        workspaceId,
        email: seed.newCaller('invitee').email,
      })),
    ),
    request: ({ email }) => ({ body: { email, role: 'member' } }),
    floor: members.inviteMember,
  },
  updateMember: {
    success: 200,
    seed: seed.inWorkspace('updateMember', async (store, owner, workspaceId, count) => {
      const [member] = await seed.members(store, owner, workspaceId, 1);
      return seed.same(count, { sub: owner.sub, workspaceId, userId: member?.sub });
    }),
    // Back and forth, so every call changes the role.
    request: ({ n }) => ({ body: { role: n % 2 === 0 ? 'admin' : 'member' } }),
    floor: members.updateMember,
  },
  removeMember: {
    success: 204,
    seed: seed.inWorkspace('removeMember', async (store, owner, workspaceId, count) => {
      const gone = await seed.members(store, owner, workspaceId, count);
      return seed.times(count, (n) => ({ sub: owner.sub, n, workspaceId, userId: gone[n]?.sub }));
    }),
    floor: members.removeMember,
  },
  revokeInvitation: {
    success: 204,
    seed: seed.inWorkspace('revokeInvitation', async (store, owner, workspaceId, count) => {
      const invited = await seed.invitations(store, owner, workspaceId, count);
      return seed.times(count, (n) => ({
        sub: owner.sub,
        n,
        workspaceId,
        email: invited[n]?.email,
      }));
    }),
    floor: members.revokeInvitation,
  },
  leaveWorkspace: {
    success: 204,
    seed: seed.inWorkspace('leaveWorkspace', async (store, owner, workspaceId, count) => {
      const leaving = await seed.members(store, owner, workspaceId, count);
      return seed.times(count, (n) => ({ sub: String(leaving[n]?.sub), n, workspaceId }));
    }),
    floor: members.leaveWorkspace,
  },
  listWorkspaceTasks: {
    success: 200,
    seed: seed.inWorkspace('listWorkspaceTasks', async (store, owner, workspaceId, count) => {
      await seed.workspaceTasks(store, owner, workspaceId, LISTED);
      return seed.same(count, { sub: owner.sub, workspaceId });
    }),
    floor: spaces.listWorkspaceTasks,
  },
  createWorkspaceTask: {
    success: 201,
    seed: seed.inWorkspace('createWorkspaceTask', async (_, owner, workspaceId, count) =>
      seed.same(count, { sub: owner.sub, workspaceId }),
    ),
    request: newTaskBody,
    floor: spaces.createWorkspaceTask,
  },
  getWorkspaceTask: {
    success: 200,
    seed: seed.inWorkspace('getWorkspaceTask', async (store, owner, workspaceId, count) => {
      const [taskId] = await seed.workspaceTasks(store, owner, workspaceId, 1);
      return seed.same(count, { sub: owner.sub, workspaceId, taskId });
    }),
    floor: spaces.getWorkspaceTask,
  },
  updateWorkspaceTask: {
    success: 200,
    seed: seed.inWorkspace('updateWorkspaceTask', async (store, owner, workspaceId, count) => {
      const [taskId] = await seed.workspaceTasks(store, owner, workspaceId, 1);
      return seed.same(count, { sub: owner.sub, workspaceId, taskId });
    }),
    request: toInProgress,
    floor: spaces.updateWorkspaceTask,
  },
  deleteWorkspaceTask: {
    success: 204,
    seed: seed.inWorkspace('deleteWorkspaceTask', async (store, owner, workspaceId, count) => {
      const ids = await seed.workspaceTasks(store, owner, workspaceId, count);
      return seed.times(count, (n) => ({ sub: owner.sub, n, workspaceId, taskId: ids[n] }));
    }),
    floor: spaces.deleteWorkspaceTask,
  },
  listMyAssignedTasks: {
    success: 200,
    seed: async (store, count) => {
      const caller = seed.newCaller('listMyAssignedTasks');
      await seed.workspace(store, caller);
      for (const id of await seed.workspaces(store, caller, ASSIGNED_WORKSPACES)) {
        await seed.workspaceTasks(store, caller, id, ASSIGNED_PER_WORKSPACE, caller.sub);
      }
      return seed.same(count, { sub: caller.sub });
    },
    floor: spaces.listMyAssignedTasks,
  },
  listMyAgenda: {
    success: 200,
    seed: async (store, count) => {
      const caller = seed.newCaller('listMyAgenda');
      await seed.personalTasks(store, caller.sub, AGENDA_OWN, seed.dueInDays);
      for (const id of await seed.workspaces(store, caller, ASSIGNED_WORKSPACES)) {
        await seed.workspaceTasks(store, caller, id, AGENDA_ASSIGNED, caller.sub, seed.dueInDays);
      }
      return seed.same(count, { sub: caller.sub });
    },
    request: () => ({ query: seed.agendaWindow() }),
    floor: spaces.listMyAgenda,
  },
  listMyInvitations: {
    success: 200,
    seed: async (store, count) => {
      const caller = seed.newCaller('listMyInvitations');
      const owner = seed.newCaller('inviter');
      for (const id of await seed.workspaces(store, owner, ASSIGNED_WORKSPACES + 1)) {
        await store.members.invite(owner, id, { email: caller.email });
      }
      return seed.same(count, { sub: caller.sub });
    },
    floor: members.listMyInvitations,
  },
  acceptInvitation: {
    success: 200,
    seed: seed.eachInvitee('acceptInvitation'),
    floor: members.acceptInvitation,
  },
  declineInvitation: {
    success: 204,
    seed: seed.eachInvitee('declineInvitation'),
    floor: members.declineInvitation,
  },
};

/** Every operation of the spec, in spec order: the bench's one list. */
export const OPERATIONS = operations(loadSpec()).map((op) => op.operationId as OperationId);

/** Another way to call an operation, measured as a row of its own after the operation's. */
export interface Variant extends Scenario {
  operationId: OperationId;
}

/** The variants, each named as its row reads: the operation, then what differs. */
export const VARIANTS: Record<string, Variant> = {
  'listTasks?sort=due': {
    operationId: 'listTasks',
    success: 200,
    seed: async (store, count) => {
      const { sub } = seed.newCaller('listTasksByDue');
      await seed.personalTasks(store, sub, LISTED, seed.dueInDays);
      return seed.same(count, { sub });
    },
    request: () => ({ query: { sort: 'due' } }),
    floor: planning.listTasksByDue,
  },
  'createTask + due, priority, labels, recurrence': {
    operationId: 'createTask',
    success: 201,
    seed: async (_, count) => seed.same(count, { sub: seed.newCaller('createPlanned').sub }),
    request: (target) => newTaskBody(target, plan()),
    floor: tasks.createTask,
  },
  'updateTask + due, priority, labels, recurrence': {
    operationId: 'updateTask',
    success: 200,
    seed: async (store, count) => {
      const { sub } = seed.newCaller('updatePlanned');
      const [taskId] = await seed.personalTasks(store, sub, 1);
      return seed.same(count, { sub, taskId });
    },
    request: () => ({ body: plan() }),
    floor: planning.updateTaskPlan,
  },
};

/** One row of the bench: an operation's own scenario, or one of its variants. */
export interface Row {
  name: string;
  operationId: OperationId;
  scenario: Scenario;
}

/** Every operation in spec order, each followed by its variants. */
export const ROWS: Row[] = OPERATIONS.flatMap((operationId) => [
  { name: operationId, operationId, scenario: SCENARIOS[operationId] },
  ...Object.entries(VARIANTS)
    .filter(([, variant]) => variant.operationId === operationId)
    .map(([name, scenario]) => ({ name, operationId, scenario })),
]);

export const isTargeted = (id: string) => SCENARIOS[id as OperationId]?.targeted === true;
