/** Cold-start floor for updateWorkspaceTask: the membership check, then the UpdateItem. */
import { productionConfig } from '../../../src/config/index.js';
import { createDocumentClient } from '../../../src/data/client.js';
import { type FloorHandler, reply, subOf, taskIdOf, workspaceIdOf } from './event.js';
import { updateWorkspaceTaskStatus } from './workspaceCalls.js';

const db = createDocumentClient(productionConfig().dynamo);
const { tableName } = productionConfig().data;

export const handler: FloorHandler = async (event) => {
  const { status } = JSON.parse(event.body ?? '{}') as { status: string };
  const { Attributes } = await updateWorkspaceTaskStatus(db, tableName, {
    workspaceId: workspaceIdOf(event),
    sub: subOf(event),
    taskId: taskIdOf(event),
    status,
    at: new Date().toISOString(),
  });
  return reply(200, Attributes);
};
