/** src/http/request.ts on events as AWS delivers them: parsed JSON, client-chosen names as own keys. */
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { isProblem, type Problem } from '../../src/contract/problem.js';
import * as params from '../../src/contract/validate-params.generated.js';
import { callerOf, parseParams } from '../../src/http/request.js';

const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'];

/** The event Lambda hands the function: JSON text parsed, so `__proto__` is an own key. */
function awsEvent(query: Record<string, string>, headers: Record<string, string> = {}) {
  const pairs = (o: Record<string, string>, wrap: (v: string) => unknown) =>
    `{${Object.entries(o)
      .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(wrap(v))}`)
      .join(',')}}`;
  const q = Object.keys(query).length > 0;
  return JSON.parse(
    `{"headers":${pairs(headers, (v) => v)},"pathParameters":null,` +
      `"queryStringParameters":${q ? pairs(query, (v) => v) : 'null'},` +
      `"multiValueQueryStringParameters":${q ? pairs(query, (v) => [v]) : 'null'}}`,
  ) as APIGatewayProxyEvent;
}

function refusal(event: APIGatewayProxyEvent): Problem | undefined {
  try {
    parseParams(event, params.listTasks);
    return undefined;
  } catch (err) {
    if (isProblem(err, 'validation-error')) return err;
    throw err;
  }
}

describe('parseParams with names of Object.prototype members', () => {
  it.each(PROTOTYPE_NAMES)(
    'refuses the unknown query parameter %s with 400, as any other',
    (name) => {
      const err = refusal(awsEvent({ [name]: 'x' }));

      expect(err?.errors).toEqual([{ path: `/query/${name}`, message: 'is not allowed' }]);
      expect(refusal(awsEvent({ order: 'x' }))?.errors).toEqual([
        { path: '/query/order', message: 'is not allowed' },
      ]);
    },
  );

  it.each(PROTOTYPE_NAMES)('keeps a header named %s as an own, lower-case entry', (name) => {
    const parsed = parseParams(awsEvent({}, { [name]: 'x', 'X-Other': 'y' }), params.listTasks);

    expect(Object.getOwnPropertyDescriptor(parsed.headers, name.toLowerCase())?.value).toBe('x');
    expect(parsed.headers['x-other']).toBe('y');
  });

  it.each(PROTOTYPE_NAMES)(
    'accepts a request without a parameter named %s (nothing inherited)',
    (name) => {
      const parsed = parseParams(awsEvent({ limit: '5' }), params.listTasks);

      expect(Object.hasOwn(parsed.query, name)).toBe(false);
      expect(parsed.query[name]).toBeUndefined();
      expect(parsed.query.limit).toBe(5);
    },
  );
});

/** An ID token's shape: the function reads the payload the authorizer already verified. */
function token(payload: Record<string, unknown>): string {
  const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  return `${part({ alg: 'RS256', kid: 'k' })}.${part(payload)}.c2lnbmF0dXJl`;
}

const PAYLOAD = { sub: 'u1', aud: 'client', token_use: 'id', auth_time: 1700000000, jti: 'j1' };

/** The claims API Gateway derives from PAYLOAD and `claim`, and the Authorization header(s). */
function callerEvent(claim: string | undefined, authorization: string[]) {
  const claims: Record<string, string> = {
    sub: 'u1',
    aud: 'client',
    token_use: 'id',
    auth_time: '1700000000',
    jti: 'j1',
    ...(claim === undefined ? {} : { 'cognito:groups': claim }),
  };
  return {
    headers: authorization.length > 0 ? { Authorization: authorization.at(-1) } : {},
    multiValueHeaders: authorization.length > 0 ? { Authorization: authorization } : {},
    requestContext: { authorizer: { claims } },
  } as unknown as APIGatewayProxyEvent;
}

describe('callerOf: who is an admin', () => {
  const groups = (g: string[]) => ({ ...PAYLOAD, 'cognito:groups': g });
  it.each([
    { name: 'the admins group alone', payload: groups(['admins']), claim: 'admins', admin: true },
    {
      name: 'admins among others, read from the token',
      payload: groups(['staff', 'admins']),
      claim: 'staff,admins',
      admin: true,
    },
    {
      name: 'admins among others as Bearer',
      payload: groups(['admins', 'staff']),
      claim: 'admins,staff',
      bearer: true,
      admin: true,
    },
    {
      name: 'the [a b] form without a token',
      payload: undefined,
      claim: '[staff admins]',
      admin: true,
    },
    {
      name: 'the one group `support,admins`',
      payload: groups(['support,admins']),
      claim: 'support,admins',
      admin: false,
    },
    {
      name: 'the one group `[admins]`',
      payload: groups(['[admins]']),
      claim: '[admins]',
      admin: false,
    },
    {
      name: 'an ambiguous claim without a token',
      payload: undefined,
      claim: 'staff,admins',
      admin: false,
    },
    {
      name: 'a token of another user',
      payload: { ...groups(['staff', 'admins']), sub: 'u2' },
      claim: 'staff,admins',
      admin: false,
    },
    {
      name: 'a token of another sign-in',
      payload: { ...groups(['staff', 'admins']), jti: 'j2' },
      claim: 'staff,admins',
      admin: false,
    },
    {
      name: 'a token whose groups flatten to another claim',
      payload: groups(['admins', 'staff']),
      claim: 'staff,admins',
      admin: false,
    },
    {
      name: 'a token whose groups are not strings',
      payload: { ...PAYLOAD, 'cognito:groups': 'staff,admins' },
      claim: 'staff,admins',
      admin: false,
    },
    {
      name: 'a group named like admins',
      payload: groups(['Admins']),
      claim: 'Admins',
      admin: false,
    },
    { name: 'no group', payload: PAYLOAD, claim: undefined, admin: false },
  ])('$name: admin $admin', ({ payload, claim, admin, bearer }) => {
    const header = payload ? [`${bearer ? 'Bearer ' : ''}${token(payload)}`] : [];

    expect(callerOf(callerEvent(claim, header)).isAdmin).toBe(admin);
  });

  it('refuses a second Authorization header: only one token is the one the authorizer verified', () => {
    const real = token({ ...PAYLOAD, 'cognito:groups': ['staff', 'admins'] });
    const event = callerEvent('staff,admins', [real, real]);

    expect(callerOf(event)).toMatchObject({ groups: [], isAdmin: false });
  });

  it('names the exact groups the token lists', () => {
    const event = callerEvent('support,admins', [
      token({ ...PAYLOAD, 'cognito:groups': ['support,admins'] }),
    ]);

    expect(callerOf(event)).toMatchObject({
      sub: 'u1',
      groups: ['support,admins'],
      isAdmin: false,
    });
  });
});
