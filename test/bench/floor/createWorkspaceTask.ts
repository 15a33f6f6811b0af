/** Cold-start floor for createWorkspaceTask: the same DynamoDB requests as the handler, from a bare DocumentClient (workspaceCalls.ts). */
import { floorHandler } from './event.js';
import { createWorkspaceTask } from './workspaceCalls.js';

export const handler = floorHandler(201, createWorkspaceTask);
