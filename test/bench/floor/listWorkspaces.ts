/** Cold-start floor for listWorkspaces: the same Query of the memberships and BatchGetItem. */
import { productionConfig } from '../../../src/config/index.js';
import { createDocumentClient } from '../../../src/data/client.js';
import { type FloorHandler, reply, subOf } from './event.js';
import { listWorkspaces } from './workspaceCalls.js';

const db = createDocumentClient(productionConfig().dynamo);
const { tableName } = productionConfig().data;

export const handler: FloorHandler = async (event) =>
  reply(200, await listWorkspaces(db, tableName, subOf(event)));
