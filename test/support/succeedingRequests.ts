/**
 * For each operation, a request that succeeds, on data of its own seeded through the source
 * handlers (test/support/handlers.ts), so the requests of all operations can be sent in any order
 * and at the same time.
 */
import type { RequestParts } from './gatewayEvent.js';
import type { HandlerEnv, OperationId } from './handlers.js';
import { createTask, newUser } from './tasks.js';
import { goodRequest, isWorkspaceOperation, workspaceScene } from './workspaces.js';

export async function succeedingRequest(
  env: HandlerEnv,
  operationId: OperationId,
): Promise<RequestParts> {
  if (isWorkspaceOperation(operationId)) return goodRequest(operationId, await workspaceScene(env));
  const sub = newUser();
  const { task_id: taskId } = await createTask(env, sub);
  const requests: Record<typeof operationId, RequestParts> = {
    createTask: { sub, body: { title: 'Sent to the built bundle' } },
    listTasks: { sub },
    getTask: { sub, pathParameters: { taskId } },
    updateTask: { sub, pathParameters: { taskId }, body: { status: 'completed' } },
    deleteTask: { sub, pathParameters: { taskId } },
    listTasksByStatus: { sub: newUser(), groups: ['admins'], query: { status: 'pending' } },
    listMyAgenda: { sub, query: { from: '2026-12-01T00:00:00Z', to: '2026-12-15T00:00:00Z' } },
  };
  return requests[operationId];
}
