/** Proxy results: JSON and problem+json bodies with the CORS headers every answer carries. */
import type { APIGatewayProxyResult } from 'aws-lambda';
import { type HttpError, toProblem } from './errors.js';

const corsHeaders = (env: NodeJS.ProcessEnv = process.env) => ({
  'Access-Control-Allow-Origin': env.CORS_ALLOW_ORIGIN || '*',
  'Access-Control-Expose-Headers': 'ETag, Location, Retry-After',
});

const CORS = corsHeaders();

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

export function problemResult(err: HttpError, requestId?: string): APIGatewayProxyResult {
  return {
    statusCode: err.status,
    headers: { ...CORS, ...err.headers, 'Content-Type': 'application/problem+json' },
    body: JSON.stringify(toProblem(err, requestId)),
  };
}
