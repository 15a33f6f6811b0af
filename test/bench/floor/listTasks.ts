/** Cold-start floor for listTasks: the same DynamoDB requests as the handler, from a bare DocumentClient (calls.ts). */

import { listTasks } from './calls.js';
import { floorHandler } from './event.js';

export const handler = floorHandler(200, listTasks);
