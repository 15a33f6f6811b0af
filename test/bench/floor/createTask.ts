/** Cold-start floor for createTask: the same DynamoDB requests as the handler, from a bare DocumentClient (calls.ts). */

import { createTask } from './calls.js';
import { floorHandler } from './event.js';

export const handler = floorHandler(201, createTask);
