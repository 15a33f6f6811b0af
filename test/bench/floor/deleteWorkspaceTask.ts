/** Cold-start floor for deleteWorkspaceTask: the membership check, then the DeleteItem. */
import { productionConfig } from '../../../src/config/index.js';
import { createDocumentClient } from '../../../src/data/client.js';
import { type FloorHandler, reply, subOf, taskIdOf, workspaceIdOf } from './event.js';
import { deleteWorkspaceTask } from './workspaceCalls.js';

const db = createDocumentClient(productionConfig().dynamo);
const { tableName } = productionConfig().data;

export const handler: FloorHandler = async (event) => {
  await deleteWorkspaceTask(db, tableName, workspaceIdOf(event), subOf(event), taskIdOf(event));
  return reply(204, undefined);
};
