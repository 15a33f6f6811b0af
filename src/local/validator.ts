/**
 * API Gateway's request validator for parameters: each required query string parameter and
 * header is "included and not blank" (path parameters always are, or no route would match).
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-request-validation.html
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { RequiredParameter } from './definition.js';

export function missingParameters(
  required: RequiredParameter[],
  request: { query: URLSearchParams; headers: IncomingHttpHeaders },
): string[] {
  const blank = (value: unknown) => value === undefined || value === null || value === '';
  return required
    .filter((p) =>
      p.in === 'query'
        ? blank(request.query.get(p.name))
        : p.in === 'header'
          ? blank(request.headers[p.name.toLowerCase()])
          : false,
    )
    .map((p) => p.name);
}
