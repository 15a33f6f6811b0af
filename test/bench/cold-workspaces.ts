/**
 * What each cold start of a workspace operation acts on, seeded through the repository: a
 * workspace with the caller as its owner, and the tasks the operation reads or changes. A fresh
 * caller per operation, so no operation sees another's items.
 */

import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { TaskStore } from '../../src/data/tasks.js';
import { newWorkspaceTask } from '../../src/tasks/task.js';
import type { Scenario } from './cold.js';
import {
  type BenchOperationId,
  benchEvent,
  DESCRIPTION,
  TITLE,
  WORKSPACE_NAME,
} from './scenarios.js';

/** As in the warm run: the caller's tasks are assigned in 3 workspaces, 20 in each. */
const ASSIGNED_WORKSPACES = 3;
const ASSIGNED_PER_WORKSPACE = 20;
/** More than a page (50), as the personal listing's scenario. */
const LISTED_TASKS = 60;

export const workspaceScenario =
  (store: TaskStore): Scenario =>
  async (operationId: BenchOperationId, spawns: number) => {
    const sub = `cold-${operationId}-${crypto.randomUUID()}`;
    // The handler's caller has an e-mail claim of `<sub>@example.com` (test/support/events.ts).
    const actor = { sub, email: `${sub}@example.com` };
    const workspaces = store.workspaces;
    const newWorkspace = async (name = WORKSPACE_NAME) =>
      (await workspaces.create(actor, { name })).workspace.workspace_id;
    const newTask = async (workspaceId: string, assignee?: string) =>
      (
        await store.create(
          store.workspace(workspaceId),
          newWorkspaceTask(workspaceId, actor.sub, {
            title: TITLE,
            description: DESCRIPTION,
            ...(assignee ? { assignee } : {}),
          }),
        )
      ).task.task_id;

    let workspaceId: string | undefined;
    let one: string | undefined;
    const fresh: string[] = [];
    switch (operationId) {
      case 'createWorkspace':
        break;
      case 'listWorkspaces':
      case 'listMyAssignedTasks':
        // The workspace the task operations use, and those the caller has tasks assigned in.
        await newWorkspace();
        for (let w = 0; w < ASSIGNED_WORKSPACES; w++) {
          const id = await newWorkspace(`${WORKSPACE_NAME} ${w}`);
          if (operationId === 'listWorkspaces') continue;
          for (let t = 0; t < ASSIGNED_PER_WORKSPACE; t++) await newTask(id, sub);
        }
        break;
      case 'createWorkspaceTask':
        workspaceId = await newWorkspace();
        break;
      case 'getWorkspaceTask':
      case 'updateWorkspaceTask':
        workspaceId = await newWorkspace();
        one = await newTask(workspaceId);
        break;
      case 'deleteWorkspaceTask':
        // A delete needs a task of its own per run.
        workspaceId = await newWorkspace();
        for (let i = 0; i < spawns; i++) fresh.push(await newTask(workspaceId));
        break;
      case 'listWorkspaceTasks':
        workspaceId = await newWorkspace();
        for (let i = 0; i < LISTED_TASKS; i++) await newTask(workspaceId);
        break;
      default:
        throw new Error(`no workspace scenario for ${operationId}`);
    }
    let n = 0;
    return (): APIGatewayProxyEvent => {
      n += 1;
      return benchEvent(operationId, { sub, n, workspaceId, taskId: one ?? fresh.pop() });
    };
  };
