/** Cold-start floor for listMyAgenda: the same DynamoDB requests as the handler, from a bare DocumentClient (workspaceCalls.ts). */

import { floorHandler } from './event.js';
import { listMyAgenda } from './workspaceCalls.js';

export const handler = floorHandler(200, listMyAgenda);
