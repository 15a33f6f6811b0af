/** Cold-start floor for listMyAssignedTasks: the Query of GSI1, then one BatchGetItem. */
import { productionConfig } from '../../../src/config/index.js';
import { createDocumentClient } from '../../../src/data/client.js';
import { type FloorHandler, reply, subOf } from './event.js';
import { listMyAssignedTasks } from './workspaceCalls.js';

const db = createDocumentClient(productionConfig().dynamo);
const { tableName } = productionConfig().data;

export const handler: FloorHandler = async (event) =>
  reply(200, await listMyAssignedTasks(db, tableName, subOf(event)));
