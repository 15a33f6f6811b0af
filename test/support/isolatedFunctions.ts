/**
 * The real handler modules behind the local gateway, each loaded as Lambda loads a function:
 * in a module graph of its own (vi.resetModules before each import), so each has its own
 * DynamoDB client, telemetry state and cold start, its factory applied to a store and config
 * read from its function's environment (functionEnv.ts), as its own one-line wiring applies it
 * to its process's. Every DynamoDB request a handler's client sends is recorded under its
 * operationId (dynamoAccess.ts): one client per operation is the attribution.
 */
import { vi } from 'vitest';
import type { HandlerFactory, OperationId } from '../../src/http/handler.js';
import type { HandlerLoader, ProxyHandler } from '../../src/local/gateway.js';
import { type DynamoAccess, recordDynamoAccess } from './dynamoAccess.js';
import type { FunctionEnv } from './functionEnv.js';

export interface IsolatedFunctions {
  loadHandler: HandlerLoader;
  /** operationId -> the accesses its client's requests needed, in order. */
  accesses: Map<string, DynamoAccess[]>;
}

export function isolatedFunctions(env: FunctionEnv, region: string): IsolatedFunctions {
  const accesses = new Map<string, DynamoAccess[]>();
  const loaded = new Map<string, Promise<ProxyHandler>>();
  // One import at a time: a module-registry reset must not cut through another's graph.
  let queue: Promise<unknown> = Promise.resolve();

  const load = async (operationId: string): Promise<ProxyHandler> => {
    vi.resetModules();
    const mod = (await import(`../../src/handlers/${operationId}.ts`)) as Record<string, unknown>;
    // The same graph's modules, so the store's errors are the ones its handler knows.
    const { functionConfig } = await import('../../src/config/index.js');
    const { createDocumentClient } = await import('../../src/data/client.js');
    const { TaskStore } = await import('../../src/data/tasks.js');
    const factory = mod[operationId] as HandlerFactory<OperationId> | undefined;
    if (typeof factory !== 'function') throw new Error(`${operationId} exports no factory`);
    const config = functionConfig(env.envOf(operationId));
    const db = createDocumentClient(config.dynamo);
    const list: DynamoAccess[] = [];
    accesses.set(operationId, list);
    recordDynamoAccess(db, region, (access) => list.push(access));
    return factory(new TaskStore(db, config.data), config);
  };

  return {
    accesses,
    loadHandler: (operationId) => {
      let handler = loaded.get(operationId);
      if (!handler) {
        handler = queue.then(() => load(operationId));
        queue = handler.catch(() => undefined);
        loaded.set(operationId, handler);
      }
      return handler;
    },
  };
}
