/**
 * The authentication matrix: every operation refuses every kind of bad token with a 401
 * problem, and no handler runs. What is checked is what aws-jwt-verify checks for the local
 * gateway (and API Gateway's Cognito authorizer for the deployed one): the RS256 signature by
 * a key in the pool's JWKS (the JWK's `alg` pins the algorithm), `iss`, `exp` and `nbf` (no
 * clock grace), `token_use: id` and `aud` = the app client. `iat` and `auth_time` are not.
 */

import { createHmac, createPrivateKey, createSign, generateKeyPairSync } from 'node:crypto';
import { createRequire } from 'node:module';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { problemType } from '../../src/contract/problems.js';
import { localDynamoClient } from '../../src/local/dynamodb.js';
import { type Api, apiClient } from '../support/api.js';
import { countingHandlers } from '../support/invocations.js';
import {
  createUser,
  decodeJwt,
  forgeToken,
  otherKeyIdToken,
  signJwt,
  startTestStack,
  type TestStack,
  type TestUser,
} from '../support/stack.js';

const handlers = countingHandlers();
let stack: TestStack;
let api: Api;
let admin: TestUser;
let user: TestUser;
let taskId: string;

beforeAll(async () => {
  stack = await startTestStack({ wrapHandler: handlers.wrapHandler });
  api = apiClient(stack.apiUrl);
  [admin, user] = await Promise.all([createUser(stack, { admin: true }), createUser(stack)]);
  const created = await api.call('createTask', {
    method: 'POST',
    path: '/tasks',
    token: admin.idToken,
    body: '{"title":"the admin\'s task"}',
  });
  taskId = created.json.task_id;
});
afterAll(() => stack?.stop());
beforeEach(() => handlers.reset());

/** One valid request per operation: with a good token each reaches its handler. */
const OPERATIONS = [
  { operationId: 'createTask', method: 'POST', path: () => '/tasks', body: '{"title":"x"}' },
  { operationId: 'listTasks', method: 'GET', path: () => '/tasks' },
  { operationId: 'getTask', method: 'GET', path: () => `/tasks/${taskId}` },
  {
    operationId: 'updateTask',
    method: 'PATCH',
    path: () => `/tasks/${taskId}`,
    body: '{"title":"changed"}',
  },
  { operationId: 'deleteTask', method: 'DELETE', path: () => `/tasks/${taskId}` },
  { operationId: 'listTasksByStatus', method: 'GET', path: () => '/admin/tasks?status=pending' },
] as const;

const b64 = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);
const segments = (token: string) => token.split('.') as [string, string, string];

function cognitoLocalKey() {
  const require = createRequire(import.meta.url);
  const { pem } = require('cognito-local/lib/keys/cognitoLocal.private.json') as { pem: string };
  return createPrivateKey(pem);
}

/** The admin's real claims with changes, validly signed by the pool's key: only the change is wrong. */
const forged = (changes: Record<string, unknown>) => forgeToken(admin.idToken, changes);

/** Any header over the admin's real claims, RS256-signed by the pool's own key. */
function withHeader(header: Record<string, unknown>): string {
  const input = `${b64(header)}.${segments(admin.idToken)[1]}`;
  return `${input}.${createSign('RSA-SHA256').update(input).sign(cognitoLocalKey()).toString('base64url')}`;
}

/** The classic key-confusion attack: HS256 with the public RSA key as the HMAC secret. */
function hs256WithPublicKey(): string {
  const require = createRequire(import.meta.url);
  const { pem } = require('cognito-local/lib/keys/cognitoLocal.public.json') as { pem: string };
  const input = `${b64({ alg: 'HS256', typ: 'JWT', kid: 'CognitoLocal' })}.${segments(admin.idToken)[1]}`;
  return `${input}.${createHmac('sha256', pem).update(input).digest('base64url')}`;
}

/** A real token's header and signature over changed claims. */
function tampered(token: string, changes: Record<string, unknown>): string {
  const [header, , signature] = segments(token);
  return `${header}.${b64({ ...decodeJwt(token).payload, ...changes })}.${signature}`;
}

