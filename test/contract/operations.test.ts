/** The spec and the code name the same operations, and every declared status is produced. */
import { readdirSync } from 'node:fs';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TaskStore } from '../../src/data/tasks.js';
import { jsonResult } from '../../src/http/response.js';
import type { Authorizer } from '../../src/local/authorizer.js';
import { localDefinition, readApiModel } from '../../src/local/definition.js';
import { startGateway } from '../../src/local/gateway.js';
import { corsHeaderNames, loadSpec, operations } from '../../src/openapi.js';
import { ALLOWED_ROLES, WORKSPACE_ACTIONS, WORKSPACE_ROLES } from '../../src/workspaces/policy.js';
import { contractViolations } from '../support/contract.js';
import { type HandlerEnv, type OperationId, ROUTES, startHandlerEnv } from '../support/handlers.js';
import { createTask, newUser, UNKNOWN_ID } from '../support/tasks.js';
import {
  isWorkspaceOperation,
  provokeWorkspace,
  RECURRING,
  type WorkspaceOperationId,
} from '../support/workspaces.js';

const spec = loadSpec();
const specOps = operations(spec);
const handlerDir = fileURLToPath(new URL('../../src/handlers/', import.meta.url));

describe('spec and handlers', () => {
  it('has a handler file for every operationId and an operation for every handler file', () => {
    const handlers = readdirSync(handlerDir)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(handlers).toEqual(specOps.map((o) => o.operationId).sort());
  });

  it('routes each operation where the spec says (method and path)', () => {
    expect(
      Object.fromEntries(
        specOps.map((o) => [o.operationId, { method: o.method.toUpperCase(), resource: o.path }]),
      ),
    ).toEqual(ROUTES);
  });

  it("lets browsers read every response header the spec declares (the handlers' CORS list)", () => {
    const exposed = jsonResult(200, {}).headers?.['Access-Control-Expose-Headers'];
    expect(String(exposed).split(/,\s*/).sort()).toEqual(corsHeaderNames(spec).expose.sort());
  });

  it('declares the Cognito security scheme on every operation (API Gateway ignores the root)', () => {
    for (const op of specOps)
      expect(op.operation.security, op.operationId).toEqual([{ CognitoUserPool: [] }]);
  });
});

type Fault = 'throttle' | 'unavailable' | 'bug';
let env: HandlerEnv;
let fault: Fault | undefined;

beforeAll(async () => {
  env = await startHandlerEnv();
  // A fault we cannot otherwise cause in-process: answers from a middleware on the handlers'
  // own DocumentClient. The real-network versions live in the end-to-end fault tests.
  env.doc.middlewareStack.add(
    (next) => async (args) => {
      if (fault === 'throttle') {
        throw Object.assign(new Error('Rate of requests exceeds the allowed throughput.'), {
          name: 'ThrottlingException',
        });
      }
      if (fault === 'unavailable') {
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
          code: 'ECONNREFUSED',
        });
      }
      if (fault === 'bug') throw new TypeError('Cannot read properties of undefined');
      return next(args);
    },
    { step: 'initialize', name: 'faultInjection' },
  );
});
afterAll(() => env.stop());

const admin = { groups: ['admins'] };

const acceptAll: Authorizer = async () => ({
  ok: true,
  claims: { sub: newUser(), 'cognito:groups': 'admins' },
});
const hang = () => new Promise<never>(() => {});
const crash = async () => {
  throw new TypeError('Cannot read properties of undefined');
};

/**
 * What only the gateway answers, through the local gateway (the stack's gateway responses): a
 * function that fails (502) or outlasts the integration timeout (504), and a request over the
 * payload limit on an operation whose handler reads no body (413).
 */
/** The query an operation's route requires before the gateway calls its function. */
const REQUIRED_QUERY: Partial<Record<OperationId, string>> = {
  listTasksByStatus: '?status=pending',
  listMyAgenda: '?from=2026-12-01T00:00:00Z&to=2026-12-15T00:00:00Z',
};

async function provokeGateway(operationId: OperationId, status: 413 | 502 | 504) {
  const gateway = await startGateway({
    authorizer: acceptAll,
    loadHandler: async () => (status === 504 ? hang : crash),
    buildDocs: false,
    log: () => {},
    timeoutMs: 50,
    maxBodyBytes: 16,
  });
  const { method, resource } = ROUTES[operationId];
  // A GET or DELETE body needs its length: node frames no body for those methods by default.
  const body = status === 413 ? 'x'.repeat(17) : '';
  const path = `${resource.replace('{taskId}', UNKNOWN_ID)}${REQUIRED_QUERY[operationId] ?? ''}`;
  try {
    return await new Promise<{ status: number; headers: Record<string, string>; body: string }>(
      (done, fail) => {
        const req = request(
          `${gateway.url}${path}`,
          { method, headers: { Authorization: 't', 'Content-Length': String(body.length) } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () =>
              done({
                status: res.statusCode ?? 0,
                headers: res.headers as Record<string, string>,
                body: Buffer.concat(chunks).toString('utf8'),
              }),
            );
          },
        );
        req.on('error', fail);
        req.end(body);
      },
    );
  } finally {
    await gateway.close();
  }
}

/**
 * What API Gateway answers when its web ACL blocks a request (`-c waf=true`, never local): the
 * definition's WAF_FILTERED response, as AWS renders a gateway response's static template.
 */
