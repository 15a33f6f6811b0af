/** Writing answers: a handler's proxy result, and the local stack's own problem+json errors. */
import type { ServerResponse } from 'node:http';
import type { APIGatewayProxyResult } from 'aws-lambda';
import {
  DEFAULT_PROBLEM_TYPE_BASE,
  PROBLEMS,
  type ProblemSlug,
  problemBody,
} from '../contract/problems.js';
import { corsHeaderNames, loadSpec } from '../openapi.js';

/** The CORS header lists the gateway responses carry, for the local stack's own errors. */
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

function corsHeaders(): Record<string, string> {
  return {
    'Access-Control-Allow-Headers': CORS.allow.join(','),
    'Access-Control-Expose-Headers': CORS.expose.join(','),
  };
}

/**
 * Errors of the local stack itself (not API Gateway's): problem+json from the catalogue, its
 * `type` under the functions' `base` so every problem links to the same docs page.
 */
export function problem(
  res: ServerResponse,
  slug: ProblemSlug,
  detail: string,
  base: string = DEFAULT_PROBLEM_TYPE_BASE,
): void {
  const instance = String(res.getHeader('x-amzn-RequestId') ?? '');
  const body = JSON.stringify(problemBody(slug, detail, { instance, base }));
  res.writeHead(PROBLEMS[slug].status, {
    ...corsHeaders(),
    'Content-Type': 'application/problem+json',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}
