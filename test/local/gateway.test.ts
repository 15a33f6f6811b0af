/** The local API Gateway: routing, the REST v1 event, responses, limits. */
import { request } from 'node:http';
import { CreateGroupCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GATEWAY_RESPONSES, problemBody } from '../../src/contract/problems.js';
import { apiGatewayDate } from '../../src/local/authorizer.js';
import {
  createUser,
  decodeJwt,
  startTestStack,
  type TestStack,
  type TestUser,
} from '../support/stack.js';
import { echoHandlers } from './echo.js';

const handlers = echoHandlers();
const WEB_ORIGIN = 'http://localhost:5173';
let stack: TestStack;
let user: TestUser;
let admin: TestUser;

beforeAll(async () => {
  stack = await startTestStack({
    loadHandler: handlers.loadHandler,
    corsAllowOrigins: [WEB_ORIGIN],
  });
  await stack.cognito.send(
    new CreateGroupCommand({ UserPoolId: stack.userPoolId, GroupName: 'other' }),
  );
  user = await createUser(stack);
  admin = await createUser(stack, { admin: true, groups: ['other'] });
});
afterAll(() => stack?.stop());
beforeEach(() => handlers.reset());

function call(path: string, init: RequestInit & { token?: string } = {}) {
  const { token, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (token) headers.set('Authorization', token);
  return fetch(`${stack.apiUrl}${path}`, { ...rest, headers });
}

/** node:http keeps header casing and repeats, which fetch normalises away. */
function rawRequest(method: string, path: string, headers: [string, string][], body: string) {
  return new Promise<number>((done, fail) => {
    const host: [string, string] = ['Host', new URL(stack.apiUrl).host];
    const raw = [host, ...headers].flat();
    const req = request(`${stack.apiUrl}${path}`, { method, headers: raw }, (res) => {
      res.resume();
      res.on('end', () => done(res.statusCode ?? 0));
    });
    req.on('error', fail);
    req.end(body);
  });
}

const ONE_TASK = '/tasks/01JD7Z8Q3X5M2N4P6R8T0V2W4Y';

describe('routing', () => {
  it.each([
    { name: 'a path the spec does not have', method: 'GET', path: '/nope' },
    { name: 'a method the path does not have', method: 'PUT', path: '/tasks' },
    { name: 'a trailing slash', method: 'GET', path: '/tasks/' },
    { name: 'an extra segment', method: 'GET', path: `${ONE_TASK}/extra` },
    { name: 'a write to the root (GET / is the index)', method: 'POST', path: '/' },
  ])('refuses $name with a 404 problem, handler not invoked', async ({ method, path }) => {
    const res = await call(path, { method, token: user.idToken, headers: { Origin: WEB_ORIGIN } });

    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.headers.get('access-control-allow-origin')).toBe(WEB_ORIGIN);
    // API Gateway's MISSING_AUTHENTICATION_TOKEN, as the deployed gateway response renders it.
    expect(await res.json()).toEqual({
      ...problemBody('not-found', GATEWAY_RESPONSES.MISSING_AUTHENTICATION_TOKEN.detail),
      instance: res.headers.get('x-amzn-requestid'),
    });
    expect(handlers.invocations).toHaveLength(0);
  });

  it.each([
    { method: 'POST', path: '/tasks', operationId: 'createTask', resource: '/tasks' },
    { method: 'GET', path: '/tasks', operationId: 'listTasks', resource: '/tasks' },
    { method: 'GET', path: ONE_TASK, operationId: 'getTask', resource: '/tasks/{taskId}' },
    { method: 'PATCH', path: ONE_TASK, operationId: 'updateTask', resource: '/tasks/{taskId}' },
    { method: 'DELETE', path: ONE_TASK, operationId: 'deleteTask', resource: '/tasks/{taskId}' },
    {
      method: 'GET',
      path: '/admin/tasks?status=pending',
      operationId: 'listTasksByStatus',
      resource: '/admin/tasks',
    },
  ])('routes $method $path to $operationId', async ({ method, path, operationId, resource }) => {
    const res = await call(path, { method, token: user.idToken });

    expect(res.status).toBe(200);
    expect(handlers.invocations.map((i) => i.operationId)).toEqual([operationId]);
    expect(handlers.invocations[0]?.event.resource).toBe(resource);
    expect(handlers.invocations[0]?.event.httpMethod).toBe(method);
  });
});

