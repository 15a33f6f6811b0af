/** One spec operation -> its API Gateway method: `aws_proxy` integration and request validator. */
import { deref, type Spec, type SpecOperation } from '../../src/openapi.js';
import type { ApiGatewayBodyOptions } from '../spec-to-apigateway.js';
import { sanitizeContent, sanitizeParameter } from './schema.js';

type Json = Record<string, unknown>;

export const REQUEST_VALIDATORS = {
  params: { validateRequestBody: false, validateRequestParameters: true },
  'body-and-params': { validateRequestBody: true, validateRequestParameters: true },
} as const;

export function gatewayOperation(
  spec: Spec,
  path: string,
  method: string,
  operation: SpecOperation,
  pathParameters: unknown[],
  options: ApiGatewayBodyOptions,
): Json {
  const { operationId } = operation;
  const uri = options.integrationUris[operationId];
  if (!uri) {
    throw new Error(
      `operation ${operationId} (${method.toUpperCase()} ${path}) has no function: add src/handlers/${operationId}.ts`,
    );
  }
  const security = operation.security ?? (spec.security as SpecOperation['security']);
  if (!security) {
    throw new Error(`operation ${operationId} has no security; declare it (or [] for public)`);
  }
  const parameters = mergeParameters(
    pathParameters.map((p) => sanitizeParameter(spec, deref(spec, p))),
    (operation.parameters ?? []).map((p) => sanitizeParameter(spec, deref(spec, p))),
  );
  const out: Json = { ...operation, security, responses: {} };
  if (parameters.length > 0) out.parameters = parameters;
  else delete out.parameters;
  if (operation.requestBody) {
    const body = deref(spec, operation.requestBody) as Json;
    out.requestBody = { ...body, content: sanitizeContent(spec, body.content) };
  }
  const responses: Json = {};
  for (const [status, response] of Object.entries(operation.responses)) {
    const r = deref(spec, response) as Json;
    const sanitized: Json = { ...r };
    if (r.headers) {
      sanitized.headers = Object.fromEntries(
        Object.entries(r.headers as Json).map(([name, h]) => [
          name,
          sanitizeParameter(spec, deref(spec, h)),
        ]),
      );
    }
    if (r.content) sanitized.content = sanitizeContent(spec, r.content);
    responses[status] = sanitized;
  }
  out.responses = responses;
  out['x-amazon-apigateway-request-validator'] =
    operation.requestBody && options.validateRequestBody ? 'body-and-params' : 'params';
  out['x-amazon-apigateway-integration'] = {
    type: 'aws_proxy',
    httpMethod: 'POST',
    uri,
    passthroughBehavior: 'when_no_match',
  };
  return out;
}

/** Operation-level parameters override path-level ones with the same name and location. */
function mergeParameters(pathLevel: Json[], operationLevel: Json[]): Json[] {
  const key = (p: Json) => `${String(p.in)}:${String(p.name)}`;
  const own = new Set(operationLevel.map(key));
  return [...pathLevel.filter((p) => !own.has(key(p))), ...operationLevel];
}
