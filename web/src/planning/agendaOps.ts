/** The calls on an agenda task (GET /me/agenda): its own container's, answered as agenda tasks. */
import type { AgendaTask, TaskApiClient, TaskApiResult, TaskUpdate } from '@task-api/sdk';
import { personalTasks, type TaskOps, workspaceTaskOps } from '../tasks/container.js';

/** Fourteen days ahead of `now`, as the agenda's window (the overdue come with it). */
export function agendaWindow(now: Date, days = 14): { from: string; to: string } {
  const to = new Date(now.getTime() + days * 24 * 60 * 60 * 1000);
  return { from: now.toISOString(), to: to.toISOString() };
}

function asAgenda<T extends object>(
  result: TaskApiResult<T>,
  workspace_id: string | null,
): TaskApiResult<AgendaTask> {
  if (result.error) return result;
  return { ...result, data: { ...(result.data as unknown as AgendaTask), workspace_id } };
}

/** Own tasks (`workspace_id` null) go to /tasks, the others to their workspace's. */
export function agendaTaskOps(
  api: TaskApiClient,
  workspaceId: string | null,
): TaskOps<AgendaTask, TaskUpdate> {
  if (workspaceId === null) {
    const own = personalTasks(api).ops;
    return {
      updateOperation: own.updateOperation,
      update: async (task, body, ifMatch) => asAgenda(await own.update(task, body, ifMatch), null),
      get: async (task) => asAgenda(await own.get(task), null),
      remove: (task, ifMatch) => own.remove(task, ifMatch),
    };
  }
  const shared = workspaceTaskOps(api);
  // The workspace calls read only the ids.
  const inWorkspace = (task: AgendaTask) => ({
    ...task,
    workspace_id: workspaceId,
    assignee: null,
    created_by: '',
  });
  return {
    updateOperation: shared.updateOperation,
    update: async (task, body, ifMatch) =>
      asAgenda(await shared.update(inWorkspace(task), body, ifMatch), workspaceId),
    get: async (task) => asAgenda(await shared.get(inWorkspace(task)), workspaceId),
    remove: (task, ifMatch) => shared.remove(inWorkspace(task), ifMatch),
  };
}
