/** Reading the request body and loading an operation's handler. */
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import type { FunctionConfig } from '../config/index.js';
import type { TaskStore } from '../data/tasks.js';
import { REPO_ROOT } from './docs.js';

export type ProxyHandler = (
  event: APIGatewayProxyEvent,
  context: Context,
) => Promise<APIGatewayProxyResult>;

/** Resolves an operation's handler; the gateway calls it at the first request for it. */
export type HandlerLoader = (operationId: string) => Promise<ProxyHandler>;

export const HANDLERS_DIR = join(REPO_ROOT, 'src', 'handlers');

type HandlerModule = Record<string, unknown>;

/** Imports `<dir>/<operationId>.ts` once and returns its `handler` (the production wiring). */
export function moduleHandlerLoader(dir: string = HANDLERS_DIR): HandlerLoader {
  return cachedLoader(dir, (mod) => mod.handler, 'a handler');
}

/**
 * Imports `<dir>/<operationId>.ts` once and applies its factory (exported under the operationId)
 * to `store` and `config`, as a function's own wiring applies it to its environment's.
 */
export function factoryHandlerLoader(
  store: TaskStore,
  config: FunctionConfig,
  dir: string = HANDLERS_DIR,
): HandlerLoader {
  return cachedLoader(
    dir,
    (mod, operationId) => {
      const factory = mod[operationId];
      return typeof factory === 'function' ? factory(store, config) : undefined;
    },
    'its handler factory under its operationId',
  );
}

function cachedLoader(
  dir: string,
  pick: (mod: HandlerModule, operationId: string) => unknown,
  what: string,
): HandlerLoader {
  const cache = new Map<string, Promise<ProxyHandler>>();
  return (operationId) => {
    let loading = cache.get(operationId);
    if (!loading) {
      const file = join(dir, `${operationId}.ts`);
      loading = import(pathToFileURL(file).href).then((mod: HandlerModule) => {
        const handler = pick(mod, operationId);
        if (typeof handler !== 'function') throw new Error(`${file} does not export ${what}`);
        return handler as ProxyHandler;
      });
      loading.catch(() => cache.delete(operationId));
      cache.set(operationId, loading);
    }
    return loading;
  };
}

/** The body, or 'too-large' past `limit` bytes (read to the end, so the client gets the answer). */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((done, fail) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    let tooLarge = declared > limit;
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      // Keep reading (and dropping) so the client gets the 413 instead of a reset.
      if (!tooLarge) chunks.push(chunk);
      else if (size > limit * 4) req.destroy();
    });
    req.on('end', () => done(tooLarge ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', fail);
  });
}
