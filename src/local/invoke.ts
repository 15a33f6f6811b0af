/** Loading an operation's handler module and calling it within the integration timeout. */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { REPO_ROOT } from './docs.js';

export type ProxyHandler = (
  event: APIGatewayProxyEvent,
  context: Context,
) => Promise<APIGatewayProxyResult>;

/** Resolves an operation's handler; the gateway calls it at the first request for it. */
export type HandlerLoader = (operationId: string) => Promise<ProxyHandler>;

export const HANDLERS_DIR = join(REPO_ROOT, 'src', 'handlers');

/** Imports `<dir>/<operationId>.ts` once and returns its `handler`. */
export function moduleHandlerLoader(dir: string = HANDLERS_DIR): HandlerLoader {
  const cache = new Map<string, Promise<ProxyHandler>>();
  return (operationId) => {
    let loading = cache.get(operationId);
    if (!loading) {
      const file = join(dir, `${operationId}.ts`);
      loading = import(pathToFileURL(file).href).then((mod: { handler?: unknown }) => {
        if (typeof mod.handler !== 'function') throw new Error(`${file} does not export a handler`);
        return mod.handler as ProxyHandler;
      });
      loading.catch(() => cache.delete(operationId));
      cache.set(operationId, loading);
    }
    return loading;
  };
}

export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((done) => {
    timer = setTimeout(() => done('timeout'), ms);
  });
  return Promise.race([Promise.resolve(promise), timeout]).finally(() => clearTimeout(timer));
}
