/**
 * Each operation's code run with its own function's environment, and every variable it reads
 * recorded: `process.env` becomes a Proxy that, inside `run(operationId, ...)` (an
 * AsyncLocalStorage scope, so every await within counts), answers the project's own code
 * (src/) from `environmentOf(operationId)` alone, as Lambda gives a function only its
 * configured and runtime variables. Reads by anything else (the AWS SDK, Node) go to the
 * process's environment untouched and are not recorded.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = `${join(fileURLToPath(new URL('../..', import.meta.url)), 'src')}/`;
const SELF = fileURLToPath(import.meta.url);

export interface FunctionEnv {
  run<T>(operationId: string, fn: () => T): T;
  /** operationId -> the variables its code read (`*` when it enumerated the environment). */
  reads: Map<string, Set<string>>;
  restore(): void;
}

/** Whether the code that touched the environment is the project's (the first frame not here). */
function calledFromSrc(): boolean {
  const frames = (new Error().stack ?? '').split('\n').slice(1);
  const caller = frames.find((f) => !f.includes(SELF));
  return caller?.includes(SRC) ?? false;
}

export function installFunctionEnv(
  environmentOf: (operationId: string) => Record<string, string | undefined>,
): FunctionEnv {
  const scope = new AsyncLocalStorage<string>();
  const reads = new Map<string, Set<string>>();
  const real = process.env;
  const project = () => {
    const operationId = scope.getStore();
    return operationId !== undefined && calledFromSrc() ? operationId : undefined;
  };
  const note = (operationId: string, key: string) => {
    const keys = reads.get(operationId) ?? new Set<string>();
    reads.set(operationId, keys);
    keys.add(key);
  };
  const view = (operationId: string) =>
    Object.fromEntries(
      Object.entries(environmentOf(operationId)).filter(([, v]) => v !== undefined),
    ) as Record<string, string>;

  process.env = new Proxy(real, {
    get(target, key, receiver) {
      const operationId = typeof key === 'string' ? project() : undefined;
      if (operationId === undefined) return Reflect.get(target, key, receiver);
      note(operationId, key as string);
      return view(operationId)[key as string];
    },
    has(target, key) {
      const operationId = typeof key === 'string' ? project() : undefined;
      if (operationId === undefined) return Reflect.has(target, key);
      note(operationId, key as string);
      return key in view(operationId);
    },
    ownKeys(target) {
      const operationId = project();
      if (operationId === undefined) return Reflect.ownKeys(target);
      note(operationId, '*');
      return Reflect.ownKeys(view(operationId));
    },
  });
  return {
    run: (operationId, fn) => scope.run(operationId, fn),
    reads,
    restore: () => {
      process.env = real;
    },
  };
}
