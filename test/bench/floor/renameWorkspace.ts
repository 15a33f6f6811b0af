/** Cold-start floor for renameWorkspace: the same DynamoDB requests as the handler, from a bare DocumentClient (workspaceCalls.ts). */
import { floorHandler } from './event.js';
import { renameWorkspace } from './workspaceCalls.js';

export const handler = floorHandler(200, renameWorkspace);
