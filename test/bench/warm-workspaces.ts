/**
 * Warm invocations of the workspace operations, as warm.ts does for the personal ones: each
 * handler called in one process with real events, against a bare DocumentClient making the same
 * DynamoDB calls (test/bench/floor/workspaceCalls.ts) in alternating batches. The first call of
 * each side is also counted (a middleware on each client), so the table shows that the floor
 * makes the handler's requests.
 */

import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { TaskStore } from '../../src/data/tasks.js';
import { newTaskId, newWorkspaceTask } from '../../src/tasks/task.js';
import { lambdaContext } from '../support/events.js';
import * as floor from './floor/workspaceCalls.js';
import type { Handler, RequestCount } from './requests.js';
import {
  benchEvent,
  DESCRIPTION,
  SUCCESS,
  TITLE,
  WORKSPACE_NAME,
  WORKSPACE_OPERATIONS,
  type WorkspaceOperationId,
} from './scenarios.js';
import { type Call, measure, type WarmOptions, type WarmResult } from './warm.js';

export interface WorkspaceWarmOptions extends Omit<WarmOptions, 'handlers'> {
  handlers: Record<WorkspaceOperationId, Handler>;
  /** The handlers' own DocumentClient (src/data/store.ts), for the request count. */
  handlerClient: DynamoDBDocumentClient;
}

/** Workspaces the caller has tasks assigned in, and tasks in each: a page spans all of them. */
const ASSIGNED_WORKSPACES = 3;
const ASSIGNED_PER_WORKSPACE = 20;
const MIDDLEWARE = 'benchCountWorkspaceRequests';

/** Records the commands sent on either client while `on`. */
function commandCounter(clients: DynamoDBDocumentClient[]) {
  const counter = { on: false, commands: [] as string[] };
  for (const client of clients) {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        if (counter.on) counter.commands.push(String(context.commandName).replace(/Command$/, ''));
        return next(args);
      },
      { step: 'initialize', name: MIDDLEWARE },
    );
  }
  const remove = () => {
    for (const client of clients) client.middlewareStack.remove(MIDDLEWARE);
  };
  /** The call, with the commands of its first call (i = 0) kept in `into`. */
  const counted = (call: Call, into: { commands: string[] }): Call => {
    const wrapped: Call = async (i) => {
      if (i !== 0) return call(i);
      counter.commands = [];
      counter.on = true;
      try {
        return await call(i);
      } finally {
        counter.on = false;
        into.commands = counter.commands;
      }
    };
    wrapped.check = call.check;
    return wrapped;
  };
  return { counted, remove };
}

