/** Cold-start floor for getTask: the same DynamoDB requests as the handler, from a bare DocumentClient (calls.ts). */

import { getTask } from './calls.js';
import { floorHandler } from './event.js';

export const handler = floorHandler(200, getTask);
