/** Cold-start floor for listWorkspaces: the same DynamoDB requests as the handler, from a bare DocumentClient (workspaceCalls.ts). */
import { floorHandler } from './event.js';
import { listWorkspaces } from './workspaceCalls.js';

export const handler = floorHandler(200, listWorkspaces);
