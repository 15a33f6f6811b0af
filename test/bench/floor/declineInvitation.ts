/** Cold-start floor for declineInvitation: the same DynamoDB requests as the handler, from a bare DocumentClient (memberCalls.ts). */
import { floorHandler } from './event.js';
import { declineInvitation } from './memberCalls.js';

export const handler = floorHandler(204, declineInvitation);
