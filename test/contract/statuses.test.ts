/**
 * Every error status a producer can answer for an operation is declared on it, and nothing
 * else is: derived from the problem catalogue (src/contract/problems.ts), whose entries each
 * producer answers with. The producers: the handler (its definition and the operation's
 * inputs), API Gateway's gateway responses (the method in the definition the stack imports)
 * and the local gateway (the same gateway responses, plus its own failure).
 */
import { describe, expect, it } from 'vitest';
import {
  GATEWAY_RESPONSES,
  type GatewayResponseType,
  PROBLEM_SLUGS,
  PROBLEMS,
  type ProblemSlug,
} from '../../src/contract/problems.js';
import type { OperationDefinition, OperationId } from '../../src/http/handler.js';
import { localDefinition, readApiModel } from '../../src/local/definition.js';
import { LOCAL_GATEWAY_ERRORS, renderGatewayResponse } from '../../src/local/gateway-response.js';
import { deref, loadSpec, operations } from '../../src/openapi.js';
import { ALLOWED_ROLES, WORKSPACE_ACTIONS, WORKSPACE_ROLES } from '../../src/workspaces/policy.js';
import { handlerFactory } from '../support/handlers.js';

type Json = Record<string, unknown>;
const spec = loadSpec();
const definition = localDefinition({
  spec,
  region: 'us-east-1',
  userPoolId: 'us-east-1_Local00000',
  allowedClientIds: [],
});
const gatewayPaths = definition.paths as Record<string, Record<string, Json>>;
const schemes = (definition.components as { securitySchemes: Record<string, Json> })
  .securitySchemes;

/** What the producers' conditions read about one operation. */
interface Facts {
  operationId: string;
  /** The method in the API Gateway definition. */
  method: Json;
  /** The handler's own definition (src/handlers/<operationId>.ts). */
  handler: OperationDefinition<OperationId>;
  /** `in:name` of every parameter (header names in lower case). */
  parameters: Set<string>;
  hasBody: boolean;
}

/** The `x-amazon-apigateway-authtype` of each security scheme the method names. */
function authTypes(f: Facts): string[] {
  const security = (f.method.security ?? []) as Record<string, string[]>[];
  return security
    .flatMap(Object.keys)
    .map((n) => String(schemes[n]?.['x-amazon-apigateway-authtype']));
}
const scoped = (f: Facts) =>
  ((f.method.security ?? []) as Record<string, string[]>[]).some((r) =>
    Object.values(r).some((scopes) => scopes.length > 0),
  );
const authorized = (f: Facts) =>
  authTypes(f).some((t) => t === 'cognito_user_pools' || t === 'custom');
/** An API key is a security scheme with no authorizer (API Gateway's `api_key`). */
const apiKeyRequired = (f: Facts) => authTypes(f).includes('undefined');

/**
 * When API Gateway answers each gateway response for a request routed to this method. Types:
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html
 */
const GATEWAY: Record<GatewayResponseType, (f: Facts) => boolean> = {
  // The stack may turn body validation on (validateRequestBody).
  BAD_REQUEST_BODY: (f) => f.hasBody,
  BAD_REQUEST_PARAMETERS: (f) =>
    ((f.method.parameters ?? []) as Json[]).some((p) => p.required === true),
  UNAUTHORIZED: authorized,
  EXPIRED_TOKEN: authorized,
  // A custom authorizer's deny, a Cognito authorizer's scopes or a resource policy.
  ACCESS_DENIED: (f) =>
    authTypes(f).includes('custom') || scoped(f) || 'x-amazon-apigateway-policy' in definition,
  INVALID_API_KEY: apiKeyRequired,
  INVALID_SIGNATURE: (f) => authTypes(f).includes('awsSigv4'),
  // `-c waf=true` puts a web ACL in front of the stage (infra/edges.ts).
  WAF_FILTERED: () => true,
  // Only for a request no method matches.
  MISSING_AUTHENTICATION_TOKEN: () => false,
  RESOURCE_NOT_FOUND: () => false,
  // The 10 MB payload quota holds for every request, with a body or not:
  // https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html
  REQUEST_TOO_LARGE: () => true,
  UNSUPPORTED_MEDIA_TYPE: (f) => f.hasBody,
  THROTTLED: () => true,
  // Usage plans meter API keys.
  QUOTA_EXCEEDED: apiKeyRequired,
  API_CONFIGURATION_ERROR: () => true,
  AUTHORIZER_FAILURE: authorized,
  AUTHORIZER_CONFIGURATION_ERROR: authorized,
  INTEGRATION_FAILURE: (f) => f.method['x-amazon-apigateway-integration'] !== undefined,
  INTEGRATION_TIMEOUT: (f) => f.method['x-amazon-apigateway-integration'] !== undefined,
};

const CONFLICTS = new Set(['leaveWorkspace', 'removeMember', 'updateMember', 'inviteMember']);