describe('the proxy event', () => {
  it('carries every claim as a string in the API Gateway form', async () => {
    await call('/tasks', { token: admin.idToken });

    const claims = handlers.invocations[0]?.event.requestContext.authorizer?.claims as Record<
      string,
      unknown
    >;
    for (const value of Object.values(claims)) expect(typeof value).toBe('string');
    expect(claims).toMatchObject({
      sub: admin.sub,
      email: admin.email,
      email_verified: 'false',
      token_use: 'id',
      aud: stack.clientId,
      iss: `https://cognito-idp.us-east-1.amazonaws.com/${stack.userPoolId}`,
      'cognito:groups': 'admins,other',
    });
    expect(claims.auth_time).toMatch(/^\d{10}$/);
    const javaDate =
      /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) [A-Z][a-z]{2} \d{2} \d{2}:\d{2}:\d{2} UTC \d{4}$/;
    expect(claims.exp).toMatch(javaDate);
    expect(claims.iat).toMatch(javaDate);
    const token = decodeJwt(admin.idToken).payload;
    expect(claims.exp).toBe(apiGatewayDate(token.exp as number));
    expect(claims.iat).toBe(apiGatewayDate(token.iat as number));
  });

  it('has no cognito:groups claim for a user in no group', async () => {
    await call('/tasks', { token: user.idToken });

    const claims = handlers.invocations[0]?.event.requestContext.authorizer?.claims;
    expect(claims).not.toHaveProperty('cognito:groups');
    expect(claims?.sub).toBe(user.sub);
  });

  it('has null path and query parameters and a null body when there are none', async () => {
    await call('/tasks', { token: user.idToken });

    const { event } = handlers.invocations[0] ?? {};
    expect(event).toMatchObject({
      resource: '/tasks',
      path: '/tasks',
      httpMethod: 'GET',
      pathParameters: null,
      queryStringParameters: null,
      multiValueQueryStringParameters: null,
      stageVariables: null,
      body: null,
      isBase64Encoded: false,
    });
  });

  it('has decoded path and query parameters, the last value single and all values multi', async () => {
    await call(`${ONE_TASK}?status=pending&status=in_progress&cursor=a%2Db`, {
      token: `Bearer ${user.idToken}`,
    });

    const { event } = handlers.invocations[0] ?? {};
    expect(event?.pathParameters).toEqual({ taskId: '01JD7Z8Q3X5M2N4P6R8T0V2W4Y' });
    expect(event?.queryStringParameters).toEqual({ status: 'in_progress', cursor: 'a-b' });
    expect(event?.multiValueQueryStringParameters).toEqual({
      status: ['pending', 'in_progress'],
      cursor: ['a-b'],
    });
  });

  it('passes headers with their casing, the last of a repeated one in headers, all in multiValueHeaders', async () => {
    const body = JSON.stringify({ title: 'Ship feature X' });
    const status = await rawRequest(
      'POST',
      '/tasks',
      [
        ['Authorization', user.idToken],
        ['Content-Type', 'application/json'],
        ['Idempotency-Key', 'k-1'],
        ['X-Repeated', 'a'],
        ['X-Repeated', 'b'],
      ],
      body,
    );

    expect(status).toBe(200);
    const { event } = handlers.invocations[0] ?? {};
    expect(event?.body).toBe(body);
    expect(event?.headers).toMatchObject({
      Authorization: user.idToken,
      'Content-Type': 'application/json',
      'Idempotency-Key': 'k-1',
      'X-Repeated': 'b',
      'X-Forwarded-Proto': 'http',
      'X-Forwarded-For': '127.0.0.1',
    });
    expect(event?.multiValueHeaders['X-Repeated']).toEqual(['a', 'b']);
    expect(event?.multiValueHeaders['Content-Type']).toEqual(['application/json']);
  });

  it.each(['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'])(
    'passes a header and a query parameter named %s as own entries, like any other name',
    async (name) => {
      const status = await rawRequest(
        'GET',
        `/tasks?${name}=q1&${name}=q2`,
        [
          ['Authorization', user.idToken],
          [name, 'h1'],
          [name, 'h2'],
        ],
        '',
      );

      expect(status).toBe(200);
      const { event } = handlers.invocations[0] ?? {};
      const own = (map: object | null | undefined) =>
        Object.getOwnPropertyDescriptor(map ?? {}, name)?.value;
      expect(own(event?.headers)).toBe('h2');
      expect(own(event?.multiValueHeaders)).toEqual(['h1', 'h2']);
      expect(own(event?.queryStringParameters)).toBe('q2');
      expect(own(event?.multiValueQueryStringParameters)).toEqual(['q1', 'q2']);
    },
  );

  it('passes bytes that are not UTF-8 as a base64 binary payload, never with U+FFFD in them', async () => {
    const bytes = Buffer.from([0x7b, 0xff, 0xfe, 0x7d]);
    await call('/tasks', {
      method: 'POST',
      token: user.idToken,
      headers: { 'Content-Type': 'application/json' },
      body: bytes,
    });
    await call('/tasks', {
      method: 'POST',
      token: user.idToken,
      headers: { 'Content-Type': 'application/json' },
      body: Buffer.from('{"title":"é"}'),
    });

    const [binary, text] = handlers.invocations.map((i) => i.event);
    expect(binary).toMatchObject({ isBase64Encoded: true, body: bytes.toString('base64') });
    expect(text).toMatchObject({ isBase64Encoded: false, body: '{"title":"é"}' });
  });

  it('has the request context of stage local with the source IP and a request id', async () => {
    const res = await call(ONE_TASK, { method: 'PATCH', token: user.idToken, body: '{}' });

    const { event, context, remainingMs } = handlers.invocations[0] ?? {};
    const ctx = event?.requestContext;
    expect(ctx).toMatchObject({
      stage: 'local',
      httpMethod: 'PATCH',
      resourcePath: '/tasks/{taskId}',
      // Served at the root, like a custom domain with an empty base path: no stage in the path.
      path: ONE_TASK,
      protocol: 'HTTP/1.1',
      identity: { sourceIp: '127.0.0.1' },
    });
    expect(ctx?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get('x-amzn-requestid')).toBe(ctx?.requestId);
    expect(typeof ctx?.requestTimeEpoch).toBe('number');
    expect(context?.awsRequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(context?.functionName).toContain('updateTask');
    // The function's own 10 s timeout, as the stack configures it, not the gateway's 29 s.
    expect(remainingMs).toBeGreaterThan(9_000);
    expect(remainingMs).toBeLessThanOrEqual(10_000);
  });
});

