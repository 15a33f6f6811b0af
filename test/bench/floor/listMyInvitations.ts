/** Cold-start floor for listMyInvitations: the same DynamoDB requests as the handler, from a bare DocumentClient (memberCalls.ts). */
import { floorHandler } from './event.js';
import { listMyInvitations } from './memberCalls.js';

export const handler = floorHandler(200, listMyInvitations);
