/** Cold-start floor for createWorkspace: the same DynamoDB requests as the handler, from a bare DocumentClient (workspaceCalls.ts). */
import { floorHandler } from './event.js';
import { createWorkspace } from './workspaceCalls.js';

export const handler = floorHandler(201, createWorkspace);
