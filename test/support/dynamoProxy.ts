/**
 * A switchable HTTP proxy in front of a DynamoDB endpoint (dynalite), for fault tests: it can
 * be stopped (connection refused) and started again on the same port, and a rule picks a fault
 * per request from its X-Amz-Target and JSON input.
 */
import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * `throttle`: DynamoDB's ProvisionedThroughputExceededException (HTTP 400); `unavailable`: its
 * InternalServerError (HTTP 500); `reset`: the connection is cut before forwarding; `hang`: no
 * answer ever; `lose-answer`: forwarded and applied, then the connection is cut.
 */
export type Fault = 'pass' | 'throttle' | 'unavailable' | 'reset' | 'hang' | 'lose-answer';

export interface DynamoCall {
  /** The operation, e.g. `PutItem`. */
  target: string;
  // biome-ignore lint/suspicious/noExplicitAny: DynamoDB's JSON wire input
  input: any;
}

export interface DynamoProxy {
  url: string;
  /** Decides each request; `() => 'pass'` by default. */
  rule: (call: DynamoCall) => Fault;
  /**
   * Every request that reached the proxy, with the fault it got; a hung one is marked `dropped`
   * once the client closes its connection.
   */
  calls: (DynamoCall & { fault: Fault; dropped?: boolean })[];
  /** Closes the listener and cuts every connection: new requests are refused. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
  close(): Promise<void>;
}

const DYNAMODB_ERROR = 'com.amazonaws.dynamodb.v20120810#';

function answer(res: ServerResponse, status: number, type: string, message: string): void {
  const body = JSON.stringify({ __type: `${DYNAMODB_ERROR}${type}`, message });
  res.writeHead(status, {
    'Content-Type': 'application/x-amz-json-1.0',
    'Content-Length': Buffer.byteLength(body),
    'x-amzn-RequestId': 'proxy',
  });
  res.end(body);
}

export async function startDynamoProxy(upstream: string): Promise<DynamoProxy> {
  const agent = new Agent({ keepAlive: true });
  const sockets = new Set<Socket>();
  let port = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const target =
      String(req.headers['x-amz-target'] ?? '')
        .split('.')
        .pop() ?? '';
    let input: unknown = {};
    try {
      input = JSON.parse(body.toString('utf8'));
    } catch {
      // forwarded as it is
    }
    const call = { target, input };
    const fault = proxy.rule(call);
    const entry: DynamoProxy['calls'][number] = { ...call, fault };
    proxy.calls.push(entry);
    switch (fault) {
      case 'throttle':
        return answer(
          res,
          400,
          'ProvisionedThroughputExceededException',
          'The level of configured provisioned throughput for the table was exceeded.',
        );
      case 'unavailable':
        return answer(res, 500, 'InternalServerError', 'Internal server error');
      case 'reset':
        req.socket.destroy();
        return;
      case 'hang':
        req.socket.once('close', () => {
          entry.dropped = true;
        });
        return;
      default: {
        const forwarded = httpRequest(
          `${upstream}${req.url ?? '/'}`,
          // The engine answers its own Host only (src/local/loopback.ts), as a reverse proxy rewrites it.
          { method: req.method, headers: { ...req.headers, host: new URL(upstream).host }, agent },
          (up) => {
            const parts: Buffer[] = [];
            up.on('data', (c: Buffer) => parts.push(c));
            up.on('end', () => {
              if (fault === 'lose-answer') {
                req.socket.destroy();
                return;
              }
              res.writeHead(up.statusCode ?? 502, up.headers);
              res.end(Buffer.concat(parts));
            });
          },
        );
        forwarded.on('error', () => req.socket.destroy());
        forwarded.end(body);
      }
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => req.socket.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const listen = () =>
    new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', fail);
        port = (server.address() as AddressInfo).port;
        done();
      });
    });
  const stop = () =>
    new Promise<void>((done) => {
      server.close(() => done());
      for (const socket of sockets) socket.destroy();
    });
  await listen();

  const proxy: DynamoProxy = {
    url: `http://127.0.0.1:${port}`,
    rule: () => 'pass',
    calls: [],
    stop,
    start: listen,
    close: async () => {
      if (server.listening) await stop();
      agent.destroy();
    },
  };
  return proxy;
}