describe('the response', () => {
  it('writes the status, headers, multi-value headers and body the handler returns', async () => {
    handlers.answer(async () => ({
      statusCode: 201,
      headers: { ETag: '"1"', Location: '/tasks/X' },
      multiValueHeaders: { 'Set-Cookie': ['a=1', 'b=2'] },
      body: '{"ok":true}',
    }));

    const res = await call('/tasks', { method: 'POST', token: user.idToken, body: '{}' });

    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.headers.get('location')).toBe('/tasks/X');
    expect(res.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(await res.text()).toBe('{"ok":true}');
  });

  it('decodes a base64 body', async () => {
    handlers.answer(async () => ({
      statusCode: 200,
      body: Buffer.from('binary!').toString('base64'),
      isBase64Encoded: true,
    }));

    const res = await call('/tasks', { token: user.idToken });

    expect(await res.text()).toBe('binary!');
  });

  it.each([
    {
      name: 'throws',
      reply: async () => {
        throw new Error('boom');
      },
    },
    { name: 'returns no status code', reply: async () => ({ body: 'x' }) as never },
  ])(
    'answers 502 problem+json when the handler $name, without its error text',
    async ({ reply }) => {
      handlers.answer(reply);

      const res = await call('/tasks', { token: user.idToken });

      expect(res.status).toBe(502);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      const text = await res.text();
      expect(text).not.toContain('boom');
      expect(JSON.parse(text)).toMatchObject({ status: 502, title: 'Bad Gateway' });
    },
  );
});

