/** Cold-start floor for deleteTask: the same DynamoDB requests as the handler, from a bare DocumentClient (calls.ts). */

import { deleteTask } from './calls.js';
import { floorHandler } from './event.js';

export const handler = floorHandler(204, deleteTask);
