/** Cold-start floor for getWorkspaceTask: the same DynamoDB requests as the handler, from a bare DocumentClient (workspaceCalls.ts). */
import { floorHandler } from './event.js';
import { getWorkspaceTask } from './workspaceCalls.js';

export const handler = floorHandler(200, getWorkspaceTask);