describe('limits', () => {
  it('refuses a body over 10 MB with 413 problem+json, handler not invoked', async () => {
    const res = await call('/tasks', {
      method: 'POST',
      token: user.idToken,
      headers: { 'Content-Type': 'application/json' },
      body: 'x'.repeat(10 * 1024 * 1024 + 1),
    });

    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ status: 413, title: 'Content Too Large' });
    expect(handlers.invocations).toHaveLength(0);
  });

  it('accepts a body of exactly 10 MB', async () => {
    const res = await call('/tasks', {
      method: 'POST',
      token: user.idToken,
      body: 'x'.repeat(10 * 1024 * 1024),
    });

    expect(res.status).toBe(200);
    expect(handlers.invocations[0]?.event.body).toHaveLength(10 * 1024 * 1024);
  });
});

describe('CORS', () => {
  it('answers a preflight on a known path with 204 and the allowed methods and headers', async () => {
    const res = await call(ONE_TASK, {
      method: 'OPTIONS',
      headers: {
        Origin: WEB_ORIGIN,
        'Access-Control-Request-Method': 'PATCH',
        'Access-Control-Request-Headers': 'authorization,content-type,if-match',
      },
    });

    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(WEB_ORIGIN);
    expect(res.headers.get('vary')).toBe('Origin');
    expect(res.headers.get('access-control-allow-methods')?.split(',').sort()).toEqual([
      'DELETE',
      'GET',
      'OPTIONS',
      'PATCH',
    ]);
    const allowed = res.headers.get('access-control-allow-headers')?.toLowerCase().split(',');
    expect(allowed).toEqual(
      expect.arrayContaining(['authorization', 'content-type', 'if-match', 'idempotency-key']),
    );
    expect(res.headers.get('access-control-expose-headers')?.split(',')).toEqual(
      expect.arrayContaining(['ETag', 'Location', 'Retry-After']),
    );
    expect(handlers.invocations).toHaveLength(0);
  });

  it.each([
    { name: 'a preflight', method: 'OPTIONS' },
    { name: 'a request', method: 'GET' },
  ])('does not let an origin outside the allowed list read $name', async ({ method }) => {
    const res = await call(ONE_TASK, {
      method,
      token: user.idToken,
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET' },
    });

    // A preflight keeps the definition's static origin (the first listed), as on AWS; the
    // function's answer names none. Either way the browser on the other origin cannot read it.
    expect(res.headers.get('access-control-allow-origin')).toBe(
      method === 'OPTIONS' ? WEB_ORIGIN : null,
    );
  });

  it('refuses a preflight on an unknown path with 404', async () => {
    const res = await call('/nope', { method: 'OPTIONS' });

    expect(res.status).toBe(404);
  });
});

describe('logging', () => {
  it('logs one JSON line per request with method, path, status, latency and request id, never the token', async () => {
    stack.logs.length = 0;

    const res = await call(`${ONE_TASK}?cursor=secret-cursor`, { token: user.idToken });
    await call('/nope', { token: `Bearer ${user.idToken}` });

    const requests = stack.logs.filter((l) => l.msg === 'request');
    expect(requests).toHaveLength(2);
    expect(requests[0]).toMatchObject({
      method: 'GET',
      path: ONE_TASK,
      status: 200,
      request_id: res.headers.get('x-amzn-requestid'),
      operation_id: 'getTask',
    });
    expect(typeof requests[0]?.latency_ms).toBe('number');
    expect(requests[1]).toMatchObject({ path: '/nope', status: 404 });
    const text = JSON.stringify(stack.logs);
    expect(text).not.toContain(user.idToken.split('.')[1]);
    expect(text).not.toContain('secret-cursor');
  });
});
