/**
 * openapi.yaml -> the body of an API Gateway REST API (docs/architecture.md#the-aws-stack). A pure function: the stack
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
import {
  DEFAULT_PROBLEM_TYPE_BASE,
  GATEWAY_RESPONSES,
  PROBLEMS,
  problemType,
} from '../src/contract/problems.js';
import {
  corsHeaderNames,
  deref,
  HTTP_METHODS,
  type Spec,
  type SpecOperation,
} from '../src/openapi.js';

type Json = Record<string, unknown>;

export interface ApiGatewayBodyOptions {
  /** operationId -> the Lambda invoke URI of its `aws_proxy` integration. */
  integrationUris: Record<string, string>;
  /** The Cognito user pool the authorizer trusts. */
  userPoolArn: string;
  /** `Access-Control-Allow-Origin` for preflights and gateway responses. */
  corsAllowOrigin: string;
  /**
   * Also validate bodies at the gateway. Off by default: the gateway would answer 400 where the
   * contract says 413 (over 32 KiB) or 415 (not JSON), and without the per-field `errors`.
   * @default false
   */
  validateRequestBody?: boolean;
  /**
   * Where the docs page with the problem types is served (their `type` URIs are its anchors).
   * @default '/docs' (relative to the API's origin)
   */
  problemTypeBase?: string;
}

/** Keywords dropped from every schema the gateway imports. */
export const UNSUPPORTED_SCHEMA_KEYWORDS = [
  'example',
  'examples',
  'default',
  'readOnly',
  'writeOnly',
  'discriminator',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'deprecated',
  'xml',
  'externalDocs',
] as const;

/** String formats JSON Schema draft 4 defines; every other `format` is dropped. */
const DRAFT4_STRING_FORMATS = new Set(['date-time', 'email', 'hostname', 'ipv4', 'ipv6', 'uri']);

export const REQUEST_VALIDATORS = {
  params: { validateRequestBody: false, validateRequestParameters: true },
  'body-and-params': { validateRequestBody: true, validateRequestParameters: true },
} as const;

/** How long browsers may cache a preflight answer, in seconds. */
const PREFLIGHT_MAX_AGE = '600';

export function specToApiGatewayBody(spec: Spec, options: ApiGatewayBodyOptions): Json {
  if (!spec.openapi.startsWith('3.0.')) {
    throw new Error(`api gateway imports openapi 3.0.x only, got ${spec.openapi}`);
  }
  if (options.corsAllowOrigin.includes("'")) {
    throw new Error(`corsAllowOrigin must not contain a quote, got ${options.corsAllowOrigin}`);
  }
  const src = structuredClone(spec) as Spec;
  const names = corsHeaderNames(src);
  const cors = { allowHeaders: names.allow.join(','), exposeHeaders: names.expose.join(',') };
  const quoted = (value: string) => `'${value}'`;

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
    out.options = preflight({
      'Access-Control-Allow-Origin': quoted(options.corsAllowOrigin),
      'Access-Control-Allow-Methods': quoted([...methods, 'OPTIONS'].join(',')),
      'Access-Control-Allow-Headers': quoted(cors.allowHeaders),
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
        'Access-Control-Allow-Origin': quoted(options.corsAllowOrigin),
        'Access-Control-Allow-Headers': quoted(cors.allowHeaders),
        'Access-Control-Expose-Headers': quoted(cors.exposeHeaders),
      },
      options.problemTypeBase ?? DEFAULT_PROBLEM_TYPE_BASE,
    ),
  };
}

function gatewayOperation(
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

/** Follows `#/components/...` refs other than schemas (those become API Gateway models). */

/**
 * Parameter and header objects: the importer uses only name, in, required, description and the
 * schema's type ("other attributes are ignored"), so the schema shrinks to its type.
 */
function sanitizeParameter(spec: Spec, p: Json): Json {
  const { example: _e, examples: _es, schema, ...rest } = p;
  if (!isObject(schema)) return rest;
  const ref = schema.$ref;
  const target =
    typeof ref === 'string'
      ? spec.components.schemas[ref.replace('#/components/schemas/', '')]
      : schema;
  if (!target) throw new Error(`unknown $ref ${String(ref)}`);
  return target.type === undefined ? rest : { ...rest, schema: { type: target.type } };
}

function sanitizeContent(spec: Spec, content: unknown): Json {
  return Object.fromEntries(
    Object.entries(content as Json).map(([type, media]) => {
      const { example: _e, examples: _es, ...rest } = deref(spec, media);
      if (rest.schema) rest.schema = sanitizeSchema(rest.schema as Json);
      return [type, rest];
    }),
  );
}

/** A schema the importer accepts, never stricter than the original. */
export function sanitizeSchema(schema: Json): Json {
  if (typeof schema.$ref === 'string') return { $ref: schema.$ref };
  const out: Json = {};
  for (const [key, value] of Object.entries(schema)) {
    if ((UNSUPPORTED_SCHEMA_KEYWORDS as readonly string[]).includes(key)) continue;
    if (
      key === 'format' &&
      !(schema.type === 'string' && DRAFT4_STRING_FORMATS.has(String(value)))
    ) {
      continue;
    }
    if (key === 'nullable') continue;
    if (key === 'properties') {
      out.properties = Object.fromEntries(
        Object.entries(value as Json).map(([name, s]) => [name, sanitizeSchema(s as Json)]),
      );
    } else if (
      key === 'items' ||
      key === 'not' ||
      (key === 'additionalProperties' && isObject(value))
    ) {
      out[key] = sanitizeSchema(value as Json);
    } else if (key === 'allOf' || key === 'anyOf' || key === 'oneOf') {
      out[key] = (value as Json[]).map(sanitizeSchema);
    } else {
      out[key] = value;
    }
  }
  // OpenAPI's `nullable` has no draft 4 keyword; a type list keeps null allowed.
  if (schema.nullable === true && typeof schema.type === 'string') out.type = [schema.type, 'null'];
  return out;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function preflight(headers: Record<string, string>): Json {
  const headerSchemas = Object.fromEntries(
    Object.keys(headers).map((h) => [h, { schema: { type: 'string' } }]),
  );
  return {
    summary: 'CORS preflight',
    responses: { '204': { description: 'CORS preflight answer.', headers: headerSchemas } },
    'x-amazon-apigateway-integration': {
      type: 'mock',
      requestTemplates: { 'application/json': '{"statusCode": 204}' },
      passthroughBehavior: 'when_no_match',
      responses: {
        default: {
          statusCode: '204',
          responseParameters: Object.fromEntries(
            Object.entries(headers).map(([h, v]) => [`method.response.header.${h}`, v]),
          ),
        },
      },
    },
  };
}

function gatewayResponses(cors: Record<string, string>, problemTypeBase: string): Json {
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
      `{"type":${JSON.stringify(problemType(p.slug, problemTypeBase))},"title":${JSON.stringify(title)},` +
      `"status":${status},"detail":${detail},"instance":"$context.requestId"${errors}}`;
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
