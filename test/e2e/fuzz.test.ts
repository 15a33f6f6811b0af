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
import { encodePositionCursor } from '../../src/data/cursor.js';
import { idempotencySk, statusShard, userPk } from '../../src/data/keys.js';
import { containerList } from '../../src/data/listings.js';
import { SHARDS_RECORD_KEY } from '../../src/data/statusIndex.js';
import { STATUS_INDEX_SHARDS_DEFAULT } from '../../src/data/table.js';
import { localDynamoClient } from '../../src/local/dynamodb.js';
import type { TaskStatus } from '../../src/tasks/task.js';
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
const RUNS = 120;

interface Task {
  task_id: string;
  title: string;
  description: string;
  status: Status;
  due: null;
  priority: 'none';
  labels: [];
  recurrence: null;
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
  /** Keyed creates as sent, for retries. */
  sent: { key: string; payload: Payload; contentType: string | null }[];
}

let stack: TestStack;
let admin: TestUser;
let api: Api;
let db: DynamoDBDocumentClient;
const everyRun: UserModel[] = [];
let lastTaskId = '';

beforeAll(async () => {
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
  .record({ title: text(1, 200), description: text(0, 4000), status }, { requiredKeys: [] })
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
      .constantFrom(
        '"abc"',
        '"12345678901234567890"',
        'W/"1"',
        '1',
        '"1',
        '**',
        '"1" "2"',
        '""',
        '"1",',
      )
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
  /** A client retrying one of its earlier keyed creates, the same key and body. */
  | { op: 'retry'; as: number; pick: number }
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
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('retry' as const), as: actor, pick: fc.nat() }),
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
      status: fc.oneof(
        { weight: 6, arbitrary: status.map(String) },
        { weight: 1, arbitrary: badStatus },
        { weight: 1, arbitrary: fc.constant(undefined) },
      ),
      limit: fc.oneof(
        { weight: 3, arbitrary: fc.integer({ min: 50, max: 100 }).map(String) },
        { weight: 1, arbitrary: fc.constantFrom(undefined, '0', 'x') },
      ),
      cursor: fc.oneof(
        { weight: 6, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: badAdminCursor },
      ),
      extra: rarely,
    }),
  },
);

// ---------------------------------------------------------------------------------------------
// The oracle: what the spec says each call must answer, given the model

function encodeBody(p: Payload): string | undefined {
  switch (p.kind) {
    case 'json':
      return JSON.stringify(p.value);
    case 'text':
      return p.text;
    case 'huge':
      return JSON.stringify({ title: 'big', description: 'x'.repeat(MAX_BODY_BYTES) });
    case 'none':
      return undefined;
  }
}

const isJsonMedia = (ct: string | null) =>
  ct !== null && ct.split(';')[0]?.trim().toLowerCase() === 'application/json';

/** 413, 415 or 400 for a body the contract refuses, else the parsed body. */
function bodyOutcome(
  body: string | undefined,
  ct: string | null,
  isValid: (v: unknown) => boolean,
): { status: number } | { value: Record<string, unknown> } {
  const bytes = body === undefined ? 0 : Buffer.byteLength(body, 'utf8');
  if (bytes > MAX_BODY_BYTES) return { status: 413 };
  if (bytes > 0 && !isJsonMedia(ct)) return { status: 415 };
  if (body === undefined || bytes === 0) return { status: 400 };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { status: 400 };
  }
  // Unpaired surrogates cannot be stored as UTF-8: refused whatever the schema says.
  if (hasLoneSurrogate(value)) return { status: 400 };
  return isValid(value) ? { value: value as Record<string, unknown> } : { status: 400 };
}

function hasLoneSurrogate(value: unknown): boolean {
  if (typeof value === 'string') return !value.isWellFormed();
  if (typeof value !== 'object' || value === null) return false;
  return Object.values(value).some(hasLoneSurrogate);
}

/** RFC 9110 strong comparison: `*`, or one of the listed strong tags is exactly the ETag. */
function preconditionHolds(header: string | undefined, version: number): boolean {
  if (header === undefined || header.trim() === '*') return true;
  return header
    .split(',')
    .map((t) => t.trim())
    .includes(`"${version}"`);
}

