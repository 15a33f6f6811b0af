/** The Cognito authorizer: which tokens reach a handler, and the claims' API Gateway form. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GATEWAY_RESPONSES, problemBody } from '../../src/contract/problems.js';
import { apiGatewayDate, bearerToken, toApiGatewayClaims } from '../../src/local/authorizer.js';
import {
  createUser,
  expiredIdToken,
  forgeToken,
  otherKeyIdToken,
  startTestStack,
  type TestStack,
  type TestUser,
} from '../support/stack.js';
import { echoHandlers } from './echo.js';

const handlers = echoHandlers();
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

const WEB_ORIGIN = 'http://127.0.0.1:5173';

/** As a browser on the web app's origin sends it, so a 401 is readable there too. */
function getTasks(authorization?: string) {
  return fetch(`${stack.apiUrl}/tasks`, {
    headers: {
      Origin: WEB_ORIGIN,
      ...(authorization === undefined ? {} : { Authorization: authorization }),
    },
  });
}

describe('the gateway authorizer', () => {
  it.each([
    { name: 'the raw ID token', header: () => user.idToken },
    { name: 'Bearer and the ID token', header: () => `Bearer ${user.idToken}` },
    { name: 'lower-case bearer', header: () => `bearer ${user.idToken}` },
  ])('lets $name through', async ({ header }) => {
    const res = await getTasks(header());

    expect(res.status).toBe(200);
    expect(handlers.invocations).toHaveLength(1);
  });

  it.each([
    { name: 'no Authorization header', header: () => undefined, detail: 'missing' },
    { name: 'an empty Authorization header', header: () => '', detail: 'missing' },
    { name: 'a token that is not a JWT', header: () => 'Bearer not-a-jwt', detail: 'invalid' },
    { name: 'an expired ID token', header: () => expiredIdToken(user), detail: 'expired' },
    {
      name: 'a token signed by another key',
      header: () => otherKeyIdToken(user),
      detail: 'invalid',
    },
    { name: 'an access token', header: () => user.accessToken, detail: 'ID token is required' },
    {
      name: 'an ID token for another app client',
      header: () => forgeToken(user.idToken, { aud: 'someotherclient' }),
      detail: 'app client of the token is not allowed',
    },
    {
      name: 'an ID token from another user pool',
      header: () =>
        forgeToken(user.idToken, {
          iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other0000',
        }),
      detail: 'invalid',
    },
    {
      name: 'an ID token whose payload was changed after signing',
      header: () => {
        const [h, , sig] = user.idToken.split('.');
        const forged = forgeToken(user.idToken, { sub: 'someone-else' }).split('.')[1];
        return `${h}.${forged}.${sig}`;
      },
      detail: 'invalid',
    },
  ])('refuses $name with 401 problem+json, handler not invoked', async ({ header, detail }) => {
    const res = await getTasks(header());

    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.headers.get('access-control-allow-origin')).toBe(WEB_ORIGIN);
    // The body is the deployed UNAUTHORIZED gateway response; the reason goes to the log only.
    expect(await res.json()).toEqual({
      ...problemBody('unauthorized', GATEWAY_RESPONSES.UNAUTHORIZED.detail),
      instance: res.headers.get('x-amzn-requestid'),
    });
    const logged = stack.logs.findLast((l) => l.msg === 'request');
    expect(logged).toMatchObject({ status: 401, error_response_type: 'UNAUTHORIZED' });
    expect(String(logged?.authorizer_error)).toContain(detail);
    expect(handlers.invocations).toHaveLength(0);
  });

  it('accepts a re-signed token with unchanged claims, so the forged refusals above are about the claims', async () => {
    const res = await getTasks(forgeToken(user.idToken, {}));

    expect(res.status).toBe(200);
  });
});

describe('toApiGatewayClaims', () => {
  it.each([
    { name: 'a boolean', given: { email_verified: true }, want: { email_verified: 'true' } },
    { name: 'auth_time', given: { auth_time: 1513492092 }, want: { auth_time: '1513492092' } },
    {
      name: 'exp and iat',
      given: { exp: 1513495692, iat: 1513492092 },
      want: { exp: 'Sun Dec 17 07:28:12 UTC 2017', iat: 'Sun Dec 17 06:28:12 UTC 2017' },
    },
    {
      name: 'groups',
      given: { 'cognito:groups': ['admins', 'other'] },
      want: { 'cognito:groups': 'admins,other' },
    },
    { name: 'a string', given: { sub: 'abc' }, want: { sub: 'abc' } },
  ])('gives $name as a string', ({ given, want }) => {
    expect(toApiGatewayClaims(given)).toEqual(want);
  });

  it('pads the day of the month like Java', () => {
    expect(apiGatewayDate(Date.UTC(2026, 0, 5, 3, 4, 5) / 1000)).toBe(
      'Mon Jan 05 03:04:05 UTC 2026',
    );
  });
});

describe('bearerToken', () => {
  it.each([
    { given: 'abc.def.ghi', want: 'abc.def.ghi' },
    { given: 'Bearer abc.def.ghi', want: 'abc.def.ghi' },
    { given: '  BEARER   abc.def.ghi ', want: 'abc.def.ghi' },
    { given: '', want: undefined },
    { given: undefined, want: undefined },
  ])('reads $given as $want', ({ given, want }) => {
    expect(bearerToken(given)).toBe(want);
  });
});

describe('the authorizer cache', () => {
  it("remembers a verified token as API Gateway does, but never past the token's expiry", async () => {
    const now = Math.floor(Date.now() / 1000);
    const shortLived = forgeToken(user.idToken, { exp: now + 2 });

    expect((await getTasks(shortLived)).status).toBe(200);
    expect((await getTasks(shortLived)).status).toBe(200);
    await new Promise((done) => setTimeout(done, (now + 2) * 1000 - Date.now() + 50));
    const late = await getTasks(shortLived);

    expect(late.status).toBe(401);
    expect(handlers.invocations).toHaveLength(2);
  });

  it('does not remember a refusal: the same bad token is refused every time', async () => {
    const bad = otherKeyIdToken(user);
    expect((await getTasks(bad)).status).toBe(401);
    expect((await getTasks(bad)).status).toBe(401);
    expect(handlers.invocations).toHaveLength(0);
  });
});
