/** Cold-start floor for inviteMember: the same DynamoDB requests as the handler, from a bare DocumentClient (memberCalls.ts). */
import { floorHandler } from './event.js';
import { inviteMember } from './memberCalls.js';

export const handler = floorHandler(201, inviteMember);