function renderIfMatch(m: IfMatch, version: number): string | undefined {
  switch (m.kind) {
    case 'none':
      return undefined;
    case 'current':
      return `"${version}"`;
    case 'stale':
      return `"${version + 1}"`;
    case 'any':
      return '*';
    case 'weak':
      return `W/"${version}"`;
    case 'list':
      return `"${version + 7}", "${version}"`;
    case 'leading-zero':
      return `"0${version}"`;
    case 'literal':
      return m.value;
  }
}

const unquote = (key: string) => key.replace(/^"(.*)"$/, '$1');
const newestFirst = (tasks: Iterable<Task>) =>
  [...tasks].sort((a, b) => (a.task_id < b.task_id ? 1 : -1));
const byIndexKey = (t: { created_at: string; task_id: string }) => `${t.created_at}#${t.task_id}`;

function resolve(models: UserModel[], as: number, t: Target): { id: string; task?: Task } {
  if (t.kind === 'id') return { id: t.id, task: models[as]?.tasks.get(t.id) };
  const me = models[as] as UserModel;
  const other = models[1 - as] as UserModel;
  const pool =
    t.kind === 'own' ? [...me.tasks.keys()] : t.kind === 'gone' ? me.gone : [...other.tasks.keys()];
  const id = pool.length > 0 ? (pool[t.pick % pool.length] as string) : t.fallback;
  return { id, task: me.tasks.get(id) };
}

function expectAnswer(res: ApiResponse, status: number, what: string) {
  expect(res.violations, `${what}: off-contract answer`).toEqual([]);
  expect(res.status, `${what}: ${res.text.slice(0, 300)}`).toBe(status);
  if (status >= 400) expect(res.headers['content-type']).toBe('application/problem+json');
}

// ---------------------------------------------------------------------------------------------
// Running an action against the API and the model

