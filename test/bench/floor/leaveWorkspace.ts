/** Cold-start floor for leaveWorkspace: the same DynamoDB requests as the handler, from a bare DocumentClient (memberCalls.ts). */
import { floorHandler } from './event.js';
import { leaveWorkspace } from './memberCalls.js';

export const handler = floorHandler(204, leaveWorkspace);
