/**
 * Request sequences that the API and the SDK's msw mock (@task-api/sdk/msw) must answer the
 * same: statuses, problem types and bodies, up to ids, times and cursors. One table, run
 * against both (test/e2e/sequences.test.ts).
 */
import { problemSlugOf } from '../../src/contract/problems.js';

/** Who sends a step: a user of this sequence, a token nobody issued, or no token at all. */
export type Role = 'alice' | 'bob' | 'admin' | 'stranger' | 'anonymous';

export interface Step {
  as: Role;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** `{n}` is the `task_id` in step n's answer (0-based). */
  path: string;
  headers?: Record<string, string>;
  /** A JSON body (sent as application/json), or the exact bytes and content type. */
  body?: unknown;
  raw?: { text: string; contentType?: string };
}

export interface Sequence {
  name: string;
  steps: Step[];
}

const TITLE = { title: 'Ship feature X' };
const MISSING = '01JD7Z8Q3X5M2N4P6R8T0V2W4Y';
const key = (k: string) => ({ 'Idempotency-Key': k });

export const SEQUENCES: Sequence[] = [
  {
    name: "same Idempotency-Key with {title} then {title, status: 'pending'} (a replay)",
    steps: [
      { as: 'alice', method: 'POST', path: '/tasks', headers: key('k-1'), body: TITLE },
      {
        as: 'alice',
        method: 'POST',
        path: '/tasks',
        headers: key('k-1'),
        body: { ...TITLE, status: 'pending', description: '' },
      },
      { as: 'alice', method: 'GET', path: '/tasks' },
    ],
  },
  {
    name: 'same Idempotency-Key with another title (422)',
    steps: [
      { as: 'alice', method: 'POST', path: '/tasks', headers: key('k-2'), body: TITLE },
      { as: 'alice', method: 'POST', path: '/tasks', headers: key('k-2'), body: { title: 'b' } },
    ],
  },
  {
    name: 'POST with no body (400)',
    steps: [{ as: 'alice', method: 'POST', path: '/tasks' }],
  },
  {
    name: 'POST with an empty JSON body',
    steps: [
      {
        as: 'alice',
        method: 'POST',
        path: '/tasks',
        raw: { text: '', contentType: 'application/json' },
      },
    ],
  },
  {
    name: 'POST with text/plain (415)',
    steps: [
      {
        as: 'alice',
        method: 'POST',
        path: '/tasks',
        raw: { text: 'hi', contentType: 'text/plain' },
      },
    ],
  },
  {
    name: 'POST with broken JSON (400)',
    steps: [
      {
        as: 'alice',
        method: 'POST',
        path: '/tasks',
        raw: { text: '{"title":', contentType: 'application/json' },
      },
    ],
  },
  {
    name: 'POST breaking the schema in several ways (400 with field errors)',
    steps: [
      {
        as: 'alice',
        method: 'POST',
        path: '/tasks',
        body: { title: '', status: 'done', owner: 'x' },
      },
    ],
  },
  {
    name: 'POST with a bad Idempotency-Key and a bad body (the header is reported)',
    steps: [
      { as: 'alice', method: 'POST', path: '/tasks', headers: key('"'), body: { title: '' } },
    ],
  },
  {
    name: 'create, read, update with If-Match, stale If-Match, delete, read again',
    steps: [
      { as: 'alice', method: 'POST', path: '/tasks', body: { ...TITLE, description: 'd' } },
      { as: 'alice', method: 'GET', path: '/tasks/{0}' },
      {
        as: 'alice',
        method: 'PATCH',
        path: '/tasks/{0}',
        headers: { 'If-Match': '"1"' },
        body: { status: 'in_progress' },
      },
      {
        as: 'alice',
        method: 'PATCH',
        path: '/tasks/{0}',
        headers: { 'If-Match': '"1"' },
        body: { status: 'completed' },
      },
      { as: 'alice', method: 'DELETE', path: '/tasks/{0}', headers: { 'If-Match': '"1"' } },
      { as: 'alice', method: 'DELETE', path: '/tasks/{0}', headers: { 'If-Match': '*' } },
      { as: 'alice', method: 'GET', path: '/tasks/{0}' },
    ],
  },
  {
    name: "another user's task is a 404 for every operation",
    steps: [
      { as: 'alice', method: 'POST', path: '/tasks', body: TITLE },
      { as: 'bob', method: 'GET', path: '/tasks/{0}' },
      { as: 'bob', method: 'PATCH', path: '/tasks/{0}', body: { title: 'mine' } },
      { as: 'bob', method: 'DELETE', path: '/tasks/{0}' },
      { as: 'bob', method: 'GET', path: '/tasks' },
      { as: 'alice', method: 'GET', path: '/tasks/{0}' },
    ],
  },
  {
    name: 'listing: newest first, pages, a status filter',
    steps: [
      { as: 'alice', method: 'POST', path: '/tasks', body: { title: 'one' } },
      { as: 'alice', method: 'POST', path: '/tasks', body: { title: 'two', status: 'completed' } },
      { as: 'alice', method: 'POST', path: '/tasks', body: { title: 'three' } },
      { as: 'alice', method: 'GET', path: '/tasks?limit=2' },
      { as: 'alice', method: 'GET', path: '/tasks?status=pending' },
      { as: 'alice', method: 'GET', path: '/tasks?status=in_progress' },
    ],
  },
  {
    name: 'bad query, path and header values (400)',
    steps: [
      { as: 'alice', method: 'GET', path: '/tasks?limit=0' },
      { as: 'alice', method: 'GET', path: '/tasks?limit=101&status=done' },
      { as: 'alice', method: 'GET', path: '/tasks?cursor=not-a-cursor' },
      { as: 'alice', method: 'GET', path: '/tasks/not-an-id' },
      { as: 'alice', method: 'PATCH', path: `/tasks/${MISSING}`, body: {} },
      { as: 'alice', method: 'DELETE', path: `/tasks/${MISSING}`, headers: { 'If-Match': 'W/' } },
    ],
  },
  {
    name: 'a missing task (404)',
    steps: [
      { as: 'alice', method: 'GET', path: `/tasks/${MISSING}` },
      { as: 'alice', method: 'PATCH', path: `/tasks/${MISSING}`, body: { title: 'x' } },
      { as: 'alice', method: 'DELETE', path: `/tasks/${MISSING}` },
    ],
  },
  {
    name: 'no token, or one nobody issued (401)',
    steps: [
      { as: 'anonymous', method: 'GET', path: '/tasks' },
      { as: 'stranger', method: 'POST', path: '/tasks', body: TITLE },
      { as: 'anonymous', method: 'GET', path: '/admin/tasks?status=pending' },
    ],
  },
  {
    name: 'the admin listing: 403 for others, 400 without a status',
    steps: [
      { as: 'alice', method: 'GET', path: '/admin/tasks?status=pending' },
      { as: 'admin', method: 'GET', path: '/admin/tasks' },
      { as: 'admin', method: 'GET', path: '/admin/tasks?status=pending&limit=0' },
    ],
  },
];