function wafFiltered() {
  const spec = loadSpec();
  const { gatewayResponses } = readApiModel(
    localDefinition({ spec, region: 'us-east-1', userPoolId: 'us-east-1_x', allowedClientIds: [] }),
  );
  const waf = gatewayResponses.WAF_FILTERED;
  if (!waf?.template || waf.statusCode === undefined) throw new Error('no WAF_FILTERED response');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(waf.headers)) headers[name.toLowerCase()] = value;
  const body = waf.template
    .replaceAll('$context.error.messageString', JSON.stringify('Forbidden'))
    .replaceAll('$context.error.message', 'Forbidden')
    .replaceAll('$context.requestId', 'req-1');
  return { status: waf.statusCode, headers, body };
}

/** Operations whose request has a body: a 413 there is the handler's own limit. */
const READS_BODY = new Set<string>(
  specOps.filter((op) => op.operation.requestBody !== undefined).map((op) => op.operationId),
);
/** Operations whose own rules answer 403 (the admins group, a workspace role); elsewhere it is WAF's. */
const REFUSES_BY_ROLE = new Set<string>([
  'listTasksByStatus',
  ...WORKSPACE_ACTIONS.filter((a) => ALLOWED_ROLES[a].length < WORKSPACE_ROLES.length),
]);

/** How to make each operation answer each status it declares. */
async function provoke(operationId: OperationId, status: number) {
  const readsBody = READS_BODY.has(operationId);
  if (status === 502 || status === 504 || (status === 413 && !readsBody)) {
    const res = await provokeGateway(operationId, status);
    expect(contractViolations(operationId, res)).toEqual([]);
    return res;
  }
  if (status === 403 && !REFUSES_BY_ROLE.has(operationId)) {
    const res = wafFiltered();
    expect(contractViolations(operationId, res)).toEqual([]);
    return res;
  }
  if (isWorkspaceOperation(operationId)) {
    const { parts, env: functionEnv, store } = await provokeWorkspace(env, operationId, status);
    return withFault(status, operationId, parts, { env: functionEnv, store });
  }
  const sub = newUser();
  const task = ['getTask', 'updateTask', 'deleteTask'].includes(operationId)
    ? await createTask(env, sub, status === 409 ? RECURRING : {})
    : undefined;
  const taskId = task?.task_id ?? UNKNOWN_ID;
  const good: Record<
    Exclude<OperationId, WorkspaceOperationId>,
    Parameters<HandlerEnv['invoke']>[1]
  > = {
    createTask: { sub, body: { title: 't' } },
    listTasks: { sub },
    getTask: { sub, pathParameters: { taskId } },
    updateTask: { sub, pathParameters: { taskId }, body: { title: 'x' } },
    deleteTask: { sub, pathParameters: { taskId } },
    listTasksByStatus: { sub, ...admin, query: { status: 'pending' } },
    listMyAgenda: { sub, query: { from: '2026-12-01T00:00:00Z', to: '2026-12-15T00:00:00Z' } },
  };
  const parts = { ...good[operationId] };
  let store: TaskStore | undefined;
  switch (status) {
    case 409:
      // A store whose users may own one task, for a user who owns one: a create, or the
      // completion of a recurring task (its next occurrence).
      store = new TaskStore(env.doc, { tableName: env.tableName, shards: 10, maxTasksPerUser: 1 });
      if (operationId === 'updateTask') parts.body = { status: 'completed' };
      else await env.invoke(operationId, parts, { store });
      break;
    case 400:
      if (parts.pathParameters) parts.pathParameters = { taskId: 'bad' };
      else if (parts.body) parts.body = { title: '' };
      else parts.query = { ...parts.query, limit: '0' };
      break;
    case 401:
      delete parts.sub;
      break;
    case 403:
      delete parts.groups;
      break;
    case 404:
      parts.pathParameters = { taskId: UNKNOWN_ID };
      break;
    case 412:
      parts.headers = { 'If-Match': '"99"' };
      break;
    case 413:
      parts.body = { title: 'x'.repeat(40_000) };
      break;
    case 415:
      parts.headers = { 'Content-Type': 'text/plain' };
      parts.body = 'x';
      break;
    case 422: {
      const key = { 'Idempotency-Key': newUser() };
      await env.invoke(operationId, { ...parts, headers: key });
      parts.headers = key;
      parts.body = { title: 'different' };
      break;
    }
  }
  return withFault(status, operationId, parts, { store });
}

/** 429, 503 and 500 come from a store fault; every other status from the request itself. */
async function withFault(
  status: number,
  operationId: OperationId,
  parts: Parameters<HandlerEnv['invoke']>[1],
  options: Parameters<HandlerEnv['invoke']>[2],
) {
  const faults: Record<number, Fault> = { 429: 'throttle', 503: 'unavailable', 500: 'bug' };
  fault = faults[status];
  try {
    return await env.invoke(operationId, parts, options);
  } finally {
    fault = undefined;
  }
}

const cases = specOps.flatMap((op) =>
  Object.keys(op.operation.responses).map((status) => ({
    operationId: op.operationId as OperationId,
    status: Number(status),
  })),
);

describe('every declared status', () => {
  it.each(cases)(
    '$operationId answers $status as the spec describes',
    async ({ operationId, status }) => {
      const res = await provoke(operationId, status);
      expect(res.status).toBe(status);
      if (status === 429 || status === 503) expect(res.headers['retry-after']).toBe('1');
      if (status >= 500) expect(res.body).not.toMatch(/TypeError|ECONNREFUSED|stack|at /);
    },
  );
});
