/**
 * Model-based fuzzing of every operation through the local gateway with real Cognito tokens.
 * fast-check generates sequences of valid and invalid calls (wrong types, unknown fields,
 * over-long and odd Unicode strings, bad ids, cursors, limits, content types and JSON); every
 * answer must match openapi.yaml and the status an oracle derives from the spec and a model of
 * each user's tasks; afterwards the API listing and the table must equal the model.
 */
import { DynamoDBDocumentClient, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idempotencySk, statusShard } from '../../src/data/keys.js';
import { STATUS_INDEX_SHARDS_DEFAULT } from '../../src/data/table.js';
import { localDynamoClient } from '../../src/local/dynamodb.js';
import { type Api, type ApiResponse, apiClient, walkPages } from '../support/api.js';
import {
  isCursorParam,
  isIdempotencyKey,
  isIfMatch,
  isTaskCreate,
  isTaskId,
  isTaskUpdate,
} from '../support/schemas.js';
import { createUser, startTestStack, type TestStack, type TestUser } from '../support/stack.js';

const STATUSES = ['pending', 'in_progress', 'completed'] as const;
type Status = (typeof STATUSES)[number];
/** The handlers' body limit (the spec's 413: larger than 32 KiB). */
const MAX_BODY_BYTES = 32 * 1024;
const RUNS = 90;

interface Task {
  task_id: string;
  title: string;
  description: string;
  status: Status;
  created_at: string;
  updated_at: string;
  version: number;
}

/** What one user should have: live tasks, deleted ids, and the first answer per Idempotency-Key. */
interface UserModel {
  user: TestUser;
  tasks: Map<string, Task>;
  gone: string[];
  keys: Map<string, { fingerprint: string; task: Task }>;
}

let stack: TestStack;
let admin: TestUser;
let api: Api;
let db: DynamoDBDocumentClient;
const everyRun: UserModel[] = [];
let lastTaskId = '';

beforeAll(async () => {
  process.env.LOG_LEVEL = 'silent';
  stack = await startTestStack();
  admin = await createUser(stack, { admin: true });
  api = apiClient(stack.apiUrl);
  db = DynamoDBDocumentClient.from(localDynamoClient(stack.dynamoEndpoint));
});
afterAll(async () => {
  db?.destroy();
  await stack?.stop();
});

// ---------------------------------------------------------------------------------------------
// Generators

/** Strings of 1 code point units: ASCII, graphemes (emoji, combining marks) and any code point. */
const text = (minLength: number, maxLength: number) =>
  fc.oneof(
    { weight: 5, arbitrary: fc.string({ minLength, maxLength: Math.min(maxLength, 30) }) },
    {
      weight: 2,
      arbitrary: fc.string({ unit: 'grapheme', minLength, maxLength: Math.min(maxLength, 20) }),
    },
    {
      weight: 2,
      arbitrary: fc.string({ unit: 'binary', minLength, maxLength: Math.min(maxLength, 20) }),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('x', 'é', '\u0000', '😀', '\u202e', '"', '\\')
        .map((c) => c.repeat(maxLength)),
    },
  );
const overLong = (maxLength: number) =>
  fc
    .tuple(fc.constantFrom('x', 'é', '😀'), fc.integer({ min: 1, max: 40 }))
    .map(([c, extra]) => c.repeat(maxLength + extra));
const badValue = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 2 }),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.string(), { maxKeys: 2 }),
);
const status = fc.constantFrom(...STATUSES);
const badStatus = fc.oneof(
  fc.constantFrom('done', 'PENDING', 'Pending', 'in-progress', 'pending ', ''),
  fc.string({ maxLength: 12 }).filter((s) => !(STATUSES as readonly string[]).includes(s)),
);
const foreignField = fc.constantFrom(
  'task_id',
  'user_id',
  'version',
  'created_at',
  'updated_at',
  'owner',
  'PK',
  'GSI1PK',
);

const validCreate = fc.record(
  { title: text(1, 200), description: text(0, 4000), status },
  { requiredKeys: ['title'] },
);
const validUpdate = fc
  .record(
    { title: text(1, 200), description: text(0, 4000), status },
    { requiredKeys: [] },
  )
  .filter((o) => Object.keys(o).length > 0);

