/** Cold-start floor for listMyAssignedTasks: the same DynamoDB requests as the handler, from a bare DocumentClient (workspaceCalls.ts). */
import { floorHandler } from './event.js';
import { listMyAssignedTasks } from './workspaceCalls.js';

export const handler = floorHandler(200, listMyAssignedTasks);
