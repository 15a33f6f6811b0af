/**
 * openapi.yaml -> the body of an API Gateway REST API: the definition the CDK stack imports
 * and the local gateway runs. A pure function: the stack
 * passes in the tokens (function invoke URIs, user pool ARN) and gets back a plain object.
 *
 * API Gateway's importer is a subset of OpenAPI 3.0 ("Amazon API Gateway important notes for
 * REST APIs", https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-known-issues.html):
 * models are JSON Schema draft 4; `example`, `default`, `readOnly`, `discriminator`,
 * `exclusiveMinimum` and int32/int64/decimal formats are refused or unsupported; root-level
 * `security` is ignored; `$ref`s to root-level responses are not supported. Only the gateway's
 * copy is changed, and only by dropping constraints, so the gateway is never stricter than the
 * contract: the Lambda-side ajv validation stays the real check.
 */
import { corsHeaderNames, HTTP_METHODS, type Spec, type SpecOperation } from '../src/openapi.js';
import { PREFLIGHT_MAX_AGE, preflight } from './apigateway/cors.js';
import { gatewayResponses } from './apigateway/gateway-responses.js';
import { gatewayOperation, REQUEST_VALIDATORS } from './apigateway/operation.js';
import { sanitizeSchema } from './apigateway/schema.js';

export { GATEWAY_PROBLEMS } from './apigateway/gateway-responses.js';
export { REQUEST_VALIDATORS } from './apigateway/operation.js';
export { sanitizeSchema, UNSUPPORTED_SCHEMA_KEYWORDS } from './apigateway/schema.js';

type Json = Record<string, unknown>;

export interface ApiGatewayBodyOptions {
  /** operationId -> the Lambda invoke URI of its `aws_proxy` integration. */
  integrationUris: Record<string, string>;
  /** The Cognito user pool the authorizer trusts. */
  userPoolArn: string;
  /**
   * The app clients whose ID tokens the authorizer accepts (their `aud`), as its
   * identityValidationExpression.
   * @default [] (no expression: every client of the pool, as API Gateway does by default)
   */
  allowedClientIds?: string[];
  /** Base of the problem `type` URIs. @default DEFAULT_PROBLEM_TYPE_BASE (the docs page) */
  problemTypeBase?: string;
  /**
   * The browser origins the API answers (`*` for any). A preflight names the caller's origin when
   * it is listed; the gateway's own errors name the first (their headers cannot depend on it).
   */
  corsAllowOrigins: readonly string[];
  /**
   * Also validate bodies at the gateway. Off by default: the gateway would answer 400 where the
   * contract says 413 (over 32 KiB) or 415 (not JSON), and without the per-field `errors`.
   * @default false
   */
  validateRequestBody?: boolean;
}

export function specToApiGatewayBody(spec: Spec, options: ApiGatewayBodyOptions): Json {
  if (!spec.openapi.startsWith('3.0.')) {
    throw new Error(`api gateway imports openapi 3.0.x only, got ${spec.openapi}`);
  }
  const origins = options.corsAllowOrigins;
  if (origins.some((o) => /['"]/.test(o))) {
    throw new Error(
      `corsAllowOrigins must be origins without quotes, got ${JSON.stringify(origins)}`,
    );
  }
  const staticOrigin = origins.includes('*') ? '*' : origins[0];
  const src = structuredClone(spec) as Spec;
  const names = corsHeaderNames(src);
  const cors = { allowHeaders: names.allow.join(','), exposeHeaders: names.expose.join(',') };
  const quoted = (value: string) => `'${value}'`;
  // No origin listed: no Access-Control-Allow-Origin, so no browser on another origin reads answers.
  const allowOrigin: Record<string, string> =
    staticOrigin === undefined ? {} : { 'Access-Control-Allow-Origin': quoted(staticOrigin) };

  const paths: Json = {};
  for (const [path, item] of Object.entries(src.paths)) {
    const out: Json = {};
    const methods: string[] = [];
    for (const method of HTTP_METHODS) {
      const operation = item[method] as SpecOperation | undefined;
      if (!operation) continue;
      if (method === 'options') {
        throw new Error(`${path} declares OPTIONS itself; the gateway answers preflights`);
      }
      methods.push(method.toUpperCase());
      out[method] = gatewayOperation(src, path, method, operation, item.parameters ?? [], options);
    }
    out.options = preflight(origins, {
      ...allowOrigin,
      'Access-Control-Allow-Methods': quoted([...methods, 'OPTIONS'].join(',')),
      'Access-Control-Allow-Headers': quoted(cors.allowHeaders),
      'Access-Control-Expose-Headers': quoted(cors.exposeHeaders),
      'Access-Control-Max-Age': quoted(PREFLIGHT_MAX_AGE),
    });
    paths[path] = out;
  }

  const { securitySchemes, schemas } = src.components;
  for (const name of Object.keys(schemas)) {
    if (!/^[A-Za-z0-9]+$/.test(name)) {
      throw new Error(`api gateway model names must be alphanumeric, got schema ${name}`);
    }
  }
  const schemes: Json = {};
  for (const [name, scheme] of Object.entries(securitySchemes)) {
    if (scheme.type !== 'apiKey' || scheme.in !== 'header') {
      throw new Error(
        `security scheme ${name} must be an apiKey header for cognito, got ${scheme.type}`,
      );
    }
    schemes[name] = {
      ...scheme,
      'x-amazon-apigateway-authtype': 'cognito_user_pools',
      'x-amazon-apigateway-authorizer': {
        type: 'cognito_user_pools',
        providerARNs: [options.userPoolArn],
        ...audienceExpression(options.allowedClientIds ?? []),
      },
    };
  }

  // `servers` would set a base path; root `security` is ignored (each operation carries its own).
  const { servers: _servers, security: _security, paths: _paths, components: _c, ...rest } = src;
  return {
    ...rest,
    paths,
    components: {
      schemas: Object.fromEntries(
        Object.entries(schemas).map(([name, schema]) => [name, sanitizeSchema(schema)]),
      ),
      securitySchemes: schemes,
    },
    'x-amazon-apigateway-request-validators': options.validateRequestBody
      ? REQUEST_VALIDATORS
      : { params: REQUEST_VALIDATORS.params },
    'x-amazon-apigateway-gateway-responses': gatewayResponses(
      {
        ...allowOrigin,
        'Access-Control-Allow-Headers': quoted(cors.allowHeaders),
        'Access-Control-Expose-Headers': quoted(cors.exposeHeaders),
      },
      options.problemTypeBase,
    ),
  };
}

/**
 * A COGNITO_USER_POOLS authorizer checks `aud` only through identityValidationExpression, a
 * regular expression matched against the ID token's `aud`
 * (https://docs.aws.amazon.com/apigateway/latest/api/API_Authorizer.html). Anchored, so a
 * full-match and a search reading of it agree.
 */
function audienceExpression(clientIds: string[]): { identityValidationExpression?: string } {
  if (clientIds.length === 0) return {};
  for (const id of clientIds) {
    // Client ids are [\w+]+ (a CDK token resolves to one); nothing to escape, so refuse the rest.
    if (!/^[\w+${}[\].:-]+$/.test(id)) throw new Error(`app client id must be [\\w+]+, got ${id}`);
  }
  return { identityValidationExpression: `^(${clientIds.join('|')})$` };
}
