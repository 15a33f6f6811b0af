/** The real handlers behind the gateway, counted: which operations a test's requests reached. */
import type { ProxyHandler } from '../../src/local/gateway.js';

export interface CountingHandlers {
  /** For the stack's `wrapHandler`. */
  wrapHandler(operationId: string, handler: ProxyHandler): ProxyHandler;
  /** Invocations per operationId since the last reset. */
  counts: Map<string, number>;
  total(): number;
  reset(): void;
}

export function countingHandlers(): CountingHandlers {
  const counts = new Map<string, number>();
  return {
    counts,
    wrapHandler: (operationId, handler) => (event, context) => {
      counts.set(operationId, (counts.get(operationId) ?? 0) + 1);
      return handler(event, context);
    },
    total: () => [...counts.values()].reduce((a, b) => a + b, 0),
    reset: () => counts.clear(),
  };
}
