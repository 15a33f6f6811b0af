/** Cold-start floor for revokeInvitation: the same DynamoDB requests as the handler, from a bare DocumentClient (memberCalls.ts). */
import { floorHandler } from './event.js';
import { revokeInvitation } from './memberCalls.js';

export const handler = floorHandler(204, revokeInvitation);
