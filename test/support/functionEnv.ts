/**
 * Each operation's function environment as an object of its own, every variable read from it
 * recorded: the operation's config (src/config/function.ts) is read from `envOf(operationId)`
 * alone, as Lambda gives a function only its configured and runtime variables. Reads by
 * anything else (the AWS SDK, Node) go to the process's environment and are not recorded.
 */
import type { Env } from '../../src/config/index.js';

export interface FunctionEnv {
  /** What the function's code reads; each access asks `environmentOf` anew. */
  envOf(operationId: string): Env;
  /** operationId -> the variables its code read (`*` when it enumerated the environment). */
  reads: Map<string, Set<string>>;
}

export function functionEnv(
  environmentOf: (operationId: string) => Record<string, string | undefined>,
): FunctionEnv {
  const reads = new Map<string, Set<string>>();
  const note = (operationId: string, key: string) => {
    const keys = reads.get(operationId) ?? new Set<string>();
    reads.set(operationId, keys);
    keys.add(key);
  };
  const view = (operationId: string) =>
    Object.fromEntries(
      Object.entries(environmentOf(operationId)).filter(([, v]) => v !== undefined),
    ) as Record<string, string>;

  return {
    reads,
    envOf: (operationId) =>
      new Proxy({} as Record<string, string>, {
        get(_, key) {
          if (typeof key !== 'string') return undefined;
          note(operationId, key);
          return view(operationId)[key];
        },
        has(_, key) {
          if (typeof key !== 'string') return false;
          note(operationId, key);
          return key in view(operationId);
        },
        ownKeys() {
          note(operationId, '*');
          return Reflect.ownKeys(view(operationId));
        },
        getOwnPropertyDescriptor(_, key) {
          if (typeof key !== 'string') return undefined;
          const value = view(operationId)[key];
          return value === undefined
            ? undefined
            : { value, writable: false, enumerable: true, configurable: true };
        },
      }),
  };
}
