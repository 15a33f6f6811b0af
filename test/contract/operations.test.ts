/** The spec and the code name the same operations, and every declared status is produced. */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TaskStore } from '../../src/data/tasks.js';
import { jsonResult } from '../../src/http/response.js';
import { corsHeaderNames, loadSpec, operations } from '../../src/openapi.js';
import { type HandlerEnv, type OperationId, ROUTES, startHandlerEnv } from '../support/handlers.js';
import { createTask, newUser, UNKNOWN_ID } from '../support/tasks.js';

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

/** How to make each operation answer each status it declares. */
async function provoke(operationId: OperationId, status: number) {
  const sub = newUser();
  const task = ['getTask', 'updateTask', 'deleteTask'].includes(operationId)
    ? await createTask(env, sub)
    : undefined;
  const taskId = task?.task_id ?? UNKNOWN_ID;
  const good: Record<OperationId, Parameters<HandlerEnv['invoke']>[1]> = {
    createTask: { sub, body: { title: 't' } },
    listTasks: { sub },
    getTask: { sub, pathParameters: { taskId } },
    updateTask: { sub, pathParameters: { taskId }, body: { title: 'x' } },
    deleteTask: { sub, pathParameters: { taskId } },
    listTasksByStatus: { sub, ...admin, query: { status: 'pending' } },
  };
  const parts = { ...good[operationId] };
  let store: TaskStore | undefined;
  switch (status) {
    case 409:
      // A store whose users may own one task, for a user who owns one.
      store = new TaskStore(env.doc, { tableName: env.tableName, shards: 10, maxTasksPerUser: 1 });
      await env.invoke(operationId, parts, { store });
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
  const faults: Record<number, Fault> = { 429: 'throttle', 503: 'unavailable', 500: 'bug' };
  fault = faults[status];
  try {
    return await env.invoke(operationId, parts, { store });
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
