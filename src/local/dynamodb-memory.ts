/**
 * dynalite in memory, answering a DynamoDB client in-process (the SDK's mock,
 * docs/architecture.md#the-local-stack): each request the client sends is handed to dynalite's
 * request listener (with the transaction layer in front) as a request object and answered into a
 * buffer. No socket, no port, nothing to close, and nothing that a fetch or http interceptor
 * such as msw sees.
 */
import type { RequestListener } from 'node:http';
import { PassThrough } from 'node:stream';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDynalite, localDynamoClient } from './dynamodb.js';

/** What the AWS SDK sends to its request handler (@smithy/types HttpRequest). */
interface SdkRequest {
  method: string;
  path: string;
  query?: Record<string, string | string[] | null>;
  headers: Record<string, string>;
  body?: unknown;
}

/** A DynamoDB client on a new, empty, in-memory dynalite of its own. */
export function inProcessDynamoClient(region = 'us-east-1'): DynamoDBClient {
  const [listener] = createDynalite().listeners('request') as RequestListener[];
  if (!listener) throw new Error('dynalite has no request listener');
  return localDynamoClient('http://dynalite.in-process', region, {
    requestHandler: {
      handle: (request: SdkRequest) => serve(listener, request),
      updateHttpClientConfig: () => {},
      httpHandlerConfigs: () => ({}),
    },
  });
}

/** The listener's answer to one request: it reads `on('data'/'end')` and writes `setHeader`/`end`. */
function serve(listener: RequestListener, request: SdkRequest) {
  const req = Object.assign(new PassThrough(), {
    method: request.method,
    url: `${request.path}${queryString(request.query)}`,
    headers: Object.fromEntries(
      Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), value]),
    ),
  });
  return new Promise<{ response: SdkResponse }>((resolve) => {
    const res = new BufferedResponse((response) => resolve({ response }));
    listener(req as never, res as never);
    req.end(bodyBytes(request.body));
  });
}

interface SdkResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

/** The part of node:http's ServerResponse that dynalite and the transaction layer use. */
class BufferedResponse {
  statusCode = 200;
  private readonly headers: Record<string, string> = {};

  constructor(private readonly done: (response: SdkResponse) => void) {}

  setHeader(name: string, value: number | string): this {
    this.headers[name.toLowerCase()] = String(value);
    return this;
  }

  getHeader(name: string): string | undefined {
    return this.headers[name.toLowerCase()];
  }

  end(chunk?: string | Uint8Array): this {
    const body = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk ?? new Uint8Array());
    this.done({ statusCode: this.statusCode, headers: this.headers, body: new Uint8Array(body) });
    return this;
  }
}

function bodyBytes(body: unknown): Buffer {
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (typeof body === 'string') return Buffer.from(body);
  // Not Buffer.from(body): it calls valueOf, which the SDK's JSON body answers with a string.
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  throw new Error(
    `an in-process DynamoDB request body must be bytes or a string, got ${typeof body}`,
  );
}

function queryString(query: SdkRequest['query']): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    for (const v of Array.isArray(value) ? value : [value ?? '']) params.append(name, v);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
