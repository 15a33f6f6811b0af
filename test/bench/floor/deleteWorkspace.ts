/** Cold-start floor for deleteWorkspace: the same DynamoDB requests as the handler, from a bare DocumentClient (workspaceCalls.ts). */
import { floorHandler } from './event.js';
import { deleteWorkspace } from './workspaceCalls.js';

export const handler = floorHandler(204, deleteWorkspace);
