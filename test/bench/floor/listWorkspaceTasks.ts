/** Cold-start floor for listWorkspaceTasks: the membership check and the Query, in parallel. */
import { productionConfig } from '../../../src/config/index.js';
import { createDocumentClient } from '../../../src/data/client.js';
import { type FloorHandler, reply, subOf, workspaceIdOf } from './event.js';
import { listWorkspaceTasks } from './workspaceCalls.js';

const db = createDocumentClient(productionConfig().dynamo);
const { tableName } = productionConfig().data;

export const handler: FloorHandler = async (event) =>
  reply(200, await listWorkspaceTasks(db, tableName, workspaceIdOf(event), subOf(event)));
