/**
 * The embedded DynamoDB and Cognito answer the local stack only (docs/architecture.md#the-local-stack):
 * both would answer any web page (`Access-Control-Allow-Origin: *`, any Host), so a page the
 * developer opens could read or write them through the browser, directly or by DNS rebinding.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'] as const;

/** `origin` in each loopback spelling when its host is a loopback one; nothing otherwise. */
export function loopbackOrigins(origin: string): string[] {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return [];
  }
  if (url.protocol !== 'http:' || !(LOOPBACK_HOSTS as readonly string[]).includes(url.hostname)) {
    return [];
  }
  const port = url.port ? `:${url.port}` : '';
  return LOOPBACK_HOSTS.map((host) => `http://${host}${port}`);
}

/**
 * Lets through only requests whose Host is a loopback name with the server's own port and
 * whose Origin, if any, is one of `allowedOrigins()` (read per request: the web app may start
 * later). Anything else is a 403 without CORS headers, so a browser reads nothing.
 */
export function guardLoopback(server: Server, allowedOrigins: () => readonly string[]): void {
  const handlers = server.listeners('request') as ((
    req: IncomingMessage,
    res: ServerResponse,
  ) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const refusal = refusalOf(req, (server.address() as AddressInfo).port, allowedOrigins());
    if (refusal) {
      const body = JSON.stringify({ message: refusal });
      res.writeHead(403, {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(body),
        Connection: 'close',
      });
      res.end(body);
      return;
    }
    for (const handler of handlers) handler.call(server, req, res);
  });
}

function refusalOf(
  req: IncomingMessage,
  port: number,
  allowedOrigins: readonly string[],
): string | undefined {
  const host = req.headers.host;
  if (!LOOPBACK_HOSTS.some((name) => host === `${name}:${port}`)) {
    return `host must be 127.0.0.1, localhost or [::1] with port ${port}, got ${host ?? 'none'}`;
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedOrigins.includes(origin)) {
    return `origin ${origin} may not call this local service`;
  }
  return undefined;
}
