/**
 * The embedded DynamoDB and Cognito answer only the local stack: a loopback Host with their own
 * port, and no browser Origin but the stack's own, so no web page (nor DNS rebinding) reaches them.
 */

import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCognito } from '../../src/local/cognito.js';
import { startDynalite } from '../../src/local/dynamodb.js';
import { loopbackOrigins } from '../../src/local/loopback.js';
import { startLocalStack } from '../../src/local/stack.js';
import { echoHandlers } from './echo.js';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
}

/** A raw request, Host and Origin exactly as given (a browser on a rebound name sends its own). */
function raw(
  port: number,
  method: string,
  headers: Record<string, string>,
  body = '',
): Promise<Answer> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, method, path: '/', headers }, (res) => {
      res.resume();
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', fail);
    req.end(body);
  });
}

const WEB_ORIGIN = 'http://127.0.0.1:5173';

/** A DynamoDB call and a Cognito call any client makes. */
const CALLS = {
  dynamodb: {
    headers: {
      'Content-Type': 'application/x-amz-json-1.0',
      'X-Amz-Target': 'DynamoDB_20120810.ListTables',
      Authorization:
        'AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=00',
      'X-Amz-Date': '20260101T000000Z',
    },
    body: '{}',
  },
  cognito: {
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': 'AWSCognitoIdentityProviderService.ListUserPools',
    },
    body: '{"MaxResults":1}',
  },
} as const;

const ports: Record<keyof typeof CALLS, number> = { dynamodb: 0, cognito: 0 };
const cleanups: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  const dynamo = await startDynalite();
  cleanups.push(() => dynamo.close());
  ports.dynamodb = dynamo.port;
  const dir = await mkdtemp(join(tmpdir(), 'loopback-test-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const cognito = await startCognito({
    dataDir: dir,
    allowedOrigins: () => loopbackOrigins(WEB_ORIGIN),
  });
  cleanups.push(() => cognito.close());
  ports.cognito = cognito.port;
});
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const call = (service: keyof typeof CALLS, headers: Record<string, string>, method = 'POST') =>
  raw(ports[service], method, { ...CALLS[service].headers, ...headers }, CALLS[service].body);

const corsHeaders = (a: Answer) =>
  Object.keys(a.headers).filter((h) => h.startsWith('access-control-'));

describe.each(['dynamodb', 'cognito'] as const)('the embedded %s', (service) => {
  it.each(['127.0.0.1', 'localhost', '[::1]'])(
    'answers Host %s with its own port',
    async (host) => {
      const res = await call(service, { Host: `${host}:${ports[service]}` });
      expect(res.status).toBe(200);
    },
  );

  it.each([
    { name: 'a rebound name', host: () => 'attacker.example' },
    { name: 'a rebound name with the port', host: () => `attacker.example:${ports[service]}` },
    { name: 'a loopback name with another port', host: () => `127.0.0.1:${ports[service] + 1}` },
    { name: 'a loopback name without a port', host: () => 'localhost' },
    {
      name: 'a name that only starts like localhost',
      host: () => `localhost.attacker.example:${ports[service]}`,
    },
  ])('refuses $name as Host with 403 and no CORS headers', async ({ host }) => {
    const res = await call(service, { Host: host() });
    expect(res.status).toBe(403);
    expect(corsHeaders(res)).toEqual([]);
  });

  it.each([
    'https://attacker.example',
    'http://127.0.0.1:6666',
    'null',
    'http://localhost.attacker.example',
  ])(
    'refuses a request and a preflight from the origin %s with 403 and no CORS headers',
    async (origin) => {
      const host = `127.0.0.1:${ports[service]}`;
      const res = await call(service, { Host: host, Origin: origin });
      const preflight = await call(
        service,
        { Host: host, Origin: origin, 'Access-Control-Request-Method': 'POST' },
        'OPTIONS',
      );

      expect(res.status).toBe(403);
      expect(corsHeaders(res)).toEqual([]);
      expect(preflight.status).toBe(403);
      expect(corsHeaders(preflight)).toEqual([]);
    },
  );
});

describe('the stack origins', () => {
  it('lets the web app origin call Cognito (as the board does), in either loopback spelling', async () => {
    for (const origin of [WEB_ORIGIN, 'http://localhost:5173', 'http://[::1]:5173']) {
      const res = await call('cognito', { Host: `localhost:${ports.cognito}`, Origin: origin });
      expect(res.status, origin).toBe(200);
      expect(res.headers['access-control-allow-origin'], origin).toBeDefined();
    }
  });

  it('never lets a browser origin call DynamoDB, the web app’s included', async () => {
    const res = await call('dynamodb', { Host: `127.0.0.1:${ports.dynamodb}`, Origin: WEB_ORIGIN });
    expect(res.status).toBe(403);
  });

  it('gives Cognito the loopback origins the stack allows and no others', async () => {
    const handlers = echoHandlers();
    const stack = await startLocalStack({
      env: {},
      loadHandler: handlers.loadHandler,
      buildDocs: false,
      log: () => {},
      onCode: () => {},
      corsAllowOrigins: ['http://localhost:8080', 'https://app.example.com'],
    });
    try {
      const port = Number(new URL(stack.cognitoEndpoint).port);
      const send = (origin: string) =>
        raw(
          port,
          'POST',
          { ...CALLS.cognito.headers, Host: `127.0.0.1:${port}`, Origin: origin },
          CALLS.cognito.body,
        );

      expect((await send('http://localhost:8080')).status).toBe(200);
      expect((await send('http://127.0.0.1:8080')).status).toBe(200);
      expect((await send('https://app.example.com')).status).toBe(403);
    } finally {
      await stack.stop();
    }
  });
});
