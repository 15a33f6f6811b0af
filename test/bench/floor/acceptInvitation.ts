/** Cold-start floor for acceptInvitation: the same DynamoDB requests as the handler, from a bare DocumentClient (memberCalls.ts). */
import { floorHandler } from './event.js';
import { acceptInvitation } from './memberCalls.js';

export const handler = floorHandler(200, acceptInvitation);
