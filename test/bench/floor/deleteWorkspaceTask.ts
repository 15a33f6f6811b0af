/** Cold-start floor for deleteWorkspaceTask: the same DynamoDB requests as the handler, from a bare DocumentClient (workspaceCalls.ts). */
import { floorHandler } from './event.js';
import { deleteWorkspaceTask } from './workspaceCalls.js';

export const handler = floorHandler(204, deleteWorkspaceTask);