/** When the handler answers each problem (src/http/handler.ts, src/http/request.ts). */
const HANDLER: Record<ProblemSlug, (f: Facts) => boolean> = {
  // Every request's parameters are validated; a list's cursor may be refused.
  'validation-error': () => true,
  unauthorized: () => true,
  // The admins group, or a workspace role below what the policy allows (src/workspaces/policy.ts).
  forbidden: (f) =>
    f.handler.adminOnly === true ||
    WORKSPACE_ACTIONS.some(
      (a) => a === f.operationId && ALLOWED_ROLES[a].length < WORKSPACE_ROLES.length,
    ),
  // The last owner leaving, removed or demoted (the policy), an address invited twice (the store).
  conflict: (f) => CONFLICTS.has(f.operationId),
  // A user's task count is capped (MAX_TASKS_PER_USER); a create adds to it, and so does the
  // completion of a recurring task (its next occurrence).
  'task-limit-reached': (f) => ['createTask', 'updateTask'].includes(f.operationId),
  // The limits on what users create (docs/architecture.md#limits), each on what adds to it.
  'workspace-limit-reached': (f) => ['createWorkspace', 'acceptInvitation'].includes(f.operationId),
  'member-limit-reached': (f) => f.operationId === 'inviteMember',
  'invitation-limit-reached': (f) => f.operationId === 'inviteMember',
  'workspace-task-limit-reached': (f) =>
    ['createWorkspaceTask', 'updateWorkspaceTask'].includes(f.operationId),
  // A task named by its id may not exist (or be another user's).
  'not-found': (f) => [...f.parameters].some((p) => p.startsWith('path:')),
  'precondition-failed': (f) => f.parameters.has('header:if-match'),
  'payload-too-large': (f) => f.handler.body !== undefined,
  'unsupported-media-type': (f) => f.handler.body !== undefined,
  'idempotency-key-reused': (f) => f.parameters.has('header:idempotency-key'),
  throttled: () => true,
  internal: () => true,
  // Only API Gateway answers these (a failed or late function).
  'bad-gateway': () => false,
  unavailable: () => true,
  'gateway-timeout': () => false,
};

/** The local gateway's own failure (src/local/gateway.ts), on any route. */
const LOCAL_OWN: ProblemSlug[] = ['internal'];

async function factsOf(op: ReturnType<typeof operations>[number]): Promise<Facts> {
  const method = gatewayPaths[op.path]?.[op.method] as Json;
  const parameters = ((method.parameters ?? []) as Json[]).map((p) => {
    const name = String(p.name);
    return `${String(p.in)}:${p.in === 'header' ? name.toLowerCase() : name}`;
  });
  const factory = await handlerFactory(op.operationId as OperationId);
  return {
    operationId: op.operationId,
    method,
    handler: factory.definition,
    parameters: new Set(parameters),
    hasBody: op.operation.requestBody !== undefined,
  };
}

async function producible(op: ReturnType<typeof operations>[number]) {
  const f = await factsOf(op);
  const out = new Map<number, string[]>();
  const add = (status: number, who: string) => out.set(status, [...(out.get(status) ?? []), who]);
  for (const slug of PROBLEM_SLUGS) if (HANDLER[slug](f)) add(PROBLEMS[slug].status, slug);
  for (const [type, p] of Object.entries(GATEWAY_RESPONSES)) {
    if (GATEWAY[type as GatewayResponseType](f)) add(PROBLEMS[p.slug].status, type);
  }
  for (const slug of LOCAL_OWN) add(PROBLEMS[slug].status, `local ${slug}`);
  return out;
}

const specOps = operations(spec);

describe('declared error statuses', () => {
  it.each(specOps.map((op) => ({ operationId: op.operationId, op })))(
    '$operationId declares exactly the error statuses its producers can answer',
    async ({ op }) => {
      const producers = await producible(op);
      const declared = Object.keys(op.operation.responses)
        .map(Number)
        .filter((s) => s >= 400)
        .sort((a, b) => a - b);
      const undeclared = [...producers].filter(([s]) => !declared.includes(s));
      expect(undeclared, 'answered but not declared').toEqual([]);
      expect(declared).toEqual([...producers.keys()].sort((a, b) => a - b));
    },
  );

  it('declares every error as problem+json', () => {
    for (const op of specOps) {
      for (const [status, response] of Object.entries(op.operation.responses)) {
        if (Number(status) < 400) continue;
        const content = (deref(spec, response) as { content?: Json }).content ?? {};
        expect(Object.keys(content), `${op.operationId} ${status}`).toEqual([
          'application/problem+json',
        ]);
      }
    }
  });

  it('has a condition for every gateway response the catalogue lists', () => {
    expect(Object.keys(GATEWAY).sort()).toEqual(Object.keys(GATEWAY_RESPONSES).sort());
  });

  it("renders each of the local gateway's errors with its catalogue status", () => {
    const { gatewayResponses } = readApiModel(definition);
    for (const type of Object.keys(LOCAL_GATEWAY_ERRORS) as (keyof typeof LOCAL_GATEWAY_ERRORS)[]) {
      const rendered = renderGatewayResponse(gatewayResponses, type, { requestId: 'r' });
      const { slug } = GATEWAY_RESPONSES[type];
      expect(rendered.status, type).toBe(PROBLEMS[slug].status);
      expect(rendered.headers['Content-Type'], type).toBe('application/problem+json');
      expect(JSON.parse(rendered.body), type).toMatchObject(PROBLEMS[slug]);
    }
  });
});
