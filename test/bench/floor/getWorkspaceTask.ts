/** Cold-start floor for getWorkspaceTask: the membership check and the task, one BatchGetItem. */
import { productionConfig } from '../../../src/config/index.js';
import { createDocumentClient } from '../../../src/data/client.js';
import { type FloorHandler, reply, subOf, taskIdOf, workspaceIdOf } from './event.js';
import { getWorkspaceTask } from './workspaceCalls.js';

const db = createDocumentClient(productionConfig().dynamo);
const { tableName } = productionConfig().data;

export const handler: FloorHandler = async (event) => {
  const ids = [workspaceIdOf(event), subOf(event), taskIdOf(event)] as const;
  const task = await getWorkspaceTask(db, tableName, ...ids);
  return reply(task ? 200 : 404, task);
};