export async function workspaceWarmInvocations(
  options: WorkspaceWarmOptions,
): Promise<{ warm: WarmResult[]; requests: RequestCount[] }> {
  const { handlers, handlerClient, db, tableName, shards, calls, warmup } = options;
  const total = warmup + calls;
  const id = crypto.randomUUID();
  // The handlers' caller has an e-mail claim of `<sub>@example.com` (test/support/events.ts).
  const caller = { sub: `warm-ws-${id}`, email: `warm-ws-${id}@example.com` };
  // Another user creates the workspaces, so the caller's own list stays a few workspaces long.
  const creator = { sub: `warm-ws-creator-${id}`, email: `warm-ws-creator-${id}@example.com` };
  const context = lambdaContext();
  const now = () => new Date().toISOString();

  // Seeded with the repository: the workspace the task operations act on, and a few more with
  // tasks assigned to the caller.
  const tasks = new TaskStore(db, { tableName, shards });
  const store = tasks.workspaces;
  const { workspace_id: workspaceId } = (await store.create(caller, { name: WORKSPACE_NAME }))
    .workspace;
  for (let w = 0; w < ASSIGNED_WORKSPACES; w++) {
    const made = await store.create(caller, { name: `${WORKSPACE_NAME} ${w}` });
    for (let t = 0; t < ASSIGNED_PER_WORKSPACE; t++) {
      const id = made.workspace.workspace_id;
      await tasks.create(
        tasks.workspace(id),
        newWorkspaceTask(id, caller.sub, {
          title: `${TITLE} #${t}`,
          description: DESCRIPTION,
          assignee: caller.sub,
        }),
      );
    }
  }

  const handlerIds: string[] = [];
  const floorIds: string[] = [];
  const handlerCall = (operationId: WorkspaceOperationId, sub = caller.sub): Call => {
    const handler = handlers[operationId];
    const events = Array.from({ length: total }, (_, i) =>
      benchEvent(operationId, { sub, n: i, workspaceId, taskId: handlerIds[i] }),
    );
    const call: Call = (i) => handler(events[i] as APIGatewayProxyEvent, context);
    call.check = (i, answer) => {
      const result = answer as APIGatewayProxyResult;
      if (result.statusCode !== SUCCESS[operationId])
        throw new Error(`${operationId} answered ${result.statusCode}: ${result.body}`);
      if (operationId === 'createWorkspaceTask')
        handlerIds[i] = (JSON.parse(result.body) as { task_id: string }).task_id;
    };
    return call;
  };
  const sub = caller.sub;

  const cases: Record<WorkspaceOperationId, () => { handler: Call; floor: Call }> = {
    createWorkspace: () => {
      const items = Array.from({ length: total }, (_, i) =>
        floor.workspaceItems(creator, newTaskId(), `${WORKSPACE_NAME} #${i}`, now()),
      );
      return {
        handler: handlerCall('createWorkspace', creator.sub),
        floor: (i) => floor.createWorkspace(db, tableName, items[i] ?? []),
      };
    },
    listWorkspaces: () => ({
      handler: handlerCall('listWorkspaces'),
      floor: () => floor.listWorkspaces(db, tableName, sub),
    }),
    createWorkspaceTask: () => {
      const items = Array.from({ length: total }, (_, i) => {
        const taskId = newTaskId();
        floorIds.push(taskId);
        const title = `${TITLE} #${i}`;
        return floor.workspaceTaskItem({
          workspaceId,
          taskId,
          sub,
          title,
          description: DESCRIPTION,
          at: now(),
        });
      });
      return {
        handler: handlerCall('createWorkspaceTask'),
        floor: (i) => floor.createWorkspaceTask(db, tableName, items[i] as Record<string, unknown>),
      };
    },
    getWorkspaceTask: () => ({
      handler: handlerCall('getWorkspaceTask'),
      floor: (i) => floor.getWorkspaceTask(db, tableName, workspaceId, sub, handlerIds[i] ?? ''),
    }),
    listWorkspaceTasks: () => ({
      handler: handlerCall('listWorkspaceTasks'),
      floor: () => floor.listWorkspaceTasks(db, tableName, workspaceId, sub),
    }),
    listMyAssignedTasks: () => ({
      handler: handlerCall('listMyAssignedTasks'),
      floor: () => floor.listMyAssignedTasks(db, tableName, sub),
    }),
    updateWorkspaceTask: () => ({
      handler: handlerCall('updateWorkspaceTask'),
      floor: (i) =>
        floor.updateWorkspaceTaskStatus(db, tableName, {
          workspaceId,
          sub,
          taskId: floorIds[i] ?? '',
          status: 'in_progress',
          at: now(),
        }),
    }),
    deleteWorkspaceTask: () => ({
      handler: handlerCall('deleteWorkspaceTask'),
      floor: (i) => floor.deleteWorkspaceTask(db, tableName, workspaceId, sub, floorIds[i] ?? ''),
    }),
  };

  // Creates first (the tasks the others act on), the listings before the updates, deletes last.
  const order: WorkspaceOperationId[] = [
    'createWorkspace',
    'listWorkspaces',
    'createWorkspaceTask',
    'getWorkspaceTask',
    'listWorkspaceTasks',
    'listMyAssignedTasks',
    'updateWorkspaceTask',
    'deleteWorkspaceTask',
  ];
  if (order.length !== WORKSPACE_OPERATIONS.length) {
    throw new Error('workspace warm order misses an operation');
  }

  const { counted, remove } = commandCounter([handlerClient, db]);
  const warm: WarmResult[] = [];
  const requests: RequestCount[] = [];
  try {
    for (const operationId of order) {
      const sides = cases[operationId]();
      const h = { commands: [] as string[] };
      const f = { commands: [] as string[] };
      const result = await measure(
        operationId,
        counted(sides.handler, h),
        counted(sides.floor, f),
        options,
      );
      warm.push(result);
      requests.push({
        operation: operationId,
        commands: h.commands,
        count: h.commands.length,
        expected: f.commands.length,
        floorCommands: f.commands,
      });
    }
  } finally {
    remove();
  }
  // Reported in WORKSPACE_OPERATIONS' order, as the personal ones in OPERATIONS'.
  const rank = (id: string) => (WORKSPACE_OPERATIONS as readonly string[]).indexOf(id);
  warm.sort((a, b) => rank(a.operationId) - rank(b.operationId));
  requests.sort((a, b) => rank(a.operation) - rank(b.operation));
  return { warm, requests };
}
