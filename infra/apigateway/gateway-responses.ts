/** API Gateway's own errors (`x-amazon-apigateway-gateway-responses`) as problem+json. */
import { GATEWAY_RESPONSES, PROBLEMS, problemType } from '../../src/contract/problems.js';

type Json = Record<string, unknown>;

/** Each response type of the catalogue (src/contract/problems.ts) as a gateway response. */
export function gatewayResponses(cors: Record<string, string>, problemTypeBase: string): Json {
  const out: Json = {};
  for (const [type, p] of Object.entries(GATEWAY_RESPONSES)) {
    const { status, title } = PROBLEMS[p.slug];
    const headers: Record<string, string> = {
      ...cors,
      'Content-Type': "'application/problem+json'",
    };
    if ('retryAfter' in p) headers['Retry-After'] = `'${p.retryAfter}'`;
    // Gateway response templates are plain substitution, not VTL: `messageString` arrives quoted.
    const detail = p.detail === null ? '$context.error.messageString' : JSON.stringify(p.detail);
    const errors =
      'errorsPath' in p
        ? `,"errors":[{"path":${JSON.stringify(p.errorsPath)},"message":${detail}}]`
        : '';
    const template =
      `{"type":${JSON.stringify(problemType(p.slug, problemTypeBase))},` +
      `"title":${JSON.stringify(title)},"status":${status},"detail":${detail},` +
      `"instance":"$context.requestId"${errors}}`;
    out[type] = {
      statusCode: String(status),
      responseParameters: Object.fromEntries(
        Object.entries(headers).map(([h, v]) => [`gatewayresponse.header.${h}`, v]),
      ),
      responseTemplates: { 'application/json': template },
    };
  }
  return out;
}
