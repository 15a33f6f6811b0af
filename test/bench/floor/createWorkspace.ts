/** Cold-start floor for createWorkspace: a DocumentClient and the same TransactWriteItems. */
import { productionConfig } from '../../../src/config/index.js';
import { createDocumentClient } from '../../../src/data/client.js';
import { emailOf, type FloorHandler, reply, subOf } from './event.js';
import { createWorkspace, workspaceItems } from './workspaceCalls.js';

const db = createDocumentClient(productionConfig().dynamo);
const { tableName } = productionConfig().data;

export const handler: FloorHandler = async (event) => {
  const { name } = JSON.parse(event.body ?? '{}') as { name: string };
  const caller = { sub: subOf(event), email: emailOf(event) };
  const items = workspaceItems(
    caller,
    event.requestContext.requestId,
    name,
    new Date().toISOString(),
  );
  await createWorkspace(db, tableName, items);
  return reply(201, items[0]);
};
