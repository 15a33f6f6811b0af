/**
 * Client-chosen names through the local stack, for every operation of openapi.yaml: header
 * names, query parameter names and JSON body keys that name Object.prototype members
 * (`__proto__`, `constructor`, ...) or anything else. An unknown header changes nothing, an
 * unknown query parameter or body key is a 400 naming it, and no answer is ever a 5xx or an
 * error that is not problem+json.
 */
import { request } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSpec, operations } from '../../src/openapi.js';
import { contractViolations } from '../support/contract.js';
import { createUser, startTestStack, type TestStack, type TestUser } from '../support/stack.js';

const RUNS = 150;

/** Names of Object.prototype members and other names that plain-object maps trip on. */
const PROTOTYPE_NAMES = [
  '__proto__',
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__lookupSetter__',
  'prototype',
  'then',
  'length',
  '__PROTO__',
  'Constructor',
] as const;

/** Headers whose meaning is HTTP's or the API's own: sending them changes the request itself. */
const MEANINGFUL_HEADERS = new Set([
  'authorization',
  'connection',
  'content-encoding',
  'content-length',
  'content-type',
  'expect',
  'host',
  'idempotency-key',
  'if-match',
  'keep-alive',
  'origin',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

const spec = loadSpec();
const OPERATIONS = operations(spec);

let stack: TestStack;
let admin: TestUser;

beforeAll(async () => {
  stack = await startTestStack();
  // Admins may call every operation, so one caller reaches each operation's success.
  admin = await createUser(stack, { admin: true });
});
afterAll(() => stack?.stop());

interface Answer {
  status: number;
  headers: Record<string, string>;
  text: string;
}

/** node:http, so header names go on the wire exactly as generated (fetch's Headers drop some). */
function send(
  method: string,
  path: string,
  headers: [string, string][],
  body?: string,
): Promise<Answer> {
  const url = new URL(stack.apiUrl);
  return new Promise((done, fail) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path: `${url.pathname.replace(/\/$/, '')}${path}`,
        headers: [['Host', url.host], ...headers].flat(),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const out: Record<string, string> = {};
          for (const [name, value] of Object.entries(res.headers)) {
            if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
          }
          done({
            status: res.statusCode ?? 0,
            headers: out,
            text: Buffer.concat(chunks).toString(),
          });
        });
      },
    );
    req.on('error', fail);
    req.end(body);
  });
}

async function newTaskId(): Promise<string> {
  const res = await send(
    'POST',
    '/tasks',
    [
      ['Authorization', admin.idToken],
      ['Content-Type', 'application/json'],
    ],
    '{"title":"target"}',
  );
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.text}`);
  return JSON.parse(res.text).task_id;
}

/** A new workspace the admin owns (a call may delete or leave the one before). */
async function newWorkspaceId(): Promise<string> {
  const res = await send(
    'POST',
    '/workspaces',
    [
      ['Authorization', admin.idToken],
      ['Content-Type', 'application/json'],
    ],
    '{"name":"named"}',
  );
  if (res.status !== 201) throw new Error(`workspace failed: ${res.status} ${res.text}`);
  return JSON.parse(res.text).workspace_id as string;
}

async function newWorkspaceTaskId(workspaceId: string): Promise<string> {
  const res = await send(
    'POST',
    `/workspaces/${workspaceId}/tasks`,
    [
      ['Authorization', admin.idToken],
      ['Content-Type', 'application/json'],
    ],
    '{"title":"target"}',
  );
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.text}`);
  return JSON.parse(res.text).task_id;
}

/** The required fields of the operation's body schema, each with a value it accepts. */
function requiredBody(op: Operation): string[] {
  const ref = (op.operation.requestBody?.content['application/json']?.schema as { $ref?: string })
    ?.$ref;
  const schema = spec.components.schemas[String(ref).replace('#/components/schemas/', '')] as
    | { required?: string[]; properties?: Record<string, unknown> }
    | undefined;
  const values: Record<string, string> = {
    title: '"named"',
    name: '"named"',
    email: '"someone@example.com"',
    role: '"member"',
  };
  const required = schema?.required ?? [];
  // An update requires no field: send its first, as a client changing one thing would.
  const fields = required.length > 0 ? required : Object.keys(schema?.properties ?? {}).slice(0, 1);
  return fields.map((f) => `${JSON.stringify(f)}:${values[f] ?? '"named"'}`);
}

/** Any header name (RFC 9110 token characters), prototype member names weighted in. */
const headerName = fc
  .oneof(
    { weight: 2, arbitrary: fc.constantFrom(...PROTOTYPE_NAMES) },
    { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,24}$/) },
  )
  .filter((n) => !MEANINGFUL_HEADERS.has(n.toLowerCase()) && !n.toLowerCase().startsWith('proxy-'));
const headerValue = fc.stringMatching(/^[\x21-\x7e]{0,20}$/);
/** Any query or body name: prototype member names and any text. */
const anyName = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...PROTOTYPE_NAMES) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }) },
);
/** A JSON value, sometimes an object keyed by prototype member names itself. */
const jsonText = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
  fc
    .tuple(fc.constantFrom(...PROTOTYPE_NAMES), fc.jsonValue({ maxDepth: 1 }))
    .map(([k, v]) => `{${JSON.stringify(k)}:${JSON.stringify(v)}}`),
);

type Operation = (typeof OPERATIONS)[number];
/** A personal task operation; a workspace one also answers as its workspace's state has it. */
const isPersonal = (op: Operation) =>
  !op.path.startsWith('/workspaces') && !op.path.startsWith('/me');