/** One field broken: wrong type, over-long, empty title, bad status, or a field the client may not set. */
const broken = (base: fc.Arbitrary<Record<string, unknown>>) =>
  fc.oneof(
    fc
      .tuple(base, fc.constantFrom('title', 'description', 'status'), badValue)
      .map(([v, k, bad]) => ({ ...v, [k]: bad })),
    fc.tuple(base, overLong(200)).map(([v, s]) => ({ ...v, title: s })),
    fc.tuple(base, overLong(4000)).map(([v, s]) => ({ ...v, description: s })),
    base.map((v) => ({ ...v, title: '' })),
    fc.tuple(base, badStatus).map(([v, s]) => ({ ...v, status: s })),
    fc.tuple(base, foreignField, fc.jsonValue()).map(([v, k, x]) => ({ ...v, [k]: x })),
    base.map(({ title: _t, ...rest }) => rest),
  );

/** How the body goes on the wire. */
type Payload =
  | { kind: 'json'; value: unknown }
  | { kind: 'text'; text: string }
  | { kind: 'huge' }
  | { kind: 'none' };

const oddJson = fc.constantFrom(
  '{',
  '{"title":',
  '{"title":"x",}',
  "{'title':'x'}",
  '{"title":"x"} trailing',
  '\uFEFF{"title":"x"}',
  'NaN',
  'null',
  '[]',
  '"title"',
  '42',
  '{"title":"x","__proto__":{"isAdmin":true}}',
  '{"title":"x","constructor":{"prototype":{"x":1}}}',
  '{"title":"a","title":"b"}',
  '{"title":"\\ud800 lone surrogate"}',
  '{"title":"x","description":"\\u0000"}',
  '',
);

const payload = (valid: fc.Arbitrary<Record<string, unknown>>) =>
  fc.oneof(
    { weight: 12, arbitrary: valid.map((value): Payload => ({ kind: 'json', value })) },
    { weight: 6, arbitrary: broken(valid).map((value): Payload => ({ kind: 'json', value })) },
    { weight: 1, arbitrary: fc.jsonValue().map((value): Payload => ({ kind: 'json', value })) },
    { weight: 2, arbitrary: oddJson.map((t): Payload => ({ kind: 'text', text: t })) },
    { weight: 1, arbitrary: fc.constant<Payload>({ kind: 'huge' }) },
    { weight: 1, arbitrary: fc.constant<Payload>({ kind: 'none' }) },
  );

const contentType = fc.oneof(
  { weight: 12, arbitrary: fc.constant<string | null>('application/json') },
  {
    weight: 3,
    arbitrary: fc.constantFrom<string | null>(
      'application/json; charset=utf-8',
      'Application/JSON',
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/json-patch+json',
      'application/merge-patch+json',
      'multipart/form-data; boundary=x',
      'application/jsonx',
      'json',
      null,
    ),
  },
);

const idempotencyKey = fc.oneof(
  { weight: 6, arbitrary: fc.constant(undefined) },
  { weight: 4, arbitrary: fc.constantFrom('alpha', '"alpha"', 'beta', 'k'.repeat(255)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('has space', '"open', 'a"b', 'back\\slash', 'k'.repeat(256), ''),
  },
);

/** Which task a call names, resolved against the model when it runs. */
type Target =
  | { kind: 'own' | 'gone' | 'other'; pick: number; fallback: string }
  | { kind: 'id'; id: string };

const ulid = fc.ulid();
const badId = fc
  .oneof(
    ulid.map((id) => id.toLowerCase()),
    ulid.map((id) => id.slice(1)),
    ulid.map((id) => `${id}0`),
    ulid.map((id) => `${id.slice(0, 25)}U`),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
    fc.constantFrom('A'.repeat(300), 'TASK#x', 'USER#x', '*', "' OR 1=1 --", '%00'),
  )
  .filter((id) => !/^\.+$/.test(id));
const target = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({ kind: fc.constant('own' as const), pick: fc.nat(), fallback: ulid }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('gone' as const), pick: fc.nat(), fallback: ulid }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('other' as const), pick: fc.nat(), fallback: ulid }),
  },
  { weight: 1, arbitrary: ulid.map((id): Target => ({ kind: 'id', id })) },
  { weight: 2, arbitrary: badId.map((id): Target => ({ kind: 'id', id })) },
);

/** If-Match relative to the target's version when the call runs, or a literal. */
type IfMatch =
  | { kind: 'none' | 'current' | 'stale' | 'any' | 'weak' | 'list' | 'leading-zero' }
  | { kind: 'literal'; value: string };
