/** Cold-start floor for updateMember: the same DynamoDB requests as the handler, from a bare DocumentClient (memberCalls.ts). */
import { floorHandler } from './event.js';
import { updateMember } from './memberCalls.js';

export const handler = floorHandler(200, updateMember);
