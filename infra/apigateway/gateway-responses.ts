/**
 * API Gateway's own errors (`x-amazon-apigateway-gateway-responses`) as problem+json, from the
 * contract's catalogue (src/contract/problems.ts): the local gateway renders these same entries.
 */
import {
  DEFAULT_PROBLEM_TYPE_BASE,
  GATEWAY_FALLBACK_RESPONSES,
  GATEWAY_RESPONSES,
  type GatewayProblem,
  PROBLEMS,
  problemType,
} from '../../src/contract/problems.js';

type Json = Record<string, unknown>;

/** Each listed type with the status and title of its problem. */
export const GATEWAY_PROBLEMS = Object.fromEntries(
  Object.entries(GATEWAY_RESPONSES).map(([type, p]: [string, GatewayProblem]) => [
    type,
    { ...p, statusCode: PROBLEMS[p.slug].status, title: PROBLEMS[p.slug].title },
  ]),
) as Record<keyof typeof GATEWAY_RESPONSES, GatewayProblem & { statusCode: number; title: string }>;

export function gatewayResponses(
  cors: Record<string, string>,
  problemTypeBase: string = DEFAULT_PROBLEM_TYPE_BASE,
): Json {
  const parameters = (headers: Record<string, string>) =>
    Object.fromEntries(Object.entries(headers).map(([h, v]) => [`gatewayresponse.header.${h}`, v]));
  const out: Json = {};
  for (const [type, p] of Object.entries(GATEWAY_PROBLEMS)) {
    const headers: Record<string, string> = {
      ...cors,
      'Content-Type': "'application/problem+json'",
    };
    if (p.retryAfter !== undefined) headers['Retry-After'] = `'${p.retryAfter}'`;
    // Gateway response templates are plain substitution, not VTL: `messageString` arrives quoted.
    const detail = p.detail === null ? '$context.error.messageString' : JSON.stringify(p.detail);
    const errors = p.errorsPath
      ? `,"errors":[{"path":${JSON.stringify(p.errorsPath)},"message":${detail}}]`
      : '';
    const template =
      `{"type":${JSON.stringify(problemType(p.slug, problemTypeBase))},` +
      `"title":${JSON.stringify(p.title)},"status":${p.statusCode},"detail":${detail},` +
      `"instance":"$context.requestId"${errors}}`;
    out[type] = {
      statusCode: String(p.statusCode),
      responseParameters: parameters(headers),
      responseTemplates: { 'application/json': template },
    };
  }
  // No statusCode: a status here would relabel every type not listed above.
  for (const type of GATEWAY_FALLBACK_RESPONSES)
    out[type] = { responseParameters: parameters(cors) };
  return out;
}
