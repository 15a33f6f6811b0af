/** Cold-start floor for createWorkspaceTask: the membership check, then the conditional PutItem. */
import { productionConfig } from '../../../src/config/index.js';
import { createDocumentClient } from '../../../src/data/client.js';
import { type FloorHandler, reply, subOf, workspaceIdOf } from './event.js';
import { createWorkspaceTask, workspaceTaskItem } from './workspaceCalls.js';

const db = createDocumentClient(productionConfig().dynamo);
const { tableName } = productionConfig().data;

export const handler: FloorHandler = async (event) => {
  const input = JSON.parse(event.body ?? '{}') as { title: string; description: string };
  const item = workspaceTaskItem({
    workspaceId: workspaceIdOf(event),
    taskId: event.requestContext.requestId,
    sub: subOf(event),
    title: input.title,
    description: input.description,
    at: new Date().toISOString(),
  });
  await createWorkspaceTask(db, tableName, item);
  return reply(201, item);
};