const BAD_TOKENS: { name: string; header: () => string | undefined }[] = [
  { name: 'no Authorization header', header: () => undefined },
  { name: 'an empty Authorization header', header: () => '' },
  { name: '"Bearer" alone', header: () => 'Bearer' },
  { name: 'Basic credentials', header: () => `Basic ${b64('user:Passw0rd1234')}` },
  { name: 'a token that is not a JWT', header: () => 'Bearer not-a-jwt' },
  { name: 'two segments', header: () => segments(admin.idToken).slice(0, 2).join('.') },
  { name: 'four segments', header: () => `${admin.idToken}.e30` },
  {
    name: 'a JWT header that is not JSON',
    header: () => `${b64('nope')}.${segments(admin.idToken).slice(1).join('.')}`,
  },
  { name: 'two tokens in one header', header: () => `Bearer ${admin.idToken}, ${admin.idToken}` },
  { name: 'a truncated signature', header: () => admin.idToken.slice(0, -6) },
  {
    name: 'an expired token',
    header: () => forged({ exp: now() - 5, iat: now() - 3605, auth_time: now() - 3605 }),
  },
  { name: 'a token not valid yet (nbf in the future)', header: () => forged({ nbf: now() + 600 }) },
  {
    name: 'a token of another user pool (iss)',
    header: () =>
      forged({ iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other0000' }),
  },
  {
    name: 'the pool id under another region (iss)',
    header: () =>
      forged({ iss: `https://cognito-idp.eu-west-1.amazonaws.com/${stack.userPoolId}` }),
  },
  {
    name: 'an http issuer',
    header: () => forged({ iss: `http://cognito-idp.us-east-1.amazonaws.com/${stack.userPoolId}` }),
  },
  { name: 'no issuer', header: () => forged({ iss: undefined }) },
  { name: 'a token for another app client (aud)', header: () => forged({ aud: 'otherclient' }) },
  { name: 'no audience', header: () => forged({ aud: undefined }) },
  { name: 'an access token', header: () => admin.accessToken },
  { name: 'an ID token claiming token_use access', header: () => forged({ token_use: 'access' }) },
  { name: 'no token_use', header: () => forged({ token_use: undefined }) },
  {
    name: 'alg none without a signature',
    header: () => `${b64({ alg: 'none', typ: 'JWT' })}.${segments(admin.idToken)[1]}.`,
  },
  {
    name: 'alg none with the real signature',
    header: () =>
      `${b64({ alg: 'none', typ: 'JWT', kid: 'CognitoLocal' })}.${segments(admin.idToken).slice(1).join('.')}`,
  },
  { name: 'HS256 keyed with the public key', header: hs256WithPublicKey },
  {
    name: 'RS512 claimed for an RS256 key',
    header: () => withHeader({ alg: 'RS512', kid: 'CognitoLocal' }),
  },
  { name: 'no kid', header: () => withHeader({ alg: 'RS256', typ: 'JWT' }) },
  { name: 'an unknown kid', header: () => withHeader({ alg: 'RS256', kid: 'another-key' }) },
  {
    name: 'a changed payload: another sub',
    header: () => tampered(admin.idToken, { sub: user.sub }),
  },
  {
    name: 'a changed payload: the admins group added',
    header: () => tampered(user.idToken, { 'cognito:groups': ['admins'] }),
  },
  {
    name: 'a changed payload: a later exp',
    header: () => tampered(admin.idToken, { exp: now() + 86_400 }),
  },
  { name: 'a signature by an unknown key', header: () => otherKeyIdToken(admin) },
  {
    name: 'an unknown key under its own kid',
    header: () =>
      signJwt(
        decodeJwt(admin.idToken).payload,
        generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey,
        'attacker',
      ),
  },
];

async function callAll(header: string | undefined) {
  const out = [];
  for (const op of OPERATIONS) {
    const res = await api.call(op.operationId, {
      method: op.method,
      path: op.path(),
      ...(header === undefined ? {} : { token: header }),
      ...('body' in op ? { body: op.body } : {}),
    });
    out.push({ operationId: op.operationId, res });
  }
  return out;
}

async function tableItems() {
  const db = DynamoDBDocumentClient.from(localDynamoClient(stack.dynamoEndpoint));
  const { Items = [] } = await db.send(
    new ScanCommand({ TableName: stack.tableName, ConsistentRead: true }),
  );
  db.destroy();
  return Items.sort((a, b) => `${a.PK}${a.SK}`.localeCompare(`${b.PK}${b.SK}`));
}

describe('authentication on every operation', () => {
  it.each(BAD_TOKENS)(
    'refuses $name with a 401 problem, no handler invoked',
    async ({ header }) => {
      const token = header();
      const before = await tableItems();

      const answers = await callAll(token);

      for (const { operationId, res } of answers) {
        expect(res.violations, operationId).toEqual([]);
        expect(res.status, `${operationId}: ${res.text}`).toBe(401);
        expect(res.headers['content-type']).toBe('application/problem+json');
        expect(res.json.type).toBe(problemType('unauthorized'));
        if (token) expect(res.text).not.toContain(token);
      }
      expect(Object.fromEntries(handlers.counts)).toEqual({});
      expect(await tableItems()).toEqual(before);
    },
  );

  it.each([
    { name: 'the raw ID token', header: () => admin.idToken },
    { name: 'Bearer and the ID token', header: () => `Bearer ${admin.idToken}` },
    { name: 'the re-signed, unchanged claims', header: () => forged({}) },
  ])(
    'lets $name reach every handler (so the refusals above are about the token)',
    async ({ header }) => {
      const answers = await callAll(header());

      for (const { operationId, res } of answers) {
        expect(res.violations, operationId).toEqual([]);
        expect(res.status, operationId).not.toBe(401);
      }
      expect(Object.fromEntries(handlers.counts)).toEqual(
        Object.fromEntries(OPERATIONS.map((o) => [o.operationId, 1])),
      );
      // Put the task back for the next case (deleteTask removed it).
      const created = await api.call('createTask', {
        method: 'POST',
        path: '/tasks',
        token: admin.idToken,
        body: '{"title":"again"}',
      });
      taskId = created.json.task_id;
    },
  );

  it('does not check iat or auth_time: a token issued "in the future" is accepted while exp holds', async () => {
    const res = await api.call('listTasks', {
      method: 'GET',
      path: '/tasks',
      token: forged({ iat: now() + 600, auth_time: now() + 600 }),
    });

    expect(res.status).toBe(200);
    expect(handlers.total()).toBe(1);
  });
});