async function perform(models: UserModel[], action: Action): Promise<void> {
  const me = models[action.as] as UserModel;
  let a = action;
  if (a.op === 'retry') {
    const earlier = me.sent[a.pick % Math.max(1, me.sent.length)];
    if (!earlier) return;
    a = { op: 'create', as: a.as, ...earlier };
  }
  const token = me.user.idToken;
  const what = JSON.stringify(a).slice(0, 300);

  if (a.op === 'create') {
    const body = encodeBody(a.payload);
    const res = await api.call('createTask', {
      method: 'POST',
      path: '/tasks',
      token,
      body,
      contentType: body === undefined ? null : a.contentType,
      headers: a.key === undefined ? {} : { 'Idempotency-Key': a.key },
    });
    if (a.key !== undefined)
      me.sent.push({ key: a.key, payload: a.payload, contentType: a.contentType });
    if (a.key !== undefined && !isIdempotencyKey(a.key)) return expectAnswer(res, 400, what);
    const outcome = bodyOutcome(body, a.contentType, isTaskCreate);
    if ('status' in outcome) return expectAnswer(res, outcome.status, what);
    const input = outcome.value;
    const want = {
      title: input.title as string,
      description: (input.description as string | undefined) ?? '',
      status: (input.status as Status | undefined) ?? 'pending',
    };
    const fingerprint = JSON.stringify([want.title, want.description, want.status]);
    // The planning fields are not generated here (test/handlers/planningFields.test.ts): defaults.
    const planning = { due: null, priority: 'none', labels: [], recurrence: null };
    const key = a.key === undefined ? undefined : unquote(a.key);
    const first = key === undefined ? undefined : me.keys.get(key);
    if (first && first.fingerprint !== fingerprint) return expectAnswer(res, 422, what);
    expectAnswer(res, 201, what);
    if (first) {
      // A replay answers the first result and changes nothing.
      expect(res.json, what).toEqual(first.task);
      expect(res.headers.location).toBe(`/tasks/${first.task.task_id}`);
      return;
    }
    const task = res.json as Task;
    expect(task, what).toEqual({
      ...want,
      ...planning,
      task_id: expect.any(String),
      created_at: task.created_at,
      updated_at: task.created_at,
      version: 1,
    });
    expect(task.task_id > lastTaskId, 'task ids grow in creation order').toBe(true);
    lastTaskId = task.task_id;
    expect(res.headers.location).toBe(`/tasks/${task.task_id}`);
    expect(res.headers.etag).toBe('"1"');
    me.tasks.set(task.task_id, task);
    if (key !== undefined) me.keys.set(key, { fingerprint, task });
    return;
  }

  if (a.op === 'get' || a.op === 'update' || a.op === 'delete') {
    const { id, task } = resolve(models, a.as, a.target);
    const path = `/tasks/${encodeURIComponent(id)}`;
    if (a.op === 'get') {
      const res = await api.call('getTask', { method: 'GET', path, token });
      if (!isTaskId(id)) return expectAnswer(res, 400, what);
      if (!task) return expectAnswer(res, 404, what);
      expectAnswer(res, 200, what);
      expect(res.json, what).toEqual(task);
      expect(res.headers.etag).toBe(`"${task.version}"`);
      return;
    }
    const header = renderIfMatch(a.ifMatch, task?.version ?? 1);
    const body = encodeBody(a.payload);
    const res = await api.call(a.op === 'update' ? 'updateTask' : 'deleteTask', {
      method: a.op === 'update' ? 'PATCH' : 'DELETE',
      path,
      token,
      body,
      contentType: body === undefined ? null : a.contentType,
      headers: header === undefined ? {} : { 'If-Match': header },
    });
    if (!isTaskId(id) || (header !== undefined && !isIfMatch(header))) {
      return expectAnswer(res, 400, what);
    }
    let changes: Record<string, unknown> = {};
    if (a.op === 'update') {
      const outcome = bodyOutcome(body, a.contentType, isTaskUpdate);
      if ('status' in outcome) return expectAnswer(res, outcome.status, what);
      changes = outcome.value;
    }
    if (!task) return expectAnswer(res, 404, what);
    if (!preconditionHolds(header, task.version)) return expectAnswer(res, 412, what);
    if (a.op === 'delete') {
      expectAnswer(res, 204, what);
      me.tasks.delete(id);
      me.gone.push(id);
      return;
    }
    expectAnswer(res, 200, what);
    const updated = res.json as Task;
    expect(updated, what).toEqual({
      ...task,
      ...changes,
      version: task.version + 1,
      updated_at: updated.updated_at,
    });
    expect(updated.updated_at >= task.updated_at).toBe(true);
    expect(res.headers.etag).toBe(`"${task.version + 1}"`);
    me.tasks.set(id, updated);
    return;
  }

  if (a.op === 'list') {
    let after: string | undefined;
    let cursorValue: string | undefined;
    if (a.cursor?.kind === 'after') {
      after = resolve(models, a.as, a.cursor.target).id;
      // A cursor as the server issues it to this caller for this filter.
      cursorValue = encodePositionCursor(
        [after],
        me.user.sub,
        containerList(userPk(me.user.sub), { status: a.status as TaskStatus | undefined }),
      );
    } else if (a.cursor) {
      cursorValue = a.cursor.value;
    }
    const params = new URLSearchParams();
    if (a.status !== undefined) params.append('status', a.status);
    if (a.limit !== undefined) params.append('limit', a.limit);
    if (cursorValue !== undefined) params.append('cursor', cursorValue);
    if (a.extra) params.append('foo', 'bar');
    if (a.repeat) {
      params.append('limit', '5');
      if (a.limit === undefined) params.append('limit', '5');
    }
    const res = await api.call('listTasks', { method: 'GET', path: `/tasks?${params}`, token });
    const valid =
      (a.status === undefined || (STATUSES as readonly string[]).includes(a.status)) &&
      (a.limit === undefined || (/^[1-9][0-9]*$/.test(a.limit) && Number(a.limit) <= 100)) &&
      (a.cursor === undefined ||
        (a.cursor.kind === 'after' && isTaskId(after) && isCursorParam(cursorValue))) &&
      !a.extra &&
      !a.repeat;
    if (!valid) {
      expectAnswer(res, 400, what);
      expect(res.json.errors[0].path, what).toMatch(/^\/query\//);
      return;
    }
    expectAnswer(res, 200, what);
    const size = Number(a.limit ?? 50);
    const rest = res.json.next_cursor
      ? await walkPages(api, 'listTasks', token, {
          ...(a.status ? { status: a.status } : {}),
          limit: String(size),
          cursor: res.json.next_cursor,
        })
      : { pages: [], tasks: [] };
    const pages = [res, ...rest.pages];
    for (const [i, page] of pages.entries()) {
      expect(page.json.count).toBe(page.json.tasks.length);
      expect(page.json.tasks.length).toBeLessThanOrEqual(size);
      // Without a filter every page but the last is full.
      if (!a.status && i < pages.length - 1) expect(page.json.tasks.length, what).toBe(size);
    }
    const want = newestFirst(me.tasks.values()).filter(
      (t) => (!a.status || t.status === a.status) && (after === undefined || t.task_id < after),
    );
    expect([...res.json.tasks, ...rest.tasks], what).toEqual(want);
    return;
  }

  // The admin listing.
  const caller = a.asAdmin ? admin : me.user;
  const params = new URLSearchParams();
  if (a.status !== undefined) params.append('status', a.status);
  if (a.limit !== undefined) params.append('limit', a.limit);
  if (a.cursor !== undefined) params.append('cursor', a.cursor);
  if (a.extra) params.append('foo', 'bar');
  const res = await api.call('listTasksByStatus', {
    method: 'GET',
    path: `/admin/tasks?${params}`,
    token: caller.idToken,
  });
  // API Gateway's request validator answers a missing or blank status before the function.
  if (!a.status) return expectAnswer(res, 400, what);
  if (!a.asAdmin) return expectAnswer(res, 403, what);
  const valid =
    a.status !== undefined &&
    (STATUSES as readonly string[]).includes(a.status) &&
    (a.limit === undefined || /^(5[0-9]|[6-9][0-9]|100)$/.test(a.limit)) &&
    a.cursor === undefined &&
    !a.extra;
  if (!valid) return expectAnswer(res, 400, what);
  expectAnswer(res, 200, what);
  const rest = res.json.next_cursor
    ? await walkPages(api, 'listTasksByStatus', admin.idToken, {
        status: a.status as string,
        limit: a.limit ?? '50',
        cursor: res.json.next_cursor,
      })
    : { pages: [], tasks: [] };
  const all = [...res.json.tasks, ...rest.tasks] as (Task & { user_id: string })[];
  expect(new Set(all.map((t) => t.task_id)).size, 'no task twice').toBe(all.length);
  const keys = all.map(byIndexKey);
  expect(keys, 'newest first').toEqual([...keys].sort().reverse());
  expect(all.every((t) => t.status === a.status)).toBe(true);
  const subs = new Map(models.map((m) => [m.user.sub, m]));
  const ours = all.filter((t) => subs.has(t.user_id));
  const want = models
    .flatMap((m) => [...m.tasks.values()].map((t) => ({ ...t, user_id: m.user.sub })))
    .filter((t) => t.status === a.status)
    .sort((x, y) => (byIndexKey(x) < byIndexKey(y) ? 1 : -1));
  expect(ours, what).toEqual(want);
}

/** After a run: the API listing and the owner's partition in the table equal the model. */
async function checkRun(models: UserModel[]): Promise<void> {
  for (const m of models) {
    const listed = await walkPages(api, 'listTasks', m.user.idToken, { limit: '100' });
    expect(listed.tasks, 'listing equals the model').toEqual(newestFirst(m.tasks.values()));

    const { Items = [] } = await db.send(
      new QueryCommand({
        TableName: stack.tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': `USER#${m.user.sub}` },
        ConsistentRead: true,
      }),
    );
    const tasks = Items.filter((i) => String(i.SK).startsWith('TASK#'));
    const records = Items.filter((i) => String(i.SK).startsWith('IDEMPOTENCY#'));
    const counts = Items.filter((i) => i.SK === 'COUNT#TASKS');
    expect(Items.length, 'only tasks, idempotency records and the task count').toBe(
      tasks.length + records.length + counts.length,
    );
    // The count equals the tasks the model holds (absent until the first create).
    expect(counts.map((c) => c.task_count)).toEqual(counts.length ? [m.tasks.size] : []);
    const want = newestFirst(m.tasks.values()).map(({ due: _d, recurrence: _r, ...t }) => ({
      PK: `USER#${m.user.sub}`,
      SK: `TASK#${t.task_id}`,
      GSI1PK: `STATUS#${t.status}#${statusShard(t.task_id, STATUS_INDEX_SHARDS_DEFAULT)}`,
      GSI1SK: `${t.created_at}#${t.task_id}`,
      // No due: last in the due index; in the owner's agenda while open.
      GSI2PK: `USER#${m.user.sub}`,
      GSI2SK: `~#${t.task_id}`,
      GSI3PK: `AGENDA#${m.user.sub}`,
      ...(t.status === 'completed' ? {} : { GSI3SK: `~#${t.task_id}` }),
      user_id: m.user.sub,
      ...t,
    }));
    expect(newestFirst(tasks as unknown as Task[]), 'table equals the model').toEqual(want);
    expect(records.map((r) => r.SK).sort()).toEqual(
      [...m.keys.keys()].map((k) => idempotencySk(k)).sort(),
    );
    for (const [key, { task }] of m.keys) {
      const record = records.find((r) => r.SK === idempotencySk(key));
      expect(record?.result).toEqual({ ...task, user_id: m.user.sub });
      const expires = Number(record?.expires_at);
      expect(Math.abs(expires - (Date.parse(task.created_at) / 1000 + 86_400))).toBeLessThan(3);
    }
  }
}

describe('fuzzing every operation against a model', () => {
  it('answers thousands of generated requests per the spec, and the data equals the model', async () => {
    const started = api.count;
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 10, maxLength: 50 }), async (actions) => {
        const users = await Promise.all([createUser(stack), createUser(stack)]);
        const models: UserModel[] = users.map((user) => ({
          user,
          tasks: new Map(),
          gone: [],
          keys: new Map(),
          sent: [],
        }));
        for (const a of actions) await perform(models, a);
        await checkRun(models);
        everyRun.push(...models);
      }),
      { numRuns: RUNS, plugins: [fc.interruptAfterTimeLimit(150_000)] },
    );
    const sent = api.count - started;
    console.info(
      `fuzz: ${RUNS} runs, ${sent} requests`,
      JSON.stringify(Object.fromEntries(api.seen)),
    );
    expect(sent).toBeGreaterThan(2_000);
    // The generators reach every outcome the spec declares for a signed-in caller.
    const outcomes = [
      ...['201', '400', '413', '415', '422'].map((s) => `createTask ${s}`),
      ...['200', '400', '404'].map((s) => `getTask ${s}`),
      ...['200', '400', '404', '412', '413', '415'].map((s) => `updateTask ${s}`),
      ...['204', '400', '404', '412'].map((s) => `deleteTask ${s}`),
      ...['200', '400'].map((s) => `listTasks ${s}`),
      ...['200', '400', '403'].map((s) => `listTasksByStatus ${s}`),
    ];
    expect(
      outcomes.filter((o) => !api.seen.has(o)),
      'outcomes never reached',
    ).toEqual([]);
    expect(
      [...api.seen.keys()].filter((o) => / 5\d\d$/.test(o)),
      'no 5xx',
    ).toEqual([]);

    // No write outside the fuzzed users' partitions (but the status index's shard record), and
    // nothing left over.
    const { Items = [] } = await db.send(
      new ScanCommand({ TableName: stack.tableName, ConsistentRead: true }),
    );
    const owners = new Set(everyRun.map((m) => `USER#${m.user.sub}`));
    expect(Items.filter((i) => !owners.has(String(i.PK)) && i.PK !== SHARDS_RECORD_KEY.PK)).toEqual(
      [],
    );
    const liveTasks = everyRun.reduce((n, m) => n + m.tasks.size, 0);
    expect(Items.filter((i) => String(i.SK).startsWith('TASK#'))).toHaveLength(liveTasks);
  }, 240_000);
});
