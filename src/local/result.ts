/** The local stack's own problem+json errors (a handler's answer is ./dispatch.ts proxyAnswer). */
import type { ServerResponse } from 'node:http';
import {
  DEFAULT_PROBLEM_TYPE_BASE,
  PROBLEMS,
  type ProblemSlug,
  problemBody,
} from '../contract/problems.js';
import { corsHeaderNames, loadSpec } from '../openapi.js';

/** The CORS header lists the gateway responses carry, for the local stack's own errors. */
const CORS = corsHeaderNames(loadSpec());

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
