/** src/http/request.ts on events as AWS delivers them: parsed JSON, client-chosen names as own keys. */
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import * as params from '../../src/contract/validate-params.generated.js';
import { BadRequestError } from '../../src/http/errors.js';
import { parseParams } from '../../src/http/request.js';

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

function refusal(event: APIGatewayProxyEvent): BadRequestError | undefined {
  try {
    parseParams(event, params.listTasks);
    return undefined;
  } catch (err) {
    if (err instanceof BadRequestError) return err;
    throw err;
  }
}

describe('parseParams with names of Object.prototype members', () => {
  it.each(PROTOTYPE_NAMES)(
    'refuses the unknown query parameter %s with 400, as any other',
    (name) => {
      const err = refusal(awsEvent({ [name]: 'x' }));

      expect(err?.errors).toEqual([{ path: `/query/${name}`, message: 'is not allowed' }]);
      expect(refusal(awsEvent({ sort: 'x' }))?.errors).toEqual([
        { path: '/query/sort', message: 'is not allowed' },
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
