/**
 * The contract's request rules for the mock: the API's own precompiled validators
 * (src/contract/validate-*.generated.ts), given the request as src/http/request.ts gives it,
 * with their errors shaped by the API's own src/contract/field-errors.ts.
 */
import {
  type FieldError,
  fieldErrors,
  type Validator,
} from '../../../src/contract/field-errors.js';

export type { Validator };

/** What the params validators check; after a pass, query strings are coerced and defaulted. */
export interface Params {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  headers: Record<string, unknown>;
}

/**
 * An operation's path, query and header rules (validate-params.generated.ts), checked on
 * `{ path, query, headers }` built as the API builds it (src/http/request.ts): header names
 * lower-cased, a repeated query parameter refused outright.
 */
export function validateParams(
  validate: Validator,
  request: Request,
  path: Record<string, string> = {},
): { params: Params; errors: FieldError[] } {
  const search = new URL(request.url).searchParams;
  // No prototype, as the API's maps (src/http/names.ts): `__proto__` is a name like any other.
  const headers: Record<string, string> = Object.create(null);
  request.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  const query: Record<string, string> = Object.create(null);
  for (const [name, value] of search) query[name] = value;
  const params: Params = {
    path: Object.assign(Object.create(null), path),
    query,
    headers,
  };
  const repeated = [...new Set(search.keys())]
    .filter((name) => search.getAll(name).length > 1)
    .map((name) => ({ path: `/query/${name}`, message: 'must not be repeated' }));
  if (repeated.length > 0) return { params, errors: repeated };
  return { params, errors: validate(params) ? [] : fieldErrors(validate) };
}

/** An operation's JSON body rules (validate-body.generated.ts: TaskCreate, TaskUpdate). */
export function validateBody(validate: Validator, body: unknown): FieldError[] {
  return validate(body) ? [] : fieldErrors(validate, '/body');
}

/** RFC 9110 If-Match: `*` matches any current task; weak tags never match. */
export function ifMatchAllows(header: string | null, version: number): boolean {
  if (header === null || header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim() === `"${version}"`);
}