const byId = (operationId: string) =>
  OPERATIONS.find((o) => o.operationId === operationId) as Operation;

const names = (op: Operation) => {
  const declared = new Set(op.parameters.map((p) => p.name));
  const bodyFields = new Set(
    Object.keys(
      (spec.components.schemas[
        String(
          (op.operation.requestBody?.content['application/json']?.schema as { $ref?: string })
            ?.$ref,
        ).replace('#/components/schemas/', '')
      ]?.properties as object | undefined) ?? {},
    ),
  );
  return fc.record({
    headers: fc.uniqueArray(fc.tuple(headerName, headerValue), {
      maxLength: 3,
      selector: ([n]) => n.toLowerCase(),
    }),
    query: fc.uniqueArray(
      fc.tuple(
        anyName.filter((n) => !declared.has(n)),
        fc.string({ maxLength: 8 }),
      ),
      { maxLength: 2, selector: ([n]) => n },
    ),
    bodyKeys: op.operation.requestBody
      ? fc.uniqueArray(
          fc.tuple(
            anyName.filter((n) => !bodyFields.has(n)),
            jsonText,
          ),
          { maxLength: 2, selector: ([n]) => n },
        )
      : fc.constant([] as [string, string][]),
  });
};
const call = fc
  .constantFrom(...OPERATIONS.map((o) => o.operationId))
  .chain((operationId) => names(byId(operationId)).map((extra) => ({ operationId, ...extra })));

describe('names a client chooses, on every operation', () => {
  it('never answers 5xx or a non-problem error; unknown headers change nothing, unknown query names and body keys are a 400 naming them', async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(call, async ({ operationId, headers, query, bodyKeys }) => {
        const op = byId(operationId);
        const personal = isPersonal(op);
        const workspaceId = op.path.includes('{workspaceId}') ? await newWorkspaceId() : '';
        const taskId = !op.path.includes('{taskId}')
          ? ''
          : personal
            ? await newTaskId()
            : await newWorkspaceTaskId(workspaceId);
        const required = op.parameters
          .filter((p) => p.in === 'query' && p.required)
          .map((p): [string, string] => [p.name, 'pending']);
        const search = [...required, ...query]
          .map(([n, v]) => `${encodeURIComponent(n)}=${encodeURIComponent(v)}`)
          .join('&');
        const concrete = op.path
          .replace('{taskId}', taskId)
          .replace('{workspaceId}', workspaceId)
          .replace('{userId}', admin.sub)
          .replace('{email}', encodeURIComponent('someone@example.com'));
        const path = `${concrete}${search ? `?${search}` : ''}`;
        const body = op.operation.requestBody
          ? `{${[...requiredBody(op), ...bodyKeys.map(([k, v]) => `${JSON.stringify(k)}:${v}`)].join(',')}}`
          : undefined;
        const sent: [string, string][] = [
          ['Authorization', admin.idToken],
          ...(body === undefined ? [] : [['Content-Type', 'application/json'] as [string, string]]),
          ...headers,
        ];

        const res = await send(op.method.toUpperCase(), path, sent, body);

        seen.add(`${op.operationId} ${res.status}`);
        expect(res.status, res.text).toBeLessThan(500);
        expect(contractViolations(op.operationId, { ...res, body: res.text })).toEqual([]);
        if (res.status >= 400) expect(res.headers['content-type']).toBe('application/problem+json');
        const refused = query.length > 0 ? query : bodyKeys;
        // A workspace operation's outcome also depends on the workspace's state (a 404 after
        // it was deleted, a 409 for the last owner): names change nothing there, either.
        if (refused.length === 0 && !personal) return;
        if (refused.length === 0) {
          const success = Object.keys(op.operation.responses).find((s) => s.startsWith('2'));
          expect(String(res.status), res.text).toBe(success);
          return;
        }
        expect(res.status, res.text).toBe(400);
        const part = query.length > 0 ? 'query' : 'body';
        const errors = (JSON.parse(res.text).errors ?? []) as { path: string; message: string }[];
        for (const [name] of refused) {
          expect(errors).toContainEqual({ path: `/${part}/${name}`, message: 'is not allowed' });
        }
      }),
      {
        numRuns: RUNS,
        // Each operation plainly, and with `__proto__` everywhere, besides the generated calls.
        examples: OPERATIONS.flatMap((op) => [
          [{ operationId: op.operationId, headers: [], query: [], bodyKeys: [] }],
          [
            {
              operationId: op.operationId,
              headers: [['__proto__', 'x'] as [string, string]],
              query: [['__proto__', 'x'] as [string, string]],
              bodyKeys: op.operation.requestBody
                ? [['__proto__', '{"a":1}'] as [string, string]]
                : [],
            },
          ],
          ...(op.operation.requestBody
            ? [
                [
                  {
                    operationId: op.operationId,
                    headers: [],
                    query: [],
                    bodyKeys: [['constructor', '1'] as [string, string]],
                  },
                ],
              ]
            : []),
        ]),
      },
    );
    // Every operation reached the refusal, and a personal one its success (the property is not
    // vacuous). A workspace operation answers as its state has it (see above).
    for (const op of OPERATIONS) {
      const answered = [...seen].filter((s) => s.startsWith(`${op.operationId} `));
      expect(answered, op.operationId).toContain(`${op.operationId} 400`);
      if (!isPersonal(op)) continue;
      expect(
        answered.some((s) => Number(s.split(' ')[1]) < 400),
        op.operationId,
      ).toBe(true);
    }
  });
});
