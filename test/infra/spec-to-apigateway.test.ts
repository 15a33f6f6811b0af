import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import {
  GATEWAY_PROBLEMS,
  REQUEST_VALIDATORS,
  specToApiGatewayBody,
  UNSUPPORTED_SCHEMA_KEYWORDS,
} from '../../infra/spec-to-apigateway.js';
import { type ProblemSlug, problemType } from '../../src/contract/problems.js';
import {
  buildRequestSchemas,
  DEFINITIONS_ID,
  loadSpec,
  operations,
  type Spec,
} from '../../src/openapi.js';
import { INVISIBLE_TITLES, VISIBLE_TITLES } from '../support/titles.js';

// biome-ignore lint/suspicious/noExplicitAny: synthesized templates are untyped JSON, walked by key
type Json = Record<string, any>;

const spec = loadSpec();
const ops = operations(spec);
const uris = Object.fromEntries(ops.map((op) => [op.operationId, `uri:${op.operationId}`]));
const options = { integrationUris: uris, userPoolArn: 'arn:pool', corsAllowOrigins: ['*'] };
const body = specToApiGatewayBody(spec, options) as Json;

/** A minimal 3.0 spec with one operation whose schemas use what API Gateway refuses. */
function tinySpec(schema: Json, schemaName = 'Thing'): Spec {
  return {
    openapi: '3.0.3',
    info: { title: 't', version: '1' },
    security: [{ Auth: [] }],
    paths: {
      '/things': {
        post: {
          operationId: 'createThing',
          requestBody: {
            content: {
              'application/json': { schema: { $ref: `#/components/schemas/${schemaName}` } },
            },
          },
          responses: { '204': { description: 'ok' } },
        },
      },
    },
    components: {
      schemas: { [schemaName]: schema },
      parameters: {},
      responses: {},
      headers: {},
      securitySchemes: { Auth: { type: 'apiKey', name: 'Authorization', in: 'header' } },
    },
  };
}
const tinyOptions = { ...options, integrationUris: { createThing: 'uri' } };

/** Every key in `value`, skipping the integrations (their `responses.default` is API Gateway's). */
function keysOutsideIntegrations(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysOutsideIntegrations(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'x-amazon-apigateway-integration') continue;
      out.add(k);
      keysOutsideIntegrations(v, out);
    }
  }
  return out;
}

