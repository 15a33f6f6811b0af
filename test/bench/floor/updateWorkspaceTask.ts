/** Cold-start floor for updateWorkspaceTask: the same DynamoDB requests as the handler, from a bare DocumentClient (workspaceCalls.ts). */
import { floorHandler } from './event.js';
import { updateWorkspaceTask } from './workspaceCalls.js';

export const handler = floorHandler(200, updateWorkspaceTask);
