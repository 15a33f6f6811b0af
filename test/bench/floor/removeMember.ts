/** Cold-start floor for removeMember: the same DynamoDB requests as the handler, from a bare DocumentClient (memberCalls.ts). */
import { floorHandler } from './event.js';
import { removeMember } from './memberCalls.js';

export const handler = floorHandler(204, removeMember);
