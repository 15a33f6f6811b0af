/** The module-level client and repository every handler shares, created once at init. */
import { productionConfig } from '../config/index.js';
import { createDocumentClient } from './client.js';
import { TaskStore } from './tasks.js';

export const documentClient = createDocumentClient(productionConfig().dynamo);
export const taskStore = new TaskStore(documentClient, productionConfig().data);
