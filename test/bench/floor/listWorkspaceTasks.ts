/** Cold-start floor for listWorkspaceTasks: the same DynamoDB requests as the handler, from a bare DocumentClient (workspaceCalls.ts). */
import { floorHandler } from './event.js';
import { listWorkspaceTasks } from './workspaceCalls.js';

export const handler = floorHandler(200, listWorkspaceTasks);
