/** Cold-start floor for listMembers: the same DynamoDB requests as the handler, from a bare DocumentClient (memberCalls.ts). */
import { floorHandler } from './event.js';
import { listMembers } from './memberCalls.js';

export const handler = floorHandler(200, listMembers);
