/** Cold-start floor for getWorkspace: the same DynamoDB requests as the handler, from a bare DocumentClient (workspaceCalls.ts). */
import { floorHandler } from './event.js';
import { getWorkspace } from './workspaceCalls.js';

export const handler = floorHandler(200, getWorkspace);
