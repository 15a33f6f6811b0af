/**
 * The real handler modules behind the local gateway, each loaded as Lambda loads a function:
 * in a module graph of its own (vi.resetModules before each import), so each has its own
 * DynamoDB client, telemetry state and cold start, initialized and invoked with its function's
 * environment (functionEnv.ts). Every DynamoDB request a handler's client sends is recorded
 * under its operationId (dynamoAccess.ts): one client per operation is the attribution.
 */
import { vi } from 'vitest';
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

  const load = (operationId: string) =>
    env.run(operationId, async (): Promise<ProxyHandler> => {
      vi.resetModules();
      const mod = (await import(`../../src/handlers/${operationId}.ts`)) as {
        handler?: ProxyHandler;
      };
      // The same graph's store module, so this is the client the handler's store uses.
      const { documentClient } = await import('../../src/data/store.js');
      const list: DynamoAccess[] = [];
      accesses.set(operationId, list);
      recordDynamoAccess(documentClient, region, (access) => list.push(access));
      const handler = mod.handler;
      if (typeof handler !== 'function') throw new Error(`${operationId} exports no handler`);
      return (event, context) => env.run(operationId, () => handler(event, context));
    });

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
