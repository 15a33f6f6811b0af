/** Cold-start floor for listWorkspaces: the same Query of the memberships and BatchGetItem. */
import { createDocumentClient, dataConfig } from '../../../src/data/client.js';
import { type FloorHandler, reply, subOf } from './event.js';
import { listWorkspaces } from './workspaceCalls.js';

const db = createDocumentClient();
const { tableName } = dataConfig();

export const handler: FloorHandler = async (event) =>
  reply(200, await listWorkspaces(db, tableName, subOf(event)));
