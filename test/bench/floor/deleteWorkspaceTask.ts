/** Cold-start floor for deleteWorkspaceTask: the membership check, then the DeleteItem. */
import { createDocumentClient, dataConfig } from '../../../src/data/client.js';
import { type FloorHandler, reply, subOf, taskIdOf, workspaceIdOf } from './event.js';
import { deleteWorkspaceTask } from './workspaceCalls.js';

const db = createDocumentClient();
const { tableName } = dataConfig();

export const handler: FloorHandler = async (event) => {
  await deleteWorkspaceTask(db, tableName, workspaceIdOf(event), subOf(event), taskIdOf(event));
  return reply(204, undefined);
};
