/** Writing answers: a handler's proxy result, and the gateway's own problem+json errors. */
import type { ServerResponse } from 'node:http';
import type { APIGatewayProxyResult } from 'aws-lambda';
import { corsHeaderNames, loadSpec } from '../openapi.js';

/** The same CORS header lists the AWS stack's preflights and gateway responses carry. */
const CORS = corsHeaderNames(loadSpec());

export function writeProxyResult(res: ServerResponse, result: APIGatewayProxyResult): boolean {
  if (typeof result !== 'object' || result === null) return false;
  const status = result.statusCode;
  if (!Number.isInteger(status) || status < 100 || status > 599) return false;
  if (result.body !== undefined && result.body !== null && typeof result.body !== 'string')
    return false;
  const headers = new Map<string, [string, string[]]>();
  const add = (name: string, value: unknown) => {
    const key = name.toLowerCase();
    if (key === 'content-length' || key === 'transfer-encoding' || key === 'connection') return;
    const entry = headers.get(key) ?? [name, []];
    entry[1].push(String(value));
    headers.set(key, entry);
  };
  for (const [name, value] of Object.entries(result.headers ?? {})) add(name, value);
  for (const [name, values] of Object.entries(result.multiValueHeaders ?? {})) {
    for (const value of values ?? []) add(name, value);
  }
  const body = result.body
    ? Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8')
    : Buffer.alloc(0);
  for (const [name, values] of headers.values())
    res.setHeader(name, values.length === 1 ? (values[0] as string) : values);
  res.setHeader('Content-Length', body.length);
  res.writeHead(status);
  res.end(body);
  return true;
}

export function corsHeaders(methods: string[]): Record<string, string> {
  return {
    'Access-Control-Allow-Methods': [...new Set([...methods, 'OPTIONS'])].join(','),
    'Access-Control-Allow-Headers': CORS.allow.join(','),
    'Access-Control-Expose-Headers': CORS.expose.join(','),
  };
}

/** Our own error responses: RFC 9457 problem+json with the CORS headers API Gateway adds. */
export function problem(
  res: ServerResponse,
  status: number,
  slug: string,
  title: string,
  detail: string,
  headers: Record<string, string> = {},
): void {
  const instance = res.getHeader('x-amzn-RequestId');
  const body = JSON.stringify({
    type: `https://task-api.dev/problems/${slug}`,
    title,
    status,
    detail,
    instance,
  });
  res.writeHead(status, {
    ...corsHeaders(['GET', 'POST', 'PATCH', 'DELETE']),
    ...headers,
    'Content-Type': 'application/problem+json',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}