describe('specToApiGatewayBody', () => {
  it.each(ops.map((op) => ({ name: op.operationId, op })))(
    '$name: aws_proxy integration to its function, cognito security, the params validator',
    ({ op }) => {
      const out = body.paths[op.path][op.method];

      expect(out['x-amazon-apigateway-integration']).toEqual({
        type: 'aws_proxy',
        httpMethod: 'POST',
        uri: `uri:${op.operationId}`,
        passthroughBehavior: 'when_no_match',
      });
      expect(out.security).toEqual([{ CognitoUserPool: [] }]);
      expect(out['x-amazon-apigateway-request-validator']).toBe('params');
    },
  );

  it('accepts only the allowed app clients through identityValidationExpression on aud', () => {
    const scoped = specToApiGatewayBody(spec, {
      ...options,
      allowedClientIds: ['web1client', 'cli2client'],
    }) as Json;
    const authorizer =
      scoped.components.securitySchemes.CognitoUserPool['x-amazon-apigateway-authorizer'];
    expect(authorizer.identityValidationExpression).toBe('^(web1client|cli2client)$');
    const aud = new RegExp(authorizer.identityValidationExpression);
    expect(aud.test('web1client')).toBe(true);
    expect(aud.test('web1clientX')).toBe(false);
  });

  it('refuses an app client id that would change the expression', () => {
    expect(() => specToApiGatewayBody(spec, { ...options, allowedClientIds: ['a|.*'] })).toThrow(
      'app client id must be',
    );
  });

  it('declares the cognito user pool authorizer and the parameter validator', () => {
    const scheme = body.components.securitySchemes.CognitoUserPool;

    expect(scheme['x-amazon-apigateway-authtype']).toBe('cognito_user_pools');
    expect(scheme['x-amazon-apigateway-authorizer']).toEqual({
      type: 'cognito_user_pools',
      providerARNs: ['arn:pool'],
    });
    expect(body['x-amazon-apigateway-request-validators']).toEqual({
      params: REQUEST_VALIDATORS.params,
    });
  });

  it('validates bodies at the gateway only when asked', () => {
    const strict = specToApiGatewayBody(spec, { ...options, validateRequestBody: true }) as Json;

    expect(strict['x-amazon-apigateway-request-validators']).toEqual(REQUEST_VALIDATORS);
    for (const op of ops) {
      expect(strict.paths[op.path][op.method]['x-amazon-apigateway-request-validator']).toBe(
        op.operation.requestBody ? 'body-and-params' : 'params',
      );
    }
  });

  it('answers CORS preflights on every path with a mock integration and no authorizer', () => {
    for (const [path, item] of Object.entries(spec.paths)) {
      const options = body.paths[path].options;
      const methods = Object.keys(item).filter((k) => k !== 'parameters');
      const params =
        options['x-amazon-apigateway-integration'].responses.default.responseParameters;

      expect(options.security).toBeUndefined();
      expect(options['x-amazon-apigateway-integration'].type).toBe('mock');
      expect(params['method.response.header.Access-Control-Allow-Origin']).toBe("'*'");
      const allowed = params['method.response.header.Access-Control-Allow-Methods'];
      expect(allowed.replaceAll("'", '').split(',').sort()).toEqual(
        [...methods.map((m) => m.toUpperCase()), 'OPTIONS'].sort(),
      );
      expect(params['method.response.header.Access-Control-Allow-Headers']).toBe(
        "'Content-Type,Authorization,Idempotency-Key,If-Match'",
      );
    }
  });

  it('answers a preflight from any listed origin with that origin, the first one statically', () => {
    const web = 'https://d111.cloudfront.net';
    const dev = 'http://127.0.0.1:5173';
    const several = specToApiGatewayBody(spec, {
      ...options,
      corsAllowOrigins: [web, dev],
    }) as Json;
    const integration = several.paths['/tasks'].options['x-amazon-apigateway-integration'];
    const { responseParameters, responseTemplates } = integration.responses.default;

    expect(responseParameters['method.response.header.Access-Control-Allow-Origin']).toBe(
      `'${web}'`,
    );
    expect(responseTemplates['application/json']).toBe(
      `#set($origin = $input.params().header.get('Origin'))\n` +
        `#if($origin == "${web}" || $origin == "${dev}")` +
        '#set($context.responseOverride.header.Access-Control-Allow-Origin = $origin)#end',
    );
    expect(
      several['x-amazon-apigateway-gateway-responses'].DEFAULT_4XX.responseParameters[
        'gatewayresponse.header.Access-Control-Allow-Origin'
      ],
    ).toBe(`'${web}'`);
    expect(
      body.paths['/tasks'].options['x-amazon-apigateway-integration'].responses.default,
    ).not.toHaveProperty('responseTemplates');
  });

  it('keeps nothing API Gateway cannot import: no examples, defaults, servers or root security', () => {
    const keys = keysOutsideIntegrations(body);

    for (const keyword of UNSUPPORTED_SCHEMA_KEYWORDS) expect(keys).not.toContain(keyword);
    expect(body.servers).toBeUndefined();
    expect(body.security).toBeUndefined();
    expect(Object.keys(body.components)).toEqual(['schemas', 'securitySchemes']);
    expect(JSON.stringify(body)).not.toMatch(/#\/components\/(parameters|responses|headers)\//);
  });

  it('keeps the visible-text pattern in its model, one reading with or without unicode mode', () => {
    const model = (body.components.schemas as Record<string, Json>).VisibleText as Json;

    expect(model.pattern).toBe(spec.components.schemas.VisibleText?.pattern);
    // A draft 4 pattern is an ECMA 262 regular expression; ajv compiles it in unicode mode.
    for (const flags of ['', 'u']) {
      const visible = new RegExp(String(model.pattern), flags);
      for (const { title: t } of INVISIBLE_TITLES)
        expect(visible.test(t), `${flags} ${t}`).toBe(false);
      for (const { title: t } of VISIBLE_TITLES)
        expect(visible.test(t), `${flags} ${t}`).toBe(true);
    }
  });

  it.each([
    ['TaskCreate', 'title'],
    ['TaskUpdate', 'title'],
    ['WorkspaceCreate', 'name'],
    ['WorkspaceUpdate', 'name'],
    ['WorkspaceTaskCreate', 'title'],
    ['WorkspaceTaskUpdate', 'title'],
  ])(
    'imports %s.%s as the visible-text model through allOf, with its own maxLength',
    (model, field) => {
      const schemas = body.components.schemas as Record<string, Json>;
      const name = String(schemas[model]?.properties[field].$ref).replace(
        '#/components/schemas/',
        '',
      );
      const max = spec.components.schemas[name]?.maxLength;

      expect(max).toBeLessThanOrEqual(Number(spec.components.schemas.VisibleText?.maxLength));
      expect(schemas[name]).toEqual({
        type: 'string',
        maxLength: max,
        allOf: [{ $ref: '#/components/schemas/VisibleText' }],
      });
    },
  );

  it('leaves the input spec untouched', () => {
    const before = structuredClone(spec);

    specToApiGatewayBody(spec, options);

    expect(spec).toEqual(before);
  });

  it('moves path-level parameters into each operation, typed only', () => {
    const get = body.paths['/tasks/{taskId}'].get;

    expect(body.paths['/tasks/{taskId}'].parameters).toBeUndefined();
    expect(get.parameters).toEqual([
      {
        name: 'taskId',
        in: 'path',
        required: true,
        description: "The task's id (a ULID).",
        schema: { type: 'string' },
      },
    ]);
  });

  it.each([
    {
      name: 'drops example, default, readOnly, writeOnly, discriminator and exclusiveMinimum',
      given: {
        type: 'object',
        discriminator: { propertyName: 'kind' },
        example: { a: 1 },
        properties: {
          a: { type: 'number', exclusiveMinimum: true, minimum: 0, default: 1, readOnly: true },
          b: { type: 'string', writeOnly: true, examples: ['x'] },
        },
      },
      want: {
        type: 'object',
        properties: { a: { type: 'number', minimum: 0 }, b: { type: 'string' } },
      },
    },
    {
      name: 'drops formats draft 4 lacks (int32, int64, decimal, uuid) and keeps date-time',
      given: {
        type: 'object',
        properties: {
          a: { type: 'integer', format: 'int32' },
          b: { type: 'number', format: 'decimal' },
          c: { type: 'string', format: 'uuid' },
          d: { type: 'string', format: 'date-time' },
          e: { type: 'integer', format: 'int64' },
        },
      },
      want: {
        type: 'object',
        properties: {
          a: { type: 'integer' },
          b: { type: 'number' },
          c: { type: 'string' },
          d: { type: 'string', format: 'date-time' },
          e: { type: 'integer' },
        },
      },
    },
    {
      name: 'keeps properties that are named like keywords',
      given: { type: 'object', properties: { example: { type: 'string', default: 'x' } } },
      want: { type: 'object', properties: { example: { type: 'string' } } },
    },
    {
      name: 'turns nullable into a draft 4 type list, so null stays allowed',
      given: { type: 'object', properties: { a: { type: 'string', nullable: true } } },
      want: { type: 'object', properties: { a: { type: ['string', 'null'] } } },
    },
    {
      name: 'sanitizes nested items, allOf and additionalProperties schemas',
      given: {
        type: 'object',
        additionalProperties: { type: 'string', example: 'x' },
        properties: {
          list: { type: 'array', items: { type: 'integer', format: 'int64', default: 0 } },
          both: { allOf: [{ type: 'string', readOnly: true }] },
        },
      },
      want: {
        type: 'object',
        additionalProperties: { type: 'string' },
        properties: {
          list: { type: 'array', items: { type: 'integer' } },
          both: { allOf: [{ type: 'string' }] },
        },
      },
    },
  ])('$name', ({ given, want }) => {
    const out = specToApiGatewayBody(tinySpec(given), tinyOptions) as Json;

    expect(out.components.schemas.Thing).toEqual(want);
  });

  it('copies root security onto an operation that declares none (API Gateway ignores root)', () => {
    const out = specToApiGatewayBody(tinySpec({ type: 'object' }), tinyOptions) as Json;

    expect(out.paths['/things'].post.security).toEqual([{ Auth: [] }]);
  });

  it('refuses an operation without a function, naming it and the handler file', () => {
    const { getTask: _, ...withoutGetTask } = uris;

    expect(() =>
      specToApiGatewayBody(spec, { ...options, integrationUris: withoutGetTask }),
    ).toThrow(
      'operation getTask (GET /tasks/{taskId}) has no function: add src/handlers/getTask.ts',
    );
  });

  it('refuses a schema name API Gateway cannot use as a model name', () => {
    expect(() =>
      specToApiGatewayBody(tinySpec({ type: 'object' }, 'Thing_V2'), tinyOptions),
    ).toThrow('api gateway model names must be alphanumeric, got schema Thing_V2');
  });

  it('refuses OpenAPI 3.1, which API Gateway cannot import', () => {
    expect(() => specToApiGatewayBody({ ...spec, openapi: '3.1.0' }, options)).toThrow(
      'api gateway imports openapi 3.0.x only, got 3.1.0',
    );
  });

  it('refuses a CORS origin that would break the quoted header mapping', () => {
    expect(() => specToApiGatewayBody(spec, { ...options, corsAllowOrigins: ["x'"] })).toThrow(
      `corsAllowOrigins must be origins without quotes, got ["x'"]`,
    );
  });
});

describe('gateway responses', () => {
  const responses = body['x-amazon-apigateway-gateway-responses'] as Record<string, Json>;
  const ajv = new Ajv({ strict: false }).addSchema(buildRequestSchemas(spec).definitions);
  const isProblem = ajv.compile({ $ref: `${DEFINITIONS_ID}#/definitions/Problem` });
  /** The problem `type` the spec's own examples use for each status. */
  const specTypes = new Map<number, string>();
  for (const r of Object.values(spec.components.responses)) {
    const example = (r as Json).content?.['application/problem+json']?.example;
    if (example) specTypes.set(example.status, example.type);
  }

  it.each(Object.keys(GATEWAY_PROBLEMS).map((type) => ({ name: type, type })))(
    '$name renders a problem+json body with CORS headers',
    ({ type }) => {
      const response = responses[type] as Json;
      const rendered = response.responseTemplates['application/json']
        .replaceAll(
          '$context.error.messageString',
          '"Missing required request parameters: [status]"',
        )
        .replaceAll('$context.requestId', 'c0a8012e-5f1d-4b6e-9c7a-2e4f6a8b0d1f');
      const problem = JSON.parse(rendered);

      expect(isProblem(problem), JSON.stringify(isProblem.errors)).toBe(true);
      expect(String(problem.status)).toBe(response.statusCode);
      expect(response.responseParameters).toMatchObject({
        'gatewayresponse.header.Access-Control-Allow-Origin': "'*'",
        'gatewayresponse.header.Content-Type': "'application/problem+json'",
      });
      if (specTypes.has(problem.status)) expect(problem.type).toBe(specTypes.get(problem.status));
    },
  );

  it.each([
    { name: 'UNAUTHORIZED', status: '401' },
    { name: 'ACCESS_DENIED', status: '403' },
    { name: 'MISSING_AUTHENTICATION_TOKEN', status: '404' },
    { name: 'BAD_REQUEST_BODY', status: '400' },
    { name: 'BAD_REQUEST_PARAMETERS', status: '400' },
    { name: 'REQUEST_TOO_LARGE', status: '413' },
    { name: 'UNSUPPORTED_MEDIA_TYPE', status: '415' },
    { name: 'THROTTLED', status: '429' },
    { name: 'QUOTA_EXCEEDED', status: '429' },
  ])('$name answers $status', ({ name, status }) => {
    expect(responses[name]?.statusCode).toBe(status);
  });

  it.each([
    { name: 'WAF_FILTERED', status: '403', slug: 'forbidden' },
    { name: 'INVALID_API_KEY', status: '403', slug: 'forbidden' },
    { name: 'INVALID_SIGNATURE', status: '403', slug: 'forbidden' },
    { name: 'QUOTA_EXCEEDED', status: '429', slug: 'throttled' },
    { name: 'ACCESS_DENIED', status: '403', slug: 'forbidden' },
    { name: 'INTEGRATION_TIMEOUT', status: '504', slug: 'gateway-timeout' },
  ])(
    '$name keeps its own status $status as a $slug problem, not a relabelled 400',
    ({ name, status, slug }) => {
      const response = responses[name] as Json;
      const problem = JSON.parse(response.responseTemplates['application/json']);
      expect(response.statusCode).toBe(status);
      expect(problem.type).toBe(problemType(slug as ProblemSlug));
    },
  );

  it('lists every gateway response type API Gateway documents, so none falls back', () => {
    // https://docs.aws.amazon.com/apigateway/latest/api/API_GatewayResponse.html (responseType)
    const documented = [
      'ACCESS_DENIED',
      'API_CONFIGURATION_ERROR',
      'AUTHORIZER_CONFIGURATION_ERROR',
      'AUTHORIZER_FAILURE',
      'BAD_REQUEST_BODY',
      'BAD_REQUEST_PARAMETERS',
      'EXPIRED_TOKEN',
      'INTEGRATION_FAILURE',
      'INTEGRATION_TIMEOUT',
      'INVALID_API_KEY',
      'INVALID_SIGNATURE',
      'MISSING_AUTHENTICATION_TOKEN',
      'QUOTA_EXCEEDED',
      'REQUEST_TOO_LARGE',
      'RESOURCE_NOT_FOUND',
      'THROTTLED',
      'UNAUTHORIZED',
      'UNSUPPORTED_MEDIA_TYPE',
      'WAF_FILTERED',
    ];
    expect(Object.keys(GATEWAY_PROBLEMS).sort()).toEqual(documented);
  });

  it.each(['DEFAULT_4XX', 'DEFAULT_5XX'])(
    '%s pins no status, so an unlisted type keeps its own',
    (name) => {
      expect(responses[name]).not.toHaveProperty('statusCode');
      expect(responses[name]).not.toHaveProperty('responseTemplates');
      expect(responses[name]?.responseParameters).toMatchObject({
        'gatewayresponse.header.Access-Control-Allow-Origin': "'*'",
      });
    },
  );

  it('tells throttled clients when to retry', () => {
    for (const type of ['THROTTLED', 'QUOTA_EXCEEDED']) {
      expect(responses[type]?.responseParameters['gatewayresponse.header.Retry-After']).toBe("'1'");
    }
  });

  it('lets browsers read the headers the spec returns', () => {
    expect(
      responses.DEFAULT_4XX?.responseParameters[
        'gatewayresponse.header.Access-Control-Expose-Headers'
      ],
    ).toBe("'Retry-After,Location,ETag'");
  });
});
