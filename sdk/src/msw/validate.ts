/**
 * The contract's request rules for the mock, in the API's error form (src/http/validation.ts).
 * sdk/test/msw.test.ts checks them against the API's own ajv validators.
 */
import type { FieldError } from '../types.js';

const STATUSES = ['pending', 'in_progress', 'completed'];
const TASK_ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const CURSOR = /^[A-Za-z0-9_-]+$/;
const IF_MATCH = /^\s*(\*|(W\/)?"[\x21\x23-\x7E]*"(\s*,\s*(W\/)?"[\x21\x23-\x7E]*")*)\s*$/;
const IDEMPOTENCY_KEY = /^("[\x21\x23-\x5B\x5D-\x7E]{1,253}"|[\x21\x23-\x5B\x5D-\x7E]{1,255})$/;

const chars = (s: string) => [...s].length;

function text(path: string, value: unknown, min: number, max: number): FieldError[] {
  if (typeof value !== 'string') return [{ path, message: 'must be string' }];
  if (chars(value) < min) return [{ path, message: `must NOT have fewer than ${min} characters` }];
  if (chars(value) > max) return [{ path, message: `must NOT have more than ${max} characters` }];
  return [];
}

function status(path: string, value: unknown): FieldError[] {
  return typeof value === 'string' && STATUSES.includes(value)
    ? []
    : [{ path, message: `must be one of: ${STATUSES.join(', ')}` }];
}

/** TaskCreate (`required: [title]`) or TaskUpdate (`minProperties: 1`). */
export function validateTaskBody(body: unknown, kind: 'create' | 'update'): FieldError[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return [{ path: '/body', message: 'must be object' }];
  }
  const b = body as Record<string, unknown>;
  const errors: FieldError[] = [];
  for (const key of Object.keys(b)) {
    if (!['title', 'description', 'status'].includes(key)) {
      errors.push({ path: `/body/${key}`, message: 'is not allowed' });
    }
  }
  if (kind === 'create' && b.title === undefined) {
    errors.push({ path: '/body/title', message: 'is required' });
  }
  if (kind === 'update' && Object.keys(b).length === 0) {
    errors.push({ path: '/body', message: 'must NOT have fewer than 1 properties' });
  }
  if (b.title !== undefined) errors.push(...text('/body/title', b.title, 1, 200));
  if (b.description !== undefined)
    errors.push(...text('/body/description', b.description, 0, 4000));
  if (b.status !== undefined) errors.push(...status('/body/status', b.status));
  return errors;
}

export function validateTaskId(taskId: string): FieldError[] {
  return TASK_ID.test(taskId)
    ? []
    : [{ path: '/path/taskId', message: `must match pattern "${TASK_ID.source}"` }];
}

/** `status`, `limit`, `cursor`; anything else is refused as the spec declares no other. */
export function validateListQuery(query: URLSearchParams, statusRequired: boolean): FieldError[] {
  const errors: FieldError[] = [];
  for (const key of new Set(query.keys())) {
    if (!['status', 'limit', 'cursor'].includes(key)) {
      errors.push({ path: `/query/${key}`, message: 'is not allowed' });
    }
  }
  const s = query.get('status');
  if (s !== null) errors.push(...status('/query/status', s));
  else if (statusRequired) errors.push({ path: '/query/status', message: 'is required' });
  const limit = query.get('limit');
  if (limit !== null) {
    const n = Number(limit);
    if (limit.trim() === '' || !Number.isInteger(n))
      errors.push({ path: '/query/limit', message: 'must be integer' });
    else if (n < 1) errors.push({ path: '/query/limit', message: 'must be >= 1' });
    else if (n > 100) errors.push({ path: '/query/limit', message: 'must be <= 100' });
  }
  const cursor = query.get('cursor');
  if (cursor !== null) {
    errors.push(...text('/query/cursor', cursor, 1, 2048));
    if (cursor !== '' && !CURSOR.test(cursor)) {
      errors.push({ path: '/query/cursor', message: `must match pattern "${CURSOR.source}"` });
    }
  }
  return errors;
}

export function validateHeader(
  name: 'if-match' | 'idempotency-key',
  value: string | null,
): FieldError[] {
  if (value === null) return [];
  const pattern = name === 'if-match' ? IF_MATCH : IDEMPOTENCY_KEY;
  const max = name === 'if-match' ? 1024 : 255;
  const path = `/headers/${name}`;
  if (chars(value) > max) return [{ path, message: `must NOT have more than ${max} characters` }];
  return pattern.test(value) ? [] : [{ path, message: `must match pattern "${pattern.source}"` }];
}

/** RFC 9110 If-Match: `*` matches any current task; weak tags never match. */
export function ifMatchAllows(header: string | null, version: number): boolean {
  if (header === null || header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim() === `"${version}"`);
}
