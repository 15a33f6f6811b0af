/** Cold-start floor for updateTask: the same DynamoDB requests as the handler, from a bare DocumentClient (calls.ts). */

import { updateTask } from './calls.js';
import { floorHandler } from './event.js';

export const handler = floorHandler(200, updateTask);
