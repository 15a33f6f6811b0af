/** Cold-start floor for listTasksByStatus: the same DynamoDB requests as the handler, from a bare DocumentClient (calls.ts). */

import { listTasksByStatus } from './calls.js';
import { floorHandler } from './event.js';

export const handler = floorHandler(200, listTasksByStatus);
