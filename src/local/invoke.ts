/** Reading the request body and loading an operation's handler. */
import type { IncomingMessage } from 'node:http';
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
