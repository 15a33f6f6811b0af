/**
 * openapi.yaml -> the body of an API Gateway REST API (DESIGN §6). A pure function: the stack
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

/** Base of the problem `type` URIs, as in the spec's error examples. */
export const PROBLEM_BASE = 'https://task-api.dev/problems/';

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
  const origins = options.corsAllowOrigins;
  const bad = origins.find((o) => /['"]/.test(o));
  if (bad !== undefined || origins.length === 0) {
    throw new Error(
      `corsAllowOrigins must be origins without quotes, got ${JSON.stringify(origins)}`,
    );
  }
  const staticOrigin = origins.includes('*') ? '*' : (origins[0] as string);
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
    out.options = preflight(origins, {
      'Access-Control-Allow-Origin': quoted(staticOrigin),
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
    'x-amazon-apigateway-gateway-responses': gatewayResponses({
      'Access-Control-Allow-Origin': quoted(staticOrigin),
      'Access-Control-Allow-Headers': quoted(cors.allowHeaders),
      'Access-Control-Expose-Headers': quoted(cors.exposeHeaders),
    }),
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

/**
 * With several origins, the mock integration's template answers the caller's own when it is listed.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-override-request-response-parameters.html
 */
function originOverride(origins: readonly string[]): Json {
  if (origins.length < 2 || origins.includes('*')) return {};
  const listed = origins.map((o) => `$origin == "${o}"`).join(' || ');
  return {
    responseTemplates: {
      'application/json':
        `#set($origin = $input.params().header.get('Origin'))\n` +
        `#if(${listed})#set($context.responseOverride.header.Access-Control-Allow-Origin = $origin)#end`,
    },
  };
}

function preflight(origins: readonly string[], headers: Record<string, string>): Json {
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
          ...originOverride(origins),
        },
      },
    },
  };
}

interface GatewayProblem {
  statusCode: number;
  slug: string;
  title: string;
  /** A literal (lowercase, as the contract's details are) or `null` for API Gateway's own message. */
  detail: string | null;
  errorsPath?: string;
  retryAfter?: number;
}

/**
 * API Gateway's own errors as problem+json. The 4XX/5XX defaults pin a status so the body's
 * `status` is always true; every type the gateway can raise here is listed explicitly.
 */
export const GATEWAY_PROBLEMS: Record<string, GatewayProblem> = {
  DEFAULT_4XX: { statusCode: 400, slug: 'validation-error', title: 'Bad Request', detail: null },
  DEFAULT_5XX: {
    statusCode: 500,
    slug: 'internal',
    title: 'Internal Server Error',
    detail: 'an unexpected error occurred',
  },
  BAD_REQUEST_BODY: {
    statusCode: 400,
    slug: 'validation-error',
    title: 'Bad Request',
    detail: 'the request body does not match the contract',
    errorsPath: '/body',
  },
  BAD_REQUEST_PARAMETERS: {
    statusCode: 400,
    slug: 'validation-error',
    title: 'Bad Request',
    detail: null,
  },
  UNAUTHORIZED: {
    statusCode: 401,
    slug: 'unauthorized',
    title: 'Unauthorized',
    detail: 'a valid Cognito ID token is required',
  },
  EXPIRED_TOKEN: {
    statusCode: 401,
    slug: 'unauthorized',
    title: 'Unauthorized',
    detail: 'a valid Cognito ID token is required',
  },
  ACCESS_DENIED: {
    statusCode: 403,
    slug: 'forbidden',
    title: 'Forbidden',
    detail: 'the caller is not allowed to do this',
  },
  // API Gateway answers an unknown route (or method) with this 403; the contract says 404.
  MISSING_AUTHENTICATION_TOKEN: {
    statusCode: 404,
    slug: 'not-found',
    title: 'Not Found',
    detail: 'no such resource',
  },
  RESOURCE_NOT_FOUND: {
    statusCode: 404,
    slug: 'not-found',
    title: 'Not Found',
    detail: 'no such resource',
  },
  REQUEST_TOO_LARGE: {
    statusCode: 413,
    slug: 'payload-too-large',
    title: 'Content Too Large',
    detail: 'the request is too large',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    statusCode: 415,
    slug: 'unsupported-media-type',
    title: 'Unsupported Media Type',
    detail: 'content-type must be application/json',
  },
  THROTTLED: {
    statusCode: 429,
    slug: 'throttled',
    title: 'Too Many Requests',
    detail: 'the request rate is too high; retry after 1 second',
    retryAfter: 1,
  },
  QUOTA_EXCEEDED: {
    statusCode: 429,
    slug: 'throttled',
    title: 'Too Many Requests',
    detail: 'the request quota is used up; retry after 1 second',
    retryAfter: 1,
  },
  INTEGRATION_FAILURE: {
    statusCode: 502,
    slug: 'internal',
    title: 'Bad Gateway',
    detail: 'the backend failed to answer',
  },
  INTEGRATION_TIMEOUT: {
    statusCode: 504,
    slug: 'internal',
    title: 'Gateway Timeout',
    detail: 'the backend did not answer in time',
  },
};

function gatewayResponses(cors: Record<string, string>): Json {
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
      `{"type":${JSON.stringify(PROBLEM_BASE + p.slug)},"title":${JSON.stringify(p.title)},` +
      `"status":${p.statusCode},"detail":${detail},"instance":"$context.requestId"${errors}}`;
    out[type] = {
      statusCode: String(p.statusCode),
      responseParameters: Object.fromEntries(
        Object.entries(headers).map(([h, v]) => [`gatewayresponse.header.${h}`, v]),
      ),
      responseTemplates: { 'application/json': template },
    };
  }
  return out;
}
