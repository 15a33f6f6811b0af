/**
 * The API Gateway definition the local gateway runs: the CDK stack's own transform of openapi.yaml
 * (infra/spec-to-apigateway.ts), with local invoke URIs, read back into what a request needs.
 * Extensions: https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions.html
 */
import { specToApiGatewayBody } from '../../infra/spec-to-apigateway.js';
import { HTTP_METHODS, operations, type Spec } from '../openapi.js';
import { ACCOUNT_ID } from './event.js';

type Json = Record<string, unknown>;

const FUNCTION_PREFIX = 'task-api-local-';

export function localFunctionName(operationId: string): string {
  return `${FUNCTION_PREFIX}${operationId}`;
}

export interface LocalDefinitionInput {
  spec: Spec;
  region: string;
  userPoolId: string;
  /** The app clients the authorizer accepts (identityValidationExpression); empty: any. */
  allowedClientIds: string[];
  /** Browser origins the API answers (CORS_ALLOW_ORIGINS). @default none */
  corsAllowOrigins?: readonly string[];
  /** Base of the problem `type` URIs (`PROBLEM_TYPE_BASE`). @default the docs page */
  problemTypeBase?: string;
}

/** What `cdk synth` imports, with a local function per operation instead of a Lambda ARN. */
export function localDefinition(input: LocalDefinitionInput): Json {
  const { region } = input;
  const uri = (operationId: string) =>
    `arn:aws:apigateway:${region}:lambda:path/2015-03-31/functions/` +
    `arn:aws:lambda:${region}:${ACCOUNT_ID}:function:${localFunctionName(operationId)}/invocations`;
  const poolRegion = input.userPoolId.split('_')[0] ?? region;
  return specToApiGatewayBody(input.spec, {
    integrationUris: Object.fromEntries(
      operations(input.spec).map((op) => [op.operationId, uri(op.operationId)]),
    ),
    userPoolArn: `arn:aws:cognito-idp:${poolRegion}:${ACCOUNT_ID}:userpool/${input.userPoolId}`,
    corsAllowOrigins: input.corsAllowOrigins ?? [],
    allowedClientIds: input.allowedClientIds,
    problemTypeBase: input.problemTypeBase,
  });
}

export interface RequiredParameter {
  in: 'path' | 'query' | 'header';
  name: string;
}

export interface MethodModel {
  operationId: string;
  /** Upper case, as in `event.httpMethod`. */
  method: string;
  /** The path template, API Gateway's `resource`. */
  resource: string;
  /** The security scheme whose authorizer guards the method, if any. */
  authorizer?: string;
  /** Checked by the method's request validator (when it validates parameters), in order. */
  requiredParameters: RequiredParameter[];
}

export interface CognitoAuthorizerModel {
  /** The header the token arrives in (the scheme's `name`). */
  header: string;
  userPoolIds: string[];
  identityValidationExpression?: string;
}

export interface GatewayResponseModel {
  statusCode?: number;
  headers: Record<string, string>;
  template?: string;
}

export interface ApiModel {
  methods: MethodModel[];
  /** Resource -> the preflight answer's headers (the mock integration's response parameters). */
  preflights: Map<string, Record<string, string>>;
  authorizers: Record<string, CognitoAuthorizerModel>;
  gatewayResponses: Record<string, GatewayResponseModel>;
}

export function readApiModel(definition: Json): ApiModel {
  const components = (definition.components ?? {}) as Json;
  const authorizers: Record<string, CognitoAuthorizerModel> = {};
  for (const [name, scheme] of Object.entries((components.securitySchemes ?? {}) as Json)) {
    const s = scheme as Json;
    const authorizer = s['x-amazon-apigateway-authorizer'] as Json | undefined;
    if (authorizer?.type !== 'cognito_user_pools') continue;
    authorizers[name] = {
      header: String(s.name),
      userPoolIds: (authorizer.providerARNs as string[]).map((arn) => arn.split('/').pop() ?? ''),
      ...(typeof authorizer.identityValidationExpression === 'string'
        ? { identityValidationExpression: authorizer.identityValidationExpression }
        : {}),
    };
  }
  const validators = (definition['x-amazon-apigateway-request-validators'] ?? {}) as Record<
    string,
    { validateRequestParameters?: boolean; validateRequestBody?: boolean }
  >;

  const methods: MethodModel[] = [];
  const preflights = new Map<string, Record<string, string>>();
  for (const [resource, item] of Object.entries(definition.paths as Json)) {
    for (const method of HTTP_METHODS) {
      const operation = (item as Json)[method] as Json | undefined;
      if (!operation) continue;
      const integration = operation['x-amazon-apigateway-integration'] as Json;
      if (method === 'options' && integration.type === 'mock') {
        const answer = (integration.responses as Json).default as Json;
        preflights.set(resource, literalHeaders(answer.responseParameters, 'method.response'));
        continue;
      }
      const validator = validators[String(operation['x-amazon-apigateway-request-validator'])];
      if (validator?.validateRequestBody) {
        throw new Error(`${method} ${resource}: body validation at the gateway is not run locally`);
      }
      const security = (operation.security ?? []) as Record<string, unknown>[];
      const authorizer = security.flatMap(Object.keys).find((name) => name in authorizers);
      methods.push({
        operationId: operationIdOf(integration, `${method} ${resource}`),
        method: method.toUpperCase(),
        resource,
        ...(authorizer ? { authorizer } : {}),
        requiredParameters: validator?.validateRequestParameters
          ? ((operation.parameters ?? []) as Json[])
              .filter((p) => p.required === true)
              .map((p) => ({ in: p.in as RequiredParameter['in'], name: String(p.name) }))
          : [],
      });
    }
  }

  const gatewayResponses: Record<string, GatewayResponseModel> = {};
  for (const [type, r] of Object.entries(
    (definition['x-amazon-apigateway-gateway-responses'] ?? {}) as Record<string, Json>,
  )) {
    const template = (r.responseTemplates as Json | undefined)?.['application/json'];
    gatewayResponses[type] = {
      ...(r.statusCode ? { statusCode: Number(r.statusCode) } : {}),
      headers: literalHeaders(r.responseParameters, 'gatewayresponse'),
      ...(typeof template === 'string' ? { template } : {}),
    };
  }
  return { methods, preflights, authorizers, gatewayResponses };
}

/** Only `aws_proxy` Lambda integrations to a local function are run here. */
function operationIdOf(integration: Json, where: string): string {
  const name = /:function:([^/:]+)\/invocations$/.exec(String(integration.uri))?.[1];
  if (integration.type !== 'aws_proxy' || !name?.startsWith(FUNCTION_PREFIX)) {
    throw new Error(`${where}: only aws_proxy integrations to a local function run locally`);
  }
  return name.slice(FUNCTION_PREFIX.length);
}

/** `<prefix>.header.Name: "'value'"` -> `{ Name: 'value' }` (static values only). */
function literalHeaders(parameters: unknown, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries((parameters ?? {}) as Record<string, string>)) {
    const name = key.startsWith(`${prefix}.header.`) ? key.slice(prefix.length + 8) : undefined;
    const literal = /^'(.*)'$/.exec(value)?.[1];
    if (name && literal !== undefined) out[name] = literal;
  }
  return out;
}