const ifMatch = fc.oneof(
  { weight: 6, arbitrary: fc.constant<IfMatch>({ kind: 'none' }) },
  {
    weight: 6,
    arbitrary: fc
      .constantFrom('current', 'stale', 'any', 'weak', 'list', 'leading-zero')
      .map((kind) => ({ kind }) as IfMatch),
  },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom('"abc"', '"12345678901234567890"', 'W/"1"', '1', '"1', '**', '"1" "2"', '""', '"1",')
      .map((value): IfMatch => ({ kind: 'literal', value })),
  },
);

const limit = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 6 }).map(String) },
  { weight: 2, arbitrary: fc.integer({ min: 7, max: 100 }).map(String) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('0', '101', '-1', 'abc', '1.5', '', '1e3', '99999999999999999999'),
  },
);
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** Cursors no list ever issues: malformed, undecodable, or of the wrong shape. */
const badCursor = fc.oneof(
  fc.constantFrom(
    '!!',
    'a b',
    '',
    'abc=',
    'a+b/c',
    'A'.repeat(2049),
    'bm90IGpzb24',
    b64({ v: 1, t: 'nope' }),
    b64({ v: 2, t: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }),
    b64({ v: 1, s: 'pending', p: new Array(STATUS_INDEX_SHARDS_DEFAULT).fill(0) }),
    b64([]),
    b64(null),
    b64({ v: 1, t: 'TASK#01ARZ3NDEKTSV4RRFFQ69G5FAV' }),
  ),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
);
type CursorChoice = { kind: 'after'; target: Target } | { kind: 'literal'; value: string };
const cursor = fc.oneof(
  { weight: 6, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: target.map((t): CursorChoice => ({ kind: 'after', target: t })) },
  { weight: 2, arbitrary: badCursor.map((value): CursorChoice => ({ kind: 'literal', value })) },
);
const queryStatus = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 4, arbitrary: status.map(String) },
  { weight: 1, arbitrary: badStatus },
);

type Action =
  | { op: 'create'; as: number; payload: Payload; contentType: string | null; key?: string }
  | { op: 'get'; as: number; target: Target }
  | {
      op: 'update';
      as: number;
      target: Target;
      payload: Payload;
      contentType: string | null;
      ifMatch: IfMatch;
    }
  | {
      op: 'delete';
      as: number;
      target: Target;
      ifMatch: IfMatch;
      payload: Payload;
      contentType: string | null;
    }
  | {
      op: 'list';
      as: number;
      status?: string;
      limit?: string;
      cursor?: CursorChoice;
      extra: boolean;
      repeat: boolean;
    }
  | {
      op: 'admin';
      asAdmin: boolean;
      as: number;
      status?: string;
      limit?: string;
      cursor?: string;
      extra: boolean;
    };

const actor = fc.integer({ min: 0, max: 1 });
const rarely = fc.integer({ min: 0, max: 15 }).map((n) => n === 0);
/** For the admin listing a user-list cursor is as foreign as garbage. */
const badAdminCursor = fc.oneof(
  fc.constantFrom(
    '!!',
    '',
    'A'.repeat(2049),
    'bm90IGpzb24',
    b64({ v: 1, t: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }),
    b64({ v: 1, s: 'pending', p: [0] }),
    b64({ v: 1, s: 'pending', p: new Array(STATUS_INDEX_SHARDS_DEFAULT).fill(['x', 'y', 'z']) }),
  ),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
);
const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      op: fc.constant('create' as const),
      as: actor,
      payload: payload(validCreate),
      contentType,
      key: idempotencyKey,
    }),
  },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('get' as const), as: actor, target }) },
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant('update' as const),
      as: actor,
      target,
      payload: payload(validUpdate),
      contentType,
      ifMatch,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('delete' as const),
      as: actor,
      target,
      ifMatch,
      payload: fc.oneof(
        { weight: 5, arbitrary: fc.constant<Payload>({ kind: 'none' }) },
        { weight: 1, arbitrary: oddJson.map((t): Payload => ({ kind: 'text', text: t })) },
      ),
      contentType,
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('list' as const),
      as: actor,
      status: queryStatus,
      limit,
      cursor,
      extra: rarely,
      repeat: rarely,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('admin' as const),
      asAdmin: fc.boolean(),
      as: actor,
      status: fc.oneof({ weight: 6, arbitrary: status.map(String) }, { weight: 1, arbitrary: badStatus }, { weight: 1, arbitrary: fc.constant(undefined) }),
      limit: fc.oneof(
        { weight: 3, arbitrary: fc.integer({ min: 50, max: 100 }).map(String) },
        { weight: 1, arbitrary: fc.constantFrom(undefined, '0', 'x') },
      ),
      cursor: fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: badAdminCursor }),
      extra: rarely,
    }),
  },
);