/** The roles a sequence uses, so each run creates only the users it needs. */
export function rolesOf(sequence: Sequence): Role[] {
  return [...new Set(sequence.steps.map((s) => s.as))];
}

export interface WireRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface WireResponse {
  status: number;
  headers: Headers;
  text: string;
}

/** Sends one request as `role`; the caller adds the base URL and the token. */
export type Send = (role: Role, request: WireRequest) => Promise<WireResponse>;

/** One answer as compared: what a client may rely on, with ids, times and cursors named. */
export interface Answer {
  status: number;
  contentType: string | undefined;
  etag?: string | null;
  location?: string | null;
  body: unknown;
}

const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Runs the steps in order; task ids become `<task n>` in order of first appearance. */
export async function runSequence(sequence: Sequence, send: Send): Promise<Answer[]> {
  const ids: string[] = [];
  const stepIds: (string | undefined)[] = [];
  const name = (id: string) => {
    if (!ids.includes(id)) ids.push(id);
    return `<task ${ids.indexOf(id)}>`;
  };
  const normal = (value: unknown, key?: string): unknown => {
    if (Array.isArray(value)) return value.map((v) => normal(v));
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normal(v, k)]));
    }
    if (typeof value !== 'string') return value;
    if (key === 'task_id') return name(value);
    if (key === 'next_cursor') return '<cursor>';
    if (key === 'user_id') return '<user>';
    return TIME.test(value) ? '<time>' : value;
  };

  const answers: Answer[] = [];
  for (const step of sequence.steps) {
    const path = step.path.replace(/\{(\d+)\}/g, (_, n: string) => stepIds[Number(n)] ?? 'none');
    const headers: Record<string, string> = { ...step.headers };
    let body: string | undefined;
    if (step.raw) {
      body = step.raw.text;
      if (step.raw.contentType) headers['Content-Type'] = step.raw.contentType;
    } else if (step.body !== undefined) {
      body = JSON.stringify(step.body);
      headers['Content-Type'] = 'application/json';
    }
    const res = await send(step.as, { method: step.method, path, headers, body });
    const json = res.text ? (JSON.parse(res.text) as Record<string, unknown>) : undefined;
    stepIds.push(typeof json?.task_id === 'string' ? json.task_id : undefined);
    const contentType = res.headers.get('content-type')?.split(';')[0];
    answers.push({
      status: res.status,
      contentType,
      ...(res.status < 300 ? { etag: res.headers.get('etag') } : {}),
      ...(res.status === 201
        ? { location: res.headers.get('location')?.replace(/[^/]+$/, (id) => name(id)) }
        : {}),
      body: contentType === 'application/problem+json' ? problemShape(json) : normal(json),
    });
  }
  return answers;
}

/** A problem as compared: its type (by name), title, status and field errors; not the prose. */
function problemShape(json: Record<string, unknown> | undefined) {
  return {
    type: problemSlugOf(String(json?.type)) ?? json?.type,
    title: json?.title,
    status: json?.status,
    errors: json?.errors,
  };
}
