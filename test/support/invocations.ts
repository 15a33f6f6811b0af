/** The real handlers behind the gateway, counted: which operations a test's requests reached. */
import { type HandlerLoader, moduleHandlerLoader } from '../../src/local/gateway.js';

export interface CountingHandlers {
  loadHandler: HandlerLoader;
  /** Invocations per operationId since the last reset. */
  counts: Map<string, number>;
  total(): number;
  reset(): void;
}

export function countingHandlers(inner: HandlerLoader = moduleHandlerLoader()): CountingHandlers {
  const counts = new Map<string, number>();
  return {
    counts,
    loadHandler: async (operationId) => {
      const handler = await inner(operationId);
      return (event, context) => {
        counts.set(operationId, (counts.get(operationId) ?? 0) + 1);
        return handler(event, context);
      };
    },
    total: () => [...counts.values()].reduce((a, b) => a + b, 0),
    reset: () => counts.clear(),
  };
}
