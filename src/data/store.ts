/** The module-level client and repository every handler shares, created once at init. */
import { createDocumentClient, dataConfig } from './client.js';
import { TaskStore } from './tasks.js';

export const documentClient = createDocumentClient();
export const taskStore = new TaskStore(documentClient, dataConfig());
