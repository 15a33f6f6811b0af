/**
 * The local gateway runs the API Gateway definition the CDK stack imports: its request
 * validator, its gateway responses, its authorizer's app clients, and a stage path.
 */
import { CreateUserPoolClientCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { specToApiGatewayBody } from '../../infra/spec-to-apigateway.js';
import { GATEWAY_RESPONSES, problemBody, problemType } from '../../src/contract/problems.js';
import type { Authorizer } from '../../src/local/authorizer.js';
import { startGateway } from '../../src/local/gateway.js';
import { loadSpec } from '../../src/openapi.js';
import {
  createUser,
  forgeToken,
  signIn,
  startTestStack,
  type TestStack,
  type TestUser,
} from '../support/stack.js';
import { echoHandlers } from './echo.js';

const handlers = echoHandlers();
const WEB_ORIGIN = 'http://127.0.0.1:5173';
let stack: TestStack;
let user: TestUser;

beforeAll(async () => {
  stack = await startTestStack({
    loadHandler: handlers.loadHandler,
    corsAllowOrigins: [WEB_ORIGIN],
  });
  user = await createUser(stack);
});
afterAll(() => stack?.stop());
beforeEach(() => handlers.reset());

function get(base: string, path: string, token?: string) {
  return fetch(`${base}${path}`, { headers: token ? { Authorization: token } : {} });
}

describe('the request validator', () => {
  it('refuses a non-admin GET /admin/tasks without status with 400 before the function, as on AWS', async () => {
    const res = await get(stack.apiUrl, '/admin/tasks', user.idToken);

    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await res.json()).toEqual({
      ...problemBody('validation-error', 'Missing required request parameters: [status]'),
      instance: res.headers.get('x-amzn-requestid'),
    });
    expect(handlers.invocations).toHaveLength(0);
  });

  it('treats a blank required parameter as missing', async () => {
    const res = await get(stack.apiUrl, '/admin/tasks?status=', user.idToken);

    expect(res.status).toBe(400);
    expect(handlers.invocations).toHaveLength(0);
  });

  it('runs after the authorizer: without a token the answer is 401, not 400', async () => {
    const res = await get(stack.apiUrl, '/admin/tasks');

    expect(res.status).toBe(401);
  });
});

describe('gateway responses', () => {
  it('answers with the deployed template and headers of MISSING_AUTHENTICATION_TOKEN', async () => {
    const deployed = (
      specToApiGatewayBody(loadSpec(), {
        integrationUris: new Proxy({}, { get: () => 'uri' }),
        userPoolArn: 'arn:pool',
        corsAllowOrigins: [WEB_ORIGIN],
      }) as Record<string, Record<string, Record<string, Record<string, string>>>>
    )['x-amazon-apigateway-gateway-responses']?.MISSING_AUTHENTICATION_TOKEN;

    const res = await get(stack.apiUrl, '/nope', user.idToken);

    const requestId = res.headers.get('x-amzn-requestid') as string;
    expect(res.status).toBe(Number(deployed?.statusCode));
    expect(await res.text()).toBe(
      deployed?.responseTemplates?.['application/json']?.replace('$context.requestId', requestId),
    );
    for (const [key, value] of Object.entries(deployed?.responseParameters ?? {})) {
      const name = key.replace('gatewayresponse.header.', '');
      expect(res.headers.get(name), name).toBe(value.slice(1, -1));
    }
  });
});

