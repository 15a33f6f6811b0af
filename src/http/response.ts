/** Proxy results: JSON and problem+json bodies with the CORS headers every answer carries. */
import type { APIGatewayProxyResult } from 'aws-lambda';
import type { Problem } from '../contract/problem.js';
import { originHeaders } from './cors.js';
import { toProblem } from './errors.js';

const CORS = { 'Access-Control-Expose-Headers': 'ETag, Location, Retry-After' };

/** Adds `Access-Control-Allow-Origin` for a request from an allowed origin (`CORS_ALLOW_ORIGINS`). */
export function withOrigin(
  result: APIGatewayProxyResult,
  headers: Record<string, string | undefined> | null | undefined,
  allowed: readonly string[],
): APIGatewayProxyResult {
  let origin: string | undefined;
  for (const name in headers) {
    if (name.length === 6 && name.toLowerCase() === 'origin') origin = headers[name];
  }
  return { ...result, headers: { ...result.headers, ...originHeaders(allowed, origin) } };
}

export function jsonResult(
  statusCode: number,
  body: unknown,
  headers: Record<string, unknown> = {},
): APIGatewayProxyResult {
  const out: Record<string, string> = { ...CORS };
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = String(value);
  }
  if (body === undefined) return { statusCode, headers: out, body: '' };
  out['Content-Type'] = 'application/json';
  return { statusCode, headers: out, body: JSON.stringify(body) };
}

/** `base`: where the problem `type` URIs point (`PROBLEM_TYPE_BASE`). */
export function problemResult(
  err: Problem,
  requestId: string | undefined,
  base: string,
): APIGatewayProxyResult {
  const retry: Record<string, string> =
    err.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(err.retryAfterSeconds) };
  return {
    statusCode: err.status,
    headers: { ...CORS, ...retry, 'Content-Type': 'application/problem+json' },
    body: JSON.stringify(toProblem(err, requestId, base)),
  };
}