describe('app clients', () => {
  it('refuses an ID token of another app client of the same pool, as the authorizer on AWS does', async () => {
    const other = await stack.cognito.send(
      new CreateUserPoolClientCommand({
        UserPoolId: stack.userPoolId,
        ClientName: 'another-app',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    const otherClient = { ...stack, clientId: other.UserPoolClient?.ClientId as string };
    const { idToken } = await signIn(otherClient, user.email, user.password);

    const res = await get(stack.apiUrl, '/tasks', idToken);

    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ detail: GATEWAY_RESPONSES.UNAUTHORIZED.detail });
    expect(handlers.invocations).toHaveLength(0);
  });

  it('accepts exactly the configured app clients', async () => {
    const scoped = await startTestStack({
      loadHandler: handlers.loadHandler,
      allowedClientIds: ['cli2client'],
    });
    try {
      const web = await createUser(scoped);

      expect((await get(scoped.apiUrl, '/tasks', web.idToken)).status).toBe(401);
      const cli = forgeToken(web.idToken, { aud: 'cli2client' });
      expect((await get(scoped.apiUrl, '/tasks', cli)).status).toBe(200);
    } finally {
      await scoped.stop();
    }
  });

  it('accepts every app client of the pool when the list is empty (no expression, AWS default)', async () => {
    const open = await startTestStack({ loadHandler: handlers.loadHandler, allowedClientIds: [] });
    try {
      const web = await createUser(open);
      const cli = forgeToken(web.idToken, { aud: 'anyclient' });

      expect((await get(open.apiUrl, '/tasks', cli)).status).toBe(200);
    } finally {
      await open.stop();
    }
  });
});

describe('LOCAL_STAGE', () => {
  let staged: TestStack;
  let staff: TestUser;
  beforeAll(async () => {
    staged = await startTestStack({ loadHandler: handlers.loadHandler, stage: 'prod' });
    staff = await createUser(staged);
  });
  afterAll(() => staged?.stop());

  it('serves the API under /prod with events of stage prod, paths as AWS sends them', async () => {
    expect(new URL(staged.apiUrl).pathname).toBe('/prod');

    const res = await get(staged.apiUrl, '/tasks/01JD7Z8Q3X5M2N4P6R8T0V2W4Y', staff.idToken);

    expect(res.status).toBe(200);
    const event = handlers.invocations[0]?.event;
    expect(event).toMatchObject({
      resource: '/tasks/{taskId}',
      path: '/tasks/01JD7Z8Q3X5M2N4P6R8T0V2W4Y',
      requestContext: {
        stage: 'prod',
        path: '/prod/tasks/01JD7Z8Q3X5M2N4P6R8T0V2W4Y',
        resourcePath: '/tasks/{taskId}',
      },
    });
  });

  it('answers no route outside the stage', async () => {
    const origin = new URL(staged.apiUrl).origin;

    const res = await get(origin, '/tasks', staff.idToken);

    expect(res.status).toBe(404);
    expect(handlers.invocations).toHaveLength(0);
  });

  it('answers preflights under the stage', async () => {
    const res = await fetch(`${staged.apiUrl}/tasks`, { method: 'OPTIONS' });

    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
  });
});

describe('timeouts', () => {
  const acceptAll: Authorizer = async () => ({ ok: true, claims: { sub: 'someone' } });
  const hang = () => new Promise<never>(() => {});

  it.each([
    {
      name: "the function's own timeout: a failed invocation, 502",
      functionTimeoutMs: 50,
      timeoutMs: 5_000,
      status: 502,
      slug: 'bad-gateway',
    },
    {
      name: "the integration timeout: API Gateway's 504",
      functionTimeoutMs: 5_000,
      timeoutMs: 50,
      status: 504,
      slug: 'gateway-timeout',
    },
  ] as const)(
    'ends a hanging handler at $name',
    async ({ functionTimeoutMs, timeoutMs, status, slug }) => {
      const gateway = await startGateway({
        authorizer: acceptAll,
        loadHandler: async () => hang,
        buildDocs: false,
        log: () => {},
        functionTimeoutMs,
        timeoutMs,
      });
      try {
        const res = await get(gateway.url, '/tasks', 'token');

        expect(res.status).toBe(status);
        expect((await res.json()).type).toBe(problemType(slug));
      } finally {
        await gateway.close();
      }
    },
  );
});
